// The rules matrix: firestore.rules agree with src/lib/domain/authorization.ts. Who (coordinator,
// editor, invited-not-active, removed, staff reader, staff admin, another region's coordinator,
// signed-in outsider, anonymous) × what (every browser action, each naming the may() it asks) × where
// (Jämtland Härjedalen, Västernorrland) × when (a draft or a submitted year): the rules allow exactly
// when may() says yes. Actions done only through callables are "callable-only": their direct writes
// are refused for everyone. Every action of authorization.ts is in one of the two lists.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
	collection,
	collectionGroup,
	deleteDoc,
	doc,
	getDoc,
	getDocs,
	serverTimestamp,
	setDoc,
	Timestamp,
	updateDoc,
	writeBatch,
	type DocumentData,
	type Firestore
} from 'firebase/firestore';
import { ACTIONS, actorOf, may, type Action, type Actor } from '../../src/lib/domain/authorization';
import { GROUPS, paths } from '../../src/lib/domain/paths';
import { member, staff } from '../../src/lib/domain/schemas';
import {
	COMMENTS,
	JH,
	PEOPLE,
	REGIONS,
	SEEDED_AT,
	VN,
	cellEdit,
	commentEdit,
	commentRef,
	memberRef,
	move,
	newRow,
	resolution,
	rowIdOf,
	rowRef,
	useRulesSuite,
	yearRef,
	type Person,
	type RegionId,
	type Status,
	type Uid
} from '../support/rules-env';

const YEAR = 2024;

/* ---------- who asks ---------- */

/** The askers: the shared fixture's people, three of this spec's own, and an anonymous visitor. */
const ASKERS = ['coord', 'editor', 'invited', 'removed', 'reader', 'admin', 'coordVN', 'stranger', 'anonymous'] as const;
type Asker = (typeof ASKERS)[number];
type Own = Exclude<Asker, Uid | 'anonymous'>;

/** This spec's people, seeded before every test beside the shared fixture. */
const OWN: Record<Own, Person & { memberDoc?: DocumentData; staffDoc?: DocumentData }> = {
	// Invited as a coordinator of JH; the invitation holds, but they have not signed in yet.
	invited: {
		uid: 'invited',
		name: 'Ingrid Inbjuden',
		email: 'invited@krokom.example',
		orgId: 'krokom',
		memberDoc: {
			email: 'invited@krokom.example', name: 'Ingrid Inbjuden', orgId: 'krokom', role: 'coordinator', status: 'invited',
			invitedAt: SEEDED_AT, invitedBy: 'coord', invitationExpiresAt: Timestamp.fromDate(new Date('2099-01-01T00:00:00Z'))
		}
	},
	// Was an editor of JH and was removed: their rows, comment and presence are still there, their membership is not.
	removed: { uid: 'removed', name: 'Rut Borttagen', email: 'removed@bracke.example', orgId: 'bracke' },
	admin: {
		uid: 'admin',
		name: 'Adam Administratör',
		email: 'admin@tillvaxtverket.example',
		orgId: 'tillvaxtverket',
		staffDoc: { email: 'admin@tillvaxtverket.example', name: 'Adam Administratör', orgId: 'tillvaxtverket', role: 'admin' }
	}
};

const isOwn = (a: Asker): a is Own => a in OWN;
const personOf = (a: Asker): Person => (a === 'anonymous' ? { uid: 'anonymous', name: 'Anonym', email: '', orgId: 'none' } : isOwn(a) ? OWN[a] : (PEOPLE[a] as Person));

/** The stored documents of an asker, as the fixture seeds them (the shared people's as rules-env.ts writes them). */
function documentsOf(a: Asker, regionId: RegionId): { memberDoc: DocumentData | null; staffDoc: DocumentData | null } {
	if (a === 'anonymous') return { memberDoc: null, staffDoc: null };
	if (isOwn(a)) return { memberDoc: regionId === JH ? (OWN[a].memberDoc ?? null) : null, staffDoc: OWN[a].staffDoc ?? null };
	const p = PEOPLE[a] as Person;
	const person = { email: p.email, name: p.name, orgId: p.orgId };
	return {
		memberDoc: p.member?.regionId === regionId ? { ...person, role: p.member.role } : null,
		staffDoc: p.staff ? { ...person, role: p.staff } : null
	};
}

