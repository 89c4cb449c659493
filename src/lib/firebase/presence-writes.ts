// One's presence document (regions/{regionId}/years/{year}/presence/{uid}) written and removed in the
// shape firestore.rules accept, on a given Firestore instance: the app passes its own
// (presence.svelte.ts), the meeting benchmark a Node client's. No Svelte, no app singleton.
import { deleteDoc, doc, serverTimestamp, setDoc, type Firestore } from 'firebase/firestore';
import { presenceExpiry } from '../domain/retention';
import type { AnswerRef, CellRef } from '../domain/schemas';
import { paths } from '../domain/paths';

export interface PresenceEntry {
	name: string;
	orgId: string;
	cell: CellRef | null;
	answer: AnswerRef | null;
}

/** The whole document each time: the rules want exactly these keys, lastSeen the server's time, expireAt within a day of it. */
export function writePresenceTo(db: Firestore, regionId: string, year: string, uid: string, entry: PresenceEntry, now: Date): Promise<void> {
	const cell = entry.cell ? { rowId: entry.cell.rowId, field: entry.cell.field } : null;
	const answer = entry.answer ? { questionId: entry.answer.questionId, field: entry.answer.field } : null;
	return setDoc(doc(db, paths.presenceEntry(regionId, year, uid)), { name: entry.name, orgId: entry.orgId, cell, answer, lastSeen: serverTimestamp(), expireAt: presenceExpiry(now) });
}

export function removePresenceFrom(db: Firestore, regionId: string, year: string, uid: string): Promise<void> {
	return deleteDoc(doc(db, paths.presenceEntry(regionId, year, uid)));
}
