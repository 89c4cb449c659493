// requestSignOff({ regionId, year }): a coordinator asks the organisations of the region's network
// that have not signed off the draft (or whose sign-off is stale against the current content) to do
// so. One transaction reads the year, the caller, the members, the network, the sign-offs and every
// row (for the hash), counts the request against the plan's rate limit, queues ONE Swedish mail per
// such organisation to its active members (an organisation without any gets none) and records when
// each was asked on the year document (plan.signOffRequests) for the page to show.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, planNotFound, readCallerIn, refusal, requireMay, yearRef } from '../shared/callable';
import { may, mayInSomeStatus } from '../../../src/lib/domain/authorization';
import { enqueueMailIn } from '../shared/outbox';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { InvalidDocument, invalidDocumentError, InvalidRow, invalidRowError, parseStored } from '../shared/plan-rows';
import { member, organization, plan, region, requestSignOffInput, signOff } from '../../../src/lib/domain/schemas';
import { notSignedOff, signOffsByOrganisation, type SignOffState } from '../../../src/lib/domain/sign-off';
import { signOffRequestMail } from '../../../src/lib/domain/plan-mail';
import { rateLimit, SIGN_OFF_REQUEST_LIMIT } from '../../../src/lib/domain/rate-limit';
import { rateLimitExpiry } from '../../../src/lib/domain/retention';
import { storedContentHash } from '../shared/content-hash';
import { paths } from '../../../src/lib/domain/paths';

export interface AskedOrganisation {
	orgId: string;
	name: string;
	state: Exclude<SignOffState, 'approved'>;
	/** Active members the mail went to; 0: nobody to ask (no mail). */
	recipients: number;
}

type Outcome =
	| { ok: true; organizations: AskedOrganisation[] }
	| { ok: false; error: 'not-found' | 'permission-denied' | 'too-many-requests' }
	| { ok: false; error: 'failed-precondition'; reason: 'plan-submitted' }
	| { ok: false; error: 'invalid-row'; invalid: InvalidRow };

const times = (v: unknown): number[] => (Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number') : []);

function requestIn(fs: Firestore, input: { regionId: string; year: string; uid: string; now: Date; appUrl: string }): Promise<Outcome> {
	const { regionId, year, uid, now, appUrl } = input;
	const ref = yearRef(fs, regionId, year);
	const limiter = fs.doc(paths.rateLimit(`sign-off-request-${regionId}-${year}`));
	return fs.runTransaction(
		async (tx): Promise<Outcome> => {
			const [yearSnap, regionSnap, caller, membersSnap, orgsSnap, signOffsSnap, rowsSnap, limitSnap] = await Promise.all([
				tx.get(ref),
				tx.get(fs.doc(paths.region(regionId))),
				readCallerIn(tx, fs, uid, regionId),
				tx.get(fs.collection(paths.members(regionId))),
				tx.get(fs.collection(paths.organizations()).where('regionId', '==', regionId)),
				tx.get(fs.collection(paths.signOffs(regionId, year))),
				tx.get(fs.collection(paths.rows(regionId, year))),
				tx.get(limiter)
			]);
			// Asking for sign-off prepares the submission: who may submit the plan may ask (a coordinator, on a draft).
			if (!mayInSomeStatus(caller.actor, 'submit-plan')) return { ok: false, error: 'permission-denied' };
			if (!yearSnap.exists) return { ok: false, error: 'not-found' };
			const p = parseStored(plan, yearSnap);
			if (!may(caller.actor, 'submit-plan', { status: p.status })) return { ok: false, error: 'failed-precondition', reason: 'plan-submitted' };
			const limit = rateLimit(times(limitSnap.get('times')), now, SIGN_OFF_REQUEST_LIMIT);
			if (!limit.allowed) return { ok: false, error: 'too-many-requests' };
			const r = parseStored(region, regionSnap);
			let hash: string;
			try {
				hash = storedContentHash(rowsSnap.docs);
			} catch (e) {
				if (e instanceof InvalidRow) return { ok: false, error: 'invalid-row', invalid: e };
				throw e;
			}
			const missing = notSignedOff(
				signOffsByOrganisation(
					orgsSnap.docs.map((d) => ({ id: d.id, data: parseStored(organization, d) })),
					signOffsSnap.docs.map((d) => ({ id: d.id, data: parseStored(signOff, d) })),
					hash
				)
			);
			// A member document that does not parse is nobody to mail (mailMembersIn does the same).
			const active = membersSnap.docs.flatMap((d) => {
				const m = member.safeParse(d.data());
				return m.success && m.data.status === 'active' ? [m.data] : [];
			});
			const asked: AskedOrganisation[] = [];
			const requests: Record<string, Date> = { ...p.signOffRequests };
			for (const o of missing) {
				const to = [...new Set(active.filter((m) => m.orgId === o.orgId).map((m) => m.email))].sort();
				const state = o.state === 'stale' ? 'stale' : 'none';
				asked.push({ orgId: o.orgId, name: o.name, state, recipients: to.length });
				if (to.length === 0) continue;
				const content = signOffRequestMail({ regionId, regionName: r.name, year, appUrl, orgName: o.name, byName: caller.name, stale: state === 'stale' });
				enqueueMailIn(tx, fs, { ...content, to, kind: 'sign-off-request', queuedAt: now });
				requests[o.orgId] = now;
			}
			tx.set(limiter, { times: limit.kept, expireAt: rateLimitExpiry(now, SIGN_OFF_REQUEST_LIMIT.windowMs) });
			if (asked.some((a) => a.recipients > 0)) tx.update(ref, { signOffRequests: requests });
			return { ok: true, organizations: asked };
		},
		{ maxAttempts: 20 }
	);
}

export const requestSignOff = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year } = parseInput(requestSignOffInput, request.data);
	await requireMay(db(), uid, regionId, 'submit-plan');
	let outcome: Outcome;
	try {
		outcome = await requestIn(db(), { regionId, year, uid, now: new Date(), appUrl: APP_URL.value() });
	} catch (e) {
		if (e instanceof InvalidDocument) throw invalidDocumentError(e);
		throw e;
	}
	if (outcome.ok) return { ok: true, organizations: outcome.organizations };
	switch (outcome.error) {
		case 'not-found':
			throw planNotFound();
		case 'permission-denied':
			throw refusal('submit-plan');
		case 'too-many-requests':
			throw new HttpsError('resource-exhausted', 'too-many-requests', { reason: 'too-many-requests' });
		case 'invalid-row':
			throw invalidRowError(outcome.invalid);
		case 'failed-precondition':
			throw new HttpsError('failed-precondition', outcome.reason, { reason: outcome.reason });
	}
});
