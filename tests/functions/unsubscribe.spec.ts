// Switching deadline reminders off and on: the unsubscribe endpoint behind the mails' link (through
// Hosting's /api/unsubscribe rewrite) with good, forged and missing tokens, and the
// setReminderSubscription callable the app uses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, APP_URL, callError, clearCollections, client, clientAs, resetDemo, type Client } from '../support/emulators';
import { P } from '../support/plans';
import { reminderOptOut } from '../../src/lib/domain/schemas';
import { signToken } from '../../functions/src/shared/unsubscribe-signing';
import { devUnsubscribeSecret } from '../../scripts/emulator-env.mjs';
import { paths } from '../../src/lib/domain/paths';

/** The emulators' UNSUBSCRIBE_SECRET, generated into .planbordet/ (scripts/emulator-env.mjs). */
const SECRET = devUnsubscribeSecret();
const ENDPOINT = `${APP_URL}/api/unsubscribe`;
const optOutOf = async (uid: string) => (await admin().db.doc(paths.reminderOptOut(uid)).get()).data();

describe('the unsubscribe endpoint', () => {
	beforeAll(async () => {
		await resetDemo();
	});
	beforeEach(async () => {
		await clearCollections('reminderOptOuts');
	});

	const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });

	it('is also served at the function’s own address', async () => {
		const token = signToken(P.lst.uid, SECRET);
		const res = await fetch(`http://127.0.0.1:5001/demo-planbordet/europe-north1/unsubscribeReminders?token=${token}`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Avsluta påminnelser');
	});

	it('answers a missing, malformed, forged or foreign-secret token with 400 and a Swedish page, changing nothing', async () => {
		const good = signToken(P.lst.uid, SECRET);
		const [uidPart, macPart] = good.split('.');
		const forgedForOther = `${signToken(P.krokom.uid, SECRET).split('.')[0]}.${macPart}`;
		const cases = ['', '?token=', '?token=abc', `?token=${uidPart}`, `?token=${uidPart}.${macPart.slice(0, -2)}AA`, `?token=${forgedForOther}`, `?token=${signToken(P.lst.uid, 'another-secret')}`, `?token=${'a'.repeat(2000)}`];
		for (const q of cases) {
			const get = await fetch(`${ENDPOINT}${q}`);
			expect(get.status, `GET ${q}`).toBe(400);
			const html = await get.text();
			expect(html).toContain('Länken fungerar inte');
			expect(html).toContain('<html lang="sv">');
			const res = await post(`${ENDPOINT}${q}`, 'List-Unsubscribe=One-Click');
			expect(res.status, `POST ${q}`).toBe(400);
		}
		const formWithForgedToken = await post(ENDPOINT, new URLSearchParams({ token: forgedForOther }).toString());
		expect(formWithForgedToken.status).toBe(400);
		expect((await admin().db.collection(paths.reminderOptOuts()).get()).size).toBe(0);
	});

	it('answers other methods with 405', async () => {
		const res = await fetch(`http://127.0.0.1:5001/demo-planbordet/europe-north1/unsubscribeReminders?token=${signToken(P.lst.uid, SECRET)}`, { method: 'DELETE' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
		expect(await optOutOf(P.lst.uid)).toBeUndefined();
	});

	it('a GET never unsubscribes; a POST of the form does, and a second POST is harmless', async () => {
		const token = signToken(P.lst.uid, SECRET);
		for (let i = 0; i < 3; i++) expect((await fetch(`${ENDPOINT}?token=${token}`)).status).toBe(200);
		expect(await optOutOf(P.lst.uid)).toBeUndefined();
		const res = await post(ENDPOINT, new URLSearchParams({ token }).toString());
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Du får inte längre påminnelser');
		expect(reminderOptOut.parse(await optOutOf(P.lst.uid))).toMatchObject({ via: 'link' });
		expect((await post(`${ENDPOINT}?token=${token}`, 'List-Unsubscribe=One-Click')).status).toBe(200);
		expect(reminderOptOut.parse(await optOutOf(P.lst.uid))).toMatchObject({ via: 'link' });
	});

	it('the confirmation page is not cached and not indexed', async () => {
		const res = await fetch(`${ENDPOINT}?token=${signToken(P.lst.uid, SECRET)}`);
		expect(res.headers.get('cache-control')).toContain('no-store');
		expect(res.headers.get('x-robots-tag')).toBe('noindex');
	});
});

describe('setReminderSubscription', () => {
	const clients: Client[] = [];
	const as = async (uid: string) => {
		const c = await clientAs(uid);
		clients.push(c);
		return c;
	};
	beforeAll(async () => {
		await resetDemo();
		await clearCollections('reminderOptOuts');
	});
	afterAll(async () => {
		await Promise.all(clients.map((c) => c.close()));
	});

	it('switches a member’s reminders off (via app) and on again', async () => {
		const c = await as(P.krokom.uid);
		expect(await c.call('setReminderSubscription', { subscribed: false })).toEqual({ ok: true, subscribed: false });
		const off = reminderOptOut.parse(await optOutOf(P.krokom.uid));
		expect(off.via).toBe('app');
		expect(Math.abs(off.at.getTime() - Date.now())).toBeLessThan(60_000);
		expect(await c.call('setReminderSubscription', { subscribed: true })).toEqual({ ok: true, subscribed: true });
		expect(await optOutOf(P.krokom.uid)).toBeUndefined();
		// Switching on when already on is fine.
		expect(await c.call('setReminderSubscription', { subscribed: true })).toEqual({ ok: true, subscribed: true });
	});

	it('lets staff and the other region’s coordinator switch theirs too', async () => {
		for (const uid of [P.reader.uid, P.coordVN.uid]) {
			await (await as(uid)).call('setReminderSubscription', { subscribed: false });
			expect(reminderOptOut.parse(await optOutOf(uid)).via).toBe('app');
		}
	});

	it('refuses anonymous callers, people who are neither members nor staff, and malformed input', async () => {
		const anonymous = client();
		clients.push(anonymous);
		expect((await callError(anonymous.call('setReminderSubscription', { subscribed: false }))).code).toBe('functions/unauthenticated');

		await admin().auth.createUser({ uid: 'u-okand', email: 'okand@example.org' }).catch(() => undefined);
		const stranger = await as('u-okand');
		const err = await callError(stranger.call('setReminderSubscription', { subscribed: false }));
		expect(err.code).toBe('functions/permission-denied');
		expect(await optOutOf('u-okand')).toBeUndefined();

		const member = await as(P.lst.uid);
		for (const data of [{ subscribed: 'false' }, {}, { subscribed: false, uid: P.krokom.uid }]) {
			const bad = await callError(member.call('setReminderSubscription', data));
			expect(bad.code, JSON.stringify(data)).toBe('functions/invalid-argument');
			expect(bad.details).toMatchObject({ issues: expect.any(Array) });
		}
		expect(await optOutOf(P.lst.uid)).toBeUndefined();
		expect(await optOutOf(P.krokom.uid)).toBeUndefined();
	});
});
