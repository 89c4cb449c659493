// requestSignInLink and beforeUserCreated against the Auth, Firestore and Functions emulators, with
// the mail received by the development inbox (a real SMTP server) and parsed. Limits: nothing is
// written for unknown addresses; 5 mails per address (further requests answered alike); 30 requests
// per client (resource-exhausted). App Check is off in the emulator (manifest.test.ts shows it on).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUserWithEmailAndPassword, sendSignInLinkToEmail, signInWithEmailLink } from 'firebase/auth';
import { FunctionsError } from 'firebase/functions';
import { admin, APP_URL, clearInbox, client, HOST, inbox, PROJECT_ID, resetDemo, settleOutbox, signInLinkOf, waitForMail, type Client } from '../support/emulators';
import { paths } from '../../src/lib/domain/paths';

const MEMBER = 'ostersund@kommun.example';
const STAFF = 'handlaggare@tillvaxtverket.example';
const UNKNOWN = 'okand@example.org';

async function clearRateLimits() {
	const { db } = admin();
	const docs = await db.collection(paths.rateLimits()).listDocuments();
	await Promise.all(docs.map((d) => d.delete()));
}

/**
 * The callable as the SDK calls it, from a client at `ip`: the emulator hands X-Forwarded-For through
 * as Google's front end sets it in production (the client's address last).
 */
function callFrom(ip: string, data: unknown): Promise<Response> {
	return fetch(`http://${HOST}:5001/${PROJECT_ID}/europe-north1/requestSignInLink`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
		body: JSON.stringify({ data })
	});
}

async function codeOf(p: Promise<unknown>): Promise<string> {
	try {
		await p;
		return 'ok';
	} catch (err) {
		return (err as FunctionsError).code;
	}
}

describe('requestSignInLink', () => {
	let c: Client;
	beforeAll(async () => {
		await resetDemo();
	});
	beforeEach(async () => {
		await clearRateLimits();
		await clearInbox();
		c = client();
	});
	afterAll(async () => {
		await c?.close();
	});

	it('mails a member a Swedish sign-in link to the app confirm page that signs in exactly once', async () => {
		const answer = await c.call('requestSignInLink', { email: MEMBER });
		expect(answer).toEqual({ ok: true });
		const m = await waitForMail((x) => x.to === MEMBER);
		expect(m.subject).toBe('Din inloggningslänk till Planbordet');
		expect(m.parsed.text).toContain('Hej Östen Östersund!');
		expect(m.parsed.text).toContain('Länken kan bara användas en gång');
		expect(m.parsed.html).toContain('Logga in i Planbordet');
		const link = signInLinkOf(m);
		expect(link.startsWith(`${APP_URL}/logga-in/bekrafta?`)).toBe(true);
		expect(new URL(link).searchParams.get('mode')).toBe('signIn');

		const cred = await signInWithEmailLink(c.auth, MEMBER, link);
		expect(cred.user.uid).toBe('u-ostersund');
		await c.auth.signOut();

		const again = client();
		await expect(signInWithEmailLink(again.auth, MEMBER, link)).rejects.toMatchObject({ code: 'auth/invalid-action-code' });
		await again.close();
	});

	it('mails staff too, and normalises the address', async () => {
		await c.call('requestSignInLink', { email: `  ${STAFF.toUpperCase()} ` });
		const m = await waitForMail((x) => x.to === STAFF);
		expect(m.parsed.text).toContain('Hej Tove Handläggare!');
	});

	it('gives an unknown address the same answer and sends no mail', async () => {
		expect(await c.call('requestSignInLink', { email: UNKNOWN })).toEqual({ ok: true });
		await c.call('requestSignInLink', { email: MEMBER });
		await waitForMail((x) => x.to === MEMBER);
		const { db } = admin();
		const queued = await db.collection(paths.mail()).where('to', 'array-contains', UNKNOWN).get();
		expect(queued.size).toBe(0);
		expect((await inbox()).filter((x) => x.to === UNKNOWN)).toHaveLength(0);
	});

	it('refuses a malformed address with invalid-argument and zod issues', async () => {
		const err = await c.call('requestSignInLink', { email: 'inte-en-adress' }).catch((e) => e as FunctionsError);
		expect((err as FunctionsError).code).toBe('functions/invalid-argument');
		expect((err as FunctionsError).details).toMatchObject({ issues: expect.any(Array) });
		expect(await codeOf(c.call('requestSignInLink', { email: MEMBER, extra: 1 }))).toBe('functions/invalid-argument');
	});

	it('writes nothing for an address Planbordet does not know, however often it is asked', async () => {
		for (let i = 0; i < 7; i++) expect(await codeOf(c.call('requestSignInLink', { email: UNKNOWN }))).toBe('ok');
		const { db } = admin();
		expect((await db.collection(paths.rateLimits()).get()).size).toBe(0);
		expect((await db.collection(paths.mail()).where('to', 'array-contains', UNKNOWN).get()).size).toBe(0);
	});

	it('mails an address at most 5 times per 15 minutes and answers further requests alike, without mail', async () => {
		await settleOutbox();
		const { db } = admin();
		const signInMails = async () => (await db.collection(paths.mail()).where('to', 'array-contains', MEMBER).where('kind', '==', 'sign-in').get()).size;
		const before = await signInMails();
		for (let i = 0; i < 7; i++) expect(await codeOf(c.call('requestSignInLink', { email: MEMBER }))).toBe('ok');
		expect((await signInMails()) - before).toBe(5);
		// Another address from the same client is not held back by this one's limit.
		expect(await codeOf(c.call('requestSignInLink', { email: STAFF }))).toBe('ok');
		await waitForMail((x) => x.to === STAFF);
	});

	it('refuses a client after 30 requests for known addresses in 15 minutes (resource-exhausted); other clients go on', async () => {
		const from = (ip: string, email: string) => callFrom(ip, { email });
		for (let i = 0; i < 30; i++) expect((await from('203.0.113.7', i % 2 ? MEMBER : STAFF)).status).toBe(200);
		const refused = await from('203.0.113.7', MEMBER);
		expect(refused.status).toBe(429);
		expect(await refused.json()).toMatchObject({ error: { status: 'RESOURCE_EXHAUSTED', details: { reason: 'too-many-requests' } } });
		expect((await from('198.51.100.20', MEMBER)).status).toBe(200);
		// An unknown address is answered as always: the limits are neither read nor written for it.
		expect((await from('203.0.113.7', UNKNOWN)).status).toBe(200);
	});
});

