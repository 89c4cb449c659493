// The rules matrix: who (coordinator, editor, staff reader, another region's coordinator, signed-in
// non-member, anonymous) × what (eighteen browser actions) × where (Jämtland Härjedalen, Västernorrland)
// × when (a draft or a submitted year). Every cell is one test, its outcome given by `expected`.
// The lock: on a submitted year every row write (edit a cell, add, move, delete) is refused for every
// role, while presence (announce, remove) and comments (write, resolve, delete) stay allowed.
import { afterAll, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import { paths } from '../../src/lib/domain/paths';
import {
	ACTORS,
	COMMENTS,
	JH,
	PEOPLE,
	REGIONS,
	VN,
	cellEdit,
	commentRef,
	isStaff,
	memberRef,
	move,
	newComment,
	newRow,
	presenceOf,
	presenceRef,
	resolution,
	roleIn,
	rowIdOf,
	rowRef,
	uidOf,
	useRulesSuite,
	yearRef,
	type Actor,
	type MatrixActor,
	type RegionId,
	type Status
} from '../support/rules-env';

const YEAR = 2024;

const ACTIONS = [
	'read a row',
	'edit a cell',
	'add a row',
	'move a row',
	'delete their own row',
	"delete another person's row",
	"write the year's status",
	'write a membership',
	'read presence',
	'write their own presence',
	'remove their own presence',
	"write another person's presence",
	'read comments',
	'comment on a row',
	'resolve a thread',
	"delete another person's comment",
	'read the audit log',
	'write an audit entry'
] as const;
type Action = (typeof ACTIONS)[number];

/**
 * Who may do what, in words:
 * - members of the region and staff read its rows and presence; nobody else reads anything;
 * - rows are written only by members of that region, and only while the year is a draft:
 *   any member edits cells, adds and moves rows and deletes the rows they created; only a coordinator
 *   deletes another person's row;
 * - a year's status and the memberships are never written by a browser (functions do it);
 * - a member writes and removes their own presence, also on a submitted year; nobody writes another's;
 * - any member of the region comments on a row and resolves a thread, also on a submitted year; only
 *   a coordinator deletes another person's comment;
 * - the region's coordinators and staff read its audit log; nobody writes it (functions do);
 * - staff read everything of every region and write nothing.
 */
function expected(actor: Actor, action: Action, regionId: RegionId, status: Status): boolean {
	const role = roleIn(actor, regionId);
	const member = role !== null;
	const draft = status === 'draft';
	switch (action) {
		case 'read a row':
		case 'read presence':
			return member || isStaff(actor);
		case 'edit a cell':
		case 'add a row':
		case 'move a row':
		case 'delete their own row':
			return member && draft;
		case "delete another person's row":
			return role === 'coordinator' && draft;
		case "write the year's status":
		case 'write a membership':
			return false;
		case 'write their own presence':
		case 'remove their own presence':
			return member;
		case "write another person's presence":
			return false;
		case 'read comments':
			return member || isStaff(actor);
		case 'comment on a row':
		case 'resolve a thread':
			return member;
		case "delete another person's comment":
			return role === 'coordinator';
		case 'read the audit log':
			return role === 'coordinator' || isStaff(actor);
		case 'write an audit entry':
			return false;
	}
}

/** The browser call each action makes; "another person" is editor2, a JH editor who is never the actor. */
function attempt(db: Firestore, actor: Actor, action: Action, regionId: RegionId, status: Status): Promise<unknown> {
	const uid = uidOf(actor);
	switch (action) {
		case 'read a row':
			return getDoc(rowRef(db, regionId, YEAR, rowIdOf('editor2')));
		case 'edit a cell':
			// goal has never been edited on the seeded rows: its first revision is 1.
			return updateDoc(rowRef(db, regionId, YEAR, rowIdOf('editor2')), cellEdit(uid, 'goal', '1.1 Tillgänglig service', 1));
		case 'add a row':
			return setDoc(rowRef(db, regionId, YEAR, 'new-row'), newRow(uid, 1, 'a1'));
		case 'move a row':
			// Area 2 exists in both regions (JH has 3 areas, VN 2).
			return updateDoc(rowRef(db, regionId, YEAR, rowIdOf('editor2')), move(uid, 2, 'a5'));
		case 'delete their own row':
			return deleteDoc(rowRef(db, regionId, YEAR, rowIdOf(uid)));
		case "delete another person's row":
			return deleteDoc(rowRef(db, regionId, YEAR, rowIdOf('editor2')));
		case "write the year's status":
			return updateDoc(yearRef(db, regionId, YEAR), { status: status === 'draft' ? 'submitted' : 'draft' });
		case 'write a membership': {
			const p = PEOPLE.stranger;
			return setDoc(memberRef(db, regionId, p.uid), { email: p.email, name: p.name, orgId: p.orgId, role: 'editor' });
		}
		case 'read presence':
			return getDocs(collection(db, paths.presence(regionId, String(YEAR))));
		case 'write their own presence':
			return setDoc(presenceRef(db, regionId, YEAR, uid), presenceOf(actor));
		case 'remove their own presence':
			return deleteDoc(presenceRef(db, regionId, YEAR, uid));
		case "write another person's presence":
			return setDoc(presenceRef(db, regionId, YEAR, 'editor2'), presenceOf('editor2'));
		case 'read comments':
			return getDocs(collection(db, paths.comments(regionId, String(YEAR))));
		case 'comment on a row':
			return setDoc(commentRef(db, regionId, YEAR, 'new-comment'), newComment(actor, { rowId: rowIdOf('editor2') }));
		case 'resolve a thread':
			return updateDoc(commentRef(db, regionId, YEAR, COMMENTS.editor2Root), resolution(uid));
		case "delete another person's comment":
			return deleteDoc(commentRef(db, regionId, YEAR, COMMENTS.editor2Root));
		case 'read the audit log':
			return getDocs(collection(db, paths.audit(regionId)));
		case 'write an audit entry':
			return setDoc(doc(db, paths.auditEntry(regionId, 'forged')), { kind: 'member-removed', by: uid, byName: 'X', at: new Date(), target: 'editor2', targetName: 'X', details: {} });
	}
}

const WHO: Record<MatrixActor, (regionId: RegionId) => string> = {
	coord: (r) => (r === JH ? 'the coordinator of the region' : "another region's coordinator (JH)"),
	editor: (r) => (r === JH ? 'an editor of the region' : "another region's editor (JH)"),
	reader: () => 'a staff reader',
	coordVN: (r) => (r === VN ? 'the coordinator of the region' : "another region's coordinator (VN)"),
	stranger: () => 'a signed-in non-member',
	anonymous: () => 'an anonymous visitor'
};

const suite = useRulesSuite();
const tally = { allow: 0, deny: 0 };

describe('the rules matrix', () => {
	for (const regionId of REGIONS) {
		for (const status of ['draft', 'submitted'] as const) {
			describe(`${regionId} ${YEAR}, ${status}`, () => {
				for (const actor of ACTORS) {
					for (const action of ACTIONS) {
						const allow = expected(actor, action, regionId, status);
						tally[allow ? 'allow' : 'deny']++;
						const name = `${WHO[actor](regionId)} [${actor}] may ${allow ? '' : 'not '}${action}`;
						it(name, async () => {
							if (status === 'submitted') await suite.admin((db) => updateDoc(yearRef(db, regionId, YEAR), { status }));
							const call = attempt(suite.as(actor), actor, action, regionId, status);
							await (allow ? assertSucceeds(call) : assertFails(call));
						});
					}
				}
			});
		}
	}
});

afterAll(() => {
	console.log(`rules matrix: ${tally.allow + tally.deny} cases (${tally.allow} allow, ${tally.deny} deny)`);
});
