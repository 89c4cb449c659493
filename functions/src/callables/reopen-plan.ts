// reopenPlan({ regionId, year, reason }): a coordinator unlocks a submitted year, saying why. One
// transaction sets the status back to 'draft', appends { by, byName, at, reason } to the year's
// reopenings (the last submission record stays, so the history of hand-ins remains visible) and
// queues a notice with the reason to every member of the region.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, planNotFound, readCallerIn, refusal, requireMay, yearRef } from '../shared/callable';
import { may, mayInSomeStatus } from '../../../src/lib/domain/authorization';
import { mailMembersIn } from '../shared/outbox';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { reopenedMail } from '../../../src/lib/domain/plan-mail';
import { plan, region, reopenPlanInput, type Reopening } from '../../../src/lib/domain/schemas';
import { reopeningRecord } from '../../../src/lib/domain/submission';
import { paths } from '../../../src/lib/domain/paths';

type Outcome = { ok: true; reopening: Reopening } | { ok: false; error: 'not-found' | 'permission-denied' | 'not-submitted' };

async function reopenIn(fs: Firestore, input: { regionId: string; year: string; uid: string; reason: string; now: Date; appUrl: string }): Promise<Outcome> {
	const { regionId, year, uid, reason, now, appUrl } = input;
	const ref = yearRef(fs, regionId, year);
	return fs.runTransaction(async (tx): Promise<Outcome> => {
		const yearSnap = await tx.get(ref);
		if (!yearSnap.exists) return { ok: false, error: 'not-found' };
		const p = plan.parse(yearSnap.data());
		const [regionSnap, caller, membersSnap] = await Promise.all([
			tx.get(fs.doc(paths.region(regionId))),
			readCallerIn(tx, fs, uid, regionId),
			tx.get(fs.collection(paths.members(regionId)))
		]);
		if (!mayInSomeStatus(caller.actor, 'reopen-plan')) return { ok: false, error: 'permission-denied' };
		if (!may(caller.actor, 'reopen-plan', { status: p.status })) return { ok: false, error: 'not-submitted' };
		const r = region.parse(regionSnap.data());

		const reopening = reopeningRecord({ by: { uid, name: caller.name }, at: now, reason });
		tx.update(ref, { status: 'draft', reopenings: [...p.reopenings, reopening] });
		mailMembersIn(tx, fs, membersSnap, 'plan-reopened', now, (m) => reopenedMail({ name: m.name, regionId, regionName: r.name, year, appUrl, reopening }));
		return { ok: true, reopening };
	});
}

export const reopenPlan = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year, reason } = parseInput(reopenPlanInput, request.data);
	await requireMay(db(), uid, regionId, 'reopen-plan');
	const outcome = await reopenIn(db(), { regionId, year, uid, reason, now: new Date(), appUrl: APP_URL.value() });
	if (outcome.ok) return { ok: true, reopening: { ...outcome.reopening, at: outcome.reopening.at.toISOString() } };
	switch (outcome.error) {
		case 'not-found':
			throw planNotFound();
		case 'permission-denied':
			throw refusal('reopen-plan');
		case 'not-submitted':
			throw new HttpsError('failed-precondition', 'not-submitted', { reason: 'not-submitted' });
	}
});
