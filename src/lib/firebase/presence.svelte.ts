// regions/{regionId}/years/{year}/presence/{uid}: who has the plan open and which cell they edit.
// A member writes and removes only their own document; readers of the region see everyone's. Each
// write carries its TTL expiry (retention.ts), so a tab that never left cleanly is deleted eventually.
import { collection, getDocs } from 'firebase/firestore';
import { presence, type Presence } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { removePresenceFrom, writePresenceTo, type PresenceEntry } from './presence-writes';
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

export type { PresenceEntry } from './presence-writes';

/** The whole document each time (presence-writes.ts: the shape the rules accept), on the app's Firestore. */
export function writePresence(regionId: string, year: string, uid: string, entry: PresenceEntry, now: Date): Promise<void> {
	return writePresenceTo(db(), regionId, year, uid, entry, now);
}

export function removePresence(regionId: string, year: string, uid: string): Promise<void> {
	return removePresenceFrom(db(), regionId, year, uid);
}
