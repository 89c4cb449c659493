import { describe, expect, it } from 'vitest';
import { filterThreads, isUnread, openThreadCounts, threadsOf, type CommentItem } from './comments';
import type { Comment } from './schemas';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 24, 13, minute));

const item = (id: string, over: Partial<Comment> = {}): CommentItem => ({
	id,
	data: {
		rowId: 'r1',
		field: null,
		parentId: null,
		text: `text ${id}`,
		authorUid: 'anna',
		authorName: 'Anna Andersson',
		authorOrgId: 'krokom',
		createdAt: t(0),
		editedAt: null,
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		mentions: [],
		...over
	}
});

describe('threadsOf', () => {
	it('puts replies under their root, oldest first, whatever the input order', () => {
		const comments = [
			item('r-b', { parentId: 'root', createdAt: t(5) }),
			item('root', { createdAt: t(1) }),
			item('r-a', { parentId: 'root', createdAt: t(3) })
		];
		const [thread, ...rest] = threadsOf(comments);
		expect(rest).toEqual([]);
		expect(thread.id).toBe('root');
		expect(thread.root?.id).toBe('root');
		expect(thread.replies.map((r) => r.id)).toEqual(['r-a', 'r-b']);
	});

	it('orders replies created at the same instant by id', () => {
		const [thread] = threadsOf([item('root'), item('z', { parentId: 'root', createdAt: t(2) }), item('a', { parentId: 'root', createdAt: t(2) })]);
		expect(thread.replies.map((r) => r.id)).toEqual(['a', 'z']);
	});

	it('takes row, field and resolution from the root', () => {
		const [thread] = threadsOf([
			item('root', { rowId: 'r7', field: 'goal', resolved: true, resolvedBy: 'bo', resolvedAt: t(9) }),
			item('reply', { rowId: 'r7', field: null, parentId: 'root', createdAt: t(2) })
		]);
		expect(thread).toMatchObject({ rowId: 'r7', field: 'goal', resolved: true });
	});

	it('keeps the replies of a deleted root as an open thread, row and field from the first reply', () => {
		const [thread] = threadsOf([
			item('late', { parentId: 'gone', rowId: 'r2', field: 'effects', createdAt: t(8) }),
			item('early', { parentId: 'gone', rowId: 'r2', field: 'effects', createdAt: t(4) })
		]);
		expect(thread).toMatchObject({ id: 'gone', root: null, rowId: 'r2', field: 'effects', resolved: false });
		expect(thread.replies.map((r) => r.id)).toEqual(['early', 'late']);
		expect(thread.lastActivity).toEqual(t(8));
	});

	it('dates a thread by its latest creation, edit or resolution, and names who did it', () => {
		const base = [item('root', { createdAt: t(1) }), item('reply', { parentId: 'root', authorUid: 'bo', createdAt: t(3) })];
		expect(threadsOf(base)[0]).toMatchObject({ lastActivity: t(3), lastActivityBy: 'bo' });

		const edited = [item('root', { createdAt: t(1), editedAt: t(6) }), base[1]];
		expect(threadsOf(edited)[0]).toMatchObject({ lastActivity: t(6), lastActivityBy: 'anna' });

		const resolved = [item('root', { createdAt: t(1), resolved: true, resolvedBy: 'cilla', resolvedAt: t(7) }), base[1]];
		expect(threadsOf(resolved)[0]).toMatchObject({ lastActivity: t(7), lastActivityBy: 'cilla' });
	});

	it("counts a reply's edit as activity", () => {
		const [thread] = threadsOf([item('root', { createdAt: t(1) }), item('reply', { parentId: 'root', authorUid: 'bo', createdAt: t(2), editedAt: t(20) })]);
		expect(thread).toMatchObject({ lastActivity: t(20), lastActivityBy: 'bo' });
	});

	it('sorts threads by latest activity, newest first', () => {
		const threads = threadsOf([
			item('old', { createdAt: t(1) }),
			item('new', { createdAt: t(5) }),
			item('revived', { createdAt: t(0) }),
			item('reply', { parentId: 'revived', createdAt: t(9) })
		]);
		expect(threads.map((x) => x.id)).toEqual(['revived', 'new', 'old']);
	});

	it('returns no threads for no comments', () => {
		expect(threadsOf([])).toEqual([]);
	});
});

