// regions/{regionId}/years/{year}/presence/{uid}: who has the plan open and which cell they edit.
// A member writes and removes only their own document; readers of the region see everyone's. Each
// write carries its TTL expiry (retention.ts), so a tab that never left cleanly is deleted eventually.
import { collection, deleteDoc, doc, getDocs, serverTimestamp, setDoc } from 'firebase/firestore';
import { presenceExpiry } from '../domain/retention';
import { presence, type AnswerRef, type CellRef, type Presence } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(presence);
const presenceOf = (regionId: string, year: string) => collection(db(), paths.presence(regionId, year)).withConverter(converter);

export async function getPresence(regionId: string, year: string): Promise<Array<{ uid: string; data: Presence }>> {
	const snap = await getDocs(presenceOf(regionId, year));
	return snap.docs.map((d) => ({ uid: d.id, data: d.data() }));
}

export class LivePresence extends LiveQuery<Presence> {
	constructor(regionId: string, year: string) {
		super(presenceOf(regionId, year), 'generic', `presence in ${regionId}/${year}`);
	}
}

export interface PresenceEntry {
	name: string;
	orgId: string;
	cell: CellRef | null;
	answer: AnswerRef | null;
}

/** The whole document each time: the rules want exactly these keys, lastSeen the server's time, expireAt within a day of it. */
export function writePresence(regionId: string, year: string, uid: string, entry: PresenceEntry, now: Date): Promise<void> {
	const cell = entry.cell ? { rowId: entry.cell.rowId, field: entry.cell.field } : null;
	const answer = entry.answer ? { questionId: entry.answer.questionId, field: entry.answer.field } : null;
	return setDoc(doc(db(), paths.presenceEntry(regionId, year, uid)), { name: entry.name, orgId: entry.orgId, cell, answer, lastSeen: serverTimestamp(), expireAt: presenceExpiry(now) });
}

export function removePresence(regionId: string, year: string, uid: string): Promise<void> {
	return deleteDoc(doc(db(), paths.presenceEntry(regionId, year, uid)));
}
