// The region forms' areas and suggested id.
import { describe, expect, it } from 'vitest';
import { areaTitles, regionIdOf } from './region-form';

describe('areaTitles', () => {
	it('drops blank rows at the end only', () => {
		expect(areaTitles([{ title: 'A' }, { title: ' ' }, { title: 'B' }, { title: '' }])).toEqual(['A', ' ', 'B']);
		expect(areaTitles([{ title: '' }])).toEqual([]);
	});
});

describe('regionIdOf', () => {
	it('makes the seeded regions’ ids of their names', () => {
		expect(regionIdOf('Region Jämtland Härjedalen')).toBe('jamtland-harjedalen');
		expect(regionIdOf('Region Västernorrland')).toBe('vasternorrland');
		expect(regionIdOf('  Gotlands län! ')).toBe('gotlands-lan');
	});
});
