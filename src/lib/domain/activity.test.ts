import { describe, expect, it } from 'vitest';
import { activityFeed } from './activity';
import type { Comment, HistoryEntry } from './schemas';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 24, 13, minute));

const h = (id: string, minute: number): { id: string; data: HistoryEntry } => ({
	id,
	data: {
		rowId: 'r1',
		kind: 'edit',
		field: 'goal',
		old: 'a',
		new: 'b',
		by: 'anna',
		byName: 'Anna Andersson',
		orgId: 'krokom',
		area: 1,
		at: t(minute),
		eventId: `ev-${id}`
	}
});

const c = (id: string, minute: number, over: Partial<Comment> = {}): { id: string; data: Comment } => ({
	id,
	data: {
		rowId: 'r1',
		field: null,
		parentId: null,
		text: 'Hej',
		authorUid: 'bo',
		authorName: 'Bo Ek',
		authorOrgId: 'krokom',
		createdAt: t(minute),
		editedAt: null,
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		mentions: [],
		...over
	}
});

const keys = (items: ReturnType<typeof activityFeed>) => items.map((i) => `${i.kind[0]}:${i.id}`);

describe('activityFeed', () => {
	it('merges history and comments newest first', () => {
		const feed = activityFeed([h('h1', 10), h('h2', 30)], true, [c('c1', 20), c('c2', 40), c('c3', 5)]);
		expect(keys(feed)).toEqual(['c:c2', 'h:h2', 'c:c1', 'h:h1', 'c:c3']);
	});

	it('carries the entry or comment and its time', () => {
		const entry = h('h1', 10);
		const comment = c('c1', 20, { editedAt: t(50) });
		const feed = activityFeed([entry], true, [comment]);
		expect(feed).toEqual([
			{ kind: 'comment', id: 'c1', at: t(20), comment: comment.data },
			{ kind: 'history', id: 'h1', at: t(10), entry: entry.data }
		]);
	});

	it('dates a comment by its creation, not a later edit or resolution', () => {
		const feed = activityFeed([h('h1', 30)], true, [c('c1', 10, { editedAt: t(40), resolved: true, resolvedBy: 'bo', resolvedAt: t(45) })]);
		expect(keys(feed)).toEqual(['h:h1', 'c:c1']);
	});

	it('holds back comments older than the oldest loaded history while more history may come', () => {
		const feed = activityFeed([h('h2', 30), h('h1', 20)], false, [c('new', 40), c('between', 25), c('old', 10)]);
		expect(keys(feed)).toEqual(['c:new', 'h:h2', 'c:between', 'h:h1']);
	});

	it('holds back a comment at the instant of the oldest loaded history, which more history could precede', () => {
		expect(keys(activityFeed([h('h1', 20)], false, [c('same', 20)]))).toEqual(['h:h1']);
		expect(keys(activityFeed([h('h1', 20)], true, [c('same', 20)]))).toEqual(['h:h1', 'c:same']);
	});

	it('shows every comment once history is exhausted, also with no history at all', () => {
		expect(keys(activityFeed([h('h1', 20)], true, [c('old', 10)]))).toEqual(['h:h1', 'c:old']);
		expect(keys(activityFeed([], true, [c('a', 10), c('b', 20)]))).toEqual(['c:b', 'c:a']);
	});

	it('shows nothing before the first page of history has arrived', () => {
		expect(activityFeed([], false, [c('a', 10)])).toEqual([]);
	});

	it('never puts a later page above what an earlier page showed', () => {
		const history = [h('h5', 50), h('h4', 40), h('h3', 30), h('h2', 20), h('h1', 10)];
		const comments = [c('c1', 45), c('c2', 35), c('c3', 30), c('c4', 15), c('c5', 5)];
		const full = keys(activityFeed(history, true, comments));
		for (let loaded = 1; loaded < history.length; loaded++) {
			const page = keys(activityFeed(history.slice(0, loaded), false, comments));
			expect(full.slice(0, page.length)).toEqual(page);
		}
	});

	it('at one instant puts history before comments, each by id descending as Firestore pages them', () => {
		const feed = activityFeed([h('ha', 10), h('hb', 10)], true, [c('ca', 10), c('cb', 10)]);
		expect(keys(feed)).toEqual(['h:hb', 'h:ha', 'c:cb', 'c:ca']);
	});

	it('does not depend on the input order', () => {
		const history = [h('h1', 10), h('h2', 20), h('h3', 20)];
		const comments = [c('c1', 15), c('c2', 20), c('c3', 25)];
		const expected = keys(activityFeed(history, true, comments));
		expect(keys(activityFeed([...history].reverse(), true, [...comments].reverse()))).toEqual(expected);
		expect(expected).toEqual(['c:c3', 'h:h3', 'h:h2', 'c:c2', 'c:c1', 'h:h1']);
	});
});
