// Test access to the running Emulator Suite (started once by `npm test`): an Admin SDK app, browser-SDK
// clients signed in as demo users, the demo seed, and the development inbox (maildev REST + mailparser).
import { deleteApp, initializeApp as initClientApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithCustomToken, signInWithEmailLink, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type FunctionsError } from 'firebase/functions';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth as adminAuth } from 'firebase-admin/auth';
import { getFirestore as adminFirestore } from 'firebase-admin/firestore';
import { simpleParser, type ParsedMail } from 'mailparser';
import { seed } from '../../scripts/seed';
import { devUnsubscribeSecret } from '../../scripts/emulator-env.mjs';
import { deadlineReminderRun, mentionDigestRun } from '../../functions/src/shared/scheduled-runs';
import { paths } from '../../src/lib/domain/paths';

export const PROJECT_ID = 'demo-planbordet';
export const HOST = '127.0.0.1';
export const APP_URL = 'http://127.0.0.1:5000';
export const MAIL_API = 'http://127.0.0.1:1080';
process.env.FIRESTORE_EMULATOR_HOST ??= `${HOST}:8080`;
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= `${HOST}:9099`;
process.env.GCLOUD_PROJECT ??= PROJECT_ID;

export function admin() {
	const app = getApps().find((a) => a.name === 'tests') ?? initializeApp({ projectId: PROJECT_ID }, 'tests');
	return { db: adminFirestore(app), auth: adminAuth(app) };
}

export async function resetDemo(): Promise<void> {
	// Let mails still being delivered finish first, so the wipe does not pull documents from under them.
	await settleOutbox(10_000).catch(() => undefined);
	await seed({ reset: true, quiet: true });
	await clearInbox();
}

export interface Client {
	app: FirebaseApp;
	auth: Auth;
	db: Firestore;
	call<T = unknown>(name: string, data: unknown): Promise<T>;
	close(): Promise<void>;
}

let clientCount = 0;
export function client(projectId = PROJECT_ID): Client {
	const app = initClientApp({ apiKey: 'demo-api-key', projectId, appId: 'demo-app', authDomain: `${projectId}.firebaseapp.com` }, `client-${++clientCount}`);
	const auth = getAuth(app);
	connectAuthEmulator(auth, `http://${HOST}:9099`, { disableWarnings: true });
	const db = getFirestore(app);
	connectFirestoreEmulator(db, HOST, 8080);
	const functions = getFunctions(app, 'europe-north1');
	connectFunctionsEmulator(functions, HOST, 5001);
	return {
		app,
		auth,
		db,
		async call<T>(name: string, data: unknown) {
			const result = await httpsCallable(functions, name)(data);
			return result.data as T;
		},
		close: () => deleteApp(app)
	};
}

/** A client signed in as a seeded user directly, with a custom token from the Admin SDK (no mail). */
export async function clientAs(uid: string): Promise<Client> {
	const c = client();
	await signInWithCustomToken(c.auth, await admin().auth.createCustomToken(uid));
	return c;
}

/** The error a callable answered with ({ code: 'functions/…', details }), or { code: 'ok' } when it succeeded. */
export async function callError(p: Promise<unknown>): Promise<{ code: string; message?: string; details?: unknown }> {
	try {
		await p;
		return { code: 'ok' };
	} catch (err) {
		const e = err as FunctionsError;
		return { code: e.code, message: e.message, details: e.details };
	}
}

/** Deletes every document of top-level collections (test state such as the reminder ledger). */
export async function clearCollections(...names: string[]): Promise<void> {
	const { db } = admin();
	for (const name of names) {
		const docs = await db.collection(name).listDocuments();
		await Promise.all(docs.map((d) => d.delete()));
	}
}

/** Waits until the sendMail function has delivered (or failed) every queued mail. */
export async function settleOutbox(timeoutMs = 30_000): Promise<void> {
	const { db } = admin();
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const open = await db.collection(paths.mail()).where('state', 'in', ['pending', 'sending']).get();
		if (open.empty) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('the outbox did not settle');
}

/**
 * Runs a schedule once, now: the run its 2nd-gen function calls (functions/src/shared/scheduled-runs.ts),
 * here against the emulators with their settings; the sendMail trigger then delivers what it queued.
 * The emulator never fires 2nd-gen schedules, and Pub/Sub cannot reach them.
 */
export async function runScheduled(name: 'sendDeadlineReminders' | 'sendMentionDigests'): Promise<void> {
	const db = admin().db;
	const now = new Date();
	if (name === 'sendDeadlineReminders') {
		await deadlineReminderRun({ db, now, appUrl: APP_URL, secret: devUnsubscribeSecret() });
	} else {
		const { failures } = await mentionDigestRun({ db, now, appUrl: APP_URL });
		if (failures.length > 0) throw new Error(`${name} failed for ${failures.map((f) => `${f.uid}: ${f.error}`).join('; ')}`);
	}
}

/** Signs a client in as a seeded user the way a person does: request the link, open it from the inbox. */
export async function signInThroughMail(c: Client, email: string): Promise<void> {
	await c.call('requestSignInLink', { email });
	const m = await waitForMail((x) => x.to === email && x.subject.includes('inloggningslänk'));
	await signInWithEmailLink(c.auth, email, signInLinkOf(m));
}

/* ---------- the development inbox ---------- */

export interface InboxMail {
	id: string;
	to: string;
	subject: string;
	parsed: ParsedMail;
}

interface ApiMail {
	id: string;
	subject: string;
	to: Array<{ address: string }>;
}

export async function clearInbox(): Promise<void> {
	const res = await fetch(`${MAIL_API}/api/email/all`, { method: 'DELETE' });
	if (!res.ok) throw new Error(`maildev: ${res.status}`);
}

export async function inbox(): Promise<InboxMail[]> {
	const res = await fetch(`${MAIL_API}/api/email`);
	if (!res.ok) throw new Error(`maildev: ${res.status}`);
	const list = (await res.json()) as ApiMail[];
	const out: InboxMail[] = [];
	for (const m of list) {
		const raw = await fetch(`${MAIL_API}/api/email/${m.id}/download`);
		const parsed = await simpleParser(Buffer.from(await raw.arrayBuffer()));
		for (const to of m.to) out.push({ id: m.id, to: to.address, subject: parsed.subject ?? '', parsed });
	}
	return out;
}

export async function waitForMail(match: (m: InboxMail) => boolean, timeoutMs = 20_000): Promise<InboxMail> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const found = (await inbox()).find(match);
		if (found) return found;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('no matching mail arrived in the development inbox');
}

export function signInLinkOf(m: InboxMail): string {
	const text = m.parsed.text ?? '';
	const link = text.split(/\s+/).find((w) => w.startsWith(`${APP_URL}/logga-in/bekrafta?`));
	if (!link) throw new Error(`no sign-in link in mail: ${text}`);
	return link;
}

/** Polls `check` until it returns a value other than undefined (what the wait was for), or fails after timeoutMs. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const v = await check();
		if (v !== undefined) return v;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
