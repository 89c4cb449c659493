// regions/{regionId}/years/{year}/rows/{rowId}: the insatser of a plan, read live and written on the
// app's Firestore. The write shapes firestore.rules accept live in row-writes.ts (Svelte-free, so the
// benchmarks write exactly what the app writes).
import { collection, doc, getDoc, getDocFromServer } from 'firebase/firestore';
import type { FieldEdit } from '../domain/edit-engine';
import { readRowDocument } from '../domain/row-repair';
import type { Row } from '../domain/schemas';
import { callFunction, db } from './app';
import { LiveQuery, readingConverter, warmQuery } from './live.svelte';
import { addRowTo, deleteRowFrom, moveRowTo, repairPositionsTo, writeCellTo } from './row-writes';
import type { Repair } from '../domain/ordering';
import { paths } from '../domain/paths';

/** A row the app cannot read (a bad id too: comments and history name rows by it) is left out of the items and listed apart. */
const converter = readingConverter<Row>((rowId, data) => {
	const read = readRowDocument(rowId, data);
	return read.ok ? { ok: true, value: read.row } : { ok: false };
});
const rowsOf = (regionId: string, year: string) => collection(db(), paths.rows(regionId, year)).withConverter(converter);
const rawRowRef = (regionId: string, year: string, rowId: string) => doc(db(), paths.row(regionId, year, rowId));

export async function getRow(regionId: string, year: string, rowId: string): Promise<Row | null> {
	const snap = await getDoc(rawRowRef(regionId, year, rowId).withConverter(converter));
	return snap.exists() ? snap.data() : null;
}

/** The server's copy of one row, past the cache (after a refused write: did the revision move on?). */
export async function getRowFromServer(regionId: string, year: string, rowId: string): Promise<Row | null> {
	const snap = await getDocFromServer(rawRowRef(regionId, year, rowId).withConverter(converter));
	return snap.exists() ? snap.data() : null;
}

export class LiveRows extends LiveQuery<Row> {
	constructor(regionId: string, year: string) {
		super(rowsOf(regionId, year), 'plan-denied', `rows of ${regionId}/${year}`);
	}
}

/** The rows' listener opened early (plan-session.svelte.ts warmPlan): LiveRows then starts from it. */
export const warmRows = (regionId: string, year: string): (() => void) => warmQuery(rowsOf(regionId, year));

/** One cell edit, one write; resolves when the server has accepted it (never while offline). */
export function writeCell(regionId: string, year: string, edit: FieldEdit, uid: string): Promise<void> {
	return writeCellTo(db(), regionId, year, edit, uid);
}

/** A new empty row at the given place; returns its id at once (the write may still be queued). */
export function addRow(regionId: string, year: string, area: number, position: string, uid: string): { id: string; written: Promise<void> } {
	return addRowTo(db(), regionId, year, area, position, uid);
}

export function moveRow(regionId: string, year: string, rowId: string, to: { area: number; position: string }, uid: string): Promise<void> {
	return moveRowTo(db(), regionId, year, rowId, to, uid);
}

/** New keys for rows whose order needed mending (ordering.ts orderRepairs / moveStep repairs), in one batch. */
export function repairPositions(regionId: string, year: string, repairs: readonly Repair[], uid: string): Promise<void> {
	return repairPositionsTo(db(), regionId, year, repairs, uid);
}

export function deleteRow(regionId: string, year: string, rowId: string, uid: string): Promise<void> {
	return deleteRowFrom(db(), regionId, year, rowId, uid);
}

/**
 * A coordinator mends a row the app cannot read (repairRow: 'repair' writes row-repair.ts repairedRow,
 * under a new id when its id is bad; 'delete' removes it). Refusals throw the SDK's FunctionsError.
 */
export function repairRow(regionId: string, year: string, rowId: string, action: 'repair' | 'delete'): Promise<{ ok: true; rowId: string | null }> {
	return callFunction('repairRow', { regionId, year, rowId, action });
}
