// submitPlan({ regionId, year }): a coordinator of the region hands in the year's plan and locks it.
// One transaction reads the year, its template, the region, the caller's membership, every member
// and EVERY row, checks that the plan is a draft with no blocking cell empty (cells the template only
// warns about do not stop it), reads the network's organisations and their sign-offs (those not
// signed off, or signed off over other content, are warnings — or refuse the submission with
// 'not-signed-off' when the plan's signOffRequirement is 'block'), and then sets status 'submitted'
// with the submission record (who, when, rows per area, content hash, the warnings, the sign-offs)
// and queues a receipt to every member.
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
import { organization, plan, region, signOff, submitPlanInput, template, type Submission } from '../../../src/lib/domain/schemas';
import { notSignedOff, signOffsByOrganisation, submissionSignOffs, type SignOffState } from '../../../src/lib/domain/sign-off';
import { submissionRecord, type SubmittedRow } from '../../../src/lib/domain/submission';
import { contentHash } from '../shared/content-hash';
import { paths } from '../../../src/lib/domain/paths';

type Outcome =
	| { ok: true; submission: Submission }
	| { ok: false; error: 'not-found' | 'permission-denied' }
	| { ok: false; error: 'failed-precondition'; reason: 'already-submitted' | 'empty' }
	| { ok: false; error: 'failed-precondition'; reason: 'incomplete'; missing: MissingField[] }
	| { ok: false; error: 'failed-precondition'; reason: 'not-signed-off'; organizations: Array<{ orgId: string; name: string; state: SignOffState }> }
	| { ok: false; error: 'invalid-row'; invalid: InvalidRow };

async function submitIn(fs: Firestore, input: { regionId: string; year: string; uid: string; now: Date; appUrl: string }): Promise<Outcome> {
	const { regionId, year, uid, now, appUrl } = input;
	const ref = yearRef(fs, regionId, year);
	return fs.runTransaction(
		async (tx): Promise<Outcome> => {
			const yearSnap = await tx.get(ref);
			if (!yearSnap.exists) return { ok: false, error: 'not-found' };
			const p = parseStored(plan, yearSnap);
			const [templateSnap, regionSnap, caller, membersSnap, rowsSnap, orgsSnap, signOffsSnap] = await Promise.all([
				tx.get(fs.doc(paths.template(p.templateId))),
				tx.get(fs.doc(paths.region(regionId))),
				readCallerIn(tx, fs, uid, regionId),
				tx.get(fs.collection(paths.members(regionId))),
				tx.get(fs.collection(paths.rows(regionId, year))),
				tx.get(fs.collection(paths.organizations()).where('regionId', '==', regionId)),
				tx.get(fs.collection(paths.signOffs(regionId, year)))
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

			const hash = contentHash(rows);
			const signOffList = signOffsByOrganisation(
				orgsSnap.docs.map((d) => ({ id: d.id, data: parseStored(organization, d) })),
				signOffsSnap.docs.map((d) => ({ id: d.id, data: parseStored(signOff, d) })),
				hash
			);
			const missingSignOffs = notSignedOff(signOffList);
			if (p.signOffRequirement === 'block' && missingSignOffs.length > 0) {
				return { ok: false, error: 'failed-precondition', reason: 'not-signed-off', organizations: missingSignOffs.map((o) => ({ orgId: o.orgId, name: o.name, state: o.state })) };
			}

			const submission = submissionRecord({ rows, areas: r.areas, by: { uid, name: caller.name }, at: now, contentHash: hash, warnings, signOffs: submissionSignOffs(signOffList) });
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
	if (outcome.ok) {
		const s = outcome.submission;
		return { ok: true, submission: { ...s, at: s.at.toISOString(), signOffs: s.signOffs.map((o) => ({ ...o, at: o.at?.toISOString() ?? null })) } };
	}
	switch (outcome.error) {
		case 'not-found':
			throw planNotFound();
		case 'permission-denied':
			throw refusal('submit-plan');
		case 'invalid-row':
			throw invalidRowError(outcome.invalid);
		case 'failed-precondition':
			switch (outcome.reason) {
				case 'incomplete':
					throw new HttpsError('failed-precondition', outcome.reason, { reason: outcome.reason, missing: outcome.missing });
				case 'not-signed-off':
					throw new HttpsError('failed-precondition', outcome.reason, { reason: outcome.reason, organizations: outcome.organizations });
				default:
					throw new HttpsError('failed-precondition', outcome.reason, { reason: outcome.reason });
			}
	}
});