describe('beforeUserCreated', () => {
	it('refuses an account for an unknown address created directly through Firebase Auth', async () => {
		const c = client();
		await expect(createUserWithEmailAndPassword(c.auth, UNKNOWN, 'hemligt-lösen-123')).rejects.toMatchObject({ code: expect.stringMatching(/^auth\//) });
		const { auth } = admin();
		await expect(auth.getUserByEmail(UNKNOWN)).rejects.toMatchObject({ code: 'auth/user-not-found' });
		await c.close();
	});

	it('refuses an email-link sign-up for an unknown address requested directly from Firebase Auth', async () => {
		const c = client();
		await sendSignInLinkToEmail(c.auth, UNKNOWN, { url: `${APP_URL}/logga-in/bekrafta`, handleCodeInApp: true });
		const res = await fetch(`http://127.0.0.1:9099/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
		const { oobCodes } = (await res.json()) as { oobCodes: Array<{ email: string; oobLink: string }> };
		const link = oobCodes.filter((o) => o.email === UNKNOWN).at(-1)?.oobLink;
		expect(link).toBeTruthy();
		await expect(signInWithEmailLink(c.auth, UNKNOWN, link as string)).rejects.toMatchObject({ code: expect.stringMatching(/^auth\//) });
		await expect(admin().auth.getUserByEmail(UNKNOWN)).rejects.toMatchObject({ code: 'auth/user-not-found' });
		await c.close();
	});

	it('lets an invited member without an account sign up through the link', async () => {
		const { db, auth } = admin();
		await db.doc(paths.member('jamtland-harjedalen', 'u-ny')).set({ email: 'ny@bracke.example', name: 'Nina Ny', orgId: 'bracke', role: 'editor' });
		await clearRateLimits();
		const c = client();
		await c.call('requestSignInLink', { email: 'ny@bracke.example' });
		const m = await waitForMail((x) => x.to === 'ny@bracke.example');
		const cred = await signInWithEmailLink(c.auth, 'ny@bracke.example', signInLinkOf(m));
		expect(cred.user.email).toBe('ny@bracke.example');
		expect((await auth.getUserByEmail('ny@bracke.example')).uid).toBe(cred.user.uid);
		await c.close();
	});
});
