import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillYear, partsOf, orderedColumns, hasField, templateDocument, newestPublishedFor, columnOf } from './template';
import { template, templateContent, type Template } from './schemas';

const load = (name: string): Template =>
	template.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', 'templates', `${name}.json`), 'utf8')));

const rsp2023 = load('rsp-2023');
const rsp2024 = load('rsp-2024');

/** A template whose parts list an empty part, and whose columns are not grouped by part. */
const mixed = template.parse(templateDocument(templateContent.parse({
	name: 'Blandad',
	years: [2025],
	parts: [
		{ key: 'plan', title: 'Plan {year}', help: 'Hjälp för {year}–{nextYear}' },
		{ key: 'followUp', title: 'Uppföljning {year}' },
		{ key: 'nextYear', title: 'Inför {nextYear}' }
	],
	columns: [
		{ key: 'status', part: 'nextYear', title: 'Status', type: 'singleChoice', choices: [{ value: 'klar', label: 'Klar' }] },
		{ key: 'action', part: 'plan', title: 'Insats', type: 'longText' },
		{ key: 'nextYear', part: 'nextYear', title: 'Vad tar vi med oss?', type: 'longText' },
		{ key: 'goal', part: 'plan', title: 'Mål', type: 'shortText' }
	]
}), false, null, null));

describe('fillYear', () => {
	it('replaces every {year} and {nextYear}', () => {
		expect(fillYear('{year} och {year}, sedan {nextYear}', 2024)).toBe('2024 och 2024, sedan 2025');
	});

	it('leaves text without placeholders alone', () => {
		expect(fillYear('Status', 2024)).toBe('Status');
	});

	it('rolls over to the next year at a decade', () => {
		expect(fillYear('Till nästa år, {nextYear}', 2029)).toBe('Till nästa år, 2030');
	});
});

describe('partsOf', () => {
	it('fills the year into titles and help', () => {
		const parts = partsOf(mixed, 2025);
		expect(parts.map((p) => p.title)).toEqual(['Plan 2025', 'Inför 2026']);
		expect(parts[0].help).toBe('Hjälp för 2025–2026');
		expect(parts[1].help).toBe('');
	});

	it('omits parts without columns', () => {
		expect(partsOf(mixed, 2025).map((p) => p.key)).toEqual(['plan', 'nextYear']);
	});

	it('groups columns under their part, in template order', () => {
		const parts = partsOf(mixed, 2025);
		expect(parts[0].columns.map((c) => c.key)).toEqual(['action', 'goal']);
		expect(parts[1].columns.map((c) => c.key)).toEqual(['status', 'nextYear']);
	});

	it('gives rsp-2023 its three parts with all eight columns', () => {
		const parts = partsOf(rsp2023, 2023);
		expect(parts.map((p) => p.key)).toEqual(['plan', 'followUp', 'nextYear']);
		expect(parts.map((p) => p.title)).toEqual([
			'Handlingsplan för verksamhetsår 2023',
			'Uppföljning av verksamhetsår 2023',
			'Till nästa år, 2024'
		]);
		expect(parts.map((p) => p.columns.map((c) => c.key))).toEqual([
			['action', 'goal', 'resources', 'serviceTypes'],
			['outputs', 'effects'],
			['status', 'nextYear']
		]);
	});

	it('still gives rsp-2024 the three parts, without serviceTypes', () => {
		const parts = partsOf(rsp2024, 2025);
		expect(parts.map((p) => p.key)).toEqual(['plan', 'followUp', 'nextYear']);
		expect(parts[0].columns.map((c) => c.key)).toEqual(['action', 'goal', 'resources']);
		expect(parts[2].title).toBe('Till nästa år, 2026');
	});
});

describe('orderedColumns', () => {
	it('lists columns part by part, in the order of the parts', () => {
		expect(orderedColumns(mixed).map((c) => c.key)).toEqual(['action', 'goal', 'status', 'nextYear']);
	});

	it('lists the seed templates in table order', () => {
		expect(orderedColumns(rsp2023).map((c) => c.key)).toEqual(['action', 'goal', 'resources', 'serviceTypes', 'outputs', 'effects', 'status', 'nextYear']);
		expect(orderedColumns(rsp2024).map((c) => c.key)).toEqual(['action', 'goal', 'resources', 'outputs', 'effects', 'status', 'nextYear']);
	});

	it('returns the full column objects', () => {
		const status = orderedColumns(rsp2023).find((c) => c.key === 'status');
		expect(status?.type).toBe('singleChoice');
		expect(status?.choices.map((c) => c.value)).toEqual(['', 'klar', 'fortsatter']);
	});
});

describe('hasField', () => {
	it('is true for the template keys and false for others', () => {
		expect(hasField(rsp2023, 'serviceTypes')).toBe(true);
		expect(hasField(rsp2024, 'serviceTypes')).toBe(false);
		expect(hasField(rsp2024, 'action')).toBe(true);
		expect(hasField(rsp2024, 'budget')).toBe(false);
		expect(hasField(rsp2024, '')).toBe(false);
	});
});

describe('templateDocument', () => {
	it('repeats the columns as keys, types and choice values for the rules, and parses as a template', () => {
		expect(mixed.keys).toEqual(['status', 'action', 'nextYear', 'goal']);
		expect(mixed.types).toEqual({ status: 'singleChoice', action: 'longText', nextYear: 'longText', goal: 'shortText' });
		expect(mixed.choiceValues).toEqual({ status: ['klar'], action: [], nextYear: [], goal: [] });
		expect(mixed.published).toBe(false);
	});

	it('rebuilds the seed templates exactly from their content', () => {
		for (const t of [rsp2023, rsp2024]) {
			const { name, years, parts, columns } = t;
			expect(templateDocument({ name, years, parts, columns }, true, null, null)).toEqual(t);
		}
	});

	it('finds a column by key', () => {
		expect(columnOf(rsp2023, 'serviceTypes')?.type).toBe('marks');
		expect(columnOf(rsp2024, 'serviceTypes')).toBeUndefined();
	});
});

describe('newestPublishedFor', () => {
	const doc = (id: string, years: number[], published = true, publishedAt: Date | null = null) => ({ id, data: { years, published, publishedAt } });

	it('takes only published documents that list the year', () => {
		expect(newestPublishedFor([doc('a', [2024], false), doc('b', [2025])], 2024)).toBeNull();
		expect(newestPublishedFor([doc('a', [2024], false), doc('b', [2024, 2025])], 2024)?.id).toBe('b');
	});

	it('prefers the latest published, then the one reaching furthest ahead, then the greatest id', () => {
		const older = doc('rsp-2024', [2024, 2025, 2026, 2027], true, new Date('2024-01-01'));
		const newer = doc('rsp-2025', [2025, 2026], true, new Date('2025-06-01'));
		expect(newestPublishedFor([older, newer], 2025)?.id).toBe('rsp-2025');
		expect(newestPublishedFor([doc('x', [2025, 2026]), doc('y', [2025, 2027])], 2025)?.id).toBe('y');
		expect(newestPublishedFor([doc('x', [2025]), doc('y', [2025])], 2025)?.id).toBe('y');
	});
});
