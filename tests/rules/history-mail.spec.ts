// History (written by a trigger), the mail outbox and rate limits (functions only). Readers of a
// region read its history; no browser ever reads or writes mail or rate limits.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { ACTORS, JH, VN, rowIdOf, useRulesSuite, type Actor, type MatrixActor, type RegionId } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const historyOf = (actor: Actor, regionId: RegionId, year = 2024) =>
	collection(suite.as(actor), paths.history(regionId, String(year)));
const WHO: Record<MatrixActor, string> = {
	coord: 'a coordinator',
	editor: 'an editor',
	reader: 'a staff reader',
	coordVN: "another region's coordinator",
	stranger: 'a signed-in non-member',
	anonymous: 'an anonymous visitor'
};
const EVENT = { rowId: rowIdOf('coord'), field: 'action', before: 'Servicepunkter i glesbygd', after: '', by: 'editor', at: serverTimestamp() };

describe('history', () => {
	it("a coordinator may read their region's history", async () => {
		await assertSucceeds(getDocs(historyOf('coord', JH)));
	});

	it("an editor may read a history event of their region", async () => {
		await assertSucceeds(getDoc(doc(historyOf('editor', JH, 2023), 'event-1')));
	});

	it("a staff reader may read every region's history", async () => {
		await assertSucceeds(getDocs(historyOf('reader', JH)));
		await assertSucceeds(getDocs(historyOf('reader', VN)));
	});

	it("another region's coordinator may not read Jämtland Härjedalen's history", async () => {
		await assertFails(getDocs(historyOf('coordVN', JH)));
	});

	it('a signed-in non-member may not read history', async () => {
		await assertFails(getDocs(historyOf('stranger', JH)));
	});

	it('an anonymous visitor may not read history', async () => {
		await assertFails(getDoc(doc(historyOf('anonymous', JH), 'event-1')));
	});

	it('an editor may not write a history event', async () => {
		await assertFails(setDoc(doc(historyOf('editor', JH), 'forged'), EVENT));
	});

	it('a coordinator may not rewrite a history event', async () => {
		await assertFails(updateDoc(doc(historyOf('coord', JH), 'event-1'), { after: 'något annat' }));
	});

	it('a coordinator may not delete a history event', async () => {
		await assertFails(deleteDoc(doc(historyOf('coord', JH), 'event-1')));
	});

	it('a staff reader may not write a history event', async () => {
		await assertFails(setDoc(doc(historyOf('reader', VN), 'forged'), EVENT));
	});
});

describe('the mail outbox', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not read or list the outbox`, async () => {
			const db = suite.as(actor);
			await assertFails(getDoc(doc(db, paths.outboxMail('mail-1'))));
			await assertFails(getDocs(collection(db, paths.mail())));
		});

		it(`${WHO[actor]} may not queue, change or delete a mail`, async () => {
			const db = suite.as(actor);
			await assertFails(
				setDoc(doc(db, paths.outboxMail('spam')), { to: ['someone@example.com'], subject: 'Hej', text: 'Hej', kind: 'invite', createdAt: serverTimestamp(), state: 'pending', attempts: 0 })
			);
			await assertFails(updateDoc(doc(db, paths.outboxMail('mail-1')), { state: 'sent' }));
			await assertFails(deleteDoc(doc(db, paths.outboxMail('mail-1'))));
		});
	}
});

describe('rate limits', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not read or list rate limits`, async () => {
			const db = suite.as(actor);
			await assertFails(getDoc(doc(db, paths.rateLimit('signin-coord'))));
			await assertFails(getDocs(collection(db, paths.rateLimits())));
		});

		it(`${WHO[actor]} may not reset or create a rate limit`, async () => {
			const db = suite.as(actor);
			await assertFails(updateDoc(doc(db, paths.rateLimit('signin-coord')), { count: 0 }));
			await assertFails(deleteDoc(doc(db, paths.rateLimit('signin-coord'))));
			await assertFails(setDoc(doc(db, paths.rateLimit('signin-new')), { count: 0 }));
		});
	}
});
