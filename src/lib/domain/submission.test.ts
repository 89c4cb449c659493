import { describe, it, expect } from 'vitest';
import { withRepairs } from './ordering';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	canonicalContent,
	rowsPerArea,
	submissionRecord,
	reopeningRecord,
	CONTENT_FORMAT,
	type SubmittedRow
} from './submission';
import { submission, row as rowSchema, type PriorityArea, type RowFields } from './schemas';

const areas: PriorityArea[] = [
	{ number: 1, title: 'Medborgarnas tillgång' },
	{ number: 2, title: 'Stöd och rådgivning' },
	{ number: 3, title: 'Samordning' }
];
const by = { uid: 'uid-karin', name: 'Karin Krokom' };
const at = new Date('2027-01-20T10:15:00Z');
/** The hash the caller passes in (functions/src/shared/content-hash.ts computes it the same way; tested there). */
const contentHash = (rs: readonly SubmittedRow[]) => createHash('sha256').update(canonicalContent(rs), 'utf8').digest('hex');

const rows: SubmittedRow[] = [
	{ id: 'r-b', area: 1, position: 2048, fields: { action: 'Dialog', goal: '1.1', serviceTypes: ['ombud', 'dagligvaror'], status: 'klar' } },
	{ id: 'r-a', area: 1, position: 1024, fields: { action: 'Kartläggning åäö', status: 'fortsatter' } },
	{ id: 'r-c', area: 3, position: 1024, fields: { resources: 'Länsstyrelsen', action: 'Samverkan' } }
];

describe('canonicalContent', () => {
	it('is exactly the documented JSON: rows in table order, id/area/fields, sorted keys and marks', () => {
		expect(canonicalContent(rows)).toBe(
			JSON.stringify({
				format: CONTENT_FORMAT,
				rows: [
					{ id: 'r-a', area: 1, fields: { action: 'Kartläggning åäö', status: 'fortsatter' } },
					{ id: 'r-b', area: 1, fields: { action: 'Dialog', goal: '1.1', serviceTypes: ['dagligvaror', 'ombud'], status: 'klar' } },
					{ id: 'r-c', area: 3, fields: { action: 'Samverkan', resources: 'Länsstyrelsen' } }
				]
			})
		);
	});

	it('starts with the format tag', () => {
		expect(canonicalContent([])).toBe(`{"format":"${CONTENT_FORMAT}","rows":[]}`);
	});

	it('does not depend on input order, key order or mark order', () => {
		const shuffled: SubmittedRow[] = [
			{ ...rows[2], fields: { action: 'Samverkan', resources: 'Länsstyrelsen' } },
			{ ...rows[0], fields: { status: 'klar', serviceTypes: ['dagligvaror', 'ombud'], goal: '1.1', action: 'Dialog' } },
			rows[1]
		];
		expect(canonicalContent(shuffled)).toBe(canonicalContent(rows));
	});

	it('does not depend on position values, only on the order they give', () => {
		const moved = rows.map((r) => ({ ...r, position: typeof r.position === 'number' ? r.position * 3 + 7 : r.position }));
		expect(canonicalContent(moved)).toBe(canonicalContent(rows));
		// Re-keying a plan from before keys (the migration, the lazy repair) keeps what was submitted.
		expect(canonicalContent(withRepairs(rows))).toBe(canonicalContent(rows));
		expect(withRepairs(rows).map((r) => r.position)).toEqual(['a1', 'a0', 'a0']);
		const swapped = rows.map((r) => (r.id === 'r-a' ? { ...r, position: 4096 } : r));
		expect(canonicalContent(swapped)).not.toBe(canonicalContent(rows));
	});

	it('ignores revisions, authors and timestamps of stored rows', () => {
		const stored = rows.map((r, i) => ({ ...r, revs: { action: i + 4 }, createdBy: 'x', updatedBy: `u${i}`, updatedAt: new Date(i) }));
		expect(canonicalContent(stored)).toBe(canonicalContent(rows));
	});

	it('reads a never-written cell and a cleared one alike, but keeps whitespace in text', () => {
		const cleared = rows.map((r) => (r.id === 'r-c' ? { ...r, fields: { ...r.fields, goal: '', serviceTypes: [] } } : r));
		expect(canonicalContent(cleared)).toBe(canonicalContent(rows));
		const spaced = rows.map((r) => (r.id === 'r-c' ? { ...r, fields: { ...r.fields, action: 'Samverkan ' } } : r));
		expect(canonicalContent(spaced)).not.toBe(canonicalContent(rows));
	});

	it('breaks position ties by id in code-unit order, not by locale', () => {
		const tied: SubmittedRow[] = [
			{ id: 'b', area: 1, position: 1, fields: { action: 'b' } },
			{ id: 'B', area: 1, position: 1, fields: { action: 'B' } },
			{ id: 'a', area: 1, position: 1, fields: { action: 'a' } }
		];
		const ids = (JSON.parse(canonicalContent(tied)) as { rows: { id: string }[] }).rows.map((r) => r.id);
		expect(ids).toEqual(['B', 'a', 'b']);
	});

	it('changes when content, area or id changes', () => {
		const base = canonicalContent(rows);
		expect(canonicalContent(rows.map((r) => (r.id === 'r-a' ? { ...r, fields: { ...r.fields, action: 'Kartläggning' } } : r)))).not.toBe(base);
		expect(canonicalContent(rows.map((r) => (r.id === 'r-c' ? { ...r, area: 2 } : r)))).not.toBe(base);
		expect(canonicalContent(rows.map((r) => (r.id === 'r-c' ? { ...r, id: 'r-d' } : r)))).not.toBe(base);
		expect(canonicalContent(rows.slice(0, 2))).not.toBe(base);
	});

	it('cannot be confused by text that looks like JSON', () => {
		const a: SubmittedRow[] = [{ id: 'x', area: 1, position: 1, fields: { action: 'a","goal":"b' } }];
		const b: SubmittedRow[] = [{ id: 'x', area: 1, position: 1, fields: { action: 'a', goal: 'b' } }];
		expect(canonicalContent(a)).not.toBe(canonicalContent(b));
	});
});

