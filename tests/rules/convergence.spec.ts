// Co-editing converges: eight browsers, each its own Firestore SDK client and the app's own
// edit path (EditSession + cellPolicy + row-writes.ts writeCellTo, pumped on every rows snapshot as
// PlanSession does), edit three cells of one row at random under the real rules, two of them going
// offline and back. At the end everyone shows the same stored text, no stored word was lost (it is in
// the text, was deleted on purpose, or was surfaced in a notice), and every revision is one accepted write.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
	collection,
	connectFirestoreEmulator,
	disableNetwork,
	doc,
	enableNetwork,
	getDocFromServer,
	initializeFirestore,
	memoryLocalCache,
	onSnapshot,
	setDoc,
	type Firestore
} from 'firebase/firestore';
import { cellPolicy, parseValue } from '../../src/lib/domain/cell-edit';
import type { EngineAction, FieldEdit, StoredFields } from '../../src/lib/domain/edit-engine';
import { readRowDocument } from '../../src/lib/domain/row-repair';
import { template } from '../../src/lib/domain/schemas';
import { EditSession, type EditNoticeKind } from '../../src/lib/edit-session.svelte';
import { writeCellTo } from '../../src/lib/firebase/row-writes';
import { paths } from '../../src/lib/domain/paths';
import { sameValue } from '../../src/lib/domain/value-merge';
import { rng, type Rng } from '../support/fuzz-random';
import { JH, PROJECT_ID, SEEDED_AT, TEMPLATES, memberRef, rowRef, useRulesSuite } from '../support/rules-env';

// The engine as the app runs it, only counted: how many of its decisions were merges (a refused or
// overtaken write rebased on the other's) and how often an open editor took someone's change in.
const tally = vi.hoisted(() => ({ merges: 0, takeIns: 0, clashes: 0 }));
vi.mock('../../src/lib/domain/edit-engine', async (importOriginal) => {
	const real = await importOriginal<typeof import('../../src/lib/domain/edit-engine')>();
	return {
		...real,
		engineActions: (...args: Parameters<typeof real.engineActions>) => {
			const actions: EngineAction[] = real.engineActions(...args);
			// The shell asks again for the open editor's draft (entry id 'draft'): the same merge, counted once.
			tally.merges += actions.filter((a) => a.kind === 'rebase' && !a.ids.includes('draft')).length;
			return actions;
		},
		rebaseDraft: (...args: Parameters<typeof real.rebaseDraft>) => {
			const update = real.rebaseDraft(...args);
			if (update.kind === 'rebased') tally.takeIns += 1;
			if (update.kind === 'clash') tally.clashes += 1;
			return update;
		}
	};
});

vi.setConfig({ testTimeout: 90_000 });
const suite = useRulesSuite();

