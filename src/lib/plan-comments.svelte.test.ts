// PlanComments' own decisions with the Firestore edge played by the test: what it refuses to send,
// who may write and delete, the mentions it resolves, read markers, and the notice that keeps the text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from './domain/authorization';
import { MAX_COMMENT, type Comment, type CommentReads } from './domain/schemas';
import { PlanComments, type CommentsOptions } from './plan-comments.svelte';

const edge = vi.hoisted(() => {
	/** A write the test settles: resolve() lands it, reject() refuses it. */
	const pending = () => {
		let settle = { resolve: () => undefined as void, reject: (_e: unknown) => undefined as void };
		const written = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
		return { written, ...settle };
	};
	let ids = 0;
	return {
		pending,
		last: null as ReturnType<typeof pending> | null,
		addComment: vi.fn(),
		editComment: vi.fn(),
		setThreadResolved: vi.fn(),
		deleteComment: vi.fn(),
		markThreadsSeen: vi.fn((..._args: unknown[]) => Promise.resolve()),
		nextId: () => `k${(ids += 1)}`,
		/** The latest listeners made, as the test fills them. */
		comments: null as { items: Array<{ id: string; data: Comment; pending: boolean }> } | null,
		reads: null as { data: CommentReads | null } | null
	};
});

vi.mock('./firebase/comments.svelte', () => ({
	LiveComments: class {
		items: Array<{ id: string; data: Comment; pending: boolean }> = [];
		error: string | null = null;
		constructor() {
			edge.comments = this;
		}
	},
	addComment: edge.addComment,
	editComment: edge.editComment,
	setThreadResolved: edge.setThreadResolved,
	deleteComment: edge.deleteComment
}));

vi.mock('./firebase/comment-reads.svelte', () => ({
	LiveCommentReads: class {
		data: CommentReads | null = null;
		constructor() {
			edge.reads = this;
		}
	},
	markThreadsSeen: edge.markThreadsSeen
}));

const anna = { uid: 'u-anna', name: 'Anna Andersson', orgId: 'krokom' };
const members = [
	{ uid: 'u-anna', name: 'Anna Andersson' },
	{ uid: 'u-bo', name: 'Bo Berg' },
	{ uid: 'u-bo-b', name: 'Bo Bergström' }
];
const viewer = (memberRole: Actor['memberRole'], staffRole: Actor['staffRole'] = null): Actor => ({ uid: anna.uid, memberRole, staffRole });

function discussion(over: Partial<CommentsOptions> = {}) {
	return new PlanComments({ regionId: 'jh', year: '2025', viewer: viewer('editor'), person: anna, members: () => members, ...over });
}

/** Anna's comments under these ids, as the listener shows them (what may be edited or deleted is decided on them). */
const mine = (...ids: string[]) => {
	edge.comments!.items = ids.map((id) => ({ id, pending: false, data: comment({ authorUid: anna.uid }) }));
};

/** Lets settled writes run their then/catch. */
const settled = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
	for (const f of [edge.addComment, edge.editComment, edge.setThreadResolved, edge.deleteComment]) f.mockReset();
	edge.markThreadsSeen.mockClear();
	edge.addComment.mockImplementation(() => {
		edge.last = edge.pending();
		return { id: edge.nextId(), written: edge.last.written };
	});
	vi.spyOn(console, 'error').mockImplementation(() => undefined);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
	vi.restoreAllMocks();
});

function comment(over: Partial<Comment> = {}): Comment {
	return {
		rowId: 'r1',
		field: null,
		parentId: null,
		text: 'Hej',
		authorUid: 'u-bo',
		authorName: 'Bo Berg',
		authorOrgId: 'ostersund',
		createdAt: new Date('2025-03-03T09:00:00Z'),
		editedAt: null,
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		mentions: [],
		...over
	};
}

