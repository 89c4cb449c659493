// The mention digest's bookkeeping (mentionQueue, mentionMail): written and read by functions only.
// No browser reads or writes them, not even the person mentioned or the one the digest goes to.
import { describe, it } from 'vitest';
import { assertFails } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { ACTORS, COMMENTS, JH, MENTION_ID, rowIdOf, useRulesSuite, type MatrixActor } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const WHO: Record<MatrixActor, string> = {
	coord: 'a coordinator',
	editor: 'the mentioned editor',
	reader: 'a staff reader',
	coordVN: "another region's coordinator",
	stranger: 'a signed-in non-member',
	anonymous: 'an anonymous visitor'
};

describe('the mention queue', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not read or list queued mentions`, async () => {
			const db = suite.as(actor);
			await assertFails(getDoc(doc(db, paths.mentionQueueEntry(MENTION_ID))));
			await assertFails(getDocs(collection(db, paths.mentionQueue())));
		});

		it(`${WHO[actor]} may not queue, change or delete a mention`, async () => {
			const db = suite.as(actor);
			const id = `${JH}~2024~${COMMENTS.editorRoot}~coord`;
			await assertFails(
				setDoc(doc(db, paths.mentionQueueEntry(id)), {
					uid: 'coord', regionId: JH, year: 2024, commentId: COMMENTS.editorRoot, threadId: COMMENTS.editorRoot,
					rowId: rowIdOf('coord'), authorName: 'Lars Länsstyrelsen', text: 'Hej @Malin', createdAt: serverTimestamp(), state: 'pending', mailId: null
				})
			);
			await assertFails(updateDoc(doc(db, paths.mentionQueueEntry(MENTION_ID)), { state: 'sent' }));
			await assertFails(deleteDoc(doc(db, paths.mentionQueueEntry(MENTION_ID))));
		});
	}
});

describe('the mention digest state', () => {
	for (const actor of ACTORS) {
		it(`${WHO[actor]} may not read or list when mention digests went out`, async () => {
			const db = suite.as(actor);
			await assertFails(getDoc(doc(db, paths.mentionMailState('editor'))));
			await assertFails(getDocs(collection(db, paths.mentionMail())));
		});

		it(`${WHO[actor]} may not set, reset or delete a digest state`, async () => {
			const db = suite.as(actor);
			await assertFails(setDoc(doc(db, paths.mentionMailState(actor)), { lastSentAt: serverTimestamp() }));
			await assertFails(updateDoc(doc(db, paths.mentionMailState('editor')), { lastSentAt: serverTimestamp() }));
			await assertFails(deleteDoc(doc(db, paths.mentionMailState('editor'))));
		});
	}
});