describe('openThreadCounts', () => {
	it('counts unresolved threads per row and leaves out rows with none open', () => {
		const threads = threadsOf([
			item('a', { rowId: 'r1' }),
			item('b', { rowId: 'r1', field: 'goal' }),
			item('c', { rowId: 'r2', resolved: true, resolvedBy: 'bo', resolvedAt: t(1) }),
			item('d', { rowId: 'r3' }),
			item('reply', { rowId: 'r1', parentId: 'a' })
		]);
		expect(openThreadCounts(threads)).toEqual(
			new Map([
				['r1', 2],
				['r3', 1]
			])
		);
	});

	it('counts the replies of a deleted root as an open thread', () => {
		expect(openThreadCounts(threadsOf([item('x', { parentId: 'gone', rowId: 'r4' })])).get('r4')).toBe(1);
	});
});

describe('isUnread', () => {
	const thread = (...items: CommentItem[]) => threadsOf(items)[0];

	it("is unread when never seen and someone else wrote in it, but not when it's all mine", () => {
		expect(isUnread(thread(item('root', { authorUid: 'bo' })), undefined, 'anna')).toBe(true);
		expect(isUnread(thread(item('root', { authorUid: 'anna' })), undefined, 'anna')).toBe(false);
	});

	it("is unread after someone else's later reply and read once seen after it", () => {
		const th = thread(item('root', { createdAt: t(1) }), item('reply', { parentId: 'root', authorUid: 'bo', createdAt: t(5) }));
		expect(isUnread(th, t(4), 'anna')).toBe(true);
		expect(isUnread(th, t(5), 'anna')).toBe(false);
		expect(isUnread(th, t(6), 'anna')).toBe(false);
	});

	it('ignores my own later activity', () => {
		const th = thread(item('root', { authorUid: 'bo', createdAt: t(1) }), item('reply', { parentId: 'root', authorUid: 'anna', createdAt: t(8), editedAt: t(9) }));
		expect(isUnread(th, t(2), 'anna')).toBe(false);
	});

	it("counts someone else's edit and resolution as news", () => {
		const edited = thread(item('root', { authorUid: 'bo', createdAt: t(1), editedAt: t(6) }));
		expect(isUnread(edited, t(3), 'anna')).toBe(true);
		const resolved = thread(item('root', { createdAt: t(1), resolved: true, resolvedBy: 'bo', resolvedAt: t(6) }));
		expect(isUnread(resolved, t(3), 'anna')).toBe(true);
		const resolvedByMe = thread(item('root', { authorUid: 'bo', createdAt: t(1), resolved: true, resolvedBy: 'anna', resolvedAt: t(6) }));
		expect(isUnread(resolvedByMe, t(3), 'anna')).toBe(false);
	});

	it("sees someone else's news under my own later activity", () => {
		const th = thread(
			item('root', { createdAt: t(1) }),
			item('bo', { parentId: 'root', authorUid: 'bo', createdAt: t(4) }),
			item('mine', { parentId: 'root', authorUid: 'anna', createdAt: t(7) })
		);
		expect(th.lastActivityBy).toBe('anna');
		expect(isUnread(th, t(3), 'anna')).toBe(true);
	});
});

describe('filterThreads', () => {
	const threads = threadsOf([
		item('open1', { rowId: 'r1', createdAt: t(1) }),
		item('done1', { rowId: 'r1', createdAt: t(2), resolved: true, resolvedBy: 'bo', resolvedAt: t(3) }),
		item('open2', { rowId: 'r2', createdAt: t(4) })
	]);
	const ids = (ts: typeof threads) => ts.map((x) => x.id);

	it('filters by state, keeping the order', () => {
		expect(ids(filterThreads(threads, 'open'))).toEqual(['open2', 'open1']);
		expect(ids(filterThreads(threads, 'resolved'))).toEqual(['done1']);
		expect(ids(filterThreads(threads, 'all'))).toEqual(['open2', 'done1', 'open1']);
	});

	it('filters by row when one is given, and not for null', () => {
		expect(ids(filterThreads(threads, 'all', 'r1'))).toEqual(['done1', 'open1']);
		expect(ids(filterThreads(threads, 'open', 'r1'))).toEqual(['open1']);
		expect(ids(filterThreads(threads, 'open', null))).toEqual(['open2', 'open1']);
		expect(filterThreads(threads, 'all', 'nope')).toEqual([]);
	});
});
