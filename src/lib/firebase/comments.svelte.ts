// regions/{regionId}/years/{year}/comments/{commentId}: the discussion of a plan's rows, read live and
// written by members in the shapes firestore.rules accept (author as themselves, server times).
import { collection, deleteDoc, doc, getDocs, orderBy, query, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { comment, type Comment, type FieldKey } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(comment);
const commentsOf = (regionId: string, year: string) => collection(db(), paths.comments(regionId, year)).withConverter(converter);
const commentRef = (regionId: string, year: string, id: string) => doc(db(), paths.comment(regionId, year, id));

export async function getComments(regionId: string, year: string): Promise<Array<{ id: string; data: Comment }>> {
	const snap = await getDocs(query(commentsOf(regionId, year), orderBy('createdAt')));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

export class LiveComments extends LiveQuery<Comment> {
	constructor(regionId: string, year: string) {
		super(query(commentsOf(regionId, year), orderBy('createdAt')), 'comments-denied', `comments of ${regionId}/${year}`);
	}
}

export interface NewComment {
	rowId: string;
	field: FieldKey | null;
	parentId: string | null;
	text: string;
	mentions: string[];
}

export interface Author {
	uid: string;
	name: string;
	orgId: string;
}

/** A new comment or reply; its id at once (the write may still be queued offline). */
export function addComment(regionId: string, year: string, c: NewComment, author: Author): { id: string; written: Promise<void> } {
	const ref = doc(collection(db(), paths.comments(regionId, year)));
	const written = setDoc(ref, {
		rowId: c.rowId,
		field: c.field,
		parentId: c.parentId,
		text: c.text,
		authorUid: author.uid,
		authorName: author.name,
		authorOrgId: author.orgId,
		createdAt: serverTimestamp(),
		editedAt: null,
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		mentions: c.mentions
	});
	return { id: ref.id, written };
}

export function editComment(regionId: string, year: string, id: string, text: string, mentions: string[]): Promise<void> {
	return updateDoc(commentRef(regionId, year, id), { text, mentions, editedAt: serverTimestamp() });
}

export function setThreadResolved(regionId: string, year: string, threadId: string, resolved: boolean, uid: string): Promise<void> {
	return updateDoc(
		commentRef(regionId, year, threadId),
		resolved ? { resolved, resolvedBy: uid, resolvedAt: serverTimestamp() } : { resolved, resolvedBy: null, resolvedAt: null }
	);
}

export function deleteComment(regionId: string, year: string, id: string): Promise<void> {
	return deleteDoc(commentRef(regionId, year, id));
}
