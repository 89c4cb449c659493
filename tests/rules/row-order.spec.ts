// Row order under concurrency: six browsers add a row to one area at the same moment,
// twenty times, through the app's own writes (row-writes.ts addRowTo / moveRowTo / repairPositionsTo)
// and the rules: no two rows share a key, every browser sees one order, and every move afterwards
// moves exactly one place. Also the repair of a plan whose rows tie or still hold a legacy number.
import { describe, expect, it, vi } from 'vitest';
import { collection, getDocs, setDoc, type Firestore } from 'firebase/firestore';
import { moveStep, orderRepairs, positionAtEnd, sortRows, type Positioned } from '../../src/lib/domain/ordering';
import { readRowDocument } from '../../src/lib/domain/row-repair';
import { addRowTo, moveRowTo, repairPositionsTo } from '../../src/lib/firebase/row-writes';
import { paths } from '../../src/lib/domain/paths';
import { JH, REGION_DOCS, SEEDED_AT, rowRef, useRulesSuite } from '../support/rules-env';

vi.setConfig({ testTimeout: 120_000 });
const suite = useRulesSuite();
const YEAR = '2024';
const AREAS = REGION_DOCS[JH].areas.length;
/** Six browsers of three members of Jämtland Härjedalen: each its own SDK instance. */
const WRITERS = ['coord', 'editor', 'editor2', 'coord', 'editor', 'editor2'] as const;

/** The plan's rows as one browser reads them, through the same reader as the app. */
async function readRows(db: Firestore): Promise<Positioned[]> {
	const snap = await getDocs(collection(db, paths.rows(JH, YEAR)));
	return snap.docs.flatMap((d) => {
		const read = readRowDocument(d.id, d.data());
		return read.ok ? [{ id: d.id, area: read.row.area, position: read.row.position }] : [];
	});
}
const order = (rows: readonly Positioned[]) => sortRows(rows).map((r): [string, number] => [r.id, r.area]);

/** The table order after moving `id` one place: a swap inside an area, or only a new area at its edge. */
function expectedAfter(rows: readonly Positioned[], id: string, direction: -1 | 1): Array<[string, number]> {
	const seq = order(rows);
	const i = seq.findIndex(([x]) => x === id);
	const j = i + direction;
	if (j >= 0 && j < seq.length && seq[j][1] === seq[i][1]) [seq[i], seq[j]] = [seq[j], seq[i]];
	else seq[i] = [id, seq[i][1] + direction];
	return seq;
}

/** One move as the app makes it (PlanRows.moveRow): one write, or the repairs and the move in one batch. */
async function moveAsApp(db: Firestore, uid: string, rows: readonly Positioned[], id: string, direction: -1 | 1): Promise<boolean> {
	const to = moveStep(rows, id, direction, AREAS);
	if (!to) return false;
	if (to.repairs.length === 0) await moveRowTo(db, JH, YEAR, id, to, uid);
	else await repairPositionsTo(db, JH, YEAR, [...to.repairs, { id, area: to.area, position: to.position }], uid);
	return true;
}

describe('rows added at the same moment', () => {
	it('six browsers, twenty rounds: distinct keys, one order for everyone, and every move moves one place', async () => {
		const dbs = WRITERS.map((w) => suite.as(w));
		const added: string[][] = [];
		for (let round = 0; round < 20; round++) {
			// Everyone reads first, then everyone writes: each computes its key from the same rows.
			const seen = await Promise.all(dbs.map((db) => readRows(db)));
			const writes = dbs.map((db, i) => addRowTo(db, JH, YEAR, 2, positionAtEnd(seen[i], 2), WRITERS[i]));
			await Promise.all(writes.map((w) => w.written));
			added.push(writes.map((w) => w.id));
		}

		const views = await Promise.all(dbs.map((db) => readRows(db)));
		const area2 = views[0].filter((r) => r.area === 2);
		expect(area2).toHaveLength(120);
		expect(new Set(area2.map((r) => r.position)).size).toBe(120);
		for (const v of views) expect(order(v)).toEqual(order(views[0]));
		// Each round's rows come after the rounds before: a row added at the end stays after the earlier ones.
		const roundOf = new Map(added.flatMap((ids, round) => ids.map((id) => [id, round] as const)));
		const rounds = sortRows(area2).map((r) => roundOf.get(r.id) ?? -1);
		expect(rounds).toEqual([...rounds].sort((a, b) => a - b));

		// Moves by different browsers, one after another, across the legacy rows of area 1 too.
		let rows = views[0];
		const ids = sortRows(rows).map((r) => r.id);
		let moved = 0;
		for (let k = 0; k < 40; k++) {
			const db = dbs[k % dbs.length];
			const id = ids[(k * 37) % ids.length];
			const direction = k % 3 === 0 ? 1 : -1;
			rows = await readRows(db);
			const expected = expectedAfter(rows, id, direction);
			if (!(await moveAsApp(db, WRITERS[k % dbs.length], rows, id, direction))) continue;
			moved++;
			const after = await Promise.all([db, dbs[(k + 1) % dbs.length]].map((d) => readRows(d)));
			for (const view of after) expect(order(view)).toEqual(expected);
		}
		expect(moved).toBeGreaterThan(30);
	});
});

