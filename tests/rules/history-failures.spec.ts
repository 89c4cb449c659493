// historyFailures/{eventId}: the writes the history triggers could not record, written by them with
// the Admin SDK. No browser reads, lists, forges, changes or erases one — not staff, not a coordinator.
import { describe, it } from 'vitest';
import { assertFails } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { ACTORS, JH, useRulesSuite, type MatrixActor } from '../support/rules-env';
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
const EVENT = 'event-1';
const failure = {
	trigger: 'recordRowHistory',
	path: `regions/${JH}/years/2024/rows/rad med mellanslag`,
	reason: 'invalid-row-id',
	problems: ['id'],
	eventId: EVENT,
	at: new Date('2024-03-01T09:00:00Z')
};

describe('history failures', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not read or list them`, async () => {
			await suite.admin((db) => setDoc(doc(db, paths.historyFailure(EVENT)), failure));
			const db = suite.as(actor);
			await assertFails(getDoc(doc(db, paths.historyFailure(EVENT))));
			await assertFails(getDocs(collection(db, paths.historyFailures())));
		});

		it(`${WHO[actor]} may not add, change or delete one`, async () => {
			await suite.admin((db) => setDoc(doc(db, paths.historyFailure(EVENT)), failure));
			const db = suite.as(actor);
			await assertFails(setDoc(doc(db, paths.historyFailure('event-2')), { ...failure, eventId: 'event-2', at: serverTimestamp() }));
			await assertFails(updateDoc(doc(db, paths.historyFailure(EVENT)), { problems: [] }));
			await assertFails(deleteDoc(doc(db, paths.historyFailure(EVENT))));
		});
	}
});
