// The reminder ledger (reminderLedger/{id}): which reminders were sent, written by the reminder job
// in the same transaction as the mail. No browser reads, lists, forges or erases an entry — erasing
// one would make a reminder go out again.
import { describe, it } from 'vitest';
import { assertFails } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { ACTORS, JH, LEDGER_ID, useRulesSuite, type MatrixActor } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const WHO: Record<MatrixActor, string> = {
	coord: 'a coordinator',
	editor: 'an editor',
	reader: 'a staff reader',
	coordVN: "another region's coordinator",
	stranger: 'a signed-in non-member',
	anonymous: 'an anonymous visitor'
};
const FORGED = `${JH}~2024~coord~2025-01-31~1`;

describe('the reminder ledger', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not read or list the ledger`, async () => {
			const db = suite.as(actor);
			await assertFails(getDoc(doc(db, paths.reminderLedgerEntry(LEDGER_ID))));
			await assertFails(getDocs(collection(db, paths.reminderLedger())));
		});

		it(`${WHO[actor]} may not add, change or delete a ledger entry`, async () => {
			const db = suite.as(actor);
			await assertFails(
				setDoc(doc(db, paths.reminderLedgerEntry(FORGED)), {
					key: FORGED.replaceAll('~', '/'),
					regionId: JH,
					year: '2024',
					uid: 'coord',
					offset: 1,
					mailId: 'mail-1',
					createdAt: serverTimestamp()
				})
			);
			await assertFails(updateDoc(doc(db, paths.reminderLedgerEntry(LEDGER_ID)), { offset: 14 }));
			await assertFails(deleteDoc(doc(db, paths.reminderLedgerEntry(LEDGER_ID))));
		});
	}

	it('the editor the entry is about may not read it either', async () => {
		await assertFails(getDoc(doc(suite.as('editor'), paths.reminderLedgerEntry(LEDGER_ID))));
	});
});
