// The comment writes (regions/{regionId}/years/{year}/comments/{commentId}) in the shapes
// firestore.rules accept (author as themselves, server times), on a given Firestore instance: the app
// passes its own (comments.svelte.ts), the meeting benchmark a Node client's. No Svelte, no app singleton.
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import type { FieldKey } from '../domain/schemas';
import { paths } from '../domain/paths';

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

const commentRef = (db: Firestore, regionId: string, year: string, id: string) => doc(db, paths.comment(regionId, year, id));

/** A new comment or reply; its id at once (the write may still be queued offline). */
export function addCommentTo(db: Firestore, regionId: string, year: string, c: NewComment, author: Author): { id: string; written: Promise<void> } {
	const ref = doc(collection(db, paths.comments(regionId, year)));
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

export function editCommentIn(db: Firestore, regionId: string, year: string, id: string, text: string, mentions: string[]): Promise<void> {
	return updateDoc(commentRef(db, regionId, year, id), { text, mentions, editedAt: serverTimestamp() });
}

export function setThreadResolvedIn(db: Firestore, regionId: string, year: string, threadId: string, resolved: boolean, uid: string): Promise<void> {
	return updateDoc(
		commentRef(db, regionId, year, threadId),
		resolved ? { resolved, resolvedBy: uid, resolvedAt: serverTimestamp() } : { resolved, resolvedBy: null, resolvedAt: null }
	);
}

export function deleteCommentFrom(db: Firestore, regionId: string, year: string, id: string): Promise<void> {
	return deleteDoc(commentRef(db, regionId, year, id));
}
