// Every form's problems land on the field they belong to (nested ones by their path), one code per
// field, whether the form's own check found them or a callable sent them back.
import { describe, expect, it } from 'vitest';
import { checkInput, fieldIssues, issueCode } from './form-check';
import { createPlanInput, createRegionInput, inviteMemberInput, saveOrganizationInput, updateRegionInput } from './schemas';

const good = {
	regionId: 'norrbotten',
	name: 'Region Norrbotten',
	areas: ['Tillgång till service', 'Stöd till servicegivare'],
	organization: { name: 'Region Norrbotten', shortName: 'RN', color: '#12345a' },
	coordinator: { email: 'Samordnare@Norrbotten.example ', name: 'Nora Samordnare' }
};

const codes = (r: ReturnType<typeof checkInput>) => (r.ok ? {} : Object.fromEntries(r.issues.map((i) => [i.field, i.code])));

describe('checkInput', () => {
	it('gives the parsed input (trimmed, lower-cased address)', () => {
		const r = checkInput(createRegionInput, good);
		expect(r.ok && r.data.coordinator.email).toBe('samordnare@norrbotten.example');
		const invite = checkInput(inviteMemberInput, { regionId: 'jh', email: ' Nora@Berg.Example ', name: ' Nora Nyman ', orgId: 'berg', role: 'editor' });
		expect(invite).toEqual({ ok: true, data: { regionId: 'jh', email: 'nora@berg.example', name: 'Nora Nyman', orgId: 'berg', role: 'editor' } });
	});

	it('names each nested field with its problem', () => {
		const r = checkInput(createRegionInput, {
			...good,
			regionId: 'norr botten',
			areas: ['Första', '  '],
			organization: { name: '', shortName: 'RN', color: 'blå' },
			coordinator: { email: 'nora@', name: 'Nora' }
		});
		expect(r.ok).toBe(false);
		expect(codes(r)).toEqual({
			regionId: 'invalid-id',
			'areas.1': 'area-empty',
			'organization.name': 'name-empty',
			'organization.color': 'invalid-color',
			'coordinator.email': 'invalid-email'
		});
	});

	it('says an empty id is empty, and a region needs an area', () => {
		expect(codes(checkInput(updateRegionInput, { regionId: '', name: 'X', areas: [] }))).toEqual({ regionId: 'id-empty', areas: 'no-areas' });
	});

	it('names the first problem of each field of an invitation, with zod’s own issues as "invalid"', () => {
		const r = checkInput(inviteMemberInput, { regionId: 'jh', email: 'inte-en-adress', name: '  ', orgId: '', role: 'chef' });
		expect(r).toEqual({
			ok: false,
			issues: [
				{ field: 'email', code: 'invalid-email', param: '' },
				{ field: 'name', code: 'name-empty', param: '' },
				{ field: 'orgId', code: 'invalid', param: '' },
				{ field: 'role', code: 'invalid', param: '' }
			]
		});
	});

	it('reads organisation and plan problems by field', () => {
		expect(codes(checkInput(saveOrganizationInput, { regionId: 'jh', name: 'Energikontoret', shortName: '', kind: 'annan', color: 'röd' }))).toEqual({
			shortName: 'short-name-empty',
			color: 'invalid-color'
		});
		expect(codes(checkInput(createPlanInput, { regionId: 'jh', year: '25', carryOver: true }))).toEqual({ year: 'invalid-year' });
	});
});

describe('fieldIssues', () => {
	it('reads issues as a callable sends them, also without a path, message or code', () => {
		expect(fieldIssues([{ message: 'Invalid input', code: 'custom' }, { path: ['email'], message: 'invalid-email' }, { path: ['email'], message: 'x' }, {}])).toEqual([
			{ field: '', code: 'invalid', param: '' },
			{ field: 'email', code: 'invalid-email', param: '' }
		]);
		expect(fieldIssues([{ path: ['organization', 'name'], code: 'too_big', message: 'Too big' }])).toEqual([{ field: 'organization.name', code: 'too-long', param: '' }]);
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
