import { describe, expect, it } from 'vitest';
import { mergeValue, sameValue } from './value-merge';

describe('mergeValue: text', () => {
	it('merges two appended lines and treats absent text as empty', () => {
		expect(mergeValue('text', 'A', 'A\nM', 'A\nT')).toEqual({ kind: 'merged', value: 'A\nT\nM' });
		expect(mergeValue('text', undefined, 'M', 'T')).toEqual({ kind: 'merged', value: 'T\nM' });
	});

	it('gives the text proposal for a conflict', () => {
		expect(mergeValue('text', 'Vi ska göra', 'Vi ska utföra', 'Vi ska genomföra')).toEqual({ kind: 'conflict', proposal: 'Vi ska genomföra utföra' });
	});
});

describe('mergeValue: set (X-marks)', () => {
	it('keeps an X added in one column and one removed from another by two people', () => {
		expect(mergeValue('set', ['a', 'b'], ['a', 'b', 'c'], ['b'])).toEqual({ kind: 'merged', value: ['b', 'c'] });
	});

	it('applies my removals to theirs and appends my additions in my order, once', () => {
		expect(mergeValue('set', ['a'], ['d', 'c'], ['a', 'b', 'c'])).toEqual({ kind: 'merged', value: ['b', 'c', 'd'] });
		expect(mergeValue('set', undefined, ['x'], undefined)).toEqual({ kind: 'merged', value: ['x'] });
	});
});

describe('mergeValue: atom', () => {
	const people = (...names: string[]) => names.map((name) => ({ name, org: 'RJH' }));

	it('takes mine when theirs is the base or equal to mine, theirs when mine is the base', () => {
		expect(mergeValue('atom', 'Klar', 'Fortsätter', 'Klar')).toEqual({ kind: 'merged', value: 'Fortsätter' });
		expect(mergeValue('atom', 'Klar', 'Fortsätter', 'Fortsätter')).toEqual({ kind: 'merged', value: 'Fortsätter' });
		expect(mergeValue('atom', 'Klar', 'Klar', 'Fortsätter')).toEqual({ kind: 'merged', value: 'Fortsätter' });
	});

	it('compares people lists deeply, whatever the order of their keys', () => {
		expect(mergeValue('atom', people('A'), people('B'), [{ org: 'RJH', name: 'A' }])).toEqual({ kind: 'merged', value: people('B') });
	});

	it('is a conflict without a proposal when both chose differently', () => {
		expect(mergeValue('atom', 'up', 'down', 'same')).toEqual({ kind: 'conflict', proposal: null });
		expect(mergeValue('atom', people('A'), people('B'), people('C'))).toEqual({ kind: 'conflict', proposal: null });
	});
});

describe('sameValue', () => {
	it('compares marks as sets, absent text as empty, and anything else deeply', () => {
		expect(sameValue('set', ['a', 'b'], ['b', 'a'])).toBe(true);
		expect(sameValue('set', ['a'], ['a', 'b'])).toBe(false);
		expect(sameValue('text', undefined, '')).toBe(true);
		expect(sameValue('text', 'a', 'b')).toBe(false);
		expect(sameValue('atom', [{ a: 1, b: 2 }], [{ b: 2, a: 1 }])).toBe(true);
		expect(sameValue('atom', null, undefined)).toBe(true);
		expect(sameValue('atom', ['a', 'b'], ['b', 'a'])).toBe(false);
	});
});