/**
 * The asker as authorization.ts sees them in the region: actorOf over their documents parsed with the
 * app's schemas, as the app and the callables build it. An anonymous visitor asks as nobody.
 */
function actorIn(a: Asker, regionId: RegionId): Actor {
	const { memberDoc, staffDoc } = documentsOf(a, regionId);
	return actorOf(personOf(a).uid, memberDoc ? member.parse(memberDoc) : null, staffDoc ? staff.parse(staffDoc) : null);
}

const WHO: Record<Asker, (regionId: RegionId) => string> = {
	coord: (r) => (r === JH ? 'the coordinator of the region' : "another region's coordinator (JH)"),
	editor: (r) => (r === JH ? 'an editor of the region' : "another region's editor (JH)"),
	invited: (r) => (r === JH ? 'an invited coordinator not signed in yet' : "another region's invitee (JH)"),
	removed: (r) => (r === JH ? 'a removed editor' : "another region's removed editor (JH)"),
	reader: () => 'a staff reader',
	admin: () => 'a staff admin',
	coordVN: (r) => (r === VN ? 'the coordinator of the region' : "another region's coordinator (VN)"),
	stranger: () => 'a signed-in non-member',
	anonymous: () => 'an anonymous visitor'
};

/* ---------- what they do ---------- */

interface Attempt {
	db: Firestore;
	uid: string;
	asker: Asker;
	regionId: RegionId;
	status: Status;
}

/**
 * A browser action: what it asks authorization.ts, and the call the browser makes ("another person" is
 * editor2, a JH editor). Reads that change nothing are several calls in one case, all with the one answer.
 */
interface BrowserCase {
	label: string;
	action: Action;
	asks: (actor: Actor, status: Status) => boolean;
	/** The call; or `calls`, several each checked on its own. */
	attempt?: (a: Attempt) => Promise<unknown>;
	calls?: [what: string, call: (a: Attempt) => Promise<unknown>][];
}

/** Reads of the region, one call each: all allowed or all refused. */
const REGION_READS: [what: string, read: (a: Attempt) => Promise<unknown>][] = [
	['the year', (a) => getDoc(yearRef(a.db, a.regionId, YEAR))],
	['a row', (a) => getDoc(rowRef(a.db, a.regionId, YEAR, rowIdOf('editor2')))],
	['the members', (a) => getDocs(collection(a.db, paths.members(a.regionId)))],
	['presence', (a) => getDocs(collection(a.db, paths.presence(a.regionId, String(YEAR))))],
	['comments', (a) => getDocs(collection(a.db, paths.comments(a.regionId, String(YEAR))))],
	['the history', (a) => getDocs(collection(a.db, paths.history(a.regionId, String(YEAR))))],
	['the meetings', (a) => getDocs(collection(a.db, paths.meetings(a.regionId, String(YEAR))))],
	["a meeting's participants", (a) => getDocs(collection(a.db, paths.meetingParticipants(a.regionId, String(YEAR), OTHERS_MEETING)))],
	["a meeting's raised hands", (a) => getDocs(collection(a.db, paths.meetingHands(a.regionId, String(YEAR), OTHERS_MEETING)))],
	['the sign-offs', (a) => getDocs(collection(a.db, paths.signOffs(a.regionId, String(YEAR))))]
];

const mine = (uid: string) => `mine-${uid}`;

/* The meetings of every region-year: one led by editor2 ("someone else's"), and one led by each asker. */
const OTHERS_MEETING = 'meeting-editor2';
const ledBy = (uid: string) => `meeting-led-${uid}`;
/** Someone whose raised hand is up in every meeting: "another person's hand". */
const THIRD = 'u-third';
/** An active member of each region besides its coordinator, who can be handed the lead of a meeting. */
const LEAD_TARGET: Record<RegionId, { uid: string; name: string; orgId: string }> = {
	[JH]: { uid: PEOPLE.editor2.uid, name: PEOPLE.editor2.name, orgId: PEOPLE.editor2.orgId },
	[VN]: { uid: 'vn-editor', name: 'Valter Västernorrland', orgId: 'region-vn' }
};
const meetingPath = (a: Attempt, meetingId: string) => paths.meeting(a.regionId, String(YEAR), meetingId);
const ts = serverTimestamp;

