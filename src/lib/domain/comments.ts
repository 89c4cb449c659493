// Comment threads as the plan shows them: a root and its replies, when and by whom a thread last
// moved, which threads are open on which row, and which are unread for the reader.
import type { Comment, FieldKey } from './schemas';

export interface CommentItem {
	id: string;
	data: Comment;
}

export interface Thread {
	/** The root comment's id (replies' parentId). */
	id: string;
	/** null when the root was deleted but replies remain. */
	root: CommentItem | null;
	/** Oldest first. */
	replies: CommentItem[];
	rowId: string;
	/** From the root (or the first reply when the root is gone). */
	field: FieldKey | null;
	/** The root's resolved (false when the root is gone). */
	resolved: boolean;
	/** The latest of createdAt, editedAt and resolvedAt over the root and the replies. */
	lastActivity: Date;
	/** Who did lastActivity: resolvedBy for a resolution, else the author. */
	lastActivityBy: string;
}

export type ThreadFilter = 'open' | 'resolved' | 'all';

interface Activity {
	at: Date;
	by: string;
}

/** Everything that happened to one comment, each with the person who did it. */
function activitiesOf(c: Comment): Activity[] {
	const out: Activity[] = [{ at: c.createdAt, by: c.authorUid }];
	if (c.editedAt) out.push({ at: c.editedAt, by: c.authorUid });
	// Reopening clears resolvedAt and resolvedBy, so only a standing resolution is activity.
	if (c.resolvedAt) out.push({ at: c.resolvedAt, by: c.resolvedBy ?? c.authorUid });
	return out;
}

function byCreation(a: CommentItem, b: CommentItem): number {
	return a.data.createdAt.getTime() - b.data.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Groups comments into threads, the most recently active first. */
export function threadsOf(comments: CommentItem[]): Thread[] {
	const groups = new Map<string, CommentItem[]>();
	for (const c of comments) {
		const key = c.data.parentId ?? c.id;
		const group = groups.get(key);
		if (group) group.push(c);
		else groups.set(key, [c]);
	}

	const threads: Thread[] = [];
	for (const [id, items] of groups) {
		const root = items.find((c) => c.id === id && c.data.parentId === null) ?? null;
		const replies = items.filter((c) => c !== root).sort(byCreation);
		const first = root ?? replies[0];
		let last: Activity = { at: first.data.createdAt, by: first.data.authorUid };
		for (const c of root ? [root, ...replies] : replies) {
			for (const a of activitiesOf(c.data)) if (a.at.getTime() > last.at.getTime()) last = a;
		}
		threads.push({
			id,
			root,
			replies,
			rowId: first.data.rowId,
			field: first.data.field,
			resolved: root?.data.resolved ?? false,
			lastActivity: last.at,
			lastActivityBy: last.by
		});
	}
	return threads.sort((a, b) => b.lastActivity.getTime() - a.lastActivity.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Open (unresolved) threads per row id; rows without one are absent. */
export function openThreadCounts(threads: Thread[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const t of threads) if (!t.resolved) counts.set(t.rowId, (counts.get(t.rowId) ?? 0) + 1);
	return counts;
}

/** Whether someone other than `me` did anything in the thread after `seenAt` (or ever, if never seen). */
export function isUnread(thread: Thread, seenAt: Date | undefined, me: string): boolean {
	const since = seenAt?.getTime() ?? -Infinity;
	const items = thread.root ? [thread.root, ...thread.replies] : thread.replies;
	return items.some((c) => activitiesOf(c.data).some((a) => a.by !== me && a.at.getTime() > since));
}

/** The threads in the given state, on one row when `rowId` is given (null or absent = every row). */
export function filterThreads(threads: Thread[], filter: ThreadFilter, rowId?: string | null): Thread[] {
	return threads.filter(
		(t) => (filter === 'all' || t.resolved === (filter === 'resolved')) && (rowId === undefined || rowId === null || t.rowId === rowId)
	);
}
