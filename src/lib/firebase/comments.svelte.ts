// regions/{regionId}/years/{year}/comments/{commentId}: the discussion of a plan's rows, read live and
// written by members in the shapes firestore.rules accept (comment-writes.ts: author as themselves, server times).
import { collection, getDocs, orderBy, query } from 'firebase/firestore';
import { comment, type Comment } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { addCommentTo, deleteCommentFrom, editCommentIn, setThreadResolvedIn, type Author, type NewComment } from './comment-writes';
import { paths } from '../domain/paths';

const converter = zodConverter(comment);
const commentsOf = (regionId: string, year: string) => collection(db(), paths.comments(regionId, year)).withConverter(converter);

export async function getComments(regionId: string, year: string): Promise<Array<{ id: string; data: Comment }>> {
	const snap = await getDocs(query(commentsOf(regionId, year), orderBy('createdAt')));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

export class LiveComments extends LiveQuery<Comment> {
	constructor(regionId: string, year: string) {
		super(query(commentsOf(regionId, year), orderBy('createdAt')), 'comments-denied', `comments of ${regionId}/${year}`);
	}
}

export type { Author, NewComment } from './comment-writes';

// The writes on the app's Firestore; their shapes live in comment-writes.ts (the benchmark's too).

/** A new comment or reply; its id at once (the write may still be queued offline). */
export function addComment(regionId: string, year: string, c: NewComment, author: Author): { id: string; written: Promise<void> } {
	return addCommentTo(db(), regionId, year, c, author);
}

export function editComment(regionId: string, year: string, id: string, text: string, mentions: string[]): Promise<void> {
	return editCommentIn(db(), regionId, year, id, text, mentions);
}

export function setThreadResolved(regionId: string, year: string, threadId: string, resolved: boolean, uid: string): Promise<void> {
	return setThreadResolvedIn(db(), regionId, year, threadId, resolved, uid);
}

export function deleteComment(regionId: string, year: string, id: string): Promise<void> {
	return deleteCommentFrom(db(), regionId, year, id);
}
