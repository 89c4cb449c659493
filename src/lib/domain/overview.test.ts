import { describe, expect, it } from 'vitest';
import { defaultDeadline } from './deadline';
import {
	overview,
	overviewCompleteness,
	overviewExportPath,
	overviewFileName,
	overviewQueryOf,
	overviewStatusOf,
	type OverviewInput,
	type OverviewPlan
} from './overview';
import { plan, templateContent, type Plan, type RowFields } from './schemas';

/** A small form: two columns always required, one when the status is set, the status itself. */
const form = templateContent.parse({
	name: 'Testformulär',
	years: [2024],
	parts: [
		{ key: 'plan', title: 'Plan {year}' },
		{ key: 'followUp', title: 'Uppföljning {year}' }
	],
	columns: [
		{ key: 'action', part: 'plan', title: 'Insats', type: 'longText', required: 'always' },
		{ key: 'goal', part: 'plan', title: 'Mål', type: 'shortText', required: 'always' },
		{ key: 'outputs', part: 'followUp', title: 'Prestationer', type: 'longText', required: 'whenStatusSet' },
		{
			key: 'status',
			part: 'followUp',
			title: 'Status',
			type: 'singleChoice',
			required: 'never',
			choices: [
				{ value: '', label: 'Ej angiven' },
				{ value: 'klar', label: 'Klar' },
				{ value: 'fortsatter', label: 'Fortsätter' }
			]
		}
	]
});

const NOW = new Date('2025-01-21T10:00:00Z');
const row = (id: string, area: number, fields: RowFields) => ({ id, area, position: 1000 * Number(id.slice(-1)), fields });
const complete = { action: 'Servicepunkter', goal: '1.1' };

const draft = (year: number, extra: Partial<Plan> = {}): Plan =>
	plan.parse({ templateId: 'form', status: 'draft', deadline: defaultDeadline(year), ...extra });
const SUBMISSION = {
	by: 'u-a',
	byName: 'Anna Andersson',
	at: new Date('2025-01-20T14:30:00Z'),
	rowsPerArea: { '1': 2 },
	rowCount: 2,
	contentHash: 'a'.repeat(64),
	warnings: [],
	signOffs: []
};
const REOPENING = { by: 'u-a', byName: 'Anna Andersson', at: new Date('2025-01-20T15:00:00Z'), reason: 'Ett mål saknade siffror.' };

const planOf = (regionId: string, year: string, p: Plan, rows: OverviewPlan['rows'] = []): OverviewPlan => ({ regionId, year, plan: p, template: form, rows });

const REGIONS = [
	{ id: 'orebro', name: 'Region Örebro län' },
	{ id: 'angermanland', name: 'Region Ångermanland' },
	{ id: 'vasternorrland', name: 'Region Västernorrland' },
	{ id: 'jamtland-harjedalen', name: 'Region Jämtland Härjedalen' }
];

const input = (extra: Partial<OverviewInput> = {}): OverviewInput => ({
	regions: REGIONS,
	plans: [
		planOf('jamtland-harjedalen', '2024', draft(2024), [row('r1', 1, complete), row('r2', 1, { action: 'x', status: 'klar' }), row('r3', 2, complete)]),
		planOf('vasternorrland', '2024', draft(2024, { status: 'submitted', submission: SUBMISSION }), [row('r1', 1, complete), row('r2', 1, complete)]),
		planOf('orebro', '2024', draft(2024, { submission: SUBMISSION, reopenings: [REOPENING] }), [row('r1', 1, complete)]),
		planOf('jamtland-harjedalen', '2023', draft(2023, { status: 'submitted', submission: { ...SUBMISSION, at: new Date('2024-01-30T12:00:00Z') } }))
	],
	templates: [
		{ id: 'form', data: { published: true, years: [2023, 2024] } },
		{ id: 'draft-form', data: { published: false, years: [2026] } }
	],
	now: NOW,
	...extra
});

