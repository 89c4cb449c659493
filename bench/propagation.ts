// Write-to-listener latency: 30 signed-in listeners on one plan, one writer editing cells through the
// app's write code (src/lib/firebase/row-writes.ts) under the real rules; and the floor — the same
// over a bare updateDoc in a second project id with allow-all rules on the same emulator.
import { deleteApp, initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithCustomToken } from 'firebase/auth';
import { connectFirestoreEmulator, doc, getDoc, getFirestore, onSnapshot, updateDoc, type Firestore } from 'firebase/firestore';
import { initializeApp as initAdmin } from 'firebase-admin/app';
import { getAuth as adminAuth } from 'firebase-admin/auth';
import { getFirestore as adminDb } from 'firebase-admin/firestore';
import { writeCellTo } from '../src/lib/firebase/row-writes';
import { currentRev } from '../src/lib/domain/cell-edit';
import { row as rowSchema } from '../src/lib/domain/schemas';
import { seed } from '../scripts/seed';
import { fmt, summary } from './stats';

const LISTENERS = 30;
const EDITS = Number(process.env.BENCH_EDITS ?? 60);
const APP_PROJECT = 'demo-planbordet';
const FLOOR_PROJECT = 'demo-planbordet-floor';
const REGION = 'bench';
const YEAR = '2030';
const ROW = 'bench-row';
process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';

let appCount = 0;
function clientDb(projectId: string) {
	const app = initializeApp({ apiKey: 'demo-api-key', projectId, appId: 'bench' }, `bench-${++appCount}`);
	const db = getFirestore(app);
	connectFirestoreEmulator(db, '127.0.0.1', 8080);
	const auth = getAuth(app);
	connectAuthEmulator(auth, 'http://127.0.0.1:9099', { disableWarnings: true });
	return { app, db, auth };
}

async function setupApp() {
	const admin = initAdmin({ projectId: APP_PROJECT }, 'bench-admin');
	const db = adminDb(admin);
	const auth = adminAuth(admin);
	await db.doc(`templates/rsp-2024`).get().then((s) => {
		if (!s.exists) throw new Error('seed the demo data first (templates/rsp-2024 missing)');
	});
	await db.doc(`regions/${REGION}`).set({ name: 'Benchmark', areas: [{ number: 1, title: 'Område' }] });
	await db.doc(`regions/${REGION}/years/${YEAR}`).set({ templateId: 'rsp-2024', status: 'draft', deadline: new Date('2031-01-31T22:59:00Z'), reminderOffsets: [] });
	await db.doc(`regions/${REGION}/years/${YEAR}/rows/${ROW}`).set({ area: 1, position: 'a0', fields: {}, revs: {}, createdBy: 'bench-0', updatedBy: 'bench-0', updatedAt: new Date() });
	const tokens: string[] = [];
	for (let i = 0; i <= LISTENERS; i++) {
		const uid = `bench-${i}`;
		await db.doc(`regions/${REGION}/members/${uid}`).set({ email: `bench${i}@bench.example`, name: `Bench ${i}`, orgId: 'region-jh', role: 'editor' });
		tokens.push(await auth.createCustomToken(uid));
	}
	return tokens;
}

async function setupFloor() {
	const res = await fetch(`http://127.0.0.1:8080/emulator/v1/projects/${FLOOR_PROJECT}:securityRules`, {
		method: 'PUT',
		body: JSON.stringify({ rules: { files: [{ name: 'floor.rules', content: "rules_version = '2'; service cloud.firestore { match /databases/{d}/documents { match /{doc=**} { allow read, write: if true; } } }" }] } })
	});
	if (!res.ok) throw new Error(`floor rules: ${res.status} ${await res.text()}`);
	const c = clientDb(FLOOR_PROJECT);
	await import('firebase/firestore').then(({ setDoc }) => setDoc(doc(c.db, 'floor/row'), { fields: { action: '' } }));
	await deleteApp(c.app);
}

type Writer = (i: number, text: string) => Promise<void>;

async function measure(label: string, listeners: Firestore[], path: string, write: Writer) {
	const samples: number[] = [];
	let pending: { text: string; sentAt: number; seen: Set<number>; done: () => void } | null = null;
	let listenerError: Error | null = null;
	const unsubs = listeners.map((db, li) =>
		onSnapshot(
			doc(db, path),
			(snap) => {
				const text = (snap.get('fields.action') as string | undefined) ?? '';
				if (pending && text === pending.text && !pending.seen.has(li)) {
					pending.seen.add(li);
					samples.push(performance.now() - pending.sentAt);
					if (pending.seen.size === listeners.length) pending.done();
				}
			},
			(err) => {
				listenerError = new Error(`${label}: listener ${li} failed: ${err.message}`);
			}
		)
	);
	await new Promise((r) => setTimeout(r, 1500));
	for (let i = 0; i < EDITS; i++) {
		const text = `${label} edit ${i} ${Math.random().toString(36).slice(2)}`;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(listenerError ?? new Error(`${label}: edit ${i} did not reach every listener (${pending?.seen.size ?? 0} of ${listeners.length})`)), 10_000);
			pending = { text, sentAt: performance.now(), seen: new Set(), done: () => (clearTimeout(timer), resolve()) };
			write(i, text).catch(reject);
		});
	}
	unsubs.forEach((u) => u());
	return summary(samples);
}

await seed({ quiet: true });
const tokens = await setupApp();
await setupFloor();

const appClients = [];
for (const token of tokens) {
	const c = clientDb(APP_PROJECT);
	await signInWithCustomToken(c.auth, token);
	appClients.push(c);
}
const [writer, ...appListeners] = appClients;
const rowPath = `regions/${REGION}/years/${YEAR}/rows/${ROW}`;
const stored = rowSchema.parse((await getDoc(doc(writer.db, rowPath))).data());
const firstRev = currentRev(stored, 'action');
// Only the writer edits, so edit i is based on revision firstRev + i, as a live page would know it.
const app = await measure('app', appListeners.map((c) => c.db), rowPath, (i, text) =>
	writeCellTo(writer.db, REGION, YEAR, { doc: ROW, key: 'action', baseRev: firstRev + i, value: text }, 'bench-0')
);

const floorClients = Array.from({ length: LISTENERS + 1 }, () => clientDb(FLOOR_PROJECT));
const [floorWriter, ...floorListeners] = floorClients;
const floor = await measure('floor', floorListeners.map((c) => c.db), 'floor/row', (_i, text) => updateDoc(doc(floorWriter.db, 'floor/row'), { 'fields.action': text }));

console.log(`\nbench/propagation — ${LISTENERS} listeners, ${EDITS} edits each (${app.n} and ${floor.n} deliveries)`);
console.log(`  app   (rules, revision, serverTimestamp): p50 ${fmt(app.p50)}  p95 ${fmt(app.p95)}  p99 ${fmt(app.p99)}  max ${fmt(app.max)}`);
console.log(`  floor (bare updateDoc, allow-all rules):  p50 ${fmt(floor.p50)}  p95 ${fmt(floor.p95)}  p99 ${fmt(floor.p99)}  max ${fmt(floor.max)}`);
console.log(`  app p50 / floor p50 = ${(app.p50 / floor.p50).toFixed(2)} (target ≤ 1.5)`);
await Promise.all([...appClients, ...floorClients].map((c) => deleteApp(c.app)));
process.exit(0);
