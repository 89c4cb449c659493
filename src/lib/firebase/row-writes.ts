// The row writes with the exact shapes firestore.rules accept, on a given Firestore instance: the
// app passes its own, the benchmarks and tests a Node client's. No Svelte, no app singleton.
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import { editUpdate, type CellEdit } from '../domain/cell-edit';

export const rowsPath = (regionId: string, year: string) => ['regions', regionId, 'years', year, 'rows'] as const;

/** One cell edit, one write: the field, its next revision, the writer and the server time. */
export function writeCellTo(db: Firestore, regionId: string, year: string, edit: CellEdit, uid: string): Promise<void> {
	return updateDoc(doc(db, ...rowsPath(regionId, year), edit.rowId), { ...editUpdate(edit, uid), updatedAt: serverTimestamp() });
}

/** A new empty row; returns its id at once (the write may still be queued offline). */
export function addRowTo(db: Firestore, regionId: string, year: string, area: number, position: number, uid: string): { id: string; written: Promise<void> } {
	const ref = doc(collection(db, ...rowsPath(regionId, year)));
	const written = setDoc(ref, { area, position, fields: {}, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: serverTimestamp() });
	return { id: ref.id, written };
}

export function moveRowTo(db: Firestore, regionId: string, year: string, rowId: string, to: { area: number; position: number }, uid: string): Promise<void> {
	return updateDoc(doc(db, ...rowsPath(regionId, year), rowId), { area: to.area, position: to.position, updatedBy: uid, updatedAt: serverTimestamp() });
}

/**
 * A delete, stamped first with the deleter (a write that changes nothing but updatedBy/updatedAt,
 * which the rules accept as a move in place): the history trigger reads who deleted the row from
 * the last stamp, since a delete event carries no reliable user. Both writes queue in order offline.
 */
export function deleteRowFrom(db: Firestore, regionId: string, year: string, rowId: string, uid: string): Promise<void> {
	const ref = doc(db, ...rowsPath(regionId, year), rowId);
	const stamped = updateDoc(ref, { updatedBy: uid, updatedAt: serverTimestamp() });
	const deleted = deleteDoc(ref);
	return Promise.all([stamped, deleted]).then(() => undefined);
}