describe('overviewStatusOf', () => {
	it('is notStarted without a plan, submitted when submitted, reopened for a draft that was reopened, else draft', () => {
		expect(overviewStatusOf(null)).toBe('notStarted');
		expect(overviewStatusOf({ status: 'draft', reopenings: [] })).toBe('draft');
		expect(overviewStatusOf({ status: 'draft', reopenings: [REOPENING] })).toBe('reopened');
		expect(overviewStatusOf({ status: 'submitted', reopenings: [] })).toBe('submitted');
		expect(overviewStatusOf({ status: 'submitted', reopenings: [REOPENING] })).toBe('submitted');
	});
});

describe('overviewCompleteness', () => {
	it('counts complete rows and missing required cells by the template, and the percent rounded down', () => {
		// r2: goal missing (always) and outputs missing (status set); r1, r3 complete.
		expect(overviewCompleteness(form, [row('r1', 1, complete), row('r2', 1, { action: 'x', status: 'klar' }), row('r3', 2, complete)])).toEqual({
			rows: 3,
			completeRows: 2,
			missing: 2,
			percent: 66
		});
	});

	it('says 100 only when every row is complete, and no percent for a plan without rows', () => {
		expect(overviewCompleteness(form, [row('r1', 1, complete)]).percent).toBe(100);
		expect(overviewCompleteness(form, [])).toEqual({ rows: 0, completeRows: 0, missing: 0, percent: null });
	});

	it('treats blank text as missing', () => {
		expect(overviewCompleteness(form, [row('r1', 1, { action: '  ', goal: '1.1' })])).toEqual({ rows: 1, completeRows: 0, missing: 1, percent: 0 });
	});
});

