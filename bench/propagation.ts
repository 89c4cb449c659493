// Write-to-listener latency: 30 signed-in listeners on one plan, one writer editing cells through the
// app's write code (src/lib/firebase/row-writes.ts), broken down in one run into five configurations
// taking turns in rounds (the app; its rules, triggers off; its write rules with reads open; its
// functions under allow-all rules; a bare updateDoc floor), with the suite's CPU per edit (bench/cpu.ts).
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
import { FLOOR_FILE, fmt, summary } from './stats';
import { CPU_GROUPS, cpuBetween, cpuSample, type CpuGroup } from './cpu';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const LISTENERS = 30;
const EDITS = Number(process.env.BENCH_EDITS ?? 60);
const ROUNDS = 4;
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
	await loadRules(FLOOR_PROJECT, 'floor.rules', ALLOW_ALL);
	const c = clientDb(FLOOR_PROJECT);
	await import('firebase/firestore').then(({ setDoc }) => setDoc(doc(c.db, 'floor/row'), { fields: { action: '' } }));
	await deleteApp(c.app);
}

type Writer = (i: number, text: string) => Promise<void>;

/** What a configuration's turns cost: the suite's CPU per group and the wall time, over its timed edits and the half second after each turn. */
type Cost = Record<CpuGroup, number> & { wall: number };

/** `count` edits, each timed until every listener has seen it; the delays go into `samples`, what the turn cost into `cost`. */
async function measure(label: string, listeners: Firestore[], path: string, write: Writer, count: number, samples: number[], cost: Cost) {
	let pending: { text: string; sentAt: number; seen: Set<number>; into: number[]; done: () => void } | null = null;
	let listenerError: Error | null = null;
	const unsubs = listeners.map((db, li) =>
		onSnapshot(
			doc(db, path),
			(snap) => {
				const text = (snap.get('fields.action') as string | undefined) ?? '';
				if (pending && text === pending.text && !pending.seen.has(li)) {
					pending.seen.add(li);
					pending.into.push(performance.now() - pending.sentAt);
					if (pending.seen.size === listeners.length) pending.done();
				}
			},
			(err) => {
				listenerError = new Error(`${label}: listener ${li} failed: ${err.message}`);
			}
		)
	);
	await new Promise((r) => setTimeout(r, 1500));
	// Edit -1 is a warm-up, not timed: the first delivery after a switch of rules or triggers (or the
	// first run of a function) is a cold start, which a meeting pays once, not per edit.
	let cpuStart = cpuSample();
	let wallStart = performance.now();
	for (let i = -1; i < count; i++) {
		if (i === 0) (cpuStart = cpuSample()), (wallStart = performance.now());
		const text = `${label} edit ${i} ${Math.random().toString(36).slice(2)}`;
		const into = i < 0 ? [] : samples;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(listenerError ?? new Error(`${label}: edit ${i} did not reach every listener (${pending?.seen.size ?? 0} of ${listeners.length})`)), i < 0 ? 30_000 : 10_000);
			pending = { text, sentAt: performance.now(), seen: new Set(), into, done: () => (clearTimeout(timer), resolve()) };
			write(i, text).catch(reject);
		});
	}
	// What the edit left to do after the last listener saw it (a trigger's write) belongs to it too.
	await new Promise((r) => setTimeout(r, 500));
	const spent = cpuBetween(cpuStart, cpuSample());
	for (const g of CPU_GROUPS) cost[g] += spent[g];
	cost.wall += performance.now() - wallStart;
	unsubs.forEach((u) => u());
}

const ALLOW_ALL = "rules_version = '2'; service cloud.firestore { match /databases/{d}/documents { match /{doc=**} { allow read, write: if true; } } }";

/** Loads a rules source into a project of the running Firestore emulator. */
async function loadRules(projectId: string, name: string, content: string) {
	const res = await fetch(`http://127.0.0.1:8080/emulator/v1/projects/${projectId}:securityRules`, {
		method: 'PUT',
		body: JSON.stringify({ rules: { files: [{ name, content }] } })
	});
	if (!res.ok) throw new Error(`rules for ${projectId}: ${res.status} ${await res.text()}`);
}

