// recordRowHistory, the trigger on every row write: members of Jämtland Härjedalen create, edit,
// move and delete a row of the 2023 draft through the browser SDK (the app's own row writes), and
// the trigger records exactly one entry per change — old and new value, who (uid, name,
// organisation), the area, the time. Redelivery: the emulator delivers each event once, so the
// exported function's handler is run directly, twice, with one event id; the second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from 'firebase-functions/v2/firestore';
import { FieldValue, type DocumentSnapshot } from 'firebase-admin/firestore';
import { admin, eventually, PROJECT_ID, resetDemo, settleOutbox } from '../support/emulators';
import { clientPool, JH, P, yearDoc } from '../support/plans';
import { addRowTo, deleteRowFrom, moveRowTo, writeCellTo } from '../../src/lib/firebase/row-writes';
import { recordRowHistory } from '../../functions/src/triggers/record-row-history';
import { historyEntry, member, type HistoryEntry } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const YEAR = '2023';
const history = () => yearDoc(JH, YEAR).collection('history');
const rowDoc = (rowId: string) => yearDoc(JH, YEAR).collection('rows').doc(rowId);

type Entry = HistoryEntry & { id: string };

async function entriesOf(rowId: string): Promise<Entry[]> {
	const snap = await history().where('rowId', '==', rowId).get();
	return snap.docs.map((d) => ({ id: d.id, ...historyEntry.parse(d.data()) })).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
}

/** Waits until the row has `count` entries and returns them (oldest first). */
const untilEntries = (rowId: string, count: number) =>
	eventually(async () => {
		const e = await entriesOf(rowId);
		return e.length >= count ? e : undefined;
	}, `${count} history entries of row ${rowId}`);

async function orgOf(uid: string): Promise<string> {
	return member.parse((await admin().db.doc(paths.member(JH, uid)).get()).data()).orgId;
}