describe('overview', () => {
	it('shows every region for every year of a plan or a published template, newest year first, regions in Swedish order', () => {
		const o = overview(input());
		expect(o.years).toEqual(['2024', '2023']);
		expect(o.rows.map((r) => `${r.year} ${r.regionName}`)).toEqual([
			'2024 Region Jämtland Härjedalen',
			'2024 Region Västernorrland',
			'2024 Region Ångermanland',
			'2024 Region Örebro län',
			'2023 Region Jämtland Härjedalen',
			'2023 Region Västernorrland',
			'2023 Region Ångermanland',
			'2023 Region Örebro län'
		]);
	});

	it('describes a draft: deadline, days left in Stockholm, completeness, no hand-in, links to the plan and its exports', () => {
		const jh = overview(input()).rows.find((r) => r.regionId === 'jamtland-harjedalen' && r.year === '2024');
		expect(jh).toEqual({
			regionId: 'jamtland-harjedalen',
			regionName: 'Region Jämtland Härjedalen',
			year: '2024',
			status: 'draft',
			templateId: 'form',
			deadline: defaultDeadline(2024),
			daysLeft: 10,
			submittedBy: null,
			submittedAt: null,
			reopenings: 0,
			completeness: { rows: 3, completeRows: 2, missing: 2, percent: 66 },
			unreadableRow: null,
			planPath: '/plan/jamtland-harjedalen/2024',
			exports: { docx: '/api/export/jamtland-harjedalen/2024.docx', xlsx: '/api/export/jamtland-harjedalen/2024.xlsx' }
		});
	});

	it('names who submitted and when; a submitted plan has no days left', () => {
		const vn = overview(input()).rows.find((r) => r.regionId === 'vasternorrland' && r.year === '2024')!;
		expect(vn.status).toBe('submitted');
		expect([vn.submittedBy, vn.submittedAt, vn.daysLeft]).toEqual(['Anna Andersson', SUBMISSION.at, null]);
		expect(vn.completeness).toEqual({ rows: 2, completeRows: 2, missing: 0, percent: 100 });
	});

	it('shows a plan with a row that cannot be read without figures, naming the row, and the other plans as usual', () => {
		const base = input();
		const plans = base.plans.map((p) => (p.regionId === 'jamtland-harjedalen' && p.year === '2024' ? { ...p, rows: [], unreadableRow: 'rad med mellanslag' } : p));
		const o = overview({ ...base, plans });
		const jh = o.rows.find((r) => r.regionId === 'jamtland-harjedalen' && r.year === '2024')!;
		expect([jh.status, jh.completeness, jh.unreadableRow, jh.planPath]).toEqual(['draft', null, 'rad med mellanslag', '/plan/jamtland-harjedalen/2024']);
		expect(o.rows.find((r) => r.regionId === 'vasternorrland' && r.year === '2024')).toMatchObject({ unreadableRow: null, completeness: { rows: 2, percent: 100 } });
	});

	it('keeps the last hand-in on a reopened plan and counts its reopenings', () => {
		const o = overview(input()).rows.find((r) => r.regionId === 'orebro' && r.year === '2024')!;
		expect([o.status, o.submittedBy, o.reopenings, o.daysLeft]).toEqual(['reopened', 'Anna Andersson', 1, 10]);
	});

	it('shows a year not started with the default deadline and nothing else', () => {
		const a = overview(input()).rows.find((r) => r.regionId === 'angermanland' && r.year === '2023')!;
		expect(a).toEqual({
			regionId: 'angermanland',
			regionName: 'Region Ångermanland',
			year: '2023',
			status: 'notStarted',
			templateId: null,
			deadline: defaultDeadline(2023),
			daysLeft: -356,
			submittedBy: null,
			submittedAt: null,
			reopenings: 0,
			completeness: null,
			unreadableRow: null,
			planPath: null,
			exports: null
		});
	});

	it('counts the days to the deadline by Stockholm dates: the last day is 0, the day after -1', () => {
		const day = (now: string) => overview(input({ now: new Date(now) })).rows.find((r) => r.regionId === 'angermanland' && r.year === '2024')!.daysLeft;
		expect(day('2025-01-31T22:58:00Z')).toBe(0);
		expect(day('2025-01-31T23:30:00Z')).toBe(-1);
		expect(day('2025-01-30T23:30:00Z')).toBe(0);
	});

	it('filters by year and by status; the summary counts the year’s statuses before the status filter', () => {
		const o = overview(input({ filter: { year: '2024', status: 'notStarted' } }));
		expect(o.rows.map((r) => [r.regionId, r.year, r.status])).toEqual([['angermanland', '2024', 'notStarted']]);
		expect(o.summary).toEqual({ notStarted: 1, draft: 1, reopened: 1, submitted: 1, total: 4 });
		expect(o.years).toEqual(['2024', '2023']);

		const all = overview(input({ filter: { status: 'submitted' } }));
		expect(all.rows.map((r) => `${r.regionId} ${r.year}`)).toEqual(['vasternorrland 2024', 'jamtland-harjedalen 2023']);
		expect(all.summary).toEqual({ notStarted: 4, draft: 1, reopened: 1, submitted: 2, total: 8 });
	});

	it('shows a filtered year no plan or template has yet, with every region not started', () => {
		const o = overview(input({ filter: { year: '2030' } }));
		expect(o.rows.map((r) => [r.year, r.status])).toEqual(REGIONS.map(() => ['2030', 'notStarted']));
	});

	it('shows exactly the years it is given', () => {
		expect(overview(input({ years: ['2023'] })).rows.map((r) => r.year)).toEqual(['2023', '2023', '2023', '2023']);
	});

	it('leaves out plans of regions it does not know', () => {
		const o = overview(input({ regions: [REGIONS[0]] }));
		expect(o.rows.map((r) => r.regionId)).toEqual(['orebro', 'orebro']);
	});
});

describe('the export query', () => {
	it('takes a year and a status; empty values mean any', () => {
		expect(overviewQueryOf({})).toEqual({});
		expect(overviewQueryOf({ year: '2024', status: 'draft' })).toEqual({ year: '2024', status: 'draft' });
		expect(overviewQueryOf({ year: '', status: '' })).toEqual({});
	});

	it('refuses malformed years, unknown statuses, repeated values and other parameters', () => {
		for (const q of [{ year: '24' }, { year: '1999' }, { status: 'late' }, { year: ['2023', '2024'] }, { region: 'x' }]) {
			expect(overviewQueryOf(q), JSON.stringify(q)).toBeNull();
		}
	});

	it('builds the export path and file name from the filter', () => {
		expect(overviewExportPath()).toBe('/api/export/overview.xlsx');
		expect(overviewExportPath({ year: '2024', status: 'reopened' })).toBe('/api/export/overview.xlsx?year=2024&status=reopened');
		expect(overviewFileName({ year: '2024' })).toBe('oversikt-2024.xlsx');
		expect(overviewFileName()).toBe('oversikt.xlsx');
	});
});