/** Turns the Functions emulator's Firestore triggers off or on (the hub's switch; the functions stay loaded). */
async function triggers(on: boolean) {
	const res = await fetch(`http://127.0.0.1:4400/functions/${on ? 'enable' : 'disable'}BackgroundTriggers`, { method: 'PUT' });
	if (!res.ok) throw new Error(`triggers ${on ? 'on' : 'off'}: ${res.status} ${await res.text()}`);
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
// Only the writer edits, so each edit is based on the revision before it, as a live page would know it.
let rev = currentRev(stored, 'action');
const appWrite: Writer = (_i, text) => writeCellTo(writer.db, REGION, YEAR, { doc: ROW, key: 'action', baseRev: rev++, value: text }, 'bench-0');

const floorClients = Array.from({ length: LISTENERS + 1 }, () => clientDb(FLOOR_PROJECT));
const [floorWriter, ...floorListeners] = floorClients;
const floorWrite: Writer = (_i, text) => updateDoc(doc(floorWriter.db, 'floor/row'), { 'fields.action': text });

const appRules = readFileSync(resolve(import.meta.dirname, '..', 'firestore.rules'), 'utf8');
// A measurement only, never deployed: the app's rules with the rows readable by any signed-in person,
// so the difference to "its rules" is the read rule evaluated for each of the 30 deliveries.
const readsOpen = appRules.replace(/(match \/rows\/\{rowId\} \{\s*allow read: if )canRead\(regionId\);/, '$1signedIn();');
if (readsOpen === appRules) throw new Error('bench/propagation: the rows match block has changed; update readsOpen');
// Each configuration names the state it runs in; switch() changes only what differs from the last one
// (enabling triggers reloads every function in the emulator: seconds, so never without need).
type RulesName = 'app' | 'reads-open' | 'allow-all';
const RULES: Record<RulesName, string> = { app: appRules, 'reads-open': readsOpen, 'allow-all': ALLOW_ALL };
const configs = [
	{ key: 'app', label: 'app (its rules + its functions)', triggersOn: true, rules: 'app' },
	{ key: 'rules', label: 'its rules, triggers off', triggersOn: false, rules: 'app' },
	{ key: 'writeRules', label: 'its write rules, reads open, no triggers', triggersOn: false, rules: 'reads-open' },
	{ key: 'functions', label: 'its functions, allow-all rules', triggersOn: true, rules: 'allow-all' },
	// The floor is another project: the app's project may stay as it is.
	{ key: 'floor', label: 'floor (bare updateDoc, allow-all)', triggersOn: null, rules: null }
] as const satisfies readonly { key: string; label: string; triggersOn: boolean | null; rules: RulesName | null }[];
let current: { triggersOn: boolean; rules: RulesName } = { triggersOn: true, rules: 'app' };
async function switchTo(c: (typeof configs)[number]) {
	if (c.rules !== null && c.rules !== current.rules) await loadRules(APP_PROJECT, `${c.rules}.rules`, RULES[c.rules]);
	if (c.triggersOn !== null && c.triggersOn !== current.triggersOn) await triggers(c.triggersOn);
	current = { triggersOn: c.triggersOn ?? current.triggersOn, rules: c.rules ?? current.rules };
}
type Key = (typeof configs)[number]['key'];
const samples = Object.fromEntries(configs.map((c) => [c.key, [] as number[]])) as Record<Key, number[]>;
const costs = Object.fromEntries(configs.map((c) => [c.key, { wall: 0, ...Object.fromEntries(CPU_GROUPS.map((g) => [g, 0])) }])) as Record<Key, Cost>;
const perRound = Math.max(1, Math.round(EDITS / ROUNDS));
try {
	for (let round = 0; round < ROUNDS; round++) {
		for (const c of configs) {
			await switchTo(c);
			if (c.key === 'floor') await measure(c.key, floorListeners.map((x) => x.db), 'floor/row', floorWrite, perRound, samples.floor, costs.floor);
			else await measure(c.key, appListeners.map((x) => x.db), rowPath, appWrite, perRound, samples[c.key], costs[c.key]);
		}
	}
} finally {
	await triggers(true).catch(() => {});
	await loadRules(APP_PROJECT, 'firestore.rules', appRules).catch(() => {});
}

const s = Object.fromEntries(configs.map((c) => [c.key, summary(samples[c.key])])) as Record<(typeof configs)[number]['key'], ReturnType<typeof summary>>;
const floor = s.floor;
console.log(`\nbench/propagation — ${LISTENERS} listeners, ${perRound * ROUNDS} edits per configuration in ${ROUNDS} rounds taken in turn`);
for (const c of configs) {
	const x = s[c.key];
	console.log(`  ${c.label.padEnd(40)} p50 ${fmt(x.p50).padStart(9)} (${(x.p50 / floor.p50).toFixed(2)}×)  p95 ${fmt(x.p95).padStart(9)}  p99 ${fmt(x.p99).padStart(9)} (${(x.p99 / floor.p99).toFixed(2)}×)  max ${fmt(x.max)}  n ${x.n}`);
}
const edits = perRound * ROUNDS;
console.log(`  per edit, over the timed edits and half a second after each turn: CPU (ms) ${CPU_GROUPS.join(' · ')} | wall (ms) | cores busy`);
for (const c of configs) {
	const x = costs[c.key];
	const cpuMs = CPU_GROUPS.reduce((sum, g) => sum + x[g], 0);
	console.log(`  ${c.label.padEnd(40)} ${CPU_GROUPS.map((g) => (x[g] / edits).toFixed(1).padStart(6)).join(' · ')} | ${(x.wall / edits).toFixed(1).padStart(6)} | ${(cpuMs / x.wall).toFixed(2)}`);
}
console.log(`  app p50 / floor p50 = ${(s.app.p50 / floor.p50).toFixed(2)} (target ≤ 2)`);
console.log(`  app p99 / floor p99 = ${(s.app.p99 / floor.p99).toFixed(2)} (target ≤ 3)`);
// The floor of this run, for bench/browser (run after it in the same suite) to measure against.
mkdirSync(FLOOR_FILE.dir, { recursive: true });
writeFileSync(FLOOR_FILE.path, JSON.stringify({ at: new Date().toISOString(), floor: s.floor, app: s.app }));
await Promise.all([...appClients, ...floorClients].map((c) => deleteApp(c.app)));
process.exit(0);
