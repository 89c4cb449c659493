// The admin forms' problems land on the nested field they belong to, one code per field.
import { describe, expect, it } from 'vitest';
import { areaTitles, checkForm, issueCode, regionIdOf } from './admin-forms';
import { createRegionInput, updateRegionInput } from './schemas';

const good = {
	regionId: 'norrbotten',
	name: 'Region Norrbotten',
	areas: ['Tillgång till service', 'Stöd till servicegivare'],
	organization: { name: 'Region Norrbotten', shortName: 'RN', color: '#12345a' },
	coordinator: { email: 'Samordnare@Norrbotten.example ', name: 'Nora Samordnare' }
};

describe('checkForm', () => {
	it('gives the parsed input of a good new region', () => {
		const r = checkForm(createRegionInput, good);
		expect(r.ok && r.data.coordinator.email).toBe('samordnare@norrbotten.example');
	});

	it('names each nested field with its problem', () => {
		const r = checkForm(createRegionInput, {
			...good,
			regionId: 'norr botten',
			areas: ['Första', '  '],
			organization: { name: '', shortName: 'RN', color: 'blå' },
			coordinator: { email: 'nora@', name: 'Nora' }
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(Object.fromEntries([...r.errors].map(([f, e]) => [f, e.code]))).toEqual({
			regionId: 'invalid-id',
			'areas.1': 'area-empty',
			'organization.name': 'name-empty',
			'organization.color': 'invalid-color',
			'coordinator.email': 'invalid-email'
		});
	});

	it('says an empty id is empty, and a region needs an area', () => {
		const r = checkForm(updateRegionInput, { regionId: '', name: 'X', areas: [] });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.get('regionId')?.code).toBe('id-empty');
		expect(r.errors.get('areas')?.code).toBe('no-areas');
	});
});

describe('issueCode', () => {
	it('splits an own message into code and param', () => {
		expect(issueCode('columns.x.key', { code: 'custom', message: 'duplicate-column-key:kostnad' })).toEqual({ code: 'duplicate-column-key', param: 'kostnad' });
	});

	it('reads zod’s own wording by its issue code', () => {
		expect(issueCode('columns.x.key', { code: 'too_big', message: 'Too big: expected string to have <=40 characters' })).toEqual({ code: 'key-too-long', param: '' });
		expect(issueCode('name', { code: 'invalid_type', message: 'Invalid input' })).toEqual({ code: 'invalid', param: '' });
	});
});

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
