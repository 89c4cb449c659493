// The names the callables and forms take (people, organisations, regions, areas, templates): every
// one is normalised by parsing and refuses a hidden character with the code the forms show.
import { describe, expect, it } from 'vitest';
import { fieldIssues } from './form-check';
import {
	createRegionInput,
	inviteMemberInput,
	personName,
	saveOrganizationInput,
	templateContent,
	updateRegionInput
} from './schemas';

const invite = { regionId: 'jh', email: 'nora@berg.example', name: 'Nora Nyman', orgId: 'berg', role: 'editor' };
const org = { regionId: 'jh', name: 'Region Jämtland Härjedalen', shortName: 'RJH', kind: 'region', color: '#1f5f8b' };
const newRegion = {
	regionId: 'gotland',
	name: 'Gotland',
	areas: ['Service i glesbygd', 'Digital service'],
	organization: { name: 'Region Gotland', shortName: 'RG', color: '#123456' },
	coordinator: { email: 'anna@gotland.example', name: 'Anna Andersson' }
};
const content = {
	name: 'RSP 2028',
	years: [2028],
	parts: [{ key: 'plan', title: 'Plan' }],
	columns: [{ key: 'action', part: 'plan', title: 'Insats', type: 'longText' }]
};
const issuesOf = (r: { success: boolean; error?: { issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey>; message?: string; code?: string }> } }) =>
	r.success ? [] : fieldIssues(r.error!.issues).map(({ field, code }) => ({ field, code }));

describe('a name as a callable takes it', () => {
	it('is stored in one spelling: NFC, single spaces, harmless invisibles stripped', () => {
		expect(personName.parse('  Nora\u00A0 Nyman\u200B ')).toBe('Nora Nyman');
		expect(personName.parse('A\u030Asa Öberg')).toBe('Åsa Öberg');
		expect(saveOrganizationInput.parse({ ...org, shortName: 'RJH\u2060', name: ' Region\tJämtland  Härjedalen' })).toMatchObject({
			shortName: 'RJH',
			name: 'Region Jämtland Härjedalen'
		});
	});

	it('refuses a right-to-left override in an invitation with the code the form shows', () => {
		const r = inviteMemberInput.safeParse({ ...invite, name: 'Nora\u202Enamyn' });
		expect(issuesOf(r)).toEqual([{ field: 'name', code: 'invisible-character' }]);
	});

	it('refuses a hidden character in every name of every callable', () => {
		const bad = 'Namn\u2067x';
		expect(issuesOf(saveOrganizationInput.safeParse({ ...org, name: bad }))).toEqual([{ field: 'name', code: 'invisible-character' }]);
		expect(issuesOf(saveOrganizationInput.safeParse({ ...org, shortName: 'RJH\u200E' }))).toEqual([{ field: 'shortName', code: 'invisible-character' }]);
		expect(issuesOf(updateRegionInput.safeParse({ regionId: 'jh', name: bad, areas: ['A'] }))).toEqual([{ field: 'name', code: 'invisible-character' }]);
		expect(issuesOf(templateContent.safeParse({ ...content, name: bad }))).toEqual([{ field: 'name', code: 'invisible-character' }]);
		for (const [path, value] of [
			[['name'], bad],
			[['areas', 1], bad],
			[['organization', 'name'], bad],
			[['organization', 'shortName'], 'RG\u0000'],
			[['coordinator', 'name'], bad]
		] as const) {
			const input = structuredClone(newRegion) as Record<string, unknown>;
			let at = input as Record<string | number, unknown>;
			for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
			at[path[path.length - 1]] = value;
			const r = createRegionInput.safeParse(input);
			expect(r.success, path.join('.')).toBe(false);
			expect(r.error!.issues.map((i) => [i.path, i.message]), path.join('.')).toContainEqual([[...path], 'invisible-character']);
		}
	});

	it('counts its limits and emptiness on the normalised name', () => {
		expect(issuesOf(inviteMemberInput.safeParse({ ...invite, name: '\u200B \u00AD' }))).toEqual([{ field: 'name', code: 'name-empty' }]);
		expect(saveOrganizationInput.safeParse({ ...org, shortName: `${'R'.repeat(40)}\u200B\u200B` }).success).toBe(true);
		expect(issuesOf(saveOrganizationInput.safeParse({ ...org, shortName: 'R'.repeat(41) }))).toEqual([{ field: 'shortName', code: 'short-name-too-long' }]);
		expect(templateContent.parse({ ...content, name: '  RSP   2028 ' }).name).toBe('RSP 2028');
	});

	it('parses the ordinary names unchanged', () => {
		expect(createRegionInput.parse(newRegion)).toEqual(newRegion);
		expect(inviteMemberInput.parse(invite)).toEqual(invite);
	});
});
