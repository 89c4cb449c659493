import { describe, it, expect } from 'vitest';
import { readRowDocument, repairedRow, type RepairContext } from './row-repair';
import { row } from './schemas';
import { sortRows } from './ordering';

const at = new Date('2024-03-01T10:00:00Z');
const good = { area: 2, position: 'a1', fields: { action: 'Text', serviceTypes: ['ombud'] }, revs: { action: 3 }, createdBy: 'u-a', updatedBy: 'u-b', updatedAt: at };
const ctx: RepairContext = {
	siblings: [
		{ id: 'r1', area: 2, position: 'a0' },
		{ id: 'r2', area: 2, position: 'a3' },
		{ id: 'r3', area: 1, position: 'b0Zz' }
	],
	areaCount: 3,
	uid: 'u-coord',
	now: new Date('2024-05-05T08:00:00Z')
};

describe('readRowDocument', () => {
	it('reads a good row under a good id', () => {
		expect(readRowDocument('abc_DEF-123', good)).toEqual({ ok: true, row: good });
	});

	it('reads a row with an unknown top-level key, dropping the key', () => {
		expect(readRowDocument('r9', { ...good, colour: 'red' })).toEqual({ ok: true, row: good });
	});

	it('names the id when it is not a schemas.ts id, however good the data', () => {
		for (const bad of ['rad med mellanslag ä', 'x'.repeat(1444), '', 'a/b', 'a.b']) {
			expect(readRowDocument(bad, good)).toEqual({ ok: false, problems: [{ part: 'id' }] });
		}
	});

	it('reads a legacy numeric position (rows written before keys)', () => {
		expect(readRowDocument('r1', { ...good, position: 2048 })).toEqual({ ok: true, row: { ...good, position: 2048 } });
	});

	it('names a position that is neither a key nor a finite number, or a missing one', () => {
		for (const position of [NaN, Infinity, -Infinity, '12', 'a', 'a-0', 'a'.repeat(65), undefined]) {
			expect(readRowDocument('r1', { ...good, position })).toEqual({ ok: false, problems: [{ part: 'position' }] });
		}
	});

	it('names the cell key of a wrong value and each part once', () => {
		const r = readRowDocument('bad id', { ...good, area: 0, fields: { action: 42, serviceTypes: [1, 2] }, revs: { action: -1 }, updatedAt: 'igår' });
		expect(r).toEqual({
			ok: false,
			problems: [{ part: 'id' }, { part: 'area' }, { part: 'fields', key: 'action' }, { part: 'fields', key: 'serviceTypes' }, { part: 'revs', key: 'action' }, { part: 'updatedAt' }]
		});
	});

	it('says document when the data is no object', () => {
		expect(readRowDocument('r1', null)).toEqual({ ok: false, problems: [{ part: 'document' }] });
		expect(readRowDocument('r1', [1])).toEqual({ ok: false, problems: [{ part: 'document' }] });
	});
});

describe('repairedRow', () => {
	it('keeps every part that parses, stamps the repairer and drops unknown keys', () => {
		expect(repairedRow({ ...good, colour: 'red' }, ctx)).toEqual({ ...good, updatedBy: 'u-coord', updatedAt: ctx.now });
	});

	it('places a position that is no key after the rows of its area', () => {
		const last = (area: number, position: unknown) => {
			const repaired = { id: 'x', ...repairedRow({ ...good, area, position }, ctx) };
			return sortRows([...ctx.siblings, repaired]).filter((r) => r.area === area).at(-1)?.id;
		};
		for (const position of [NaN, Infinity, -Infinity, null, '5', 4096, 1]) expect(last(2, position)).toBe('x');
		expect(repairedRow({ ...good, area: 3, position: NaN }, ctx).position).toMatch(/^a0/);
	});

	it('moves an area outside the region to its last area', () => {
		expect(repairedRow({ ...good, area: 7 }, ctx)).toMatchObject({ area: 3, position: 'a1' });
		expect(repairedRow({ ...good, area: 1.5, position: NaN }, ctx)).toMatchObject({ area: 3 });
	});

	it('drops cells, revisions and carriedFrom that do not parse, keeping the rest', () => {
		const repaired = repairedRow(
			{
				...good,
				fields: { action: 'Kvar', status: 42, 'Bad Key': 'x', serviceTypes: ['ombud', 7], notes: 'y'.repeat(20_000) },
				revs: { action: 2, status: -1, other: 1.5 },
				carriedFrom: { year: 'förra', rowId: 'r1', note: '' }
			},
			ctx
		);
		expect(repaired.fields).toEqual({ action: 'Kvar' });
		expect(repaired.revs).toEqual({ action: 2 });
		expect(repaired.carriedFrom).toBeUndefined();
		const carriedFrom = { year: '2023', rowId: 'jh23-1-05', note: 'Från 2023' };
		expect(repairedRow({ ...good, carriedFrom }, ctx).carriedFrom).toEqual(carriedFrom);
	});

	it('builds a whole row from nothing, and the result always parses', () => {
		for (const data of [null, 'text', [], {}, { createdBy: '' }]) {
			const r = repairedRow(data, ctx);
			expect(row.safeParse(r).success).toBe(true);
			expect(r).toEqual({ area: 3, position: expect.stringMatching(/^a0/), fields: {}, revs: {}, createdBy: 'u-coord', updatedBy: 'u-coord', updatedAt: ctx.now });
		}
	});
});
