import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	isEmptyValue,
	statusIsSet,
	isRequired,
	missingFields,
	completenessSummary,
	labelledMissing,
	rowNumbersOf,
	missingLine,
	missingCountText,
	requirementOn,
	checklistOf,
	type CompletenessRow
} from './completeness';
import { template, type Template, type RowFields, type PriorityArea } from './schemas';
import { orderedColumns } from './template';
import { rowNumbers, areaSections } from './plan-table';

const seed = (path: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', path), 'utf8'));
const rsp2023: Template = template.parse(seed('templates/rsp-2023.json'));
const rsp2024: Template = template.parse(seed('templates/rsp-2024.json'));

const areas: PriorityArea[] = [
	{ number: 1, title: 'Medborgarnas tillgång till kommersiell service' },
	{ number: 2, title: 'Stöd och rådgivning' },
	{ number: 3, title: 'Samordning' }
];

const full: RowFields = {
	action: 'Dialog med handlare',
	goal: '1.1 Ökad tillgänglighet',
	resources: 'Regionen, ordinarie budget',
	serviceTypes: ['dagligvaror'],
	outputs: 'Tio besök',
	effects: 'Bättre kunskap',
	status: 'fortsatter',
	nextYear: ''
};

const r = (id: string, area: number, position: number, fields: RowFields): CompletenessRow => ({ id, area, position, fields });

describe('isEmptyValue', () => {
	it('treats blank text as empty after trim', () => {
		expect(isEmptyValue('')).toBe(true);
		expect(isEmptyValue('   \n\t ')).toBe(true);
		expect(isEmptyValue(' x ')).toBe(false);
	});

	it('treats no X marks as empty', () => {
		expect(isEmptyValue([])).toBe(true);
		expect(isEmptyValue(['drivmedel'])).toBe(false);
	});

	it('treats an absent value as empty', () => {
		expect(isEmptyValue(undefined)).toBe(true);
		expect(isEmptyValue(null)).toBe(true);
	});
});

describe('statusIsSet / isRequired', () => {
	it('is set for klar and fortsatter only', () => {
		expect(statusIsSet({ status: 'klar' })).toBe(true);
		expect(statusIsSet({ status: 'fortsatter' })).toBe(true);
		expect(statusIsSet({ status: '' })).toBe(false);
		expect(statusIsSet({})).toBe(false);
	});

	it('follows the column requirement', () => {
		expect(isRequired({ required: 'always' }, {})).toBe(true);
		expect(isRequired({ required: 'never' }, { status: 'klar' })).toBe(false);
		expect(isRequired({ required: 'whenStatusSet' }, { status: '' })).toBe(false);
		expect(isRequired({ required: 'whenStatusSet' }, { status: 'klar' })).toBe(true);
	});
});

describe('missingFields with rsp-2023', () => {
	it('requires action, goal, resources and status on an empty row', () => {
		expect(missingFields(rsp2023, [r('a', 1, 1, {})])).toEqual([
			{ rowId: 'a', field: 'action' },
			{ rowId: 'a', field: 'goal' },
			{ rowId: 'a', field: 'resources' },
			{ rowId: 'a', field: 'status' }
		]);
	});

	it('adds outputs and effects once the status is set', () => {
		const fields: RowFields = { action: 'A', goal: 'G', resources: 'R', status: 'klar' };
		expect(missingFields(rsp2023, [r('a', 1, 1, fields)])).toEqual([
			{ rowId: 'a', field: 'outputs' },
			{ rowId: 'a', field: 'effects' }
		]);
		expect(missingFields(rsp2023, [r('a', 1, 1, { ...fields, status: 'fortsatter', outputs: 'O' })])).toEqual([
			{ rowId: 'a', field: 'effects' }
		]);
	});

	it('counts status "" as empty, and then outputs/effects are not required', () => {
		expect(missingFields(rsp2023, [r('a', 1, 1, { ...full, status: '', outputs: '', effects: '' })])).toEqual([
			{ rowId: 'a', field: 'status' }
		]);
	});

	it('counts whitespace-only text as empty', () => {
		expect(missingFields(rsp2023, [r('a', 1, 1, { ...full, goal: '  \n ', effects: '\t' })])).toEqual([
			{ rowId: 'a', field: 'goal' },
			{ rowId: 'a', field: 'effects' }
		]);
	});

	it('never requires serviceTypes or nextYear', () => {
		expect(missingFields(rsp2023, [r('a', 1, 1, { ...full, serviceTypes: [], nextYear: '' })])).toEqual([]);
	});

	it('finds nothing on a full row or on no rows', () => {
		expect(missingFields(rsp2023, [r('a', 1, 1, full)])).toEqual([]);
		expect(missingFields(rsp2023, [])).toEqual([]);
	});

	it('orders by area, position, id, then columns in table order', () => {
		const rows = [
			r('z', 2, 1, { ...full, goal: '' }),
			r('b', 1, 2048, { ...full, action: '', status: '' }),
			r('a', 1, 1024, { ...full, resources: '', effects: '' }),
			r('c', 1, 2048, { ...full, action: '' })
		];
		expect(missingFields(rsp2023, rows)).toEqual([
			{ rowId: 'a', field: 'resources' },
			{ rowId: 'a', field: 'effects' },
			{ rowId: 'b', field: 'action' },
			{ rowId: 'b', field: 'status' },
			{ rowId: 'c', field: 'action' },
			{ rowId: 'z', field: 'goal' }
		]);
	});

	it('does not depend on the order rows are passed in, and leaves the input alone', () => {
		const rows = [r('x', 3, 5, {}), r('y', 1, 9, { action: 'A' }), r('w', 1, 1, { status: 'klar' })];
		const copy = structuredClone(rows);
		const once = missingFields(rsp2023, rows);
		expect(missingFields(rsp2023, [...rows].reverse())).toEqual(once);
		expect(rows).toEqual(copy);
	});

	it('uses the order the table shows, like template.ts orderedColumns', () => {
		const shuffled: Template = { ...rsp2023, columns: [...rsp2023.columns].reverse() };
		const order = missingFields(shuffled, [r('a', 1, 1, { status: 'klar' })]).map((m) => m.field);
		const tableOrder = orderedColumns(shuffled).map((c) => c.key);
		expect(order).toEqual(tableOrder.filter((k) => order.includes(k)));
		// part by part (plan, followUp), and within a part in the order the template lists them
		expect(order).toEqual(['resources', 'goal', 'action', 'effects', 'outputs']);
	});
});

describe('missingFields: the template decides', () => {
	it('ignores fields the template has no column for', () => {
		const noStatus: Template = { ...rsp2023, columns: rsp2023.columns.filter((c) => c.key !== 'status'), keys: rsp2023.keys.filter((k) => k !== 'status') };
		expect(missingFields(noStatus, [r('a', 1, 1, { action: 'A', goal: 'G', resources: 'R' })])).toEqual([]);
		expect(missingFields(noStatus, [r('a', 1, 1, { action: 'A', goal: 'G', resources: 'R', status: 'klar' })]).map((m) => m.field)).toEqual([
			'outputs',
			'effects'
		]);
	});

	it('requires X marks when a template says so', () => {
		const marksRequired: Template = {
			...rsp2023,
			columns: rsp2023.columns.map((c) => (c.key === 'serviceTypes' ? { ...c, required: 'always' as const } : c))
		};
		expect(missingFields(marksRequired, [r('a', 1, 1, { ...full, serviceTypes: [] })])).toEqual([{ rowId: 'a', field: 'serviceTypes' }]);
		expect(missingFields(marksRequired, [r('a', 1, 1, full)])).toEqual([]);
	});

	it('works for rsp-2024, which has no service-type column and only warns about follow-up and status', () => {
		expect(missingFields(rsp2024, [r('a', 1, 1, { status: 'klar' })]).map((m) => m.field)).toEqual(['action', 'goal', 'resources']);
		expect(missingFields(rsp2024, [r('a', 1, 1, { status: 'klar' })], 'warn').map((m) => m.field)).toEqual(['outputs', 'effects']);
		expect(missingFields(rsp2024, [r('a', 1, 1, {})], 'warn').map((m) => m.field)).toEqual(['status']);
	});
});

describe('requirement levels', () => {
	it('reads an absent level as block, so templates stored before levels keep their meaning', () => {
		const stored = template.parse({ ...(seed('templates/rsp-2024.json') as object), columns: (seed('templates/rsp-2024.json') as Template).columns.map(({ level: _, ...c }) => c) });
		expect(stored.columns.every((c) => c.level === 'block')).toBe(true);
		expect(missingFields(stored, [r('a', 1, 1, {})]).map((m) => m.field)).toEqual(['action', 'goal', 'resources', 'status']);
		expect(missingFields(stored, [r('a', 1, 1, {})], 'warn')).toEqual([]);
	});

	it('rsp-2024 blocks on the plan part and warns about follow-up and status', () => {
		const level = Object.fromEntries(rsp2024.columns.filter((c) => c.required !== 'never').map((c) => [c.key, c.level]));
		expect(level).toEqual({ action: 'block', goal: 'block', resources: 'block', outputs: 'warn', effects: 'warn', status: 'warn' });
	});

	it('says per row what an empty cell does', () => {
		const warnWhenSet = { required: 'whenStatusSet', level: 'warn' } as const;
		expect(requirementOn(warnWhenSet, {})).toBe(null);
		expect(requirementOn(warnWhenSet, { status: 'klar' })).toBe('warn');
		expect(requirementOn({ required: 'always', level: 'block' }, {})).toBe('block');
		expect(requirementOn({ required: 'never', level: 'warn' }, { status: 'klar' })).toBe(null);
	});

	it('splits a row into blockers and warnings, each in table order', () => {
		expect(checklistOf(rsp2024, [r('a', 1, 1, { action: 'A', status: 'fortsatter', effects: 'E' }), r('b', 2, 1, { goal: 'G' })])).toEqual({
			blockers: [
				{ rowId: 'a', field: 'goal' },
				{ rowId: 'a', field: 'resources' },
				{ rowId: 'b', field: 'action' },
				{ rowId: 'b', field: 'resources' }
			],
			warnings: [
				{ rowId: 'a', field: 'outputs' },
				{ rowId: 'b', field: 'status' }
			]
		});
	});
});

describe('the 2025 plan as the network wrote it (tests/fixtures, rsp-2024)', () => {
	type FixtureRow = CompletenessRow & { fields: RowFields };
	const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'plan-2025-warnings.json'), 'utf8')) as { templateId: string; rows: FixtureRow[] };

	it('has 14 rows on rsp-2024, three without status', () => {
		expect(fixture.templateId).toBe('rsp-2024');
		expect(fixture.rows).toHaveLength(14);
		expect(fixture.rows.filter((x) => !statusIsSet(x.fields))).toHaveLength(3);
	});

	it('lists 6 warnings (3 statuses, 3 follow-up cells) and no blockers, so it may be submitted', () => {
		const { blockers, warnings } = checklistOf(rsp2024, fixture.rows);
		expect(blockers).toEqual([]);
		expect(warnings).toHaveLength(6);
		expect(warnings.filter((w) => w.field === 'status')).toHaveLength(3);
		expect(warnings.filter((w) => w.field === 'outputs' || w.field === 'effects')).toHaveLength(3);
		const s = completenessSummary(rsp2024, fixture.rows, areas);
		expect(s).toMatchObject({ complete: true, totalMissing: 0, totalWarnings: 6, rowCount: 14 });
		expect(labelledMissing(rsp2024, fixture.rows, 'warn').map(missingLine)).toEqual([
			'Insats 1.3: Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt',
			'Insats 1.4: Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt',
			'Insats 2.3: Status',
			'Insats 3.1: Resultat i form av prestationer',
			'Insats 3.4: Status',
			'Insats 3.5: Status'
		]);
	});

	it('is blocked once a core cell is emptied', () => {
		const rows = fixture.rows.map((x, i) => (i === 4 ? { ...x, fields: { ...x.fields, resources: '' } } : x));
		expect(checklistOf(rsp2024, rows).blockers).toEqual([{ rowId: fixture.rows[4].id, field: 'resources' }]);
		expect(completenessSummary(rsp2024, rows).complete).toBe(false);
	});
});

