// Reminder opt-outs (reminderOptOuts/{uid}): a person reads their own — the app shows whether their
// deadline reminders are on — and nobody else's; no browser writes one: switching reminders off or
// on goes through the setReminderSubscription function or the mails' unsubscribe link.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { ACTORS, useRulesSuite, type Actor, type MatrixActor } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const optOut = (actor: Actor, uid: string) => doc(suite.as(actor), paths.reminderOptOut(uid));
const WHO: Record<MatrixActor, string> = {
	coord: 'a coordinator',
	editor: 'an editor',
	reader: 'a staff reader',
	coordVN: "another region's coordinator",
	stranger: 'a signed-in non-member',
	anonymous: 'an anonymous visitor'
};

describe('reading opt-outs', () => {
	it('a coordinator may read their own opt-out', async () => {
		await assertSucceeds(getDoc(optOut('coord', 'coord')));
	});

	it('a staff reader may read their own opt-out', async () => {
		await assertSucceeds(getDoc(optOut('reader', 'reader')));
	});

	it('an editor may read their own absent opt-out (to learn that reminders are on)', async () => {
		await assertSucceeds(getDoc(optOut('editor', 'editor')));
	});

	it("an editor may not read their coordinator's opt-out", async () => {
		await assertFails(getDoc(optOut('editor', 'coord')));
	});

	it("a staff reader may not read a coordinator's opt-out", async () => {
		await assertFails(getDoc(optOut('reader', 'coord')));
	});

	it("another region's coordinator may not read Jämtland Härjedalen's coordinator's opt-out", async () => {
		await assertFails(getDoc(optOut('coordVN', 'coord')));
	});

	it('an anonymous visitor may not read an opt-out', async () => {
		await assertFails(getDoc(optOut('anonymous', 'coord')));
	});

	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not list the opt-outs`, async () => {
			await assertFails(getDocs(collection(suite.as(actor), paths.reminderOptOuts())));
		});
	}
});

describe('writing opt-outs (functions only)', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not switch their own reminders off by writing an opt-out`, async () => {
			await assertFails(setDoc(optOut(actor, actor), { at: serverTimestamp(), via: 'app' }));
		});
	}

	it('a coordinator may not switch their reminders on again by deleting their opt-out', async () => {
		await assertFails(deleteDoc(optOut('coord', 'coord')));
	});

	it('a coordinator may not change their opt-out', async () => {
		await assertFails(updateDoc(optOut('coord', 'coord'), { via: 'link' }));
	});

	it("a coordinator may not switch off an editor's reminders", async () => {
		await assertFails(setDoc(optOut('coord', 'editor'), { at: serverTimestamp(), via: 'app' }));
	});

	it("a staff reader may not delete their opt-out", async () => {
		await assertFails(deleteDoc(optOut('reader', 'reader')));
	});
});
