// The row writes with the exact shapes firestore.rules accept, on a given Firestore instance: the
// app passes its own, the benchmarks and tests a Node client's. No Svelte, no app singleton.
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc, writeBatch, type Firestore } from 'firebase/firestore';
import { editUpdate } from '../domain/cell-edit';
import type { FieldEdit } from '../domain/edit-engine';
import type { Repair } from '../domain/ordering';
import { paths } from '../domain/paths';

/** One cell edit, one write: the field, its next revision, the writer and the server time. */
export function writeCellTo(db: Firestore, regionId: string, year: string, edit: Pick<FieldEdit, 'doc' | 'key' | 'baseRev' | 'value'>, uid: string): Promise<void> {
	return updateDoc(doc(db, paths.row(regionId, year, edit.doc)), { ...editUpdate(edit, uid), updatedAt: serverTimestamp() });
}

/** A new empty row at a key (ordering.ts positionAtEnd); returns its id at once (the write may still be queued offline). */
export function addRowTo(db: Firestore, regionId: string, year: string, area: number, position: string, uid: string): { id: string; written: Promise<void> } {
	const ref = doc(collection(db, paths.rows(regionId, year)));
	const written = setDoc(ref, { area, position, fields: {}, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: serverTimestamp() });
	return { id: ref.id, written };
}

const moveData = (to: { area: number; position: string }, uid: string) => ({ area: to.area, position: to.position, updatedBy: uid, updatedAt: serverTimestamp() });

export function moveRowTo(db: Firestore, regionId: string, year: string, rowId: string, to: { area: number; position: string }, uid: string): Promise<void> {
	return updateDoc(doc(db, paths.row(regionId, year, rowId)), moveData(to, uid));
}

/**
 * New keys for rows whose order needed mending (ordering.ts orderRepairs, or a moveStep's repairs
 * with its move): each one a move the rules accept, all in one batch, so no reader sees half an area
 * re-keyed. Two clients writing the same repairs at once write the same keys.
 */
export function repairPositionsTo(db: Firestore, regionId: string, year: string, repairs: readonly Repair[], uid: string): Promise<void> {
	if (repairs.length === 0) return Promise.resolve();
	const batch = writeBatch(db);
	for (const r of repairs) batch.update(doc(db, paths.row(regionId, year, r.id)), moveData(r, uid));
	return batch.commit();
}

/**
 * A delete, stamped first with the deleter (a write that changes nothing but updatedBy/updatedAt,
 * which the rules accept as a move in place): the history trigger reads who deleted the row from
 * the last stamp, since a delete event carries no reliable user. Both writes queue in order offline.
 */
export function deleteRowFrom(db: Firestore, regionId: string, year: string, rowId: string, uid: string): Promise<void> {
	const ref = doc(db, paths.row(regionId, year, rowId));
	const stamped = updateDoc(ref, { updatedBy: uid, updatedAt: serverTimestamp() });
	const deleted = deleteDoc(ref);
	return Promise.all([stamped, deleted]).then(() => undefined);
}