describe('the seed plan (Jämtland Härjedalen 2023)', () => {
	type SeedRow = { id: string; area: number; fields: RowFields };
	const seedRows = (seed('plans/jamtland-harjedalen-2023.json') as { rows: SeedRow[] }).rows.map((row, i) => ({ ...row, position: i }));

	it('is checked without errors and every finding names a real row and column', () => {
		const missing = missingFields(rsp2023, seedRows);
		const ids = new Set(seedRows.map((x) => x.id));
		for (const m of missing) {
			expect(ids.has(m.rowId)).toBe(true);
			expect(rsp2023.keys).toContain(m.field);
		}
		expect(completenessSummary(rsp2023, seedRows, areas).totalMissing).toBe(missing.length);
	});

	it('becomes incomplete when a required cell is cleared', () => {
		const before = missingFields(rsp2023, seedRows).length;
		const cleared = seedRows.map((x, i) => (i === 0 ? { ...x, fields: { ...x.fields, action: ' ' } } : x));
		expect(missingFields(rsp2023, cleared)).toContainEqual({ rowId: seedRows[0].id, field: 'action' });
		expect(missingFields(rsp2023, cleared).length).toBe(before + (isEmptyValue(seedRows[0].fields.action) ? 0 : 1));
	});
});

describe('completenessSummary', () => {
	const rows = [
		r('a', 1, 1, full),
		r('b', 1, 2, { ...full, goal: '', resources: '' }),
		r('c', 3, 1, { action: 'A' })
	];

	it('counts per area, including areas without rows', () => {
		const s = completenessSummary(rsp2023, rows, areas);
		expect(s.areas).toEqual([
			{ area: 1, title: areas[0].title, rows: 2, incompleteRows: 1, missing: 2 },
			{ area: 2, title: areas[1].title, rows: 0, incompleteRows: 0, missing: 0 },
			{ area: 3, title: areas[2].title, rows: 1, incompleteRows: 1, missing: 3 }
		]);
		expect(s.rowCount).toBe(3);
		expect(s.incompleteRows).toBe(2);
		expect(s.totalMissing).toBe(5);
		expect(s.complete).toBe(false);
		expect(s.empty).toBe(false);
	});

	it('agrees with missingFields', () => {
		expect(completenessSummary(rsp2023, rows, areas).totalMissing).toBe(missingFields(rsp2023, rows).length);
	});

	it('works without the region areas (titles empty, only areas with rows)', () => {
		const s = completenessSummary(rsp2023, rows);
		expect(s.areas.map((a) => [a.area, a.title])).toEqual([
			[1, ''],
			[3, '']
		]);
	});

	it('is complete when nothing is missing', () => {
		const s = completenessSummary(rsp2023, [r('a', 1, 1, full), r('b', 2, 1, full)], areas);
		expect(s.complete).toBe(true);
		expect(s.totalMissing).toBe(0);
		expect(s.areas.map((a) => a.rows)).toEqual([1, 1, 0]);
	});

	it('flags an empty plan as empty (and vacuously complete)', () => {
		const s = completenessSummary(rsp2023, [], areas);
		expect(s).toMatchObject({ rowCount: 0, totalMissing: 0, complete: true, empty: true });
		expect(s.areas).toHaveLength(3);
	});
});

