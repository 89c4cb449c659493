// submitPlan({ regionId, year }): a coordinator of the region hands in the year's plan and locks it.
// One transaction reads the year, its template, the region, the caller's membership, every member
// and EVERY row, checks that the plan is a draft with no blocking cell empty (cells the template only
// warns about do not stop it), and then sets status 'submitted' with the submission record (who,
// when, rows per area, content hash, the warnings) and queues a receipt to every member.
// A browser edit racing it either commits before the transaction's reads (and is submitted) or is
// refused by firestore.rules because the year is no longer a draft; the transaction never commits
// over rows that changed after it read them.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, planNotFound, readCallerIn, refusal, requireMay, yearRef } from '../shared/callable';
import { may, mayInSomeStatus } from '../../../src/lib/domain/authorization';
import { mailMembersIn } from '../shared/outbox';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { InvalidDocument, invalidDocumentError, InvalidRow, invalidRowError, parseStored, planRows } from '../shared/plan-rows';
import { checklistOf, type MissingField } from '../../../src/lib/domain/completeness';
import { submissionReceiptMail } from '../../../src/lib/domain/plan-mail';
import { plan, region, submitPlanInput, template, type Submission } from '../../../src/lib/domain/schemas';
import { submissionRecord, type SubmittedRow } from '../../../src/lib/domain/submission';
import { contentHash } from '../shared/content-hash';
import { paths } from '../../../src/lib/domain/paths';

type Outcome =
	| { ok: true; submission: Submission }
	| { ok: false; error: 'not-found' | 'permission-denied' }
	| { ok: false; error: 'failed-precondition'; reason: 'already-submitted' | 'empty' }
	| { ok: false; error: 'failed-precondition'; reason: 'incomplete'; missing: MissingField[] }
	| { ok: false; error: 'invalid-row'; invalid: InvalidRow };

async function submitIn(fs: Firestore, input: { regionId: string; year: string; uid: string; now: Date; appUrl: string }): Promise<Outcome> {
	const { regionId, year, uid, now, appUrl } = input;
	const ref = yearRef(fs, regionId, year);
	return fs.runTransaction(
		async (tx): Promise<Outcome> => {
			const yearSnap = await tx.get(ref);
			if (!yearSnap.exists) return { ok: false, error: 'not-found' };
			const p = parseStored(plan, yearSnap);
			const [templateSnap, regionSnap, caller, membersSnap, rowsSnap] = await Promise.all([
				tx.get(fs.doc(paths.template(p.templateId))),
				tx.get(fs.doc(paths.region(regionId))),
				readCallerIn(tx, fs, uid, regionId),
				tx.get(fs.collection(paths.members(regionId))),
				tx.get(fs.collection(paths.rows(regionId, year)))
			]);
			// Asked again with the membership read in the transaction: it may have changed since requireMay.
			if (!mayInSomeStatus(caller.actor, 'submit-plan')) return { ok: false, error: 'permission-denied' };
			if (!may(caller.actor, 'submit-plan', { status: p.status })) return { ok: false, error: 'failed-precondition', reason: 'already-submitted' };
			const t = parseStored(template, templateSnap);
			const r = parseStored(region, regionSnap);
			let rows: SubmittedRow[];
			try {
				rows = planRows(rowsSnap.docs).map(({ id, row }) => ({ id, area: row.area, position: row.position, fields: row.fields }));
			} catch (e) {
				if (e instanceof InvalidRow) return { ok: false, error: 'invalid-row', invalid: e };
				throw e;
			}
			if (rows.length === 0) return { ok: false, error: 'failed-precondition', reason: 'empty' };
			const { blockers, warnings } = checklistOf(t, rows);
			if (blockers.length > 0) return { ok: false, error: 'failed-precondition', reason: 'incomplete', missing: blockers };

			const submission = submissionRecord({ rows, areas: r.areas, by: { uid, name: caller.name }, at: now, contentHash: contentHash(rows), warnings });
			tx.update(ref, { status: 'submitted', submission });
			mailMembersIn(tx, fs, membersSnap, 'plan-submitted', now, (m) => submissionReceiptMail({ name: m.name, regionId, regionName: r.name, year, appUrl, submission, areas: r.areas }));
			return { ok: true, submission };
		},
		// Many people may be editing at the moment of submission: retry contention more than the default 5 times.
		{ maxAttempts: 20 }
	);
}

export const submitPlan = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year } = parseInput(submitPlanInput, request.data);
	await requireMay(db(), uid, regionId, 'submit-plan');
	let outcome: Outcome;
	try {
		outcome = await submitIn(db(), { regionId, year, uid, now: new Date(), appUrl: APP_URL.value() });
	} catch (e) {
		if (e instanceof InvalidDocument) throw invalidDocumentError(e);
		throw e;
	}
	if (outcome.ok) return { ok: true, submission: { ...outcome.submission, at: outcome.submission.at.toISOString() } };
	switch (outcome.error) {
		case 'not-found':
			throw planNotFound();
		case 'permission-denied':
			throw refusal('submit-plan');
		case 'invalid-row':
			throw invalidRowError(outcome.invalid);
		case 'failed-precondition':
			throw new HttpsError('failed-precondition', outcome.reason, outcome.reason === 'incomplete' ? { reason: outcome.reason, missing: outcome.missing } : { reason: outcome.reason });
	}
});
