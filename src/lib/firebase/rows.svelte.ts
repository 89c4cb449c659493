// regions/{regionId}/years/{year}/rows/{rowId}: the insatser of a plan. Every write here has the
// exact shape firestore.rules accept: one field with its next revision, a move, a new empty row.
import { collection, deleteDoc, doc, getDoc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { editUpdate, type CellEdit } from '../domain/cell-edit';
import { row, type Row } from '../domain/schemas';
import { sv } from '../i18n/sv';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';

const converter = zodConverter(row);
const rowsPath = (regionId: string, year: string) => ['regions', regionId, 'years', year, 'rows'] as const;
const rowsOf = (regionId: string, year: string) => collection(db(), ...rowsPath(regionId, year)).withConverter(converter);
const rawRowRef = (regionId: string, year: string, rowId: string) => doc(db(), ...rowsPath(regionId, year), rowId);

export async function getRow(regionId: string, year: string, rowId: string): Promise<Row | null> {
	const snap = await getDoc(rawRowRef(regionId, year, rowId).withConverter(converter));
	return snap.exists() ? snap.data() : null;
}

export class LiveRows extends LiveQuery<Row> {
	constructor(regionId: string, year: string) {
		super(rowsOf(regionId, year), sv.plan.denied, `rows of ${regionId}/${year}`);
	}
}

/** One cell edit, one write; resolves when the server has accepted it (never while offline). */
export function writeCell(regionId: string, year: string, edit: CellEdit, uid: string): Promise<void> {
	return updateDoc(rawRowRef(regionId, year, edit.rowId), { ...editUpdate(edit, uid), updatedAt: serverTimestamp() });
}

/** A new empty row at the given place; returns its id at once (the write may still be queued). */
export function addRow(regionId: string, year: string, area: number, position: number, uid: string): { id: string; written: Promise<void> } {
	const ref = doc(collection(db(), ...rowsPath(regionId, year)));
	const written = setDoc(ref, { area, position, fields: {}, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: serverTimestamp() });
	return { id: ref.id, written };
}

export function moveRow(regionId: string, year: string, rowId: string, to: { area: number; position: number }, uid: string): Promise<void> {
	return updateDoc(rawRowRef(regionId, year, rowId), { area: to.area, position: to.position, updatedBy: uid, updatedAt: serverTimestamp() });
}

export function deleteRow(regionId: string, year: string, rowId: string): Promise<void> {
	return deleteDoc(rawRowRef(regionId, year, rowId));
}
