// requestSignInLink({ email }): mails an email sign-in link to members (active, or invited with an
// invitation that holds) and staff; someone whose only invitations have expired gets a mail saying so
// and whom to ask instead. Every address gets the same answer (no account probing); at most 5
// requests per address per 15 minutes.
import { createHash } from 'node:crypto';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db, auth } from './admin';
import { parseInput } from './callable';
import { lookupPerson, type Membership } from './directory';
import { enqueueMail } from './outbox';
import { APP_URL, REGION } from './params';
import { member, region, requestSignInLinkInput, staff } from '../../src/lib/domain/schemas';
import { rateLimit } from '../../src/lib/domain/rate-limit';
import { invitationExpiredMail, signInMail } from '../../src/lib/domain/mail-text';
import { signInPlan } from '../../src/lib/domain/membership';
import { confirmLink } from '../../src/lib/domain/sign-in-link';

export const requestSignInLink = onCall({ region: REGION }, async (request) => {
	const { email } = parseInput(requestSignInLinkInput, request.data);
	const now = new Date();

	const key = createHash('sha256').update(email).digest('hex');
	const limiter = db().collection('rateLimits').doc(`sign-in-${key}`);
	const allowed = await db().runTransaction(async (tx) => {
		const snap = await tx.get(limiter);
		const previous: number[] = Array.isArray(snap.get('times')) ? snap.get('times') : [];
		const decision = rateLimit(previous, now);
		tx.set(limiter, { times: decision.kept });
		return decision.allowed;
	});
	if (!allowed) throw new HttpsError('resource-exhausted', 'too-many-requests');

	const person = await lookupPerson(db(), email);
	const plan = person ? signInPlan(person.memberships, person.staff !== null, now) : null;
	if (person && plan?.refusal === 'invitation-expired' && plan.latestExpired) {
		await enqueueMail(db(), { ...(await expiredMail(person.name, plan.latestExpired, now)), to: [email], kind: 'invitation-expired' });
	} else if (person && plan?.refusal === null) {
		const firebaseLink = await auth().generateSignInWithEmailLink(email, {
			url: `${APP_URL.value()}/logga-in/bekrafta`,
			handleCodeInApp: true
		});
		const content = signInMail(confirmLink(firebaseLink, APP_URL.value()), person.name);
		await enqueueMail(db(), { ...content, to: [email], kind: 'sign-in' });
	}
	return { ok: true };
});

/** The expired-invitation mail: the region's name and whom to ask — the inviter, else the region's coordinators. */
async function expiredMail(name: string, expired: Membership, now: Date) {
	const fs = db();
	const regionDoc = fs.collection('regions').doc(expired.regionId);
	const [r, inviterMember, inviterStaff] = await Promise.all([
		regionDoc.get().then((d) => region.safeParse(d.data())),
		expired.member.invitedBy ? regionDoc.collection('members').doc(expired.member.invitedBy).get().then((d) => member.safeParse(d.data())) : null,
		expired.member.invitedBy ? fs.collection('staff').doc(expired.member.invitedBy).get().then((d) => staff.safeParse(d.data())) : null
	]);
	const regionName = r.success ? r.data.name : expired.regionId;
	const askName = inviterMember?.success ? inviterMember.data.name : inviterStaff?.success ? inviterStaff.data.name : `samordnaren för ${regionName}`;
	return invitationExpiredMail({ name, regionName, askName, expiredAt: expired.member.invitationExpiresAt ?? now });
}