describe('a plan whose order needs mending', () => {
	it('rows on one key and a legacy number are re-keyed in their order, by two browsers at once, and then move one place', async () => {
		// Written with the rules off, as plans from before keys and a tie from before jitter hold them.
		await suite.admin(async (db) => {
			const stored = (position: unknown) => ({ area: 3, position, fields: {}, revs: {}, createdBy: 'coord', updatedBy: 'coord', updatedAt: SEEDED_AT });
			await setDoc(rowRef(db, JH, Number(YEAR), 'tie-b'), stored('a1'));
			await setDoc(rowRef(db, JH, Number(YEAR), 'tie-a'), stored('a1'));
			await setDoc(rowRef(db, JH, Number(YEAR), 'after'), stored('a2'));
			await setDoc(rowRef(db, JH, Number(YEAR), 'legacy'), stored(4096));
		});
		const [one, two] = [suite.as('editor'), suite.as('editor2')];
		const before = await readRows(one);
		expect(sortRows(before.filter((r) => r.area === 3)).map((r) => r.id)).toEqual(['legacy', 'tie-a', 'tie-b', 'after']);
		// Area 1's seeded rows hold legacy numbers too: both areas are re-keyed.
		const repairs = orderRepairs(before);
		expect(new Set(repairs.map((r) => r.area))).toEqual(new Set([1, 3]));
		await Promise.all([repairPositionsTo(one, JH, YEAR, repairs, 'editor'), repairPositionsTo(two, JH, YEAR, orderRepairs(await readRows(two)), 'editor2')]);

		const after = await readRows(two);
		expect(order(after)).toEqual(order(before));
		expect(orderRepairs(after)).toEqual([]);
		expect(after.every((r) => typeof r.position === 'string')).toBe(true);

		for (const [id, direction] of [['after', -1], ['legacy', 1], ['tie-b', -1]] as const) {
			const rows = await readRows(one);
			const expected = expectedAfter(rows, id, direction);
			expect(await moveAsApp(one, 'editor', rows, id, direction)).toBe(true);
			expect(order(await readRows(two))).toEqual(expected);
		}
	});

	it('a move between two rows on one key writes the repairs with it and moves one place', async () => {
		await suite.admin(async (db) => {
			const stored = (position: unknown) => ({ area: 3, position, fields: {}, revs: {}, createdBy: 'coord', updatedBy: 'coord', updatedAt: SEEDED_AT });
			await setDoc(rowRef(db, JH, Number(YEAR), 'first'), stored('a0'));
			await setDoc(rowRef(db, JH, Number(YEAR), 'tie-a'), stored('a1'));
			await setDoc(rowRef(db, JH, Number(YEAR), 'tie-b'), stored('a1'));
		});
		const db = suite.as('editor');
		const rows = await readRows(db);
		expect(moveStep(rows, 'first', 1, AREAS)?.repairs.length).toBeGreaterThan(0);
		const expected = expectedAfter(rows, 'first', 1);
		expect(await moveAsApp(db, 'editor', rows, 'first', 1)).toBe(true);
		expect(order(await readRows(db))).toEqual(expected);
		expect(sortRows((await readRows(db)).filter((r) => r.area === 3)).map((r) => r.id)).toEqual(['tie-a', 'first', 'tie-b']);
	});
});