const BROWSER: BrowserCase[] = [
	{
		label: `read the region (${REGION_READS.map(([what]) => what).join(', ')})`,
		action: 'read-region',
		asks: (x) => may(x, 'read-region'),
		calls: REGION_READS
	},
	{ label: 'read the audit log', action: 'read-audit', asks: (x) => may(x, 'read-audit'), attempt: (a) => getDocs(collection(a.db, paths.audit(a.regionId))) },
	{ label: "read every region's plans (the national overview)", action: 'read-overview', asks: (x) => may(x, 'read-overview'), attempt: (a) => getDocs(collectionGroup(a.db, GROUPS.years)) },
	{
		label: 'edit a cell',
		action: 'edit-plan',
		asks: (x, status) => may(x, 'edit-plan', { status }),
		// goal has never been edited on the seeded rows: its first revision is 1.
		attempt: (a) => updateDoc(rowRef(a.db, a.regionId, YEAR, rowIdOf('editor2')), cellEdit(a.uid, 'goal', '1.1 Tillgänglig service', 1))
	},
	{ label: 'add a row', action: 'edit-plan', asks: (x, status) => may(x, 'edit-plan', { status }), attempt: (a) => setDoc(rowRef(a.db, a.regionId, YEAR, 'new-row'), newRow(a.uid, 1, 'a1')) },
	{
		label: 'move a row',
		action: 'edit-plan',
		asks: (x, status) => may(x, 'edit-plan', { status }),
		// Area 2 exists in both regions (JH has 3 areas, VN 2).
		attempt: (a) => updateDoc(rowRef(a.db, a.regionId, YEAR, rowIdOf('editor2')), move(a.uid, 2, 'a5'))
	},
	{
		label: 'delete their own row',
		action: 'delete-row',
		asks: (x, status) => may(x, 'delete-row', { status, createdBy: x.uid }),
		attempt: (a) => deleteDoc(rowRef(a.db, a.regionId, YEAR, rowIdOf(a.uid)))
	},
	{
		label: "delete another person's row",
		action: 'delete-row',
		asks: (x, status) => may(x, 'delete-row', { status, createdBy: 'editor2' }),
		attempt: (a) => deleteDoc(rowRef(a.db, a.regionId, YEAR, rowIdOf('editor2')))
	},
	{ label: 'write their own presence', action: 'show-presence', asks: (x) => may(x, 'show-presence'), attempt: (a) => setDoc(doc(a.db, paths.presenceEntry(a.regionId, String(YEAR), a.uid)), presenceOf(a.asker)) },
	{ label: 'remove their own presence', action: 'show-presence', asks: (x) => may(x, 'show-presence'), attempt: (a) => deleteDoc(doc(a.db, paths.presenceEntry(a.regionId, String(YEAR), a.uid))) },
	{
		label: 'keep their read markers',
		action: 'mark-read',
		asks: (x) => may(x, 'mark-read'),
		attempt: (a) => setDoc(doc(a.db, paths.commentReadsOf(a.regionId, String(YEAR), a.uid)), { seen: { [COMMENTS.editor2Root]: serverTimestamp() } })
	},
	{ label: 'comment on a row', action: 'comment', asks: (x) => may(x, 'comment'), attempt: (a) => setDoc(commentRef(a.db, a.regionId, YEAR, 'new-comment'), commentBy(a.asker, rowIdOf('editor2'))) },
	{
		label: 'edit their own comment',
		action: 'edit-comment',
		asks: (x) => may(x, 'edit-comment', { authorUid: x.uid }),
		attempt: (a) => updateDoc(commentRef(a.db, a.regionId, YEAR, mine(a.uid)), commentEdit('Ändrad text'))
	},
	{
		label: "edit another person's comment",
		action: 'edit-comment',
		asks: (x) => may(x, 'edit-comment', { authorUid: 'editor2' }),
		attempt: (a) => updateDoc(commentRef(a.db, a.regionId, YEAR, COMMENTS.editor2Root), commentEdit('Ändrad text'))
	},
	{ label: 'resolve a thread', action: 'resolve-thread', asks: (x) => may(x, 'resolve-thread'), attempt: (a) => updateDoc(commentRef(a.db, a.regionId, YEAR, COMMENTS.editor2Root), resolution(a.uid)) },
	{
		label: 'delete their own comment',
		action: 'delete-comment',
		asks: (x) => may(x, 'delete-comment', { authorUid: x.uid }),
		attempt: (a) => deleteDoc(commentRef(a.db, a.regionId, YEAR, mine(a.uid)))
	},
	{
		label: "delete another person's comment",
		action: 'delete-comment',
		asks: (x) => may(x, 'delete-comment', { authorUid: 'editor2' }),
		attempt: (a) => deleteDoc(commentRef(a.db, a.regionId, YEAR, COMMENTS.editor2Root))
	}
];