describe('recordRowHistory', () => {
	const pool = clientPool();
	const org: Record<string, string> = {};

	beforeAll(async () => {
		await resetDemo();
		for (const p of [P.coordJH, P.lst, P.ostersund, P.krokom]) org[p.uid] = await orgOf(p.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
	});

	describe('a row through its life, written by four members', () => {
		let rowId: string;
		let entries: Entry[];
		const who = (p: { uid: string; name: string }) => ({ by: p.uid, byName: p.name, orgId: org[p.uid] });

		beforeAll(async () => {
			const [lst, ost, krokom, coord] = await Promise.all([pool.as(P.lst.uid), pool.as(P.ostersund.uid), pool.as(P.krokom.uid), pool.as(P.coordJH.uid)]);
			const added = addRowTo(lst.db, JH, YEAR, 1, 'a5', P.lst.uid);
			rowId = added.id;
			await added.written;
			await untilEntries(rowId, 1);
			// Each write waits for its entry, so the order of the entries is the order of the writes.
			const steps: Array<() => Promise<void>> = [
				() => writeCellTo(lst.db, JH, YEAR, { doc: rowId, key: 'action', baseRev: 0, value: 'Första texten' }, P.lst.uid),
				() => writeCellTo(ost.db, JH, YEAR, { doc: rowId, key: 'action', baseRev: 1, value: 'Andra <texten> & mer' }, P.ostersund.uid),
				() => writeCellTo(krokom.db, JH, YEAR, { doc: rowId, key: 'serviceTypes', baseRev: 0, value: ['drivmedel', 'ombud'] }, P.krokom.uid),
				() => moveRowTo(lst.db, JH, YEAR, rowId, { area: 2, position: 'Zz' }, P.lst.uid),
				() => writeCellTo(ost.db, JH, YEAR, { doc: rowId, key: 'status', baseRev: 0, value: 'klar' }, P.ostersund.uid),
				() => deleteRowFrom(coord.db, JH, YEAR, rowId, P.coordJH.uid)
			];
			for (const [i, step] of steps.entries()) {
				await step();
				await untilEntries(rowId, i + 2);
			}
			// Anything a second delivery or a double count would add has had time to arrive.
			await new Promise((r) => setTimeout(r, 1500));
			entries = await entriesOf(rowId);
		});

		it('has exactly one entry per change, in order', () => {
			expect(entries.map((e) => [e.kind, e.field])).toEqual([
				['create', null],
				['edit', 'action'],
				['edit', 'action'],
				['edit', 'serviceTypes'],
				['move', null],
				['edit', 'status'],
				['delete', null]
			]);
			expect(new Set(entries.map((e) => e.eventId)).size).toBe(entries.length);
		});

		it('records the creation with its place and creator', () => {
			expect(entries[0]).toMatchObject({ rowId, old: null, new: { area: 1, position: 'a5' }, area: 1, ...who(P.lst) });
		});

		it('records each cell edit with its old and new value and the member who made it', () => {
			expect(entries[1]).toMatchObject({ old: null, new: 'Första texten', area: 1, ...who(P.lst) });
			expect(entries[2]).toMatchObject({ old: 'Första texten', new: 'Andra <texten> & mer', area: 1, ...who(P.ostersund) });
			expect(entries[3]).toMatchObject({ old: null, new: ['drivmedel', 'ombud'], area: 1, ...who(P.krokom) });
			expect(entries[5]).toMatchObject({ old: null, new: 'klar', area: 2, ...who(P.ostersund) });
		});

		it('records the move with the old and new place, under the new area', () => {
			expect(entries[4]).toMatchObject({ old: { area: 1, position: 'a5' }, new: { area: 2, position: 'Zz' }, area: 2, ...who(P.lst) });
		});

		it('records the deletion with every field the row had, under its last area', () => {
			expect(entries[6]).toMatchObject({
				old: { action: 'Andra <texten> & mer', serviceTypes: ['drivmedel', 'ombud'], status: 'klar' },
				new: null,
				area: 2
			});
		});

		it("attributes the deletion to the deleter, from the stamp the app's delete writes first", () => {
			// The Emulator Suite's auth context names a placeholder, not the deleting user (firebase-tools
			// #7450), so the trigger falls back to the row's last updatedBy — which the app's delete
			// (row-writes.ts deleteRowFrom) sets to the deleter just before deleting.
			expect(entries[6]).toMatchObject(who(P.coordJH));
		});

		it('stamps each entry with the write’s server time, and the deletion after the last write', () => {
			for (let i = 1; i < entries.length; i++) expect(entries[i].at.getTime()).toBeGreaterThan(entries[i - 1].at.getTime());
		});
	});

	describe('the handler run directly (a redelivered event)', () => {
		let before: DocumentSnapshot;
		let after: DocumentSnapshot;
		/** A row that does not exist: the after side of a deletion. */
		let gone: DocumentSnapshot;
		let rowId: string;

		const event = (id: string, data: Change<DocumentSnapshot>, authId?: string, time = '2026-03-05T13:00:00.000Z') => ({
			specversion: '1.0' as const,
			id,
			source: `//firestore.googleapis.com/projects/${PROJECT_ID}/databases/(default)`,
			type: 'google.cloud.firestore.document.v1.written.withAuthContext',
			time,
			data,
			location: 'europe-north1',
			project: PROJECT_ID,
			database: '(default)',
			namespace: '(default)',
			document: `regions/${JH}/years/${YEAR}/rows/${rowId}`,
			params: { regionId: JH, year: YEAR, rowId },
			authType: 'unknown' as const,
			authId
		});
		const lastWrite = (): Date => after.get('updatedAt').toDate();
		const byEvent = async (id: string) => (await history().where('eventId', '==', id).get()).docs.map((d) => ({ id: d.id, ...historyEntry.parse(d.data()) }));

		beforeAll(async () => {
			const lst = await pool.as(P.lst.uid);
			const added = addRowTo(lst.db, JH, YEAR, 1, 'a6', P.lst.uid);
			rowId = added.id;
			await added.written;
			await writeCellTo(lst.db, JH, YEAR, { doc: rowId, key: 'action', baseRev: 0, value: 'före' }, P.lst.uid);
			before = await rowDoc(rowId).get();
			// Two fields in one write (only the Admin SDK may): two entries from one event.
			await rowDoc(rowId).update({
				'fields.action': 'efter',
				'fields.goal': 'ett mål',
				'revs.action': 2,
				'revs.goal': 1,
				updatedBy: P.krokom.uid,
				updatedAt: FieldValue.serverTimestamp()
			});
			after = await rowDoc(rowId).get();
			gone = await yearDoc(JH, YEAR).collection('rows').doc('no-such-row-history-spec').get();
		});

		it('writes one entry per changed field, and the same event delivered again adds none', async () => {
			const id = `redelivered-${rowId}`;
			const e = event(id, new Change(before, after));
			await recordRowHistory.run(e);
			const first = await byEvent(id);
			await recordRowHistory.run(e);
			await Promise.all([recordRowHistory.run(e), recordRowHistory.run(e)]);
			const again = await byEvent(id);

			expect(first.map((x) => x.field).sort()).toEqual(['action', 'goal']);
			expect(again).toEqual(first);
			const at = lastWrite();
			expect(again.find((x) => x.field === 'action')).toMatchObject({ kind: 'edit', old: 'före', new: 'efter', by: P.krokom.uid, byName: P.krokom.name, orgId: org[P.krokom.uid], area: 1, at, eventId: id });
			expect(again.find((x) => x.field === 'goal')).toMatchObject({ kind: 'edit', old: null, new: 'ett mål', by: P.krokom.uid, at, eventId: id });
		});

		it('attributes a deletion to the member the auth context names, at the event time', async () => {
			const id = `deleted-by-coordinator-${rowId}`;
			const time = new Date(lastWrite().getTime() + 5000);
			const e = event(id, new Change(after, gone), P.coordJH.uid, time.toISOString());
			await recordRowHistory.run(e);
			await recordRowHistory.run(e);
			const entries = await byEvent(id);
			expect(entries).toHaveLength(1);
			expect(entries[0]).toMatchObject({
				kind: 'delete',
				field: null,
				old: { action: 'efter', goal: 'ett mål' },
				new: null,
				by: P.coordJH.uid,
				byName: P.coordJH.name,
				orgId: org[P.coordJH.uid],
				at: time
			});
		});

		it('places a deletion whose event time is coarser than the last write just after that write', async () => {
			const id = `deleted-coarse-time-${rowId}`;
			const wholeSecond = new Date(Math.floor(lastWrite().getTime() / 1000) * 1000);
			await recordRowHistory.run(event(id, new Change(after, gone), P.coordJH.uid, wholeSecond.toISOString()));
			expect((await byEvent(id)).map((x) => x.at)).toEqual([new Date(lastWrite().getTime() + 1)]);
		});

		it('falls back to the last writer when the auth context names no member (an Admin SDK or emulator principal)', async () => {
			for (const authId of [undefined, 'fake-auth-id@gmail.com', P.coordVN.uid]) {
				const id = `deleted-by-${authId ?? 'nobody'}-${rowId}`.replace(/[^A-Za-z0-9_-]/g, '_');
				await recordRowHistory.run(event(id, new Change(after, gone), authId));
				expect(await byEvent(id)).toMatchObject([{ kind: 'delete', by: P.krokom.uid, byName: P.krokom.name }]);
			}
		});

		it('records nothing for a write that changes no field or place', async () => {
			const id = `unchanged-${rowId}`;
			await recordRowHistory.run(event(id, new Change(after, after)));
			expect(await byEvent(id)).toEqual([]);
		});
	});
});
