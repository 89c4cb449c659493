// The shared world of the firestore.rules specs: one test environment per spec file (project
// demo-rules, so it never meets the data of the other emulator tests), the people below, and a
// fixture seeded with the rules disabled before every test. Every test gets fresh contexts
// (`suite.as(actor)`), which are terminated after it.
//
// The emulator is the one firebase.json names (127.0.0.1:8080), or FIRESTORE_EMULATOR_HOST when set
// (emulators:exec sets it to the same), so the specs can also run against a separately started one.
//
// Who is who:
//   coord     coordinator of Jämtland Härjedalen (JH)      editor, editor2   editors of JH
//   coordVN   coordinator of Västernorrland (VN)            reader            Tillväxtverket staff reader
//   stranger  signed in, member of no region               anonymous         not signed in
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
	doc,
	serverTimestamp,
	setLogLevel,
	Timestamp,
	writeBatch,
	type DocumentData,
	type Firestore
} from 'firebase/firestore';
import { conditionsOf, type SpecCoverage } from './rules-coverage';
import { presenceExpiry } from '../../src/lib/domain/retention';
import { paths } from '../../src/lib/domain/paths';

// Every refused write would otherwise log a PERMISSION_DENIED stream error; assertFails checks them.
setLogLevel('silent');

const root = resolve(import.meta.dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

export const PROJECT_ID = 'demo-rules';
/** 127.0.0.1:8080 as firebase.json says; `emulators:exec` sets FIRESTORE_EMULATOR_HOST to the same. */
const [EMULATOR_HOST, EMULATOR_PORT] = (process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080').split(':');
export const JH = 'jamtland-harjedalen';
export const VN = 'vasternorrland';
export const REGIONS = [JH, VN] as const;
export type RegionId = (typeof REGIONS)[number];
export const YEARS = [2023, 2024] as const;
export type Year = (typeof YEARS)[number];
export type Status = 'draft' | 'submitted';

export const TEMPLATES = {
	'rsp-2023': readJson('seed/templates/rsp-2023.json'),
	'rsp-2024': readJson('seed/templates/rsp-2024.json')
} as const;
const TEMPLATE_OF_YEAR: Record<Year, keyof typeof TEMPLATES> = { 2023: 'rsp-2023', 2024: 'rsp-2024' };

const demo = readJson('seed/demo.json');
export const ORGANIZATIONS: Record<string, DocumentData> = demo.organizations;
export const REGION_DOCS: Record<RegionId, DocumentData> = {
	[JH]: demo.regions[JH], // 3 priority areas
	[VN]: demo.regions[VN] // 2 priority areas
};

export type Role = 'coordinator' | 'editor';
export interface Person {
	uid: string;
	name: string;
	email: string;
	orgId: string;
	member?: { regionId: RegionId; role: Role };
	staff?: 'reader' | 'admin';
}

export const PEOPLE = {
	coord: { uid: 'coord', name: 'Malin Samordnare', email: 'coord@region-jh.example', orgId: 'region-jh', member: { regionId: JH, role: 'coordinator' } },
	editor: { uid: 'editor', name: 'Lars Länsstyrelsen', email: 'editor@lst-jamtland.example', orgId: 'lst-jamtland', member: { regionId: JH, role: 'editor' } },
	editor2: { uid: 'editor2', name: 'Östen Östersund', email: 'editor2@ostersund.example', orgId: 'ostersund', member: { regionId: JH, role: 'editor' } },
	coordVN: { uid: 'coordVN', name: 'Vera Samordnare', email: 'coord@region-vn.example', orgId: 'region-vn', member: { regionId: VN, role: 'coordinator' } },
	reader: { uid: 'reader', name: 'Tove Handläggare', email: 'reader@tillvaxtverket.example', orgId: 'tillvaxtverket', staff: 'reader' },
	stranger: { uid: 'stranger', name: 'Karin Krokom', email: 'stranger@krokom.example', orgId: 'krokom' }
} satisfies Record<string, Person>;
export type Uid = keyof typeof PEOPLE;
/** Everyone who can ask: the people above and an unauthenticated visitor. */
export type Actor = Uid | 'anonymous';
/** The six kinds of asker of the matrix (editor2 is only ever "another person"). */
export const ACTORS = ['coord', 'editor', 'reader', 'coordVN', 'stranger', 'anonymous'] as const satisfies Actor[];
export type MatrixActor = (typeof ACTORS)[number];

/** The uid a row or presence "of" this actor carries (an anonymous visitor has none: a placeholder). */
export const uidOf = (actor: Actor): string => actor;
export const roleIn = (actor: Actor, regionId: RegionId): Role | null => {
	if (actor === 'anonymous') return null;
	const m = (PEOPLE[actor] as Person).member;
	return m && m.regionId === regionId ? m.role : null;
};
export const isStaff = (actor: Actor): boolean => actor !== 'anonymous' && (PEOPLE[actor] as Person).staff !== undefined;

/** Every region-year holds one row created by each of these: `row-<uid>`. */
export const ROW_OWNERS: string[] = [...Object.keys(PEOPLE), 'anonymous'];
export const rowIdOf = (owner: string) => `row-${owner}`;
export const SEEDED_FIELDS = {
	2023: { fields: { action: 'Servicepunkter i glesbygd', status: '', serviceTypes: ['dagligvaror'] }, revs: { action: 1, status: 1, serviceTypes: 1 } },
	2024: { fields: { action: 'Servicepunkter i glesbygd', status: '' }, revs: { action: 1, status: 1 } }
} as const;
export const SEEDED_AT = Timestamp.fromDate(new Date('2024-03-01T09:00:00Z'));
/** The one reminder ledger entry of the fixture: the 7-day reminder of JH's 2024 plan to the editor. */
export const LEDGER_ID = `${JH}~2024~editor~2025-01-31~7`;

/**
 * Every region-year holds these comments (like the rows, in both regions, so "another person's" is
 * always editor2's): two open threads on row-coord, a reply in the editor's, and a resolved thread.
 */
export const COMMENTS = {
	/** A thread on the whole row, by the editor, mentioning editor2. */
	editorRoot: 'comment-editor',
	/** A thread on the row's goal cell, by editor2. */
	editor2Root: 'comment-editor2',
	/** editor2's reply in the editor's thread. */
	reply: 'reply-editor2',
	/** A thread on row-editor, by the coordinator, resolved by the coordinator. */
	resolvedRoot: 'comment-resolved'
} as const;
/** The one queued mention of the fixture (editor2 mentions the editor in JH 2024) and its digest state. */
export const MENTION_ID = `${JH}~2024~${COMMENTS.reply}~editor`;

/* ---------- the environment ---------- */

export interface RulesSuite {
	readonly env: RulesTestEnvironment;
	/** A fresh Firestore for this actor; terminated after the test. */
	as(actor: Actor): Firestore;
	/** Clears the database and seeds the fixture (done before every test with draft years). */
	seed(options?: SeedOptions): Promise<void>;
	/** Writes with the rules disabled (extra fixtures for one test). */
	admin(write: (db: Firestore) => Promise<unknown>): Promise<void>;
}

export interface SeedOptions {
	/** The status of every seeded year (draft unless said); one test sets one year's with `admin`. */
	status?: Status;
}

/**
 * Registers the vitest hooks of one spec file: one environment for the file, a cleared and
 * re-seeded database before each test (draft years), contexts terminated after each test.
 *
 * The rules-disabled context lives for the whole file: its `withSecurityRulesDisabled` callback
 * stays pending until afterAll, so every seed reuses one connection instead of opening a new one
 * (about a third of a test's time otherwise).
 */
export function useRulesSuite(): RulesSuite {
	let env: RulesTestEnvironment | undefined;
	let adminDb: Firestore | undefined;
	let releaseAdmin = () => {};
	let adminDone: Promise<void> = Promise.resolve();
	let open: { terminate(): Promise<void> }[] = [];

	beforeAll(async () => {
		const testEnv = await initializeTestEnvironment({
			projectId: PROJECT_ID,
			firestore: { rules: readFileSync(resolve(root, 'firestore.rules'), 'utf8'), host: EMULATOR_HOST, port: Number(EMULATOR_PORT) }
		});
		env = testEnv;
		await new Promise<void>((ready, fail) => {
			adminDone = testEnv
				.withSecurityRulesDisabled(async (ctx) => {
					adminDb = ctx.firestore() as unknown as Firestore;
					ready();
					await new Promise<void>((release) => (releaseAdmin = release));
				})
				.catch(fail);
		});
	});
	// The first parameter is vitest's fixture context, which must be destructured; the second is this file's suite.
	afterAll(async ({}, suite) => {
		releaseAdmin();
		await adminDone;
		try {
			await saveRulesCoverage(basename(suite.file.filepath));
		} finally {
			await env?.cleanup();
		}
	});
	beforeEach(async () => {
		await suite.seed();
	});
	afterEach(async () => {
		const dbs = open;
		open = [];
		await Promise.all(dbs.map((db) => db.terminate()));
	});

	const suite: RulesSuite = {
		get env() {
			if (!env) throw new Error('the rules test environment is not up yet');
			return env;
		},
		as(actor) {
			const ctx = actor === 'anonymous' ? suite.env.unauthenticatedContext() : suite.env.authenticatedContext(actor);
			const db = ctx.firestore();
			open.push(db);
			// The context hands out the compat Firestore; the modular functions accept it.
			return db as unknown as Firestore;
		},
		async seed(options = {}) {
			await suite.env.clearFirestore();
			await suite.admin((db) => seedFixture(db, options));
		},
		async admin(write) {
			if (!adminDb) throw new Error('the rules-disabled context is not up yet');
			await write(adminDb);
		}
	};
	return suite;
}

/**
 * This spec file's rules coverage, for the figure rules-coverage-setup.ts prints after the run. It
 * must be fetched now: the emulator keeps one report per project, which the next spec file's rules
 * load resets. Not getting it fails the file, so the figure cannot silently go missing.
 */
async function saveRulesCoverage(spec: string) {
	const url = `http://${EMULATOR_HOST}:${EMULATOR_PORT}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage`;
	const res = await fetch(url);
	if (!res.ok) throw new Error(`the rules coverage report could not be fetched from ${url}: ${res.status} ${await res.text()}`);
	const { rules, conditions } = conditionsOf(await res.json());
	const coverage: SpecCoverage = { spec, rules, conditions };
	writeFileSync(join(inject('rulesCoverageDir'), `${spec}-${randomUUID()}.json`), JSON.stringify(coverage));
}

async function seedFixture(db: Firestore, { status = 'draft' }: SeedOptions) {
	const batch = writeBatch(db);
	for (const [id, org] of Object.entries(ORGANIZATIONS)) batch.set(doc(db, paths.organization(id)), org);
	for (const [id, t] of Object.entries(TEMPLATES)) batch.set(doc(db, paths.template(id)), t);
	for (const p of Object.values(PEOPLE) as Person[]) {
		const person = { email: p.email, name: p.name, orgId: p.orgId };
		if (p.staff) batch.set(doc(db, paths.staffMember(p.uid)), { ...person, role: p.staff });
		if (p.member) batch.set(doc(db, paths.member(p.member.regionId, p.uid)), { ...person, role: p.member.role });
	}
	for (const regionId of REGIONS) {
		batch.set(doc(db, paths.region(regionId)), REGION_DOCS[regionId]);
		for (const year of YEARS) {
			const yearPath = paths.year(regionId, String(year));
			batch.set(doc(db, yearPath), {
				templateId: TEMPLATE_OF_YEAR[year],
				status,
				deadline: Timestamp.fromDate(new Date(`${year + 1}-01-31T22:59:00Z`)),
				reminderOffsets: [30, 14, 7, 2, 1]
			});
			ROW_OWNERS.forEach((owner, i) => {
				// Legacy numeric positions, as plans written before keys hold them: every write below must still work on them.
				batch.set(doc(db, yearPath, 'rows', rowIdOf(owner)), {
					area: 1,
					position: i + 1,
					...SEEDED_FIELDS[year],
					createdBy: owner,
					updatedBy: owner,
					updatedAt: SEEDED_AT
				});
			});
			for (const p of Object.values(PEOPLE) as Person[]) {
				if (p.member?.regionId !== regionId) continue;
				batch.set(doc(db, yearPath, 'presence', p.uid), { name: p.name, orgId: p.orgId, cell: null, lastSeen: SEEDED_AT, expireAt: SEEDED_AT });
			}
			for (const [id, data] of Object.entries(seededComments())) batch.set(doc(db, yearPath, 'comments', id), data);
			// The editor has looked at the editor's thread; nobody else has read markers yet.
			batch.set(doc(db, yearPath, 'commentReads', 'editor'), { seen: { [COMMENTS.editorRoot]: SEEDED_AT } });
			batch.set(doc(db, yearPath, 'history', 'event-1'), {
				rowId: rowIdOf('coord'),
				field: 'action',
				before: '',
				after: 'Servicepunkter i glesbygd',
				by: 'coord',
				at: SEEDED_AT
			});
		}
	}
	batch.set(doc(db, paths.outboxMail('mail-1')), { to: ['coord@region-jh.example'], subject: 'Påminnelse', text: 'Hej', kind: 'reminder', createdAt: SEEDED_AT, state: 'pending', attempts: 0 });
	batch.set(doc(db, paths.rateLimit('signin-coord')), { count: 1, windowStart: SEEDED_AT });
	// The coordinator and the staff reader have switched reminders off; one reminder was sent to the editor.
	batch.set(doc(db, paths.reminderOptOut('coord')), { at: SEEDED_AT, via: 'app' });
	batch.set(doc(db, paths.reminderOptOut('reader')), { at: SEEDED_AT, via: 'link' });
	batch.set(doc(db, paths.reminderLedgerEntry(LEDGER_ID)), {
		key: LEDGER_ID.replaceAll('~', '/'),
		regionId: JH,
		year: '2024',
		uid: 'editor',
		offset: 7,
		mailId: 'mail-1',
		createdAt: SEEDED_AT
	});
	batch.set(doc(db, paths.mentionQueueEntry(MENTION_ID)), {
		uid: 'editor',
		regionId: JH,
		year: 2024,
		commentId: COMMENTS.reply,
		threadId: COMMENTS.editorRoot,
		rowId: rowIdOf('coord'),
		authorName: PEOPLE.editor2.name,
		text: 'Ja, @Lars, det gör jag.',
		createdAt: SEEDED_AT,
		state: 'pending',
		mailId: null
	});
	batch.set(doc(db, paths.mentionMailState('editor')), { lastSentAt: SEEDED_AT });
	await batch.commit();
}

function seededComments(): Record<string, DocumentData> {
	const by = (uid: Uid) => ({ authorUid: uid, authorName: PEOPLE[uid].name, authorOrgId: PEOPLE[uid].orgId });
	const open = { editedAt: null, resolved: false, resolvedBy: null, resolvedAt: null };
	return {
		[COMMENTS.editorRoot]: {
			rowId: rowIdOf('coord'), field: null, parentId: null, text: 'Vem tar den här?', ...by('editor'),
			createdAt: SEEDED_AT, ...open, mentions: ['editor2']
		},
		[COMMENTS.editor2Root]: {
			rowId: rowIdOf('coord'), field: 'goal', parentId: null, text: 'Målet saknar siffror.', ...by('editor2'),
			createdAt: SEEDED_AT, ...open, mentions: []
		},
		[COMMENTS.reply]: {
			rowId: rowIdOf('coord'), field: null, parentId: COMMENTS.editorRoot, text: 'Ja, @Lars, det gör jag.', ...by('editor2'),
			createdAt: SEEDED_AT, ...open, mentions: ['editor']
		},
		[COMMENTS.resolvedRoot]: {
			rowId: rowIdOf('editor'), field: 'action', parentId: null, text: 'Klart?', ...by('coord'),
			createdAt: SEEDED_AT, editedAt: null, resolved: true, resolvedBy: 'coord', resolvedAt: SEEDED_AT, mentions: []
		}
	};
}

/* ---------- paths and writes as the browser makes them ---------- */

export const yearRef = (db: Firestore, regionId: RegionId, year: number) => doc(db, paths.year(regionId, String(year)));
export const rowRef = (db: Firestore, regionId: RegionId, year: number, rowId: string) =>
	doc(db, paths.row(regionId, String(year), rowId));
export const presenceRef = (db: Firestore, regionId: RegionId, year: number, uid: string) =>
	doc(db, paths.presenceEntry(regionId, String(year), uid));
export const memberRef = (db: Firestore, regionId: RegionId, uid: string) => doc(db, paths.member(regionId, uid));

/** A cell edit: `updateDoc(row, cellEdit(...))`, exactly as the browser writes it. */
export function cellEdit(uid: string, key: string, value: unknown, rev: number): Record<string, unknown> {
	return { [`fields.${key}`]: value, [`revs.${key}`]: rev, updatedBy: uid, updatedAt: serverTimestamp() };
}

/** A move: `updateDoc(row, move(...))`; position a key (ordering.ts), or anything a test says the rules refuse. */
export function move(uid: string, area: number, position: unknown): Record<string, unknown> {
	return { area, position, updatedBy: uid, updatedAt: serverTimestamp() };
}

/** A new row: `setDoc(ref, newRow(...))`. */
export function newRow(uid: string, area = 1, position: unknown = 'a0'): Record<string, unknown> {
	return { area, position, fields: {}, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: serverTimestamp() };
}

/** A presence document: `setDoc(presenceRef(uid), presenceOf(...))`, expiring as the app's does (retention.ts). */
export function presenceOf(actor: Actor, cell: { rowId: string; field: string } | null = null): Record<string, unknown> {
	const p = actor === 'anonymous' ? { name: 'Anonym', orgId: 'none' } : (PEOPLE[actor] as Person);
	return { name: p.name, orgId: p.orgId, cell, lastSeen: serverTimestamp(), expireAt: presenceExpiry(new Date()) };
}

export const commentRef = (db: Firestore, regionId: RegionId, year: number, commentId: string) =>
	doc(db, paths.comment(regionId, String(year), commentId));
export const commentReadsRef = (db: Firestore, regionId: RegionId, year: number, uid: string) =>
	doc(db, paths.commentReadsOf(regionId, String(year), uid));

export interface NewComment {
	rowId?: string;
	field?: string | null;
	parentId?: string | null;
	text?: string;
	mentions?: string[];
}

/** A new comment: `setDoc(commentRef(...), newComment(...))`, as the browser writes it (a thread on row-coord unless said). */
export function newComment(actor: Actor, { rowId = rowIdOf('coord'), field = null, parentId = null, text = 'Hur går det här?', mentions = [] }: NewComment = {}): Record<string, unknown> {
	const p = actor === 'anonymous' ? { uid: 'anonymous', name: 'Anonym', orgId: 'none' } : (PEOPLE[actor] as Person);
	return {
		rowId, field, parentId, text,
		authorUid: p.uid, authorName: p.name, authorOrgId: p.orgId,
		createdAt: serverTimestamp(), editedAt: null,
		resolved: false, resolvedBy: null, resolvedAt: null,
		mentions
	};
}

/** An edit of one's own comment: `updateDoc(comment, commentEdit(...))`. */
export function commentEdit(text: string, mentions: string[] = []): Record<string, unknown> {
	return { text, mentions, editedAt: serverTimestamp() };
}

/** Resolving a thread: `updateDoc(root, resolution(uid))`. */
export function resolution(uid: string): Record<string, unknown> {
	return { resolved: true, resolvedBy: uid, resolvedAt: serverTimestamp() };
}

/** Reopening a resolved thread: `updateDoc(root, REOPENING)`. */
export const REOPENING = { resolved: false, resolvedBy: null, resolvedAt: null } as const;