/** The network meeting's browser writes (authorization.ts start-meeting … lower-hand). */
const MEETING: BrowserCase[] = [
	{
		label: 'start a meeting',
		action: 'start-meeting',
		asks: (x, status) => may(x, 'start-meeting', { status }),
		attempt: (a) => setDoc(doc(a.db, meetingPath(a, 'meeting-new')), { leaderUid: a.uid, leaderName: personOf(a.asker).name, startedBy: a.uid, startedAt: ts(), endedAt: null, focus: null })
	},
	{ label: "end someone else's meeting", action: 'end-meeting', asks: (x) => may(x, 'end-meeting'), attempt: (a) => updateDoc(doc(a.db, meetingPath(a, OTHERS_MEETING)), { endedAt: ts(), focus: null }) },
	{
		label: 'move the focus of the meeting they lead',
		action: 'move-focus',
		asks: (x) => may(x, 'move-focus', { leaderUid: x.uid }),
		attempt: (a) => updateDoc(doc(a.db, meetingPath(a, ledBy(a.uid))), { focus: { rowId: rowIdOf('editor2'), field: 'goal', at: ts() } })
	},
	{
		label: "move the focus of someone else's meeting",
		action: 'move-focus',
		asks: (x) => may(x, 'move-focus', { leaderUid: 'editor2' }),
		attempt: (a) => updateDoc(doc(a.db, meetingPath(a, OTHERS_MEETING)), { focus: { rowId: rowIdOf('editor2'), field: null, at: ts() } })
	},
	{
		label: 'hand the lead of their meeting to another member',
		action: 'hand-over-lead',
		asks: (x) => may(x, 'hand-over-lead', { leaderUid: x.uid }),
		attempt: (a) => updateDoc(doc(a.db, meetingPath(a, ledBy(a.uid))), { leaderUid: LEAD_TARGET[a.regionId].uid, leaderName: LEAD_TARGET[a.regionId].name })
	},
	{
		label: "take the lead of someone else's meeting",
		action: 'hand-over-lead',
		asks: (x) => may(x, 'hand-over-lead', { leaderUid: 'editor2' }),
		attempt: (a) => updateDoc(doc(a.db, meetingPath(a, OTHERS_MEETING)), { leaderUid: a.uid, leaderName: personOf(a.asker).name })
	},
	{
		label: 'join a meeting',
		action: 'join-meeting',
		asks: (x) => may(x, 'join-meeting'),
		attempt: (a) => setDoc(doc(a.db, paths.meetingParticipant(a.regionId, String(YEAR), OTHERS_MEETING, a.uid)), { name: personOf(a.asker).name, orgId: personOf(a.asker).orgId, joinedAt: ts(), lastSeenAt: ts() })
	},
	{
		label: 'raise their hand',
		action: 'raise-hand',
		asks: (x) => may(x, 'raise-hand'),
		attempt: (a) => setDoc(doc(a.db, paths.meetingHand(a.regionId, String(YEAR), ledBy(a.uid), a.uid)), { rowId: rowIdOf('editor2'), raisedAt: ts() })
	},
	{
		label: 'lower their own hand',
		action: 'lower-hand',
		asks: (x) => may(x, 'lower-hand', { handUid: x.uid, leaderUid: 'editor2' }),
		attempt: (a) => deleteDoc(doc(a.db, paths.meetingHand(a.regionId, String(YEAR), OTHERS_MEETING, a.uid)))
	},
	{
		label: "lower another person's hand in the meeting they lead",
		action: 'lower-hand',
		asks: (x) => may(x, 'lower-hand', { handUid: THIRD, leaderUid: x.uid }),
		attempt: (a) => deleteDoc(doc(a.db, paths.meetingHand(a.regionId, String(YEAR), ledBy(a.uid), THIRD)))
	},
	{
		label: "lower another person's hand in someone else's meeting",
		action: 'lower-hand',
		asks: (x) => may(x, 'lower-hand', { handUid: THIRD, leaderUid: 'editor2' }),
		attempt: (a) => deleteDoc(doc(a.db, paths.meetingHand(a.regionId, String(YEAR), OTHERS_MEETING, THIRD)))
	}
];
BROWSER.push(...MEETING);

