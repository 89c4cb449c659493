// The plan's activity feed: row changes from the history and comments, newest first, merged so that
// loading an older page of history only ever adds items below the ones already shown.
import type { Comment, HistoryEntry } from './schemas';

export type ActivityItem =
	| { kind: 'history'; id: string; at: Date; entry: HistoryEntry }
	| { kind: 'comment'; id: string; at: Date; comment: Comment };

/**
 * Newest first; at one instant history before comments, then by id descending, which is the order
 * Firestore pages `orderBy('at', 'desc')` in (it appends `__name__` in the last direction given).
 */
function newestFirst(a: ActivityItem, b: ActivityItem): number {
	return (
		b.at.getTime() - a.at.getTime() ||
		(a.kind === b.kind ? 0 : a.kind === 'history' ? -1 : 1) ||
		(a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
	);
}

/**
 * History is loaded newest-first in pages (`historyExhausted` when no older page exists); comments are all
 * loaded. Returns the merged feed newest first, leaving out comments older than the oldest loaded history
 * entry unless history is exhausted (so a later page never inserts items above ones already shown).
 * Ties: history before comment, then by id. A comment's time is its createdAt.
 *
 * A comment at the very instant of the oldest loaded entry waits too: the next page may hold more
 * history from that instant, which sorts above it.
 */
export function activityFeed(
	history: Array<{ id: string; data: HistoryEntry }>,
	historyExhausted: boolean,
	comments: Array<{ id: string; data: Comment }>
): ActivityItem[] {
	let oldest = Infinity;
	for (const h of history) oldest = Math.min(oldest, h.data.at.getTime());
	const shown = (c: Comment) => historyExhausted || c.createdAt.getTime() > oldest;

	const items: ActivityItem[] = [
		...history.map((h): ActivityItem => ({ kind: 'history', id: h.id, at: h.data.at, entry: h.data })),
		...comments.filter((c) => shown(c.data)).map((c): ActivityItem => ({ kind: 'comment', id: c.id, at: c.data.createdAt, comment: c.data }))
	];
	return items.sort(newestFirst);
}
