import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { carryOver, questionnaireForYear, templateForYear } from './carry-over';
import { questionnaire, template, type Questionnaire, type Row, type Template } from './schemas';

const load = (name: string): Template =>
	template.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', 'templates', `${name}.json`), 'utf8')));

const rsp2023 = load('rsp-2023');
const rsp2024 = load('rsp-2024');

const withYears = (t: Template, years: number[], published = true): Template => ({ ...t, years, published });

const q = (years: number[], published = true): Questionnaire =>
	questionnaire.parse({
		name: 'Frågor',
		years,
		published,
		questions: [{ id: 'q1', number: 1, kind: 'text', title: 'Hur gick det?' }],
		fieldTypes: { q1: { text: 'text' } }
	});

type Fields = Row['fields'];
const row = (id: string, area: number, position: string | number, fields: Fields) => ({ id, row: { area, position, fields } });

const full2023: Fields = {
	action: 'Dialog på nationell nivå',
	goal: '1.1 Bibehållen tillgänglighet',
	resources: 'Regionen och kommunerna',
	serviceTypes: ['bredare', 'ombud'],
	outputs: 'Yttranden',
	effects: 'Kunskap',
	status: 'fortsatter',
	nextYear: 'Viktigt med arbete på lång sikt.'
};

describe('templateForYear', () => {
	it('finds the published template listing the year', () => {
		const all = [
			{ id: 'rsp-2023', data: rsp2023 },
			{ id: 'rsp-2024', data: rsp2024 }
		];
		expect(templateForYear(all, 2023)?.id).toBe('rsp-2023');
		expect(templateForYear(all, 2025)?.id).toBe('rsp-2024');
		expect(templateForYear(all, 2030)).toBeNull();
	});

	it('ignores unpublished templates', () => {
		expect(templateForYear([{ id: 'utkast', data: withYears(rsp2024, [2028], false) }], 2028)).toBeNull();
	});

	it('prefers the template whose newest listed year is latest, then the larger id', () => {
		const all = [
			{ id: 'b', data: withYears(rsp2024, [2026, 2027]) },
			{ id: 'c', data: withYears(rsp2024, [2026, 2030]) },
			{ id: 'd', data: withYears(rsp2024, [2026, 2028]) }
		];
		expect(templateForYear(all, 2026)?.id).toBe('c');
		const tied = [
			{ id: 'a', data: withYears(rsp2024, [2026]) },
			{ id: 'z', data: withYears(rsp2024, [2026]) },
			{ id: 'm', data: withYears(rsp2024, [2026]) }
		];
		expect(templateForYear(tied, 2026)?.id).toBe('z');
	});

	it('returns the template data with the id', () => {
		expect(templateForYear([{ id: 'rsp-2024', data: rsp2024 }], 2024)).toEqual({ id: 'rsp-2024', data: rsp2024 });
	});
});

describe('questionnaireForYear', () => {
	it('chooses like templateForYear: published, listing the year, newest reach, then id', () => {
		const all = [
			{ id: 'fragor-2024', data: q([2024, 2025]) },
			{ id: 'fragor-2025', data: q([2025, 2026]) },
			{ id: 'fragor-utkast', data: q([2025, 2030], false) }
		];
		expect(questionnaireForYear(all, 2024)?.id).toBe('fragor-2024');
		expect(questionnaireForYear(all, 2025)?.id).toBe('fragor-2025');
		expect(questionnaireForYear(all, 2027)).toBeNull();
		expect(questionnaireForYear([], 2025)).toBeNull();
	});
});