describe('what may be sent', () => {
	it('names why a text cannot be sent', () => {
		expect(PlanComments.commentError('')).toBe('empty');
		expect(PlanComments.commentError('  \n ')).toBe('empty');
		expect(PlanComments.commentError('x'.repeat(MAX_COMMENT + 1))).toBe('tooLong');
		expect(PlanComments.commentError('x'.repeat(MAX_COMMENT))).toBeNull();
	});

	it('refuses an empty or too long comment or edit without writing', () => {
		const d = discussion();
		expect(d.addComment({ rowId: 'r1', field: null, parentId: null, text: '   ' })).toBeNull();
		expect(d.addComment({ rowId: 'r1', field: null, parentId: null, text: 'x'.repeat(MAX_COMMENT + 1) })).toBeNull();
		expect(d.editComment('c1', '')).toBe(false);
		expect(edge.addComment).not.toHaveBeenCalled();
		expect(edge.editComment).not.toHaveBeenCalled();
	});

	it('lets members comment, also coordinators, and staff only read', () => {
		expect(discussion({ viewer: viewer('editor') }).canComment).toBe(true);
		expect(discussion({ viewer: viewer('coordinator') }).canComment).toBe(true);
		const staff = discussion({ viewer: viewer(null, 'admin') });
		expect(staff.canComment).toBe(false);
		expect(staff.addComment({ rowId: 'r1', field: null, parentId: null, text: 'Hej' })).toBeNull();
		expect(staff.editComment('c1', 'Hej')).toBe(false);
		staff.resolveThread('c1', true);
		staff.removeComment('c1');
		expect(edge.addComment).not.toHaveBeenCalled();
		expect(edge.editComment).not.toHaveBeenCalled();
		expect(edge.setThreadResolved).not.toHaveBeenCalled();
		expect(edge.deleteComment).not.toHaveBeenCalled();
	});

	it('lets authors edit their own comments only, and refuses an edit or delete of a comment it does not know', () => {
		const d = discussion({ viewer: viewer('coordinator') });
		expect(d.canEditComment(comment({ authorUid: 'u-anna' }))).toBe(true);
		expect(d.canEditComment(comment({ authorUid: 'u-bo' }))).toBe(false);
		edge.comments!.items = [{ id: 'bos', pending: false, data: comment({ authorUid: 'u-bo' }) }];
		expect(d.editComment('bos', 'Ändrad')).toBe(false);
		expect(d.editComment('unknown', 'Ändrad')).toBe(false);
		d.removeComment('unknown');
		expect(edge.editComment).not.toHaveBeenCalled();
		expect(edge.deleteComment).not.toHaveBeenCalled();
	});

	it('lets authors delete their own comments and coordinators anyone’s', () => {
		const mine = comment({ authorUid: 'u-anna' });
		const bos = comment({ authorUid: 'u-bo' });
		expect(discussion({ viewer: viewer('editor') }).canDeleteComment(mine)).toBe(true);
		expect(discussion({ viewer: viewer('editor') }).canDeleteComment(bos)).toBe(false);
		expect(discussion({ viewer: viewer('coordinator') }).canDeleteComment(bos)).toBe(true);
		expect(discussion({ viewer: viewer(null, 'admin') }).canDeleteComment(mine)).toBe(false);
	});
});

