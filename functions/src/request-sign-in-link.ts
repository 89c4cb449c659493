// requestSignInLink({ email }): mails an email sign-in link to members and staff. Every address gets
// the same answer (no account probing); at most 5 requests per address per 15 minutes.
import { createHash } from 'node:crypto';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db, auth } from './admin';
import { parseInput } from './callable';
import { findPerson } from './directory';
import { enqueueMail } from './outbox';
import { APP_URL, REGION } from './params';
import { requestSignInLinkInput } from '../../src/lib/domain/schemas';
import { rateLimit } from '../../src/lib/domain/rate-limit';
import { signInMail } from '../../src/lib/domain/mail-text';
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

	const person = await findPerson(db(), email);
	if (person) {
		const firebaseLink = await auth().generateSignInWithEmailLink(email, {
			url: `${APP_URL.value()}/logga-in/bekrafta`,
			handleCodeInApp: true
		});
		const content = signInMail(confirmLink(firebaseLink, APP_URL.value()), person.name);
		await enqueueMail(db(), { ...content, to: [email], kind: 'sign-in' });
	}
	return { ok: true };
});