/** Writes no action of authorization.ts allows anyone: nobody acts as someone else. */
const NEVER: { label: string; attempt: (a: Attempt) => Promise<unknown> }[] = [
	{ label: "write another person's presence", attempt: (a) => setDoc(doc(a.db, paths.presenceEntry(a.regionId, String(YEAR), 'editor2')), presenceOf('editor')) },
	{
		label: 'join a meeting as another person',
		attempt: (a) => setDoc(doc(a.db, paths.meetingParticipant(a.regionId, String(YEAR), OTHERS_MEETING, 'editor2')), { name: PEOPLE.editor2.name, orgId: PEOPLE.editor2.orgId, joinedAt: ts(), lastSeenAt: ts() })
	},
	{ label: "raise another person's hand", attempt: (a) => setDoc(doc(a.db, paths.meetingHand(a.regionId, String(YEAR), OTHERS_MEETING, 'editor2')), { rowId: rowIdOf('editor2'), raisedAt: ts() }) }
];

/**
 * Actions done only through a callable (which asks may() itself, tests/functions): the direct
 * writes that would do them, which the rules refuse for everyone, whatever may() says.
 */
const CALLABLE_ONLY: Partial<Record<Action, { label: string; attempt: (a: Attempt) => Promise<unknown> }[]>> = {
	'submit-plan': [{ label: "write the year's status as submitted", attempt: (a) => updateDoc(yearRef(a.db, a.regionId, YEAR), { status: 'submitted' }) }],
	'reopen-plan': [{ label: "write the year's status as a draft", attempt: (a) => updateDoc(yearRef(a.db, a.regionId, YEAR), { status: 'draft' }) }],
	'set-plan-settings': [
		{ label: "write the year's deadline", attempt: (a) => updateDoc(yearRef(a.db, a.regionId, YEAR), { deadline: Timestamp.fromDate(new Date('2025-03-01T22:59:00Z')) }) }
	],
	'create-plan': [
		{
			label: 'create a year',
			attempt: (a) => setDoc(yearRef(a.db, a.regionId, 2025), { templateId: 'rsp-2024', status: 'draft', deadline: Timestamp.fromDate(new Date('2026-01-31T22:59:00Z')), reminderOffsets: [] })
		}
	],
	'repair-row': [
		{
			label: 'replace a row whole',
			attempt: (a) => setDoc(rowRef(a.db, a.regionId, YEAR, rowIdOf('editor2')), { area: 1, position: 'a0', fields: {}, revs: {}, createdBy: 'editor2', updatedBy: a.uid, updatedAt: serverTimestamp() })
		}
	],
	'manage-network': [
		{ label: 'write a membership', attempt: (a) => setDoc(memberRef(a.db, a.regionId, 'stranger'), { email: PEOPLE.stranger.email, name: PEOPLE.stranger.name, orgId: PEOPLE.stranger.orgId, role: 'editor' }) },
		{ label: 'write an organisation', attempt: (a) => setDoc(doc(a.db, paths.organization('ny-kommun')), { name: 'Ny kommun', shortName: 'Ny', kind: 'kommun', regionId: a.regionId, color: '#123456' }) },
		{
			label: 'write an audit entry',
			attempt: (a) => setDoc(doc(a.db, paths.auditEntry(a.regionId, 'forged')), { kind: 'member-removed', by: a.uid, byName: 'X', at: new Date(), target: 'editor2', targetName: 'X', details: {} })
		}
	],
	'manage-regions': [{ label: "rename the region", attempt: (a) => updateDoc(doc(a.db, paths.region(a.regionId)), { name: 'Omdöpt' }) }],
	'manage-templates': [{ label: 'write a template', attempt: (a) => setDoc(doc(a.db, paths.template('rsp-2030')), { name: 'Mall 2030', published: true, years: [2030] }) }],
	'erase-person': [{ label: "delete another person's membership", attempt: (a) => deleteDoc(memberRef(a.db, a.regionId, 'editor2')) }],
	'set-own-reminders': [{ label: 'write their own reminder opt-out', attempt: (a) => setDoc(doc(a.db, paths.reminderOptOut(a.uid)), { at: serverTimestamp(), via: 'app' }) }],
	'sign-off-plan': [
		{
			label: "write their organisation's sign-off",
			attempt: (a) => setDoc(doc(a.db, paths.signOff(a.regionId, String(YEAR), personOf(a.asker).orgId)), { orgId: personOf(a.asker).orgId, uid: a.uid, name: personOf(a.asker).name, at: ts(), contentHash: 'a'.repeat(64) })
		}
	],
	'mail-minutes': [
		{
			label: 'queue a mail of the minutes in the outbox',
			attempt: (a) => setDoc(doc(a.db, paths.outboxMail('forged-minutes')), { to: ['x@example.se'], subject: 'Minnesanteckningar', text: 'x', html: 'x', kind: 'minutes', state: 'pending', attempts: 0, error: null, sentAt: null, createdAt: serverTimestamp() })
		}
	]
};

