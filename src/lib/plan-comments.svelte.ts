// The discussion of one plan: its comments and one's read markers, live, as threads; who may write and
// delete; the writes, with a notice that keeps the text when one fails.
import { may, type Actor } from './domain/authorization';
import { isUnread, threadsOf, type Thread } from './domain/comments';
import { mentionedUids } from './domain/mentions';
import { commentText, type Comment, type FieldKey } from './domain/schemas';
import { LiveCommentReads, markThreadsSeen } from './firebase/comment-reads.svelte';
import { addComment, deleteComment, editComment, LiveComments, setThreadResolved } from './firebase/comments.svelte';

/** A comment write the server refused or that failed: its text is kept for the person to copy. */
export interface CommentNotice {
	id: string;
	kind: 'failed' | 'deleteFailed' | 'resolveFailed';
	text: string | null;
}

export type CommentError = 'empty' | 'tooLong' | null;

export interface CommentsOptions {
	regionId: string;
	year: string;
	viewer: Actor;
	person: { uid: string; name: string; orgId: string };
	/** The network's members by name, for resolving @mentions. */
	members: () => Array<{ uid: string; name: string }>;
}

let counter = 0;

export class PlanComments {
	readonly comments: LiveComments;
	readonly reads: LiveCommentReads;
	/** The plan's discussion as threads, newest activity first. */
	readonly threads: Thread[] = $derived.by(() => threadsOf(this.comments.items));
	commentNotices = $state.raw<CommentNotice[]>([]);

	readonly #o: CommentsOptions;

	constructor(options: CommentsOptions) {
		this.#o = options;
		this.comments = new LiveComments(options.regionId, options.year);
		this.reads = new LiveCommentReads(options.regionId, options.year, options.person.uid);
	}

	/** Members write comments, also on a submitted year (the discussion goes on); staff only read. */
	get canComment(): boolean {
		return may(this.#o.viewer, 'comment');
	}

	/** Resolving and reopening threads: members, like commenting. */
	get canResolve(): boolean {
		return may(this.#o.viewer, 'resolve-thread');
	}

	canEditComment(c: Pick<Comment, 'authorUid'>): boolean {
		return may(this.#o.viewer, 'edit-comment', { authorUid: c.authorUid });
	}

	canDeleteComment(c: Pick<Comment, 'authorUid'>): boolean {
		return may(this.#o.viewer, 'delete-comment', { authorUid: c.authorUid });
	}

	/** The comment as last read, for deciding what may be done with it (undefined: not known here). */
	#comment(id: string): Comment | undefined {
		return this.comments.items.find((c) => c.id === id)?.data;
	}

	seenAt(threadId: string): Date | undefined {
		return this.reads.data?.seen[threadId];
	}

	isUnread(thread: Thread): boolean {
		return isUnread(thread, this.seenAt(thread.id), this.#o.person.uid);
	}

	/** Why a comment's text cannot be sent, or null (the rules check the same). */
	static commentError(text: string): CommentError {
		const parsed = commentText.safeParse(text);
		if (parsed.success) return null;
		return text.trim().length === 0 ? 'empty' : 'tooLong';
	}

	/** Sends a comment or reply; shows at once (queued while offline). The id, or null when refused locally. */
	addComment(c: { rowId: string; field: FieldKey | null; parentId: string | null; text: string }): string | null {
		if (!this.canComment || PlanComments.commentError(c.text)) return null;
		const { regionId, year, person } = this.#o;
		const { id, written } = addComment(regionId, year, { ...c, mentions: this.#mentions(c.text) }, person);
		written.then(
			() => this.markSeen([c.parentId ?? id]),
			(err) => {
				console.error('Planbordet: a comment was not saved', err);
				this.#notice('failed', c.text);
			}
		);
		return id;
	}

	editComment(id: string, text: string): boolean {
		const c = this.#comment(id);
		if (!c || !this.canEditComment(c) || PlanComments.commentError(text)) return false;
		editComment(this.#o.regionId, this.#o.year, id, text, this.#mentions(text)).catch((err) => {
			console.error('Planbordet: a comment edit was not saved', err);
			this.#notice('failed', text);
		});
		return true;
	}

	resolveThread(threadId: string, resolved: boolean): void {
		if (!this.canResolve) return;
		setThreadResolved(this.#o.regionId, this.#o.year, threadId, resolved, this.#o.person.uid).catch((err) => {
			console.error('Planbordet: a thread was not resolved', err);
			this.#notice('resolveFailed', null);
		});
	}

	removeComment(id: string): void {
		const c = this.#comment(id);
		if (!c || !this.canDeleteComment(c)) return;
		deleteComment(this.#o.regionId, this.#o.year, id).catch((err) => {
			console.error('Planbordet: a comment was not deleted', err);
			this.#notice('deleteFailed', null);
		});
	}

	/** Threads the person has now looked at; read markers are a convenience, so failures are only logged. */
	markSeen(threadIds: string[]): void {
		markThreadsSeen(this.#o.regionId, this.#o.year, this.#o.person.uid, threadIds).catch((err) =>
			console.warn('Planbordet: read markers were not saved', err)
		);
	}

	dismissCommentNotice(id: string): void {
		this.commentNotices = this.commentNotices.filter((n) => n.id !== id);
	}

	#mentions(text: string): string[] {
		return mentionedUids(text, this.#o.members());
	}

	#notice(kind: CommentNotice['kind'], text: string | null): void {
		this.commentNotices = [...this.commentNotices, { id: `c${Date.now().toString(36)}${(counter += 1)}`, kind, text }];
	}
}
