// The overview page's reads, put together: rows land under their own plan, and the figures that
// overview() computes from them are the plan's.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { overview } from './overview';
import { overviewSources } from './overview-input';
import { plan, template, type Plan, type Row } from './schemas';

const rsp2024 = template.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', 'templates', 'rsp-2024.json'), 'utf8')));
const draft = (templateId: string): Plan => plan.parse({ templateId, status: 'draft', deadline: new Date('2025-01-31T22:59:00Z') });
const at = new Date('2024-06-01T10:00:00Z');
const full = { action: 'a', goal: 'g', resources: 'r', status: '' };
const rowOf = (area: number, position: number, fields: Row['fields']): Row => ({ area, position, fields, revs: {}, createdBy: 'u', updatedBy: 'u', updatedAt: at });

const sources = {
	regions: [
		{ id: 'a', data: { name: 'Region A' } },
		{ id: 'b', data: { name: 'Region B' } }
	],
	years: [
		{ regionId: 'a', year: '2024', data: draft('rsp-2024') },
		{ regionId: 'b', year: '2024', data: draft('rsp-2024') },
		{ regionId: 'gone', year: '2024', data: draft('rsp-2024') },
		{ regionId: 'b', year: '2025', data: draft('rsp-missing') }
	],
	rows: [
		{ regionId: 'a', year: '2024', id: 'r1', data: rowOf(1, 1, { ...full, status: 'klar' }) },
		{ regionId: 'a', year: '2024', id: 'r2', data: rowOf(1, 2, { action: 'a' }) },
		{ regionId: 'b', year: '2024', id: 'r3', data: rowOf(1, 1, { ...full, status: 'fortsatter', outputs: 'o', effects: 'e' }) },
		{ regionId: 'a', year: '2023', id: 'orphan', data: rowOf(1, 1, {}) }
	],
	templates: [{ id: 'rsp-2024', data: rsp2024 }]
};

describe('overviewSources', () => {
	it('puts each row under the plan of its region and year', () => {
		const s = overviewSources(sources);
		const ofA = s.plans.find((p) => p.regionId === 'a' && p.year === '2024');
		expect(ofA?.rows.map((r) => r.id)).toEqual(['r1', 'r2']);
		expect(s.plans.find((p) => p.regionId === 'b' && p.year === '2024')?.rows.map((r) => r.id)).toEqual(['r3']);
		expect(s.plans.some((p) => p.regionId === 'gone')).toBe(false);
	});

	it('names plans whose template is missing', () => {
		expect(overviewSources(sources).missingTemplates).toEqual(['b/2025']);
	});

	it('gives overview() the figures of each plan', () => {
		const o = overview({ ...overviewSources(sources), now: at, filter: { year: '2024' } });
		const a = o.rows.find((r) => r.regionId === 'a');
		// r1 is Klar without outputs and effects, which rsp-2024 only warns about: complete. r2 lacks
		// goal and resources, which block (its empty status only warns).
		expect(a?.completeness).toEqual({ rows: 2, completeRows: 1, missing: 2, percent: 50 });
		expect(o.rows.find((r) => r.regionId === 'b')?.completeness).toEqual({ rows: 1, completeRows: 1, missing: 0, percent: 100 });
	});
});