/**
 * Runs the calls one after another through `check` (assertSucceeds or assertFails, or the call itself),
 * naming the one that did not answer as expected.
 */
async function inTurn(calls: [what: string, call: () => Promise<unknown>][], check: (call: () => Promise<unknown>) => Promise<unknown>): Promise<void> {
	for (const [what, call] of calls) {
		try {
			await check(call);
		} catch (e) {
			throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
		}
	}
}

/** A presence document of the asker as the app writes it (the name and organisation of their person). */
function presenceOf(a: Asker): DocumentData {
	const p = personOf(a);
	return { name: p.name, orgId: p.orgId, cell: null, lastSeen: serverTimestamp(), expireAt: Timestamp.fromDate(new Date(Date.now() + 60 * 60 * 1000)) };
}

/** A new thread on a row by the asker, as the browser writes it. */
function commentBy(a: Asker, rowId: string): DocumentData {
	const p = personOf(a);
	return {
		rowId, field: null, parentId: null, text: 'Hur går det här?',
		authorUid: p.uid, authorName: p.name, authorOrgId: p.orgId,
		createdAt: serverTimestamp(), editedAt: null, resolved: false, resolvedBy: null, resolvedAt: null, mentions: []
	};
}

/* ---------- the fixture and the run ---------- */

const suite = useRulesSuite();
const tally = { allow: 0, deny: 0, callableOnly: 0 };
let extraContexts: { terminate(): Promise<void> }[] = [];

/** A fresh Firestore for the asker (this spec's own people are no Actor of rules-env, so their contexts are opened here). */
function dbOf(a: Asker): Firestore {
	if (!isOwn(a)) return suite.as(a);
	const db = suite.env.authenticatedContext(a).firestore();
	extraContexts.push(db);
	return db as unknown as Firestore;
}

beforeEach(async () => {
	// After rules-env's seed (its beforeEach is registered first): this spec's people and what is theirs.
	await suite.admin(async (db) => {
		const batch = writeBatch(db);
		for (const p of Object.values(OWN)) {
			if (p.memberDoc) batch.set(doc(db, paths.member(JH, p.uid)), p.memberDoc);
			if (p.staffDoc) batch.set(doc(db, paths.staffMember(p.uid)), p.staffDoc);
		}
		for (const regionId of REGIONS) {
			const yearPath = paths.year(regionId, String(YEAR));
			for (const uid of Object.keys(OWN)) {
				batch.set(doc(db, yearPath, 'rows', rowIdOf(uid)), { area: 1, position: `a${uid.length}x`, fields: {}, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: SEEDED_AT });
			}
			// Everyone's own comment (a thread on row-coord), to edit and delete.
			for (const a of ASKERS) {
				const data = commentBy(a, rowIdOf('coord'));
				batch.set(doc(db, yearPath, 'comments', mine(personOf(a).uid)), { ...data, createdAt: SEEDED_AT });
			}
			const removed = OWN.removed;
			batch.set(doc(db, yearPath, 'presence', removed.uid), { name: removed.name, orgId: removed.orgId, cell: null, lastSeen: SEEDED_AT, expireAt: SEEDED_AT });
			// The meetings: editor2's, and one led by each asker; everyone's hand and a third person's are up.
			const meetingOf = (leader: Person) => ({ leaderUid: leader.uid, leaderName: leader.name, startedBy: 'coord', startedAt: SEEDED_AT, endedAt: null, focus: null });
			const hand = { rowId: rowIdOf('coord'), raisedAt: SEEDED_AT };
			batch.set(doc(db, paths.meeting(regionId, String(YEAR), OTHERS_MEETING)), meetingOf(PEOPLE.editor2));
			batch.set(doc(db, paths.meetingHand(regionId, String(YEAR), OTHERS_MEETING, THIRD)), hand);
			for (const a of ASKERS) {
				const uid = personOf(a).uid;
				batch.set(doc(db, paths.meeting(regionId, String(YEAR), ledBy(uid))), meetingOf(personOf(a)));
				batch.set(doc(db, paths.meetingHand(regionId, String(YEAR), ledBy(uid), THIRD)), hand);
				batch.set(doc(db, paths.meetingHand(regionId, String(YEAR), OTHERS_MEETING, uid)), hand);
			}
		}
		const target = LEAD_TARGET[VN];
		batch.set(doc(db, paths.member(VN, target.uid)), { email: 'valter@region-vn.example', name: target.name, orgId: target.orgId, role: 'editor' });
		await batch.commit();
	});
});