describe('writing', () => {
	it('sends a comment as oneself with the mentioned members resolved by their full names', () => {
		const d = discussion();
		const id = d.addComment({ rowId: 'r1', field: 'action', parentId: null, text: '@Bo Bergström och @Bo Berg: kan ni ta den? @Okänd' });
		expect(id).toBe('k1');
		expect(edge.addComment).toHaveBeenCalledWith(
			'jh',
			'2025',
			{ rowId: 'r1', field: 'action', parentId: null, text: '@Bo Bergström och @Bo Berg: kan ni ta den? @Okänd', mentions: ['u-bo-b', 'u-bo'] },
			anna
		);
	});

	it('resolves mentions against the members as they are when sending', () => {
		let list: Array<{ uid: string; name: string }> = [];
		const d = discussion({ members: () => list });
		d.addComment({ rowId: 'r1', field: null, parentId: null, text: 'Hej @Bo Berg' });
		list = members;
		mine('k1');
		edge.editComment.mockResolvedValue(undefined);
		d.editComment('k1', 'Hej @Bo Berg');
		expect(edge.addComment.mock.calls[0][2].mentions).toEqual([]);
		expect(edge.editComment).toHaveBeenCalledWith('jh', '2025', 'k1', 'Hej @Bo Berg', ['u-bo']);
	});

	it('marks the thread seen once the comment or reply has landed', async () => {
		const d = discussion();
		const root = d.addComment({ rowId: 'r1', field: null, parentId: null, text: 'Ny tråd' });
		await settled();
		expect(edge.markThreadsSeen).not.toHaveBeenCalled();
		edge.last!.resolve();
		await settled();
		expect(edge.markThreadsSeen).toHaveBeenLastCalledWith('jh', '2025', 'u-anna', [root]);

		d.addComment({ rowId: 'r1', field: null, parentId: 'thread-7', text: 'Svar' });
		edge.last!.resolve();
		await settled();
		expect(edge.markThreadsSeen).toHaveBeenLastCalledWith('jh', '2025', 'u-anna', ['thread-7']);
	});

	it('keeps the text of a refused comment or edit in a notice until dismissed', async () => {
		const d = discussion();
		d.addComment({ rowId: 'r1', field: null, parentId: null, text: 'Viktig text' });
		edge.last!.reject(Object.assign(new Error('denied'), { code: 'permission-denied' }));
		edge.editComment.mockRejectedValue(new Error('unavailable'));
		mine('c1');
		expect(d.editComment('c1', 'Ändrad text')).toBe(true);
		await settled();

		expect(edge.markThreadsSeen).not.toHaveBeenCalled();
		expect(d.commentNotices.map((n) => [n.kind, n.text])).toEqual([
			['failed', 'Viktig text'],
			['failed', 'Ändrad text']
		]);
		expect(new Set(d.commentNotices.map((n) => n.id)).size).toBe(2);

		d.dismissCommentNotice(d.commentNotices[0].id);
		expect(d.commentNotices.map((n) => n.text)).toEqual(['Ändrad text']);
	});

	it('says when a resolve or a delete failed', async () => {
		const d = discussion();
		edge.setThreadResolved.mockRejectedValue(new Error('unavailable'));
		edge.deleteComment.mockRejectedValue(new Error('unavailable'));
		d.resolveThread('t1', true);
		mine('c1');
		d.removeComment('c1');
		await settled();
		expect(edge.setThreadResolved).toHaveBeenCalledWith('jh', '2025', 't1', true, 'u-anna');
		expect(edge.deleteComment).toHaveBeenCalledWith('jh', '2025', 'c1');
		expect(d.commentNotices.map((n) => [n.kind, n.text])).toEqual([
			['resolveFailed', null],
			['deleteFailed', null]
		]);
	});

	it('only logs a read marker that was not saved', async () => {
		const d = discussion();
		edge.markThreadsSeen.mockRejectedValueOnce(new Error('unavailable'));
		d.markSeen(['t1']);
		await settled();
		expect(d.commentNotices).toEqual([]);
		expect(console.warn).toHaveBeenCalled();
	});
});

describe('reading', () => {
	it('groups the comments into threads and says which are unread by one’s read markers', () => {
		const d = discussion();
		edge.comments!.items = [
			{ id: 'a', pending: false, data: comment({ createdAt: new Date('2025-03-03T09:00:00Z') }) },
			{ id: 'a1', pending: false, data: comment({ parentId: 'a', createdAt: new Date('2025-03-03T11:00:00Z') }) },
			{ id: 'b', pending: false, data: comment({ authorUid: 'u-anna', createdAt: new Date('2025-03-03T10:00:00Z') }) }
		];
		edge.reads!.data = { seen: { a: new Date('2025-03-03T10:30:00Z') } };

		expect(d.threads.map((t) => [t.id, t.replies.length])).toEqual([
			['a', 1],
			['b', 0]
		]);
		const [a, b] = d.threads;
		expect(d.seenAt('a')).toEqual(new Date('2025-03-03T10:30:00Z'));
		expect(d.isUnread(a)).toBe(true);
		// One's own comment is never unread to oneself.
		expect(d.isUnread(b)).toBe(false);

		edge.reads!.data = { seen: { a: new Date('2025-03-03T12:00:00Z') } };
		expect(d.isUnread(a)).toBe(false);
	});
});
