// The plan table's layout from the real seed templates: columns, grouped headers, row numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSections, choiceLabel, formatValue, gridColumns, isMarked, regionShortName, rowNumbers, tableHeader, toggleMark } from './plan-table';
import { template } from './schemas';

const load = (name: string) => template.parse(JSON.parse(readFileSync(new URL(`../../../seed/templates/${name}.json`, import.meta.url), 'utf8')));

describe('the 2023 form', () => {
	const t = load('rsp-2023');

	it('expands the X-mark column to one grid column per choice', () => {
		expect(gridColumns(t).map((c) => c.id)).toEqual([
			'action',
			'goal',
			'resources',
			'serviceTypes:dagligvaror',
			'serviceTypes:drivmedel',
			'serviceTypes:ombud',
			'serviceTypes:bredare',
			'outputs',
			'effects',
			'status',
			'nextYear'
		]);
	});

	it('groups the headers by part with the year filled in', () => {
		const h = tableHeader(t, 2023);
		expect(h.parts.map((p) => [p.title, p.span])).toEqual([
			['Handlingsplan för verksamhetsår 2023', 7],
			['Uppföljning av verksamhetsår 2023', 2],
			['Till nästa år, 2024', 2]
		]);
		expect(h.columns.find((c) => c.column.key === 'serviceTypes')).toMatchObject({ span: 4, hasChoices: true });
		expect(h.choices.map((c) => c.label)).toEqual(['Dagligvaror', 'Drivmedel', 'Ombud för posttjänst, betaltjänst eller apotek', 'Bredare sammanhang']);
	});

	it('labels status values', () => {
		const status = t.columns.find((c) => c.key === 'status')!;
		expect(choiceLabel(status, 'fortsatter')).toBe('Fortsätter');
		expect(choiceLabel(status, 'klar')).toBe('Klar');
		expect(choiceLabel(status, '')).toBe('');
	});
});

describe('the 2024 form', () => {
	it('has no X-mark choices', () => {
		const t = load('rsp-2024');
		expect(tableHeader(t, 2024).choices).toEqual([]);
		expect(gridColumns(t)).toHaveLength(7);
	});
});

describe('areaSections', () => {
	it('puts each area’s rows in position order', () => {
		const areas = [
			{ number: 1, title: 'A' },
			{ number: 2, title: 'B' }
		];
		const rows = [
			{ id: 'c', area: 2, position: 1 },
			{ id: 'b', area: 1, position: 2048 },
			{ id: 'a', area: 1, position: 1024 }
		];
		expect(areaSections(areas, rows).map((s) => s.rows.map((r) => r.id))).toEqual([['a', 'b'], ['c']]);
	});
});

describe('labels and values', () => {
	const t = load('rsp-2023');
	const col = (key: string) => t.columns.find((c) => c.key === key);

	it('numbers rows per area', () => {
		const sections = areaSections(
			[
				{ number: 1, title: 'A' },
				{ number: 2, title: 'B' }
			],
			[
				{ id: 'x', area: 1, position: 1 },
				{ id: 'y', area: 1, position: 2 },
				{ id: 'z', area: 2, position: 1 }
			]
		);
		expect([...rowNumbers(sections)]).toEqual([
			['x', '1.1'],
			['y', '1.2'],
			['z', '2.1']
		]);
	});

	it('shortens the region name as the form writes it', () => {
		expect(regionShortName('Region Jämtland Härjedalen')).toBe('Jämtland Härjedalen');
		expect(regionShortName('Gotland')).toBe('Gotland');
	});

	it('formats values for reading', () => {
		expect(formatValue(col('serviceTypes'), ['dagligvaror', 'bredare'])).toBe('Dagligvaror, Bredare sammanhang');
		expect(formatValue(col('status'), 'klar')).toBe('Klar');
		expect(formatValue(col('action'), 'rad 1\nrad 2')).toBe('rad 1\nrad 2');
		expect(formatValue(undefined, 3)).toBe('');
	});
});

describe('X marks', () => {
	it('ticks and unticks one choice', () => {
		const marks = load('rsp-2023').columns.find((c) => c.key === 'serviceTypes')!;
		expect(toggleMark([], 'drivmedel', marks)).toEqual(['drivmedel']);
		expect(toggleMark(['drivmedel', 'ombud'], 'drivmedel', marks)).toEqual(['ombud']);
		expect(toggleMark('', 'bredare', marks)).toEqual(['bredare']);
		expect(() => toggleMark([], 'glass', marks)).toThrow();
		expect(isMarked(['ombud'], 'ombud')).toBe(true);
		expect(isMarked('ombud', 'ombud')).toBe(false);
	});
});
