// Membership: members see their region's members, staff see every region's; only functions write
// (invite, change role, remove), so no browser, not even a coordinator, writes a membership.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { JH, PEOPLE, VN, memberRef, useRulesSuite, type Actor, type RegionId } from '../support/rules-env';

const suite = useRulesSuite();
const membersOf = (actor: Actor, regionId: RegionId) => getDocs(collection(suite.as(actor), 'regions', regionId, 'members'));
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