describe('labelled missing fields', () => {
	const rows = [r('q', 2, 10, { ...full, goal: '' }), r('p', 1, 5, full), r('o', 1, 7, { ...full, status: 'klar', effects: '' })];

	it('numbers rows as the form does (area.place), like plan-table rowNumbers', () => {
		const numbers = rowNumbersOf(rows);
		expect(Object.fromEntries(numbers)).toEqual({ p: '1.1', o: '1.2', q: '2.1' });
		expect(numbers).toEqual(rowNumbers(areaSections(areas, rows)));
	});

	it('labels each missing field with its row number and column title', () => {
		expect(labelledMissing(rsp2023, rows)).toEqual([
			{
				rowId: 'o',
				field: 'effects',
				rowNumber: '1.2',
				fieldTitle: 'Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt'
			},
			{ rowId: 'q', field: 'goal', rowNumber: '2.1', fieldTitle: 'Mål' }
		]);
	});

	it('reads "Insats 1.2: Mål"', () => {
		expect(missingLine({ rowNumber: '1.2', fieldTitle: 'Mål' })).toBe('Insats 1.2: Mål');
	});

	it('counts in Swedish', () => {
		expect(missingCountText(0)).toBe('Inga uppgifter saknas');
		expect(missingCountText(1)).toBe('1 uppgift saknas');
		expect(missingCountText(3)).toBe('3 uppgifter saknas');
	});
});