describe('rowsPerArea', () => {
	it('counts every area of the region, with zeros', () => {
		expect(rowsPerArea(rows, areas)).toEqual({ '1': 2, '2': 0, '3': 1 });
		expect(rowsPerArea([], areas)).toEqual({ '1': 0, '2': 0, '3': 0 });
	});

	it('still counts a row in an area the region does not list', () => {
		expect(rowsPerArea([{ area: 4 }], areas)).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1 });
	});
});

describe('submissionRecord', () => {
	it('records who, when, counts per area, row count and the content hash', () => {
		const record = submissionRecord({ rows, areas, by, at, contentHash: contentHash(rows) });
		expect(record).toEqual({
			by: 'uid-karin',
			byName: 'Karin Krokom',
			at,
			rowsPerArea: { '1': 2, '2': 0, '3': 1 },
			rowCount: 3,
			contentHash: contentHash(rows),
			warnings: [],
			signOffs: []
		});
		expect(submission.parse(record)).toEqual(record);
	});

	it('records the warned-about cells left empty', () => {
		const warnings = [{ rowId: 'r1', field: 'status' }, { rowId: 'r2', field: 'outputs' }];
		expect(submissionRecord({ rows, areas, by, at, contentHash: contentHash(rows), warnings }).warnings).toEqual(warnings);
	});

	it('uses the given clock, not the system clock', () => {
		expect(submissionRecord({ rows, areas, by, at: new Date('2030-05-05T05:05:05Z'), contentHash: contentHash(rows) }).at.toISOString()).toBe('2030-05-05T05:05:05.000Z');
	});

	it('handles an empty plan', () => {
		expect(submissionRecord({ rows: [], areas, by, at, contentHash: contentHash([]) })).toMatchObject({ rowCount: 0, rowsPerArea: { '1': 0, '2': 0, '3': 0 } });
	});

	it('refuses an actor without uid or name', () => {
		expect(() => submissionRecord({ rows, areas, by: { uid: '', name: 'X' }, at, contentHash: contentHash(rows) })).toThrow();
		expect(() => submissionRecord({ rows, areas, by: { uid: 'u', name: '' }, at, contentHash: contentHash(rows) })).toThrow();
	});

	it('refuses a content hash that is not 64 lower-case hex digits', () => {
		for (const bad of ['', 'a'.repeat(63), 'A'.repeat(64), 'g'.repeat(64)]) {
			expect(() => submissionRecord({ rows, areas, by, at, contentHash: bad }), bad).toThrow('invalid-hash');
		}
	});

	it('counts the seed plan', () => {
		type SeedRow = { id: string; area: number; fields: RowFields };
		const seedPath = join(import.meta.dirname, '..', '..', '..', 'seed', 'plans', 'jamtland-harjedalen-2023.json');
		const seedRows = (JSON.parse(readFileSync(seedPath, 'utf8')) as { rows: SeedRow[] }).rows.map((r, i) => ({ ...r, position: (i + 1) * 1024 }));
		for (const r of seedRows) rowSchema.shape.fields.parse(r.fields);
		const record = submissionRecord({ rows: seedRows, areas, by, at, contentHash: contentHash(seedRows) });
		expect(record.rowCount).toBe(14);
		expect(record.rowsPerArea).toEqual({ '1': 5, '2': 3, '3': 6 });
	});
});

describe('reopeningRecord', () => {
	it('records who, when and the trimmed reason', () => {
		expect(reopeningRecord({ by, at, reason: '  Fel budget i insats 2.1, rättas.  ' })).toEqual({
			by: 'uid-karin',
			byName: 'Karin Krokom',
			at,
			reason: 'Fel budget i insats 2.1, rättas.'
		});
	});

	it('refuses a reason shorter than 10 characters after trimming, or longer than 2000', () => {
		expect(() => reopeningRecord({ by, at, reason: '   kort     ' })).toThrow('reason-too-short');
		expect(() => reopeningRecord({ by, at, reason: 'x'.repeat(2001) })).toThrow('reason-too-long');
		expect(reopeningRecord({ by, at, reason: 'x'.repeat(10) }).reason).toHaveLength(10);
		expect(reopeningRecord({ by, at, reason: 'x'.repeat(2000) }).reason).toHaveLength(2000);
	});
});
