// The audit log (regions/{r}/audit): the region's coordinators and Tillväxtverket staff read who
// changed membership, organisations and plan settings; the functions write it, never a browser —
// not even a coordinator or staff.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import { JH, PEOPLE, SEEDED_AT, VN, memberRef, useRulesSuite, type Actor, type RegionId } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const ENTRY = 'entry-1';
const entryRef = (db: Firestore, regionId: RegionId, id = ENTRY) => doc(db, paths.auditEntry(regionId, id));
const entry = (by: string) => ({ kind: 'member-role-changed', by, byName: 'Malin Samordnare', at: SEEDED_AT, target: 'editor', targetName: 'Lars Länsstyrelsen', details: { from: 'editor', to: 'coordinator' } });
const auditOf = (actor: Actor, regionId: RegionId) => getDocs(collection(suite.as(actor), paths.audit(regionId)));

/** One entry in each region, and the stranger invited as a coordinator of JH (not signed in yet). */
async function seedAudit() {
	await suite.admin(async (db) => {
		await setDoc(entryRef(db, JH), entry('coord'));
		await setDoc(entryRef(db, VN), entry('coordVN'));
		const p = PEOPLE.stranger;
		await setDoc(memberRef(db, JH, p.uid), {
			email: p.email, name: p.name, orgId: p.orgId, role: 'coordinator',
			status: 'invited', invitedAt: SEEDED_AT, invitedBy: 'coord', invitationExpiresAt: SEEDED_AT, lastActiveAt: null
		});
	});
}

describe('reading the audit log', () => {
	it("a coordinator may list their region's audit log and read an entry", async () => {
		await seedAudit();
		await assertSucceeds(auditOf('coord', JH));
		await assertSucceeds(getDoc(entryRef(suite.as('coord'), JH)));
	});

	it("a staff reader may list every region's audit log", async () => {
		await seedAudit();
		await assertSucceeds(auditOf('reader', JH));
		await assertSucceeds(auditOf('reader', VN));
	});

	it("an editor may not read their region's audit log", async () => {
		await seedAudit();
		await assertFails(auditOf('editor', JH));
		await assertFails(getDoc(entryRef(suite.as('editor'), JH)));
	});

	it("another region's coordinator may not read Jämtland Härjedalen's audit log", async () => {
		await seedAudit();
		await assertFails(auditOf('coordVN', JH));
		await assertFails(getDoc(entryRef(suite.as('coordVN'), JH)));
	});

	it('an invited coordinator who has not signed in yet may not read the audit log', async () => {
		await seedAudit();
		await assertFails(auditOf('stranger', JH));
		await assertFails(getDoc(entryRef(suite.as('stranger'), JH)));
	});

	it('an invited coordinator may read it once their membership is active', async () => {
		await seedAudit();
		await suite.admin((db) => updateDoc(memberRef(db, JH, 'stranger'), { status: 'active' }));
		await assertSucceeds(auditOf('stranger', JH));
	});

	it('a signed-in non-member and an anonymous visitor may not read the audit log', async () => {
		await seedAudit();
		await assertFails(auditOf('stranger', VN));
		await assertFails(auditOf('anonymous', JH));
	});
});

describe('writing the audit log (functions only)', () => {
	it('a coordinator may not add, change or delete an entry', async () => {
		await seedAudit();
		const db = suite.as('coord');
		await assertFails(setDoc(entryRef(db, JH, 'forged'), entry('coord')));
		await assertFails(updateDoc(entryRef(db, JH), { byName: 'Någon annan' }));
		await assertFails(deleteDoc(entryRef(db, JH)));
	});

	it('a staff reader may not write an entry', async () => {
		await seedAudit();
		const db = suite.as('reader');
		await assertFails(setDoc(entryRef(db, VN, 'forged'), entry('reader')));
		await assertFails(deleteDoc(entryRef(db, VN)));
	});

	it('an editor, a non-member and an anonymous visitor may not write an entry', async () => {
		await seedAudit();
		for (const actor of ['editor', 'stranger', 'anonymous'] as const) {
			await assertFails(setDoc(entryRef(suite.as(actor), JH, `forged-${actor}`), entry(actor)));
			await assertFails(deleteDoc(entryRef(suite.as(actor), JH)));
		}
	});
});
