// Comments on a year's plan: who reads them, starts a thread, replies, edits, deletes, resolves and
// reopens (on a draft and on a submitted year alike, since comments never change the plan), and the
// exact shape of each write. Unless a test says otherwise: Jämtland Härjedalen's 2024 plan, the fixture's COMMENTS.
import { beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { paths } from '../../src/lib/domain/paths';
import {
	COMMENTS,
	JH,
	PEOPLE,
	REOPENING,
	SEEDED_AT,
	VN,
	commentEdit,
	commentRef,
	newComment,
	resolution,
	rowIdOf,
	rowRef,
	useRulesSuite,
	yearRef,
	type Actor,
	type NewComment,
	type RegionId
} from '../support/rules-env';

const suite = useRulesSuite();
const YEAR = 2024;
const FIELD_KEYS = ['action', 'goal', 'resources', 'serviceTypes', 'outputs', 'effects', 'status', 'nextYear'];

const commentsOf = (actor: Actor, regionId: RegionId = JH) => collection(suite.as(actor), paths.comments(regionId, String(YEAR)));
const comment = (actor: Actor, id: string, regionId: RegionId = JH, year = YEAR) => commentRef(suite.as(actor), regionId, year, id);
/** actor writes a new comment `new-comment` in JH 2024. */
const post = (actor: Actor, data: Record<string, unknown>, year = YEAR) => setDoc(comment(actor, 'new-comment', JH, year), data);
/** The editor's new comment with one thing changed, for the shape tests. */
const postAsEditor = (options: NewComment = {}, overrides: Record<string, unknown> = {}) => post('editor', { ...newComment('editor', options), ...overrides });
/** The editor's update of their own seeded thread. */
const editOwn = (data: Record<string, unknown>) => updateDoc(comment('editor', COMMENTS.editorRoot), data);
/** A comment recorded as `uid`'s in JH 2024, written with the rules disabled (for people who are not members there). */
const seedCommentBy = (uid: 'stranger' | 'coordVN') =>
	suite.admin((db) =>
		setDoc(commentRef(db, JH, YEAR, `comment-${uid}`), {
			...newComment(uid),
			createdAt: SEEDED_AT
		})
	);

for (const status of ['draft', 'submitted'] as const) {
	describe(`comments on a ${status} year`, () => {
		beforeEach(async () => {
			if (status === 'submitted') await suite.admin((db) => updateDoc(yearRef(db, JH, YEAR), { status }));
		});

		describe('reading', () => {
			it("a coordinator may list the comments of their region's plan", async () => {
				await assertSucceeds(getDocs(commentsOf('coord')));
			});

			it('an editor may read a comment of their region', async () => {
				await assertSucceeds(getDoc(comment('editor', COMMENTS.editor2Root)));
			});

			it("a staff reader may list every region's comments", async () => {
				await assertSucceeds(getDocs(commentsOf('reader', JH)));
				await assertSucceeds(getDocs(commentsOf('reader', VN)));
			});

			it("another region's coordinator may not list Jämtland Härjedalen's comments", async () => {
				await assertFails(getDocs(commentsOf('coordVN', JH)));
			});

			it("another region's coordinator may not read a comment of Jämtland Härjedalen", async () => {
				await assertFails(getDoc(comment('coordVN', COMMENTS.editorRoot)));
			});

			it('a signed-in non-member may not read a comment', async () => {
				await assertFails(getDoc(comment('stranger', COMMENTS.editorRoot)));
			});

			it('an anonymous visitor may not list comments', async () => {
				await assertFails(getDocs(commentsOf('anonymous')));
			});
		});

		describe('starting a thread and replying', () => {
			it('an editor may comment on a row', async () => {
				await assertSucceeds(post('editor', newComment('editor')));
			});

			it('an editor may comment on one cell of a row', async () => {
				await assertSucceeds(post('editor', newComment('editor', { field: 'goal' })));
			});

			it('a coordinator may comment on a row', async () => {
				await assertSucceeds(post('coord', newComment('coord', { rowId: rowIdOf('editor2') })));
			});

			it("another editor may reply in someone's thread", async () => {
				await assertSucceeds(post('editor2', newComment('editor2', { parentId: COMMENTS.editorRoot })));
			});

			it('the author may reply in their own thread', async () => {
				await assertSucceeds(post('editor', newComment('editor', { parentId: COMMENTS.editorRoot })));
			});

			it('a member may not reply to a reply (threads are one level deep)', async () => {
				await assertFails(post('editor', newComment('editor', { parentId: COMMENTS.reply })));
			});

			it('a member may not reply in a thread of another row', async () => {
				await assertFails(post('editor', newComment('editor', { rowId: rowIdOf('editor'), parentId: COMMENTS.editorRoot })));
			});

			it('a member may not reply to a comment that does not exist', async () => {
				await assertFails(post('editor', newComment('editor', { parentId: 'no-such-comment' })));
			});

			it('a staff reader may not comment', async () => {
				await assertFails(post('reader', newComment('reader')));
			});

			it("another region's coordinator may not comment in Jämtland Härjedalen", async () => {
				await assertFails(post('coordVN', newComment('coordVN')));
			});

			it("another region's coordinator may comment in their own region", async () => {
				await assertSucceeds(setDoc(comment('coordVN', 'new-comment', VN), newComment('coordVN')));
			});

			it('a signed-in non-member may not comment', async () => {
				await assertFails(post('stranger', newComment('stranger')));
			});

			it('an anonymous visitor may not comment', async () => {
				await assertFails(post('anonymous', newComment('anonymous')));
			});
		});

		describe('editing', () => {
			it('the author may edit their comment', async () => {
				await assertSucceeds(editOwn(commentEdit('Vem tar den här raden?', ['editor2'])));
			});

			it('the author may edit their reply', async () => {
				await assertSucceeds(updateDoc(comment('editor2', COMMENTS.reply), commentEdit('Ja, det gör jag.', [])));
			});

			it('the author may change whom their comment mentions', async () => {
				await assertSucceeds(editOwn(commentEdit('Vem tar den här?', ['coord', 'editor2'])));
			});

			it("an editor may not edit another person's comment", async () => {
				await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), commentEdit('Målet är bra.')));
			});

			it("a coordinator may not edit another person's comment", async () => {
				await assertFails(updateDoc(comment('coord', COMMENTS.editorRoot), commentEdit('Struket.')));
			});

			it('a staff reader may not edit a comment', async () => {
				await assertFails(updateDoc(comment('reader', COMMENTS.editorRoot), commentEdit('Hej')));
			});

			it("another region's coordinator may not edit a comment in Jämtland Härjedalen, not even one recorded as theirs", async () => {
				await seedCommentBy('coordVN');
				await assertFails(updateDoc(comment('coordVN', 'comment-coordVN'), commentEdit('Hej igen')));
			});

			it('a signed-in non-member may not edit a comment, not even one recorded as theirs', async () => {
				await seedCommentBy('stranger');
				await assertFails(updateDoc(comment('stranger', 'comment-stranger'), commentEdit('Hej igen')));
			});

			it('an anonymous visitor may not edit a comment', async () => {
				await assertFails(updateDoc(comment('anonymous', COMMENTS.editorRoot), commentEdit('Hej')));
			});
		});

		describe('deleting', () => {
			it('the author may delete their comment', async () => {
				await assertSucceeds(deleteDoc(comment('editor', COMMENTS.editorRoot)));
			});

			it('the author may delete their reply', async () => {
				await assertSucceeds(deleteDoc(comment('editor2', COMMENTS.reply)));
			});

			it("an editor may not delete another person's comment", async () => {
				await assertFails(deleteDoc(comment('editor', COMMENTS.editor2Root)));
			});

			it("an editor may not delete another person's reply in their own thread", async () => {
				await assertFails(deleteDoc(comment('editor', COMMENTS.reply)));
			});

			it("a coordinator may delete another person's comment", async () => {
				await assertSucceeds(deleteDoc(comment('coord', COMMENTS.editor2Root)));
			});

			it("a coordinator may delete another person's reply", async () => {
				await assertSucceeds(deleteDoc(comment('coord', COMMENTS.reply)));
			});

			it('a staff reader may not delete a comment', async () => {
				await assertFails(deleteDoc(comment('reader', COMMENTS.editorRoot)));
			});

			it("another region's coordinator may not delete a comment in Jämtland Härjedalen, not even one recorded as theirs", async () => {
				await seedCommentBy('coordVN');
				await assertFails(deleteDoc(comment('coordVN', 'comment-coordVN')));
			});

			it('a signed-in non-member may not delete a comment, not even one recorded as theirs', async () => {
				await seedCommentBy('stranger');
				await assertFails(deleteDoc(comment('stranger', 'comment-stranger')));
			});

			it('an anonymous visitor may not delete a comment', async () => {
				await assertFails(deleteDoc(comment('anonymous', COMMENTS.editorRoot)));
			});
		});

		describe('resolving and reopening', () => {
			it("an editor may resolve another person's thread", async () => {
				await assertSucceeds(updateDoc(comment('editor', COMMENTS.editor2Root), resolution('editor')));
			});

			it('the author may resolve their own thread', async () => {
				await assertSucceeds(updateDoc(comment('editor2', COMMENTS.editor2Root), resolution('editor2')));
			});

			it('a coordinator may resolve a thread', async () => {
				await assertSucceeds(updateDoc(comment('coord', COMMENTS.editorRoot), resolution('coord')));
			});

			it('an editor may reopen a thread the coordinator resolved', async () => {
				await assertSucceeds(updateDoc(comment('editor', COMMENTS.resolvedRoot), REOPENING));
			});

			it('a member may not resolve a reply (only a thread is resolved)', async () => {
				await assertFails(updateDoc(comment('editor', COMMENTS.reply), resolution('editor')));
			});

			it('a staff reader may not resolve a thread', async () => {
				await assertFails(updateDoc(comment('reader', COMMENTS.editorRoot), resolution('reader')));
			});

			it('a staff reader may not reopen a thread', async () => {
				await assertFails(updateDoc(comment('reader', COMMENTS.resolvedRoot), REOPENING));
			});

			it("another region's coordinator may not resolve a thread in Jämtland Härjedalen", async () => {
				await assertFails(updateDoc(comment('coordVN', COMMENTS.editorRoot), resolution('coordVN')));
			});

			it('a signed-in non-member may not resolve a thread', async () => {
				await assertFails(updateDoc(comment('stranger', COMMENTS.editorRoot), resolution('stranger')));
			});

			it('an anonymous visitor may not reopen a thread', async () => {
				await assertFails(updateDoc(comment('anonymous', COMMENTS.resolvedRoot), REOPENING));
			});
		});
	});
}

