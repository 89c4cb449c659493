// signOffPlan({ regionId, year }): an active member signs off the year's plan for their own
// organisation ("Vi står bakom planen"). One transaction reads the year, the caller's membership and
// organisation and EVERY row, computes the content hash with submitPlan's own function
// (shared/content-hash.ts over submission.ts canonicalContent) and writes regions/{r}/years/{y}/signOffs/{orgId}
// (sign-off.ts signOffRecord) — a later edit changes the hash, which makes the sign-off stale. The
// browser cannot write a sign-off (firestore.rules): it could claim any hash.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, notAMember, parseInput, planNotFound, readCaller, readCallerIn, yearRef } from '../shared/callable';
import { may, mayInSomeStatus } from '../../../src/lib/domain/authorization';
import { CALLABLE } from '../shared/options';
import { InvalidDocument, invalidDocumentError, InvalidRow, invalidRowError, parseStored } from '../shared/plan-rows';
import { organization, plan, signOffPlanInput, type SignOff } from '../../../src/lib/domain/schemas';
import { signOffRecord } from '../../../src/lib/domain/sign-off';
import { storedContentHash } from '../shared/content-hash';
import { paths } from '../../../src/lib/domain/paths';

type Outcome =
	| { ok: true; signOff: SignOff }
	| { ok: false; error: 'not-found' | 'permission-denied' }
	| { ok: false; error: 'failed-precondition'; reason: 'plan-submitted' | 'unknown-organization' }
	| { ok: false; error: 'invalid-row'; invalid: InvalidRow };

function signOffIn(fs: Firestore, input: { regionId: string; year: string; uid: string; now: Date }): Promise<Outcome> {
	const { regionId, year, uid, now } = input;
	return fs.runTransaction(
		async (tx): Promise<Outcome> => {
			const [yearSnap, caller, rowsSnap] = await Promise.all([tx.get(yearRef(fs, regionId, year)), readCallerIn(tx, fs, uid, regionId), tx.get(fs.collection(paths.rows(regionId, year)))]);
			// Asked again with the membership read in the transaction: it may have changed since the first check.
			if (!mayInSomeStatus(caller.actor, 'sign-off-plan') || !caller.member) return { ok: false, error: 'permission-denied' };
			if (!yearSnap.exists) return { ok: false, error: 'not-found' };
			// A submitted plan is past signing off: its submission record lists the sign-offs it had.
			if (!may(caller.actor, 'sign-off-plan', { status: parseStored(plan, yearSnap).status })) return { ok: false, error: 'failed-precondition', reason: 'plan-submitted' };
			// Only an organisation of the region's network signs off (a membership could name another).
			const orgSnap = await tx.get(fs.doc(paths.organization(caller.member.orgId)));
			if (!orgSnap.exists || parseStored(organization, orgSnap).regionId !== regionId) return { ok: false, error: 'failed-precondition', reason: 'unknown-organization' };
			let hash: string;
			try {
				hash = storedContentHash(rowsSnap.docs);
			} catch (e) {
				if (e instanceof InvalidRow) return { ok: false, error: 'invalid-row', invalid: e };
				throw e;
			}
			const signOff = signOffRecord({ orgId: caller.member.orgId, uid, name: caller.name, at: now, contentHash: hash });
			tx.set(fs.doc(paths.signOff(regionId, year, signOff.orgId)), signOff);
			return { ok: true, signOff };
		},
		// Members may be editing while someone signs off: retry contention more than the default 5 times.
		{ maxAttempts: 20 }
	);
}

export const signOffPlan = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year } = parseInput(signOffPlanInput, request.data);
	// The first check, before the plan is read: an active member of the region in some status.
	if (!mayInSomeStatus((await readCaller(db(), uid, regionId)).actor, 'sign-off-plan')) throw notAMember();
	let outcome: Outcome;
	try {
		outcome = await signOffIn(db(), { regionId, year, uid, now: new Date() });
	} catch (e) {
		if (e instanceof InvalidDocument) throw invalidDocumentError(e);
		throw e;
	}
	if (outcome.ok) return { ok: true, signOff: { ...outcome.signOff, at: outcome.signOff.at.toISOString() } };
	switch (outcome.error) {
		case 'not-found':
			throw planNotFound();
		case 'permission-denied':
			throw notAMember();
		case 'invalid-row':
			throw invalidRowError(outcome.invalid);
		case 'failed-precondition':
			throw new HttpsError('failed-precondition', outcome.reason, { reason: outcome.reason });
	}
});
