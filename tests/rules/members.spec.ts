// Membership: members see their region's members, staff see every region's; only functions write
// (invite, change role, remove), so no browser, not even a coordinator, writes a membership.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { paths } from '../../src/lib/domain/paths';
import {
	JH,
	PEOPLE,
	SEEDED_AT,
	VN,
	cellEdit,
	memberRef,
	presenceOf,
	presenceRef,
	rowIdOf,
	rowRef,
	useRulesSuite,
	yearRef,
	type Actor,
	type RegionId
} from '../support/rules-env';

const suite = useRulesSuite();
const membersOf = (actor: Actor, regionId: RegionId) => getDocs(collection(suite.as(actor), paths.members(regionId)));
const asMember = (p: (typeof PEOPLE)[keyof typeof PEOPLE], role: 'coordinator' | 'editor') => ({
	email: p.email,
	name: p.name,
	orgId: p.orgId,
	role
});

describe('reading members', () => {
	it('a coordinator may list the members of their region', async () => {
		await assertSucceeds(membersOf('coord', JH));
	});

	it('an editor may list the members of their region', async () => {
		await assertSucceeds(membersOf('editor', JH));
	});

	it('an editor may read their own membership', async () => {
		await assertSucceeds(getDoc(memberRef(suite.as('editor'), JH, 'editor')));
	});

	it("a staff reader may list every region's members", async () => {
		await assertSucceeds(membersOf('reader', JH));
		await assertSucceeds(membersOf('reader', VN));
	});

	it("another region's coordinator may not list Jämtland Härjedalen's members", async () => {
		await assertFails(membersOf('coordVN', JH));
	});

	it("a coordinator may not read a membership of another region", async () => {
		await assertFails(getDoc(memberRef(suite.as('coord'), VN, 'coordVN')));
	});

	it('a signed-in non-member may not list members', async () => {
		await assertFails(membersOf('stranger', JH));
	});

	it('a signed-in non-member may not read whether they are a member', async () => {
		await assertFails(getDoc(memberRef(suite.as('stranger'), JH, 'stranger')));
	});

	it('an anonymous visitor may not list members', async () => {
		await assertFails(membersOf('anonymous', JH));
	});
});

describe('writing members (functions only)', () => {
	it('a coordinator may not invite a member', async () => {
		await assertFails(setDoc(memberRef(suite.as('coord'), JH, 'stranger'), asMember(PEOPLE.stranger, 'editor')));
	});

	it("a coordinator may not change a member's role", async () => {
		await assertFails(updateDoc(memberRef(suite.as('coord'), JH, 'editor'), { role: 'coordinator' }));
	});

	it('a coordinator may not remove a member', async () => {
		await assertFails(deleteDoc(memberRef(suite.as('coord'), JH, 'editor2')));
	});

	it('an editor may not promote themself to coordinator', async () => {
		await assertFails(updateDoc(memberRef(suite.as('editor'), JH, 'editor'), { role: 'coordinator' }));
	});

	it('an editor may not change their own name or organisation', async () => {
		await assertFails(updateDoc(memberRef(suite.as('editor'), JH, 'editor'), { name: 'Lars L', orgId: 'region-jh' }));
	});

	it('an editor may not remove their own membership', async () => {
		await assertFails(deleteDoc(memberRef(suite.as('editor'), JH, 'editor')));
	});

	it("another region's coordinator may not make themself a member of Jämtland Härjedalen", async () => {
		await assertFails(setDoc(memberRef(suite.as('coordVN'), JH, 'coordVN'), asMember(PEOPLE.coordVN, 'coordinator')));
	});

	it('a signed-in non-member may not make themself a member', async () => {
		await assertFails(setDoc(memberRef(suite.as('stranger'), JH, 'stranger'), asMember(PEOPLE.stranger, 'editor')));
	});

	it('a staff reader may not write a membership', async () => {
		await assertFails(setDoc(memberRef(suite.as('reader'), VN, 'reader'), asMember(PEOPLE.reader, 'coordinator')));
	});

	it('an anonymous visitor may not write a membership', async () => {
		await assertFails(setDoc(memberRef(suite.as('anonymous'), JH, 'anon'), asMember(PEOPLE.stranger, 'editor')));
	});
});

describe('an invited member (not signed in yet) is no member', () => {
	/** The stranger invited into JH as an editor, the invitation still holding. */
	const invite = (role: 'coordinator' | 'editor' = 'editor') =>
		suite.admin((db) =>
			setDoc(memberRef(db, JH, 'stranger'), {
				...asMember(PEOPLE.stranger, role),
				status: 'invited',
				invitedAt: SEEDED_AT,
				invitedBy: 'coord',
				invitationExpiresAt: new Date(Date.now() + 86_400_000),
				lastActiveAt: null
			})
		);
	const activate = () => suite.admin((db) => updateDoc(memberRef(db, JH, 'stranger'), { status: 'active' }));
	const readPlan = () => getDoc(yearRef(suite.as('stranger'), JH, 2024));
	const readRows = () => getDocs(collection(suite.as('stranger'), paths.rows(JH, '2024')));
	// goal has never been edited on the seeded rows: its first revision is 1.
	const editCell = () => updateDoc(rowRef(suite.as('stranger'), JH, 2024, rowIdOf('editor2')), cellEdit('stranger', 'goal', '1.1 Tillgänglig service', 1));

	it('an invited member may not read the plan or its rows', async () => {
		await invite();
		await assertFails(readPlan());
		await assertFails(readRows());
	});

	it("an invited member may not list the region's members", async () => {
		await invite();
		await assertFails(membersOf('stranger', JH));
	});

	it('an invited member may not edit a cell or announce their presence', async () => {
		await invite();
		await assertFails(editCell());
		await assertFails(setDoc(presenceRef(suite.as('stranger'), JH, 2024, 'stranger'), presenceOf('stranger')));
	});

	it('an invited coordinator may not delete a row', async () => {
		await invite('coordinator');
		await assertFails(deleteDoc(rowRef(suite.as('stranger'), JH, 2024, rowIdOf('editor2'))));
	});

	it('an invited member may not activate their own membership', async () => {
		await invite();
		await assertFails(updateDoc(memberRef(suite.as('stranger'), JH, 'stranger'), { status: 'active' }));
	});

	it('once the membership is active, the member reads the plan and its rows and edits a cell', async () => {
		await invite();
		await activate();
		await assertSucceeds(readPlan());
		await assertSucceeds(readRows());
		await assertSucceeds(editCell());
	});

	it('an active member still may not write their membership', async () => {
		await invite();
		await activate();
		await assertFails(updateDoc(memberRef(suite.as('stranger'), JH, 'stranger'), { role: 'coordinator' }));
		await assertFails(deleteDoc(memberRef(suite.as('stranger'), JH, 'stranger')));
	});

	it('a membership without a status (written before invitations existed) counts as active', async () => {
		await assertSucceeds(getDocs(collection(suite.as('editor'), paths.rows(JH, '2024'))));
	});
});