describe('the shape of a new comment', () => {
	for (const field of FIELD_KEYS) {
		// 2023's template has every field key (2024's has no serviceTypes).
		it(`a member may comment on a ${field} cell`, async () => {
			await assertSucceeds(post('editor', newComment('editor', { field }), 2023));
		});
	}

	it('a member may not comment on a field no template knows', async () => {
		await assertFails(postAsEditor({ field: 'budget' }));
	});

	it("a member may not comment on a field of another template than the year's (serviceTypes in 2024)", async () => {
		await assertFails(postAsEditor({ field: 'serviceTypes' }));
	});

	it('a member may not write as another person (authorUid)', async () => {
		await assertFails(postAsEditor({}, { authorUid: 'editor2' }));
	});

	it("a member may not sign with a name other than their membership's (authorName)", async () => {
		await assertFails(postAsEditor({}, { authorName: PEOPLE.coord.name }));
	});

	it("a member may not claim another organisation (authorOrgId)", async () => {
		await assertFails(postAsEditor({}, { authorOrgId: PEOPLE.coord.orgId }));
	});

	it('a member may not stamp createdAt with a client clock', async () => {
		await assertFails(postAsEditor({}, { createdAt: Timestamp.now() }));
	});

	it('a member may not create a comment that is already edited', async () => {
		await assertFails(postAsEditor({}, { editedAt: serverTimestamp() }));
	});

	it('a member may not create a comment that is already resolved', async () => {
		await assertFails(postAsEditor({}, { resolved: true, resolvedBy: 'editor', resolvedAt: serverTimestamp() }));
	});

	it('a member may not create a comment marked resolved, even without who and when', async () => {
		await assertFails(postAsEditor({}, { resolved: true }));
	});

	it('a member may not create an open comment with a resolvedBy', async () => {
		await assertFails(postAsEditor({}, { resolvedBy: 'editor' }));
	});

	it('a member may not create an open comment with a resolvedAt', async () => {
		await assertFails(postAsEditor({}, { resolvedAt: serverTimestamp() }));
	});

	it('a member may write exactly 5,000 characters', async () => {
		await assertSucceeds(postAsEditor({ text: 'a'.repeat(5000) }));
	});

	it('a member may write 5,000 characters of Swedish letters (characters, not bytes, are counted)', async () => {
		await assertSucceeds(postAsEditor({ text: 'åäö'.repeat(1666) + 'öö' }));
	});

	it('a member may not write 5,001 characters', async () => {
		await assertFails(postAsEditor({ text: 'a'.repeat(5001) }));
	});

	it('a member may not write an empty comment', async () => {
		await assertFails(postAsEditor({ text: '' }));
	});

	it('a member may not write a comment of only spaces, tabs and line breaks', async () => {
		await assertFails(postAsEditor({ text: '  \t\n\r\n ' }));
	});

	// The app's schema trims with JavaScript's notion of white space; the rules must not let more through.
	for (const [what, blank] of [
		['no-break spaces', '\u00a0\u00a0'],
		['an ideographic space', '\u3000'],
		['a line separator', '\u2028'],
		['a byte-order mark', '\ufeff'],
		['a vertical tab', '\v']
	] as const) {
		it(`a member may not write a comment of only ${what}`, async () => {
			await assertFails(postAsEditor({ text: blank }));
		});
	}

	it('a member may write a text with blank lines around it', async () => {
		await assertSucceeds(postAsEditor({ text: '\n\nVem tar den här?\n' }));
	});

	it('a member may not write a text that is not a string', async () => {
		await assertFails(postAsEditor({}, { text: 42 }));
	});

	it('a member may mention 20 people', async () => {
		await assertSucceeds(postAsEditor({ mentions: Array.from({ length: 20 }, (_, i) => `user-${i}`) }));
	});

	it('a member may not mention 21 people', async () => {
		await assertFails(postAsEditor({ mentions: Array.from({ length: 21 }, (_, i) => `user-${i}`) }));
	});

	it('a member may not mention something that is not a uid', async () => {
		await assertFails(postAsEditor({}, { mentions: [1] }));
	});

	// Every mention is checked, not only the first: a bad one further on hid the comment.
	const badMentions: [what: string, mentions: unknown[]][] = [
		['a number after a uid', ['u-ostersund', 42]],
		['a number as the 20th of 20', [...Array.from({ length: 19 }, (_, i) => `user-${i}`), 42]],
		['an empty uid', ['editor2', '']],
		['a uid of 129 characters', ['editor2', 'u'.repeat(129)]],
		['a map', ['editor2', { uid: 'editor' }]],
		['null', ['editor2', null]]
	];
	for (const [what, mentions] of badMentions) {
		it(`a member may not mention ${what}`, async () => {
			await assertFails(postAsEditor({}, { mentions }));
		});
	}

	it('a member may mention a uid of 128 characters', async () => {
		await assertSucceeds(postAsEditor({ mentions: ['editor2', 'u'.repeat(128)] }));
	});

	it('a member may not give the mentions as anything but a list', async () => {
		await assertFails(postAsEditor({}, { mentions: 'editor2' }));
	});

	it('a member may not add an extra key', async () => {
		await assertFails(postAsEditor({}, { pinned: true }));
	});

	it('a member may not leave out a key', async () => {
		const { mentions: _, ...withoutMentions } = newComment('editor');
		await assertFails(post('editor', withoutMentions));
	});

	it('a member may not comment on a row that does not exist', async () => {
		await assertFails(postAsEditor({ rowId: 'no-such-row' }));
	});

	it('a member may not comment on a row with an id longer than 128 characters', async () => {
		// The row exists, so only the length can refuse it.
		await suite.admin((db) => setDoc(rowRef(db, JH, YEAR, 'r'.repeat(129)), { area: 1, position: 99 }));
		await assertFails(postAsEditor({ rowId: 'r'.repeat(129) }));
	});

	it('a member may comment on a row with an id of 128 characters', async () => {
		await suite.admin((db) => setDoc(rowRef(db, JH, YEAR, 'r'.repeat(128)), { area: 1, position: 99 }));
		await assertSucceeds(postAsEditor({ rowId: 'r'.repeat(128) }));
	});

	it('a member may not give a rowId that is not a string', async () => {
		await assertFails(postAsEditor({}, { rowId: 7 }));
	});

	it('a member may not comment on a year that does not exist', async () => {
		// A row left under a year with no year document: only the missing year can refuse it.
		await suite.admin((db) => setDoc(rowRef(db, JH, 2030, rowIdOf('coord')), { area: 1, position: 1 }));
		await assertFails(post('editor', newComment('editor'), 2030));
	});

	it('a member may not give a parentId that is not a string', async () => {
		await assertFails(postAsEditor({}, { parentId: 1 }));
	});

	it('a member may not comment on a row whose id the app cannot parse, even if it exists', async () => {
		// Left by an older client: the comment would be hidden with the row.
		await suite.admin((db) => setDoc(rowRef(db, JH, YEAR, 'rad med mellanslag ä'), { area: 1, position: 99 }));
		await assertFails(postAsEditor({ rowId: 'rad med mellanslag ä' }));
	});

	it('a member may not reply to a thread whose id the app cannot parse, even if it exists', async () => {
		await suite.admin((db) => setDoc(commentRef(db, JH, YEAR, 'tråd 1'), { ...newComment('editor2'), createdAt: SEEDED_AT }));
		await assertFails(postAsEditor({ parentId: 'tråd 1' }));
	});

	it('a member may comment under an id as Firestore generates them', async () => {
		await assertSucceeds(setDoc(doc(commentsOf('editor')), newComment('editor')));
	});

	for (const [what, id] of [['spaces and a letter outside A-Z', 'kommentar ä'], ['1,444 characters', 'c'.repeat(1444)], ['a zero-width space', 'c\u200B']]) {
		it(`a member may not comment under an id with ${what}`, async () => {
			await assertFails(setDoc(comment('editor', id), newComment('editor')));
		});
	}
});

