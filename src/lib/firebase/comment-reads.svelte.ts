// regions/{regionId}/years/{year}/commentReads/{uid}: when a person last looked at each thread, for
// their unread markers. Each person reads and writes only their own document.
import { doc, getDoc, serverTimestamp, setDoc } from 'firebase/firestore';
import { commentReads, type CommentReads } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(commentReads);
const readsRef = (regionId: string, year: string, uid: string) => doc(db(), paths.commentReadsOf(regionId, year, uid));

export async function getCommentReads(regionId: string, year: string, uid: string): Promise<CommentReads | null> {
	const snap = await getDoc(readsRef(regionId, year, uid).withConverter(converter));
	return snap.exists() ? snap.data() : null;
}

export class LiveCommentReads extends LiveDoc<CommentReads> {
	constructor(regionId: string, year: string, uid: string) {
		super(readsRef(regionId, year, uid).withConverter(converter), 'comments-denied');
	}
}

/** Marks threads as seen now (server time); a merge, so other threads' markers stay. */
export function markThreadsSeen(regionId: string, year: string, uid: string, threadIds: string[]): Promise<void> {
	if (threadIds.length === 0) return Promise.resolve();
	const seen = Object.fromEntries(threadIds.map((id) => [id, serverTimestamp()]));
	return setDoc(readsRef(regionId, year, uid), { seen }, { merge: true });
}