describe('carryOver', () => {
	it('carries a Fortsätter row from rsp-2023 into rsp-2024 without the service types, which are reported as dropped', () => {
		const out = carryOver({ fromYear: '2023', fromTemplate: rsp2023, toTemplate: rsp2024, rows: [row('r1', 1, 'a0', full2023)] });
		expect(out.dropped).toEqual(['serviceTypes']);
		expect(out.left).toEqual([]);
		expect(out.carried).toEqual([
			{
				fromRowId: 'r1',
				area: 1,
				position: 'a0',
				fields: { action: full2023.action, goal: full2023.goal, resources: full2023.resources },
				carriedFrom: { year: '2023', rowId: 'r1', note: 'Viktigt med arbete på lång sikt.' }
			}
		]);
	});

	it('keeps the service types when both templates have them, and drops nothing', () => {
		const out = carryOver({ fromYear: '2023', fromTemplate: rsp2023, toTemplate: rsp2023, rows: [row('r1', 1, 1024, full2023)] });
		expect(out.dropped).toEqual([]);
		expect(out.carried[0].fields).toEqual({
			action: full2023.action,
			goal: full2023.goal,
			resources: full2023.resources,
			serviceTypes: ['bredare', 'ombud']
		});
	});

	it("keeps only the X marks next year's column still offers", () => {
		const fewer = {
			...rsp2023,
			columns: rsp2023.columns.map((c) => (c.key === 'serviceTypes' ? { ...c, choices: c.choices.filter((x) => x.value !== 'ombud') } : c))
		};
		const out = carryOver({ fromYear: '2023', fromTemplate: rsp2023, toTemplate: fewer, rows: [row('r1', 1, 1024, full2023)] });
		expect(out.carried[0].fields.serviceTypes).toEqual(['bredare']);
		const onlyOmbud = carryOver({ fromYear: '2023', fromTemplate: rsp2023, toTemplate: fewer, rows: [row('r1', 1, 1024, { ...full2023, serviceTypes: ['ombud'] })] });
		expect(onlyOmbud.carried[0].fields.serviceTypes).toBeUndefined();
	});

	it('never takes follow-up or next-year values along', () => {
		const [carried] = carryOver({ fromYear: '2023', fromTemplate: rsp2023, toTemplate: rsp2023, rows: [row('r1', 1, 1024, full2023)] }).carried;
		for (const key of ['outputs', 'effects', 'status', 'nextYear'] as const) expect(carried.fields).not.toHaveProperty(key);
	});

	it('adds nothing from rsp-2024 into rsp-2023 and drops nothing', () => {
		const out = carryOver({ fromYear: '2024', fromTemplate: rsp2024, toTemplate: rsp2023, rows: [row('r1', 2, 1, Object.fromEntries(Object.entries(full2023).filter(([k]) => k !== 'serviceTypes')))] });
		expect(out.dropped).toEqual([]);
		expect(Object.keys(out.carried[0].fields).sort()).toEqual(['action', 'goal', 'resources']);
	});

	it('leaves Klar rows and rows without a status behind, with the reason', () => {
		const out = carryOver({
			fromYear: '2023',
			fromTemplate: rsp2023,
			toTemplate: rsp2024,
			rows: [
				row('klar', 1, 1024, { ...full2023, status: 'klar' }),
				row('tom', 2, 1024, { ...full2023, status: '' }),
				row('ingen', 3, 1024, { action: 'Bara en insats' }),
				row('fortsatter', 3, 2048, full2023)
			]
		});
		expect(out.left).toEqual([
			{ rowId: 'klar', area: 1, reason: 'klar' },
			{ rowId: 'tom', area: 2, reason: 'no-status' },
			{ rowId: 'ingen', area: 3, reason: 'no-status' }
		]);
		expect(out.carried.map((c) => c.fromRowId)).toEqual(['fortsatter']);
	});

	it('copies no empty values: blank text and no X marks stay absent', () => {
		const [carried] = carryOver({
			fromYear: '2023',
			fromTemplate: rsp2023,
			toTemplate: rsp2023,
			rows: [row('r1', 1, 1024, { action: 'Insats', goal: '', resources: '  \n', serviceTypes: [], status: 'fortsatter' })]
		}).carried;
		expect(carried.fields).toEqual({ action: 'Insats' });
	});

	it('notes the row’s next-year text, or "" when it has none', () => {
		const out = carryOver({
			fromYear: '2023',
			fromTemplate: rsp2023,
			toTemplate: rsp2024,
			rows: [row('med', 1, 1024, full2023), row('utan', 1, 2048, { action: 'Insats', status: 'fortsatter' })]
		});
		expect(out.carried.map((c) => c.carriedFrom)).toEqual([
			{ year: '2023', rowId: 'med', note: 'Viktigt med arbete på lång sikt.' },
			{ year: '2023', rowId: 'utan', note: '' }
		]);
	});

	it('keeps areas and positions, in table order whatever order the rows come in', () => {
		const out = carryOver({
			fromYear: '2023',
			fromTemplate: rsp2023,
			toTemplate: rsp2024,
			rows: [row('c', 2, 'a0', full2023), row('b', 1, 'a1', full2023), row('a', 1, 'Zz', full2023), row('d', 2, 'a0', { ...full2023, status: 'klar' })]
		});
		expect(out.carried.map((c) => [c.fromRowId, c.area, c.position])).toEqual([
			['a', 1, 'Zz'],
			['b', 1, 'a1'],
			['c', 2, 'a0']
		]);
	});

	it('gives new keys, in table order, to an area with legacy numeric positions or ties: the new year holds keys only', () => {
		const out = carryOver({
			fromYear: '2023',
			fromTemplate: rsp2023,
			toTemplate: rsp2024,
			rows: [row('b', 1, 2048, full2023), row('a', 1, 1024, full2023), row('y', 2, 'a1', full2023), row('x', 2, 'a1', full2023), row('z', 3, 'a5', full2023)]
		});
		expect(out.carried.map((c) => [c.fromRowId, c.area, c.position])).toEqual([
			['a', 1, 'a0'],
			['b', 1, 'a1'],
			['x', 2, 'a0'],
			['y', 2, 'a1'],
			['z', 3, 'a5']
		]);
	});

	it('carries nothing from an empty plan', () => {
		expect(carryOver({ fromYear: '2024', fromTemplate: rsp2024, toTemplate: rsp2024, rows: [] })).toEqual({ carried: [], left: [], dropped: [] });
	});
});
