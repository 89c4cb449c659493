// Read markers (commentReads/{uid}): when a person last looked at each thread of a year's plan.
// Each reader of the region (member or staff) reads and writes only their own, { seen: map } and
// nothing else, on a draft or a submitted year; nobody deletes them.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { COMMENTS, JH, SEEDED_AT, VN, commentReadsRef, useRulesSuite, yearRef, type Actor, type RegionId } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const YEAR = 2024;
const reads = (actor: Actor, uid: string, regionId: RegionId = JH, year = YEAR) => commentReadsRef(suite.as(actor), regionId, year, uid);
/** Marking threads as seen, exactly as the app does: a merge of server times into `seen`. */
const markSeen = (actor: Actor, uid: string, regionId: RegionId = JH, year = YEAR) =>
	setDoc(reads(actor, uid, regionId, year), { seen: { [COMMENTS.editor2Root]: serverTimestamp() } }, { merge: true });
/** The editor writes their own markers in JH 2024 as a whole document. */
const writeOwn = (data: Record<string, unknown>) => setDoc(reads('editor', 'editor'), data);
const threads = (n: number) => ({ seen: Object.fromEntries(Array.from({ length: n }, (_, i) => [`thread-${i}`, SEEDED_AT])) });

describe('reading read markers', () => {
	it('a member may read their own read markers', async () => {
		await assertSucceeds(getDoc(reads('editor', 'editor')));
	});

	it('a staff reader may read their own read markers in any region', async () => {
		await assertSucceeds(getDoc(reads('reader', 'reader', JH)));
		await assertSucceeds(getDoc(reads('reader', 'reader', VN)));
	});

	it("a member may not read another person's read markers", async () => {
		await assertFails(getDoc(reads('editor2', 'editor')));
	});

	it("a coordinator may not read an editor's read markers", async () => {
		await assertFails(getDoc(reads('coord', 'editor')));
	});

	it('a member may not list everyone’s read markers of the year', async () => {
		await assertFails(getDocs(collection(suite.as('editor'), paths.commentReads(JH, String(YEAR)))));
	});

	it("a staff reader may not read a member's read markers", async () => {
		await assertFails(getDoc(reads('reader', 'editor')));
	});

	it("another region's coordinator may not read read markers of their own in Jämtland Härjedalen", async () => {
		await assertFails(getDoc(reads('coordVN', 'coordVN')));
	});

	it('a signed-in non-member may not read read markers of their own', async () => {
		await assertFails(getDoc(reads('stranger', 'stranger')));
	});

	it('an anonymous visitor may not read read markers', async () => {
		await assertFails(getDoc(reads('anonymous', 'editor')));
	});
});

describe('writing read markers', () => {
	it('a member may mark a thread as seen (a merge into their markers)', async () => {
		await assertSucceeds(markSeen('editor', 'editor'));
	});

	it('a member may create their read markers the first time they look', async () => {
		await assertSucceeds(markSeen('editor2', 'editor2'));
	});

	it('a member may write their read markers as a whole document', async () => {
		await assertSucceeds(writeOwn({ seen: { [COMMENTS.editorRoot]: serverTimestamp(), [COMMENTS.editor2Root]: serverTimestamp() } }));
	});

	it('a member may mark a thread as seen on a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, YEAR), { status: 'submitted' }));
		await assertSucceeds(markSeen('editor', 'editor'));
	});

	it('a staff reader may mark a thread as seen in any region', async () => {
		await assertSucceeds(markSeen('reader', 'reader', JH));
		await assertSucceeds(markSeen('reader', 'reader', VN));
	});

	it("a member may not create another person's read markers", async () => {
		await assertFails(markSeen('editor', 'editor2'));
	});

	it("a member may not change another person's read markers", async () => {
		await assertFails(markSeen('editor2', 'editor'));
	});

	it("a staff reader may not write a member's read markers", async () => {
		await assertFails(markSeen('reader', 'editor'));
	});

	it("another region's coordinator may not write read markers in Jämtland Härjedalen", async () => {
		await assertFails(markSeen('coordVN', 'coordVN'));
	});

	it('a signed-in non-member may not write read markers', async () => {
		await assertFails(markSeen('stranger', 'stranger'));
	});

	it('an anonymous visitor may not write read markers', async () => {
		await assertFails(markSeen('anonymous', 'anonymous'));
	});

	it('a member may not write read markers under a year that does not exist', async () => {
		await assertFails(markSeen('editor', 'editor', JH, 2030));
	});
});

describe('the shape of read markers', () => {
	it('a member may not add a key beside seen', async () => {
		await assertFails(writeOwn({ seen: {}, lastVisit: serverTimestamp() }));
	});

	it('a member may not leave out seen', async () => {
		await assertFails(writeOwn({}));
	});

	it('a member may not give seen as a list', async () => {
		await assertFails(writeOwn({ seen: [COMMENTS.editorRoot] }));
	});

	it('a member may not give seen as a string', async () => {
		await assertFails(writeOwn({ seen: COMMENTS.editorRoot }));
	});

	// Every marker must stay a timestamp: one that is not made the app's schema refuse the whole document.
	for (const [what, value] of [['a number', 42], ['text', '2024-03-01'], ['null', null], ['a map', { at: 1 }], ['NaN', NaN]] as const) {
		it(`a member may not mark a thread as seen with ${what} instead of a time`, async () => {
			await assertFails(setDoc(reads('editor', 'editor'), { seen: { [COMMENTS.editor2Root]: value } }, { merge: true }));
		});
	}

	it('a member may not slip a number in beside server times', async () => {
		await assertFails(
			setDoc(reads('editor', 'editor'), { seen: { [COMMENTS.editor2Root]: serverTimestamp(), [COMMENTS.reply]: serverTimestamp(), 'thread-x': 7 } }, { merge: true })
		);
	});

	it('a member may not create their markers with a number beside a server time', async () => {
		await assertFails(setDoc(reads('editor2', 'editor2'), { seen: { [COMMENTS.editorRoot]: serverTimestamp(), 'thread-x': 7 } }));
	});

	it("a member may not mark a thread as seen at their own clock's time", async () => {
		await assertFails(setDoc(reads('editor', 'editor'), { seen: { [COMMENTS.editor2Root]: new Date() } }, { merge: true }));
	});

	it('a member may keep markers for 5,000 threads', async () => {
		await assertSucceeds(writeOwn(threads(5000)));
	});

	it('a member may not keep markers for 5,001 threads', async () => {
		await assertFails(writeOwn(threads(5001)));
	});
});

describe('deleting read markers', () => {
	it('a member may not delete their own read markers', async () => {
		await assertFails(deleteDoc(reads('editor', 'editor')));
	});

	it("a coordinator may not delete an editor's read markers", async () => {
		await assertFails(deleteDoc(reads('coord', 'editor')));
	});
});
