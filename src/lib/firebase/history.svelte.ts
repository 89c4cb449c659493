// regions/{regionId}/years/{year}/history/{id}: every change of every row, written by the
// recordRowHistory trigger; browsers only read it — one cell's changes, the plan's latest, or (for a
// meeting's minutes) everything within a span of time.
import { collection, getDocs, limit, orderBy, query, where } from 'firebase/firestore';
import { historyEntry, type FieldKey, type HistoryEntry } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(historyEntry);
const historyOf = (regionId: string, year: string) =>
	collection(db(), paths.history(regionId, year)).withConverter(converter);
const cellQuery = (regionId: string, year: string, rowId: string, field: FieldKey) =>
	query(historyOf(regionId, year), where('rowId', '==', rowId), where('field', '==', field), orderBy('at', 'desc'));

export async function getCellHistory(regionId: string, year: string, rowId: string, field: FieldKey): Promise<Array<{ id: string; data: HistoryEntry }>> {
	const snap = await getDocs(cellQuery(regionId, year, rowId, field));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

/** One cell's changes, newest first, live (a restore on another page shows at once). */
export class LiveCellHistory extends LiveQuery<HistoryEntry> {
	constructor(regionId: string, year: string, rowId: string, field: FieldKey) {
		super(cellQuery(regionId, year, rowId, field), 'history-denied', `history of ${regionId}/${year}/${rowId}/${field}`);
	}
}

/** The plan's latest `count` changes, newest first, live; a longer page is a new reader. */
export class LiveRecentHistory extends LiveQuery<HistoryEntry> {
	constructor(regionId: string, year: string, count: number) {
		super(query(historyOf(regionId, year), orderBy('at', 'desc'), limit(count)), 'history-denied', `history of ${regionId}/${year}`);
	}
}

/** Every change of the plan within [from, to], oldest first, read once (a meeting's minutes; history.ts entries are never edited). */
export async function getHistoryBetween(regionId: string, year: string, from: Date, to: Date): Promise<Array<{ id: string; data: HistoryEntry }>> {
	const snap = await getDocs(query(historyOf(regionId, year), where('at', '>=', from), where('at', '<=', to), orderBy('at', 'asc')));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}
