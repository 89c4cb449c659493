// Staff (Tillväxtverket): a person reads only their own staff record (the app asks "am I staff?");
// only functions write staff records.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { PEOPLE, useRulesSuite, type Actor } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const staffDoc = (actor: Actor, uid: string) => doc(suite.as(actor), paths.staffMember(uid));
const ADMIN = { email: 'admin@tillvaxtverket.example', name: 'Anna Admin', orgId: 'tillvaxtverket', role: 'admin' };

describe('reading staff records', () => {
	it('a staff reader may read their own staff record', async () => {
		await assertSucceeds(getDoc(staffDoc('reader', 'reader')));
	});

	it('a signed-in person may read their own absent staff record (to learn they are not staff)', async () => {
		await assertSucceeds(getDoc(staffDoc('coord', 'coord')));
	});

	it("a staff reader may not read another staff member's record", async () => {
		await suite.admin((db) => setDoc(doc(db, paths.staffMember('admin')), ADMIN));
		await assertFails(getDoc(staffDoc('reader', 'admin')));
	});

	it('a staff reader may not list the staff', async () => {
		await assertFails(getDocs(collection(suite.as('reader'), paths.staff())));
	});

	it("a coordinator may not read a staff member's record", async () => {
		await assertFails(getDoc(staffDoc('coord', 'reader')));
	});

	it("a signed-in non-member may not read a staff member's record", async () => {
		await assertFails(getDoc(staffDoc('stranger', 'reader')));
	});

	it('an anonymous visitor may not read a staff record', async () => {
		await assertFails(getDoc(staffDoc('anonymous', 'reader')));
	});
});

describe('writing staff records (functions only)', () => {
	it('a staff reader may not make themself an admin', async () => {
		await assertFails(updateDoc(staffDoc('reader', 'reader'), { role: 'admin' }));
	});

	it('a staff reader may not delete their own staff record', async () => {
		await assertFails(deleteDoc(staffDoc('reader', 'reader')));
	});

	it('a staff reader may not add another staff member', async () => {
		await assertFails(setDoc(staffDoc('reader', 'admin'), ADMIN));
	});

	it('a coordinator may not make themself staff', async () => {
		const p = PEOPLE.coord;
		await assertFails(setDoc(staffDoc('coord', 'coord'), { email: p.email, name: p.name, orgId: p.orgId, role: 'reader' }));
	});

	it('a signed-in non-member may not make themself staff', async () => {
		const p = PEOPLE.stranger;
		await assertFails(setDoc(staffDoc('stranger', 'stranger'), { email: p.email, name: p.name, orgId: p.orgId, role: 'admin' }));
	});

	it('an anonymous visitor may not write a staff record', async () => {
		await assertFails(setDoc(staffDoc('anonymous', 'anon'), ADMIN));
	});
});