afterEach(async () => {
	const open = extraContexts;
	extraContexts = [];
	await Promise.all(open.map((db) => db.terminate()));
});

describe('the rules agree with authorization.ts', () => {
	it('every action of authorization.ts is a browser action or callable-only', () => {
		const covered = new Set<Action>([...BROWSER.map((c) => c.action), ...(Object.keys(CALLABLE_ONLY) as Action[])]);
		expect([...ACTIONS].filter((a) => !covered.has(a))).toEqual([]);
		expect(BROWSER.filter((c) => c.action in CALLABLE_ONLY).map((c) => c.label)).toEqual([]);
	});

	for (const regionId of REGIONS) {
		for (const status of ['draft', 'submitted'] as const) {
			describe(`${regionId} ${YEAR}, ${status}`, () => {
				const setUp = async (asker: Asker) => {
					if (status === 'submitted') await suite.admin((db) => updateDoc(yearRef(db, regionId, YEAR), { status }));
					return { db: dbOf(asker), uid: personOf(asker).uid, asker, regionId, status } satisfies Attempt;
				};
				for (const asker of ASKERS) {
					const actor = actorIn(asker, regionId);
					for (const c of BROWSER) {
						const allow = c.asks(actor, status);
						tally[allow ? 'allow' : 'deny'] += c.calls?.length ?? 1;
						it(`${WHO[asker](regionId)} [${asker}] may ${allow ? '' : 'not '}${c.label} (${c.action})`, async () => {
							const a = await setUp(asker);
							const calls = c.calls ?? (c.attempt ? [[c.label, c.attempt] as const] : []);
							expect(calls.length).toBeGreaterThan(0);
							await inTurn(calls.map(([what, call]) => [what, () => call(a)]), (call) => (allow ? assertSucceeds(call()) : assertFails(call())));
						});
					}
					// Every one is refused, so nothing changes between them: one test runs them all.
					const refused: [string, (a: Attempt) => Promise<unknown>][] = [
						...NEVER.map((c): [string, (a: Attempt) => Promise<unknown>] => [`${c.label} (no action allows it)`, c.attempt]),
						...Object.entries(CALLABLE_ONLY).flatMap(([action, attempts]) =>
							(attempts ?? []).map((c): [string, (a: Attempt) => Promise<unknown>] => [`${c.label} (callable-only: ${action})`, c.attempt])
						)
					];
					tally.callableOnly += refused.length;
					it(`${WHO[asker](regionId)} [${asker}] may do none of these directly: ${refused.map(([label]) => label).join('; ')}`, async () => {
						const a = await setUp(asker);
						await inTurn(refused.map(([label, attempt]) => [label, () => attempt(a)]), (call) => assertFails(call()));
					});
				}
			});
		}
	}
});

afterAll(() => {
	console.log(`rules matrix: ${tally.allow + tally.deny + tally.callableOnly} cases (${tally.allow} allow, ${tally.deny} deny, ${tally.callableOnly} callable-only refusals)`);
});