const YEAR = '2023';
const ROW = 'convergence-row';
const CLIENTS = 8;
const OFFLINE = new Set([6, 7]);
/** How long people edit (CONVERGENCE_MS to change); the settling after it takes a few seconds more. */
const EDIT_MS = Number(process.env.CONVERGENCE_MS ?? 15_000);
const SETTLE_MS = 30_000;
/** The template as the app reads it (parsed: a text column's choices default to none). */
const COLUMNS = template.parse(TEMPLATES['rsp-2023']).columns;
/** Two longText columns and the X-marks column of the 2023 template (the follow-up cells of the seeds). */
const TEXT_KEYS = ['outputs', 'nextYear'] as const;
const MARKS_KEY = 'serviceTypes';
const CHOICES: string[] = COLUMNS.find((c) => c.key === MARKS_KEY)!.choices.map((c) => c.value);
const [EMULATOR_HOST, EMULATOR_PORT] = (process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080').split(':');

function convergenceSeed(): number {
	const given = process.env.CONVERGENCE_SEED;
	if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 32) >>> 0;
	const n = Number(given);
	if (!Number.isInteger(n)) throw new Error(`CONVERGENCE_SEED must be an integer, not ${given}`);
	return n >>> 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The words of a text: a token glued to another by a merge is no longer one of them. */
const wordsOf = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const TOKEN = /^w\d+n\d+$/;

type Rows = { items: Array<{ id: string; data: StoredFields; pending: boolean }>; fromCache: boolean };

interface Browser {
	i: number;
	app: FirebaseApp;
	db: Firestore;
	rng: Rng;
	session: EditSession;
	rows: Rows | null;
	unsubscribe: () => void;
	accepted: FieldEdit[];
	refused: FieldEdit[];
	notices: Array<{ kind: EditNoticeKind; edit: FieldEdit }>;
	listenerErrors: unknown[];
	resolved: number;
	typed: number;
}

/** What the browsers removed on purpose: words replaced, marks taken away. */
const deliberate = { deleted: new Set<string>(), unmarked: new Set<string>() };
let tokenCount = 0;

function browser(i: number, seed: number): Browser {
	const uid = `conv-${i}`;
	const app = initializeApp({ apiKey: 'demo-api-key', projectId: PROJECT_ID, appId: 'convergence' }, `convergence-${seed}-${i}`);
	const db = initializeFirestore(app, { localCache: memoryLocalCache() });
	// Signed in as a member, as rules-unit-testing's authenticated contexts are: a mock ID token for uid.
	connectFirestoreEmulator(db, EMULATOR_HOST, Number(EMULATOR_PORT), { mockUserToken: { sub: uid, user_id: uid } });
	const b: Browser = {
		i,
		db,
		app,
		rng: rng((seed + Math.imul(i + 1, 0x9e3779b9)) >>> 0),
		rows: null,
		unsubscribe: () => {},
		accepted: [],
		refused: [],
		notices: [],
		listenerErrors: [],
		resolved: 0,
		typed: 0,
		// The host PlanSession builds, with this client's Firestore and its own rows listener.
		session: new EditSession({
			scope: 'rows',
			policy: cellPolicy(() => COLUMNS),
			docs: () => b.rows,
			valid: (ref, value) => {
				try {
					parseValue(value, COLUMNS.find((c) => c.key === ref.key));
					return true;
				} catch {
					return false;
				}
			},
			write: (edit) => {
				const written = writeCellTo(db, JH, YEAR, edit, uid);
				written.then(
					() => b.accepted.push(edit),
					() => b.refused.push(edit)
				);
				return written;
			},
			fetch: async (rowId) => {
				const snap = await getDocFromServer(doc(db, paths.rows(JH, YEAR), rowId));
				if (!snap.exists()) return null;
				const read = readRowDocument(snap.id, snap.data({ serverTimestamps: 'estimate' }));
				return read.ok ? read.row : null;
			},
			editable: () => true,
			submitted: () => false,
			persist: () => {},
			notify: (kind, edit) => b.notices.push({ kind, edit })
		})
	};
	b.unsubscribe = onSnapshot(
		collection(db, paths.rows(JH, YEAR)),
		{ includeMetadataChanges: true },
		(snap) => {
			const items: Rows['items'] = [];
			for (const d of snap.docs) {
				const read = readRowDocument(d.id, d.data({ serverTimestamps: 'estimate' }));
				if (read.ok) items.push({ id: d.id, data: read.row, pending: d.metadata.hasPendingWrites });
			}
			b.rows = { items, fromCache: snap.metadata.fromCache };
			// As PlanSession's effect: every rows snapshot may settle, send, merge or contradict the journal.
			b.session.pump();
		},
		(err) => b.listenerErrors.push(err)
	);
	return b;
}

const rowOf = (b: Browser) => b.rows?.items.find((r) => r.id === ROW) ?? null;

/** The conflict dialogs the person answers: the merge proposed when there is one, else their own. */
function answerDialogs(b: Browser): void {
	while (b.session.conflicts.length > 0) {
		b.session.resolveConflict(b.session.conflicts[0].proposal !== null ? 'merged' : 'mine');
		b.resolved += 1;
	}
}

/** One keystroke burst in the open editor, on the draft as it is now (others' changes taken in). */
function type(b: Browser, key: string): void {
	const ed = b.session.editing;
	if (!ed || ed.doc !== ROW || ed.key !== key) return;
	const draft = String(ed.draft);
	const token = `w${b.i}n${(tokenCount += 1)}`;
	const ours = wordsOf(draft).filter((w) => TOKEN.test(w));
	const roll = b.rng.next();
	let next: string;
	if (roll < 0.25 && ours.length > 0) {
		// Replace a word someone wrote.
		const old = b.rng.pick(ours);
		next = draft.replace(new RegExp(`\\b${old}\\b`), token);
		deliberate.deleted.add(old);
	} else if (roll < 0.5 && draft.length > 0) {
		// Insert in the middle: before a random space or line break.
		const gaps = [...draft.matchAll(/\s/g)].map((m) => m.index);
		const at = gaps.length > 0 ? b.rng.pick(gaps) : draft.length;
		next = `${draft.slice(0, at)} ${token}${draft.slice(at)}`;
	} else {
		// Append a line of one's own.
		next = draft === '' ? token : `${draft}\n${token}`;
	}
	b.typed += 1;
	b.session.setDraft(next);
}

async function editText(b: Browser, key: string): Promise<void> {
	const ref = { doc: ROW, key };
	if (!b.session.startEdit(ref)) return;
	await sleep(b.rng.int(0, 300));
	type(b, key);
	if (b.rng.chance(0.3)) {
		// A typing pause saves, and the person goes on typing in the same cell.
		b.session.saveDraft();
		await sleep(b.rng.int(100, 600));
		type(b, key);
	}
	await sleep(b.rng.int(0, 300));
	if (b.session.isEditing(ref)) b.session.finishEdit();
}

function toggleMark(b: Browser): void {
	const ref = { doc: ROW, key: MARKS_KEY };
	const marks = b.session.valueOf(ref) as string[];
	const mark = b.rng.pick(CHOICES);
	if (marks.includes(mark)) deliberate.unmarked.add(mark);
	b.session.setNow(ref, marks.includes(mark) ? marks.filter((m) => m !== mark) : [...marks, mark]);
}

async function person(b: Browser, until: number): Promise<void> {
	while (Date.now() < until) {
		await sleep(b.rng.int(50, 500));
		answerDialogs(b);
		if (b.rng.chance(0.2)) toggleMark(b);
		else await editText(b, b.rng.pick(TEXT_KEYS));
	}
}

/** A train through a tunnel: offline for 2–5 s, back for 2–6 s, edits going on all the while. */
async function commuter(b: Browser, until: number): Promise<void> {
	while (Date.now() < until - 3000) {
		await sleep(b.rng.int(2000, 6000));
		await disableNetwork(b.db);
		await sleep(b.rng.int(2000, 5000));
		await enableNetwork(b.db);
	}
}

async function waitFor(what: string, ms: number, done: () => boolean): Promise<void> {
	const until = Date.now() + ms;
	while (!done()) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
}

/**
 * One field's revisions against the writes the browsers saw answered. Each accepted write built on
 * baseRev b wrote revision b + 1; the rule holds when every revision 1..rev was written with one
 * value and none beyond. A revision without an accepted write must be a refused write's (its first
 * send landed, the answer was lost with the connection, the replay was refused): its value is what
 * revision b + 1 held, the base of the writes built on it.
 */
function revisionCheck(key: string, rev: number, finalValue: unknown, all: readonly Browser[]) {
	const kind = cellPolicy(() => COLUMNS).kind({ doc: ROW, key });
	const onRev = new Map<number, unknown[]>();
	for (const b of all) for (const e of b.accepted) if (e.key === key) onRev.set(e.baseRev, [...(onRev.get(e.baseRev) ?? []), e.value]);
	const clashing = [...onRev].filter(([, values]) => values.some((v) => !sameValue(kind, v, values[0]))).map(([b, values]) => ({ baseRev: b, values }));
	const beyond = [...onRev.keys()].filter((b) => b >= rev);
	const repeats = [...onRev.values()].reduce((n, values) => n + values.length - 1, 0);
	const replayed: Array<{ baseRev: number; browser: number }> = [];
	const unexplained: number[] = [];
	for (let b = 0; b < rev; b++) {
		if (onRev.has(b)) continue;
		// What revision b + 1 held: the base of the writes built on it, or the final value.
		const held = [
			...all.flatMap((x) => [...x.accepted, ...x.refused]).filter((e) => e.key === key && e.baseRev === b + 1 && e.base).map((e) => e.base!.value),
			...(b + 1 === rev ? [finalValue] : [])
		];
		const refused = all.find((x) => x.refused.some((e) => e.key === key && e.baseRev === b && held.some((v) => sameValue(kind, v, e.value))));
		if (refused) replayed.push({ baseRev: b, browser: refused.i });
		else unexplained.push(b);
	}
	return { key, rev, clashing, beyond, repeats, replayed, unexplained };
}

const browsers: Browser[] = [];
afterAll(async () => {
	for (const b of browsers) b.unsubscribe();
	await Promise.all(browsers.map((b) => deleteApp(b.app)));
});

describe('co-editing one row', () => {
	it('eight browsers, three cells, two going offline: one text for everyone, nothing lost, one revision per accepted write', async () => {
		const seed = convergenceSeed();
		console.log(`convergence seed ${seed} (CONVERGENCE_SEED=${seed} to replay the choices)`);
		await suite.admin(async (db) => {
			for (let i = 0; i < CLIENTS; i++)
				await setDoc(memberRef(db, JH, `conv-${i}`), { email: `conv${i}@convergence.example`, name: `Person ${i}`, orgId: 'region-jh', role: 'editor' });
			await setDoc(rowRef(db, JH, Number(YEAR), ROW), { area: 1, position: 'a0', fields: {}, revs: {}, createdBy: 'conv-0', updatedBy: 'conv-0', updatedAt: SEEDED_AT });
		});
		for (let i = 0; i < CLIENTS; i++) browsers.push(browser(i, seed));
		await waitFor('every browser to read the row from the server', 15_000, () => browsers.every((b) => b.rows && !b.rows.fromCache && rowOf(b)));

		const started = Date.now();
		const until = started + EDIT_MS;
		await Promise.all([...browsers.map((b) => person(b, until)), ...browsers.filter((b) => OFFLINE.has(b.i)).map((b) => commuter(b, until))]);

		// Everyone leaves their cell and is online; the dialogs that come are answered until all is written.
		for (const b of browsers) if (b.session.editing) b.session.finishEdit();
		const views = () => browsers.map((b) => JSON.stringify([...TEXT_KEYS, MARKS_KEY].map((k) => rowOf(b)?.data.fields[k] ?? null)));
		await waitFor('every journal to empty and every browser to show one stored row', SETTLE_MS, () => {
			browsers.forEach(answerDialogs);
			return (
				browsers.every((b) => b.session.entries.length === 0 && b.session.conflicts.length === 0 && b.rows && !b.rows.fromCache && !rowOf(b)?.pending) &&
				new Set(views()).size === 1
			);
		});
		const settledIn = Date.now() - until;

		const stored = readRowDocument(ROW, (await getDocFromServer(doc(browsers[0].db, paths.rows(JH, YEAR), ROW))).data({ serverTimestamps: 'estimate' }));
		if (!stored.ok) throw new Error(`the row does not read: ${JSON.stringify(stored.problems)}`);
		const final = stored.row;
		// 1. Every browser shows the stored text of each cell.
		for (const b of browsers) for (const k of [...TEXT_KEYS, MARKS_KEY]) expect(rowOf(b)?.data.fields[k], `browser ${b.i}, ${k}`).toEqual(final.fields[k]);

		// 2. Every word that was ever stored by an accepted write is in the final text, deleted on purpose, or was surfaced.
		const accepted = browsers.flatMap((b) => b.accepted);
		const surfaced = new Set(browsers.flatMap((b) => b.notices.flatMap((n) => (typeof n.edit.value === 'string' ? wordsOf(n.edit.value) : []))));
		const lost: string[] = [];
		const duplicated: string[] = [];
		for (const key of TEXT_KEYS) {
			const finalWords = wordsOf(String(final.fields[key] ?? ''));
			const seen = new Set(finalWords);
			duplicated.push(...finalWords.filter((w, j) => TOKEN.test(w) && finalWords.indexOf(w) !== j));
			const acknowledged = new Set(accepted.filter((e) => e.key === key).flatMap((e) => wordsOf(String(e.value)).filter((w) => TOKEN.test(w))));
			for (const w of acknowledged) if (!seen.has(w) && !deliberate.deleted.has(w) && !surfaced.has(w)) lost.push(`${key}:${w}`);
		}
		const finalMarks = new Set(final.fields[MARKS_KEY] as string[] | undefined);
		const markedEver = new Set(accepted.filter((e) => e.key === MARKS_KEY).flatMap((e) => e.value as string[]));
		for (const m of markedEver) if (!finalMarks.has(m) && !deliberate.unmarked.has(m)) lost.push(`${MARKS_KEY}:${m}`);

		// 3. The revision rule: revisions 1..n of a field were each written by accepted writes of one value
		// (a second browser writing the value already stored at that revision changes nothing: the rules
		// take it as a stamp), and a revision no accepted write explains was written by a write whose
		// answer was lost with the connection (refused on replay, though its first send had landed).
		const revisions = [...TEXT_KEYS, MARKS_KEY].map((k) => revisionCheck(k, final.revs[k] ?? 0, final.fields[k], browsers));
		const figure = {
			writes: accepted.length,
			revisions: revisions.reduce((n, r) => n + r.rev, 0),
			repeats: revisions.reduce((n, r) => n + r.repeats, 0),
			replayed: revisions.reduce((n, r) => n + r.replayed.length, 0),
			refused: browsers.reduce((n, b) => n + b.refused.length, 0),
			merges: tally.merges,
			takeIns: tally.takeIns,
			conflicts: browsers.reduce((n, b) => n + b.resolved, 0),
			lost: lost.length,
			duplicated: duplicated.length
		};
		const typed = browsers.reduce((n, b) => n + b.typed, 0);
		console.log(
			`convergence: seed ${seed}, ${CLIENTS} browsers, ${typed} typed edits in ${EDIT_MS / 1000} s — writes ${figure.writes} ` +
				`(${figure.revisions} revisions, ${figure.repeats} same-value repeats, ${figure.replayed} replayed; ${figure.refused} refused), ` +
				`merges ${figure.merges}, editor take-ins ${figure.takeIns}, conflicts ${figure.conflicts}, lost ${figure.lost}, ` +
				`duplicated words ${figure.duplicated}; settled ${settledIn} ms after the last edit`
		);
		expect(browsers.flatMap((b) => b.listenerErrors)).toEqual([]);
		expect(lost).toEqual([]);
		// A word comes out twice only where a landed write was replayed: its refusal merges from the old
		// base although "theirs" already holds its text (src/lib/domain/edit-engine.repro.test.ts, for the lead).
		if (figure.replayed === 0) expect(duplicated, 'words written twice by a merge').toEqual([]);
		for (const r of revisions) {
			expect(r.clashing, `${r.key}: revisions written with two different values`).toEqual([]);
			expect(r.unexplained, `${r.key}: revisions no write explains`).toEqual([]);
			expect(r.beyond, `${r.key}: accepted writes beyond the stored revision ${r.rev}`).toEqual([]);
			// Only a browser whose connection dropped can have a write land unanswered.
			for (const w of r.replayed) expect(OFFLINE.has(w.browser), `${r.key}: revision ${w.baseRev + 1} replayed by browser ${w.browser}`).toBe(true);
		}
		// The run did what it claims: everyone wrote, the offline ones too, and people met in the cells.
		for (const b of browsers) expect(b.accepted.length, `browser ${b.i}'s accepted writes`).toBeGreaterThan(0);
		expect(tally.merges + tally.takeIns).toBeGreaterThan(0);
	});
});
