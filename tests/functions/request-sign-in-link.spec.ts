// requestSignInLink and beforeUserCreated against the Auth, Firestore and Functions emulators, with
// the mail received by the development inbox (a real SMTP server) and parsed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUserWithEmailAndPassword, sendSignInLinkToEmail, signInWithEmailLink } from 'firebase/auth';
import { FunctionsError } from 'firebase/functions';
import { admin, APP_URL, clearInbox, client, inbox, PROJECT_ID, resetDemo, signInLinkOf, waitForMail, type Client } from '../support/emulators';

const MEMBER = 'ostersund@kommun.example';
const STAFF = 'handlaggare@tillvaxtverket.example';
const UNKNOWN = 'okand@example.org';

async function clearRateLimits() {
	const { db } = admin();
	const docs = await db.collection('rateLimits').listDocuments();
	await Promise.all(docs.map((d) => d.delete()));
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
		const queued = await db.collection('mail').where('to', 'array-contains', UNKNOWN).get();
		expect(queued.size).toBe(0);
		expect((await inbox()).filter((x) => x.to === UNKNOWN)).toHaveLength(0);
	});

	it('refuses a malformed address with invalid-argument and zod issues', async () => {
		const err = await c.call('requestSignInLink', { email: 'inte-en-adress' }).catch((e) => e as FunctionsError);
		expect((err as FunctionsError).code).toBe('functions/invalid-argument');
		expect((err as FunctionsError).details).toMatchObject({ issues: expect.any(Array) });
		expect(await codeOf(c.call('requestSignInLink', { email: MEMBER, extra: 1 }))).toBe('functions/invalid-argument');
	});

	it('allows 5 requests per address per 15 minutes, then resource-exhausted — for unknown addresses too', async () => {
		for (let i = 0; i < 5; i++) expect(await codeOf(c.call('requestSignInLink', { email: MEMBER }))).toBe('ok');
		expect(await codeOf(c.call('requestSignInLink', { email: MEMBER }))).toBe('functions/resource-exhausted');
		for (let i = 0; i < 5; i++) expect(await codeOf(c.call('requestSignInLink', { email: UNKNOWN }))).toBe('ok');
		expect(await codeOf(c.call('requestSignInLink', { email: UNKNOWN }))).toBe('functions/resource-exhausted');
		expect(await codeOf(c.call('requestSignInLink', { email: STAFF }))).toBe('ok');
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
		await db.doc('regions/jamtland-harjedalen/members/u-ny').set({ email: 'ny@bracke.example', name: 'Nina Ny', orgId: 'bracke', role: 'editor' });
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