describe('the shape of an edit', () => {
	it('the author may not move their comment to another row', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), rowId: rowIdOf('editor') }));
	});

	it('the author may not move their comment to a cell', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), field: 'goal' }));
	});

	it('the author may not move their comment into another thread', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), parentId: COMMENTS.editor2Root }));
	});

	it('the author may not hand their comment to another person (authorUid)', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), authorUid: 'editor2' }));
	});

	it('the author may not rename themselves on their comment (authorName)', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), authorName: 'Någon annan' }));
	});

	it('the author may not change when their comment was written', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), createdAt: serverTimestamp() }));
	});

	it('the author may not stamp editedAt with a client clock', async () => {
		await assertFails(editOwn({ text: 'Vem tar den här?', mentions: [], editedAt: Timestamp.now() }));
	});

	it('the author may not change the text without stamping editedAt', async () => {
		await assertFails(editOwn({ text: 'Vem tar den här raden?' }));
	});

	it('the author may not blank their comment', async () => {
		await assertFails(editOwn(commentEdit('   ')));
	});

	it('the author may not make their comment 5,001 characters long', async () => {
		await assertFails(editOwn(commentEdit('a'.repeat(5001))));
	});

	it('the author may not mention 21 people', async () => {
		await assertFails(editOwn(commentEdit('Alla!', Array.from({ length: 21 }, (_, i) => `user-${i}`))));
	});

	it('the author may not mention something that is not a uid after a uid', async () => {
		await assertFails(editOwn(commentEdit('Alla!', ['editor2', 42 as unknown as string])));
	});

	it('the author may not edit and resolve in one write', async () => {
		await assertFails(editOwn({ ...commentEdit('Klart.'), ...resolution('editor') }));
	});

	it('the author may not add an extra key', async () => {
		await assertFails(editOwn({ ...commentEdit('Vem tar den här?'), pinned: true }));
	});
});

describe('the shape of a resolution', () => {
	it('a member may not resolve a thread in another person’s name', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), resolution('coord')));
	});

	it('a member may not stamp resolvedAt with a client clock', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), { resolved: true, resolvedBy: 'editor', resolvedAt: Timestamp.now() }));
	});

	it('a member may not resolve a thread without saying who and when', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), { resolved: true }));
	});

	it('a member may not resolve with a resolved that is not a boolean', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), { ...resolution('editor'), resolved: 'yes' }));
	});

	it('a member may not resolve an already resolved thread again (taking over who resolved it)', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.resolvedRoot), resolution('editor')));
	});

	it('a member may not reopen a thread that is open', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), REOPENING));
	});

	it('a member may not reopen a thread and keep who resolved it', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.resolvedRoot), { resolved: false, resolvedAt: null }));
	});

	it('a member may not reopen a thread and keep when it was resolved', async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.resolvedRoot), { resolved: false, resolvedBy: null }));
	});

	it("a member may not change another person's text while resolving their thread", async () => {
		await assertFails(updateDoc(comment('editor', COMMENTS.editor2Root), { ...resolution('editor'), text: 'Löst.' }));
	});
});
