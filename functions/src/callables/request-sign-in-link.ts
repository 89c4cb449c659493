// requestSignInLink({ email }): mails an email sign-in link to members (active, or invited with an
// invitation that holds) and staff; someone whose only invitations have expired gets a mail saying so
// and whom to ask instead. Every address gets the same answer (no account probing). Nothing is
// written for an address Planbordet does not know; for a known one at most 5 mails per 15 minutes
// (further requests are answered alike, without mail) and at most 30 requests per client
// (resource-exhausted), rate-limit.ts. App Check (CALLABLE) keeps out callers that are not the app.
import { createHash } from 'node:crypto';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db, auth } from '../shared/admin';
import { parseInput } from '../shared/callable';
import { lookupPerson, type Membership } from '../shared/directory';
import { enqueueMail } from '../shared/outbox';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { member, region, requestSignInLinkInput, staff } from '../../../src/lib/domain/schemas';
import { clientKey, signInLimits } from '../../../src/lib/domain/rate-limit';
import { rateLimitExpiry } from '../../../src/lib/domain/retention';
import { invitationExpiredMail, signInMail } from '../../../src/lib/domain/mail-text';
import { signInPlan } from '../../../src/lib/domain/membership';
import { confirmLink } from '../../../src/lib/domain/sign-in-link';
import { paths } from '../../../src/lib/domain/paths';

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const times = (v: unknown): number[] => (Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number') : []);

export const requestSignInLink = onCall(CALLABLE, async (request) => {
	const { email } = parseInput(requestSignInLinkInput, request.data);
	const now = new Date();

	// Membership first: an unknown address costs two reads and writes nothing.
	const person = await lookupPerson(db(), email);
	if (!person) return { ok: true };

	const raw = request.rawRequest;
	const fs = db();
	const addressLimiter = fs.doc(paths.rateLimit(`sign-in-${hash(email)}`));
	const clientLimiter = fs.doc(paths.rateLimit(`sign-in-client-${hash(clientKey(raw.header('x-forwarded-for'), raw.ip))}`));
	const decision = await fs.runTransaction(async (tx) => {
		const [a, c] = await tx.getAll(addressLimiter, clientLimiter);
		const d = signInLimits({ address: times(a.get('times')), client: times(c.get('times')) }, now);
		tx.set(addressLimiter, { times: d.kept.address, expireAt: rateLimitExpiry(now) });
		tx.set(clientLimiter, { times: d.kept.client, expireAt: rateLimitExpiry(now) });
		return d;
	});
	if (decision.clientRefused) throw new HttpsError('resource-exhausted', 'too-many-requests', { reason: 'too-many-requests' });
	if (!decision.send) return { ok: true };

	const plan = signInPlan(person.memberships, person.staff !== null, now);
	if (plan.refusal === 'invitation-expired' && plan.latestExpired) {
		await enqueueMail(db(), { ...(await expiredMail(person.name, plan.latestExpired, now)), to: [email], kind: 'invitation-expired', queuedAt: now });
	} else if (plan.refusal === null) {
		const firebaseLink = await auth().generateSignInWithEmailLink(email, {
			url: `${APP_URL.value()}/logga-in/bekrafta`,
			handleCodeInApp: true
		});
		const content = signInMail(confirmLink(firebaseLink, APP_URL.value()), person.name);
		await enqueueMail(db(), { ...content, to: [email], kind: 'sign-in', queuedAt: now });
	}
	return { ok: true };
});

/** The expired-invitation mail: the region's name and whom to ask — the inviter, else the region's coordinators. */
async function expiredMail(name: string, expired: Membership, now: Date) {
	const fs = db();
	const regionDoc = fs.doc(paths.region(expired.regionId));
	const [r, inviterMember, inviterStaff] = await Promise.all([
		regionDoc.get().then((d) => region.safeParse(d.data())),
		expired.member.invitedBy ? fs.doc(paths.member(expired.regionId, expired.member.invitedBy)).get().then((d) => member.safeParse(d.data())) : null,
		expired.member.invitedBy ? fs.doc(paths.staffMember(expired.member.invitedBy)).get().then((d) => staff.safeParse(d.data())) : null
	]);
	const regionName = r.success ? r.data.name : expired.regionId;
	const askName = inviterMember?.success ? inviterMember.data.name : inviterStaff?.success ? inviterStaff.data.name : `samordnaren för ${regionName}`;
	return invitationExpiredMail({ name, regionName, askName, expiredAt: expired.member.invitationExpiresAt ?? now });
}
