import { describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import {
	canManageNetwork,
	canManagePlans,
	canReadAudit,
	checkInput,
	firstIssues,
	nextPlanYear,
	normalizeColor,
	sortMembers,
	templatesFor
} from './network';
import { createPlanInput, inviteMemberInput, saveOrganizationInput } from './schemas';

const coordinator: Viewer = { uid: 'c', memberRole: 'coordinator', staffRole: null };
const editor: Viewer = { uid: 'e', memberRole: 'editor', staffRole: null };
const reader: Viewer = { uid: 'r', memberRole: null, staffRole: 'reader' };
const staffAdmin: Viewer = { uid: 'a', memberRole: null, staffRole: 'admin' };
const nobody: Viewer = { uid: 'n', memberRole: null, staffRole: null };

describe('who runs the network', () => {
	it('lets coordinators and staff admins manage members and organisations', () => {
		expect([coordinator, editor, reader, staffAdmin, nobody].map(canManageNetwork)).toEqual([true, false, false, true, false]);
	});

	it('lets coordinators and all staff read the log', () => {
		expect([coordinator, editor, reader, staffAdmin, nobody].map(canReadAudit)).toEqual([true, false, true, true, false]);
	});

	it('lets only coordinators create plans and set their deadlines', () => {
		expect([coordinator, editor, reader, staffAdmin, nobody].map(canManagePlans)).toEqual([true, false, false, false, false]);
	});
});

describe('sortMembers', () => {
	it('puts coordinators first, then names in Swedish order', () => {
		const list = [
			{ id: '1', data: { role: 'editor' as const, name: 'Östen' } },
			{ id: '2', data: { role: 'editor' as const, name: 'Åsa' } },
			{ id: '3', data: { role: 'coordinator' as const, name: 'Malin' } },
			{ id: '4', data: { role: 'editor' as const, name: 'Zara' } }
		];
		expect(sortMembers(list).map((x) => x.data.name)).toEqual(['Malin', 'Zara', 'Åsa', 'Östen']);
	});
});

describe('nextPlanYear', () => {
	it('proposes the year after the newest plan, or this year without plans', () => {
		expect(nextPlanYear(['2023', '2024'], 2026)).toBe('2025');
		expect(nextPlanYear(['2024', '2023'], 2020)).toBe('2025');
		expect(nextPlanYear([], 2026)).toBe('2026');
	});
});

describe('templatesFor', () => {
	const t = (id: string, years: number[], published = true, at: string | null = null) => ({
		id,
		data: { published, years, publishedAt: at ? new Date(at) : null }
	});

	it('lists the published templates of the year, the newest published first', () => {
		const list = [t('rsp-2023', [2023]), t('rsp-2024', [2024, 2025]), t('rsp-2025', [2025], true, '2025-01-05T00:00:00Z'), t('draft', [2025], false)];
		expect(templatesFor(list, 2025).map((x) => x.id)).toEqual(['rsp-2025', 'rsp-2024']);
		expect(templatesFor(list, 2023).map((x) => x.id)).toEqual(['rsp-2023']);
		expect(templatesFor(list, 2030)).toEqual([]);
	});
});

describe('checking a form with its callable schema', () => {
	it('names the first problem of each field, with the schema’s code or zod’s issue code', () => {
		const r = checkInput(inviteMemberInput, { regionId: 'jh', email: 'inte-en-adress', name: '  ', orgId: '', role: 'chef' });
		expect(r).toEqual({
			ok: false,
			issues: [
				{ field: 'email', code: 'invalid-email' },
				{ field: 'name', code: 'name-empty' },
				{ field: 'orgId', code: 'too_small' },
				{ field: 'role', code: 'invalid_value' }
			]
		});
	});

	it('passes valid input through the schema (trimmed, lower-cased address)', () => {
		const r = checkInput(inviteMemberInput, { regionId: 'jh', email: ' Nora@Berg.Example ', name: ' Nora Nyman ', orgId: 'berg', role: 'editor' });
		expect(r).toEqual({ ok: true, data: { regionId: 'jh', email: 'nora@berg.example', name: 'Nora Nyman', orgId: 'berg', role: 'editor' } });
	});

	it('reads organisation and plan problems by field', () => {
		const org = checkInput(saveOrganizationInput, { regionId: 'jh', name: 'Energikontoret', shortName: '', kind: 'annan', color: 'röd' });
		expect(org.ok ? [] : org.issues).toEqual([
			{ field: 'shortName', code: 'short-name-empty' },
			{ field: 'color', code: 'invalid-color' }
		]);
		const plan = checkInput(createPlanInput, { regionId: 'jh', year: '25', carryOver: true });
		expect(plan.ok ? [] : plan.issues).toEqual([{ field: 'year', code: 'invalid-year' }]);
	});

	it('reads issues as a callable sends them, also without a path', () => {
		expect(firstIssues([{ message: 'Invalid input', code: 'custom' }, { path: ['email'], message: 'invalid-email' }])).toEqual([
			{ field: '', code: 'custom' },
			{ field: 'email', code: 'invalid-email' }
		]);
	});
});

describe('normalizeColor', () => {
	it('accepts six hex digits with or without #, in any case, and nothing else', () => {
		expect(normalizeColor('#1F5F8B')).toBe('#1f5f8b');
		expect(normalizeColor(' 1f5f8b ')).toBe('#1f5f8b');
		expect(normalizeColor('#fff')).toBeNull();
		expect(normalizeColor('blå')).toBeNull();
	});
});
