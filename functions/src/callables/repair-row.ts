// repairRow({ regionId, year, rowId, action }): a coordinator of the region mends a stored row the
// app cannot read (row-repair.ts readRowDocument) — 'repair' writes row-repair.ts repairedRow in its
// place (under a new id when its id is not one), 'delete' removes it. A callable, not a browser write:
// the rules rightly refuse to update a row that is already invalid, and a bad id cannot be fixed in
// place. A row that can be read is refused (row-readable): ordinary edits go through the rules.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, planNotFound, readCallerIn, refusal, requireMay, yearRef } from '../shared/callable';
import { may, mayInSomeStatus } from '../../../src/lib/domain/authorization';
import { CALLABLE } from '../shared/options';
import { readRowDocument, repairedRow } from '../../../src/lib/domain/row-repair';
import { plan, region, repairRowInput, type RepairRowInput } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

type Outcome =
	| { ok: true; action: RepairRowInput['action']; rowId: string | null }
	| { ok: false; error: 'not-found' | 'permission-denied' | 'row-not-found' | 'row-readable' | 'plan-submitted' };

function repairIn(fs: Firestore, input: RepairRowInput & { uid: string; now: Date }): Promise<Outcome> {
	const { regionId, year, rowId, action, uid, now } = input;
	const ref = yearRef(fs, regionId, year);
	const rows = fs.collection(paths.rows(regionId, year));
	return fs.runTransaction(async (tx): Promise<Outcome> => {
		const [yearSnap, regionSnap, caller, rowsSnap] = await Promise.all([tx.get(ref), tx.get(fs.doc(paths.region(regionId))), readCallerIn(tx, fs, uid, regionId), tx.get(rows)]);
		if (!mayInSomeStatus(caller.actor, 'repair-row')) return { ok: false, error: 'permission-denied' };
		if (!yearSnap.exists) return { ok: false, error: 'not-found' };
		// A submitted plan is the record of what was handed in: it is reopened (reopenPlan) before it changes.
		if (!may(caller.actor, 'repair-row', { status: plan.parse(yearSnap.data()).status })) return { ok: false, error: 'plan-submitted' };
		const stored = rowsSnap.docs.find((d) => d.id === rowId);
		if (!stored) return { ok: false, error: 'row-not-found' };
		const read = readRowDocument(rowId, stored.data());
		if (read.ok) return { ok: false, error: 'row-readable' };
		if (action === 'delete') {
			tx.delete(stored.ref);
			return { ok: true, action, rowId: null };
		}
		// Its siblings place it when its position is unusable; other broken rows are no siblings.
		const siblings = rowsSnap.docs.flatMap((d) => {
			const sibling = d.id === rowId ? null : readRowDocument(d.id, d.data());
			return sibling?.ok ? [{ id: d.id, area: sibling.row.area, position: sibling.row.position }] : [];
		});
		const repaired = repairedRow(stored.data(), { siblings, areaCount: region.parse(regionSnap.data()).areas.length, uid, now });
		if (read.problems.some((p) => p.part === 'id')) {
			const fresh = rows.doc();
			tx.create(fresh, repaired);
			tx.delete(stored.ref);
			return { ok: true, action, rowId: fresh.id };
		}
		tx.set(stored.ref, repaired);
		return { ok: true, action, rowId };
	});
}

export const repairRow = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const input = parseInput(repairRowInput, request.data);
	await requireMay(db(), uid, input.regionId, 'repair-row');
	const outcome = await repairIn(db(), { ...input, uid, now: new Date() });
	if (outcome.ok) return outcome;
	switch (outcome.error) {
		case 'permission-denied':
			throw refusal('repair-row');
		case 'not-found':
			throw planNotFound();
		case 'row-not-found':
			throw new HttpsError('not-found', outcome.error, { reason: outcome.error, rowId: input.rowId });
		case 'row-readable':
		case 'plan-submitted':
			throw new HttpsError('failed-precondition', outcome.error, { reason: outcome.error, rowId: input.rowId });
	}
});
