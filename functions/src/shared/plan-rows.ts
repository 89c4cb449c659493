// A plan's rows as every function reads them: all or nothing. A stored row that the app cannot read
// (row-repair.ts readRowDocument: a bad id, a non-finite position, a wrong type) stops the reader
// with one structured failure naming the row, never a 500 / `internal`: callables answer
// failed-precondition { reason: 'invalid-row', rowId }, HTTP exports 409 { error: 'invalid-row', rowId }.
// Any other stored document a reader parses (the plan, its template, region, answers) fails the same
// way through parseStored: { reason | error: 'invalid-document', path, fields }.
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type * as z from 'zod/mini';
import { readRowDocument, type RowProblem } from '../../../src/lib/domain/row-repair';
import type { Row } from '../../../src/lib/domain/schemas';

export interface StoredRow {
	id: string;
	row: Row;
}

/** Thrown by planRows (also out of a transaction, which does not retry it): the first row that cannot be read. */
export class InvalidRow extends Error {
	constructor(
		readonly rowId: string,
		readonly problems: RowProblem[]
	) {
		super(`row ${JSON.stringify(rowId.slice(0, 200))} cannot be read: ${problems.map((p) => p.key ? `${p.part}.${p.key}` : p.part).join(', ')}`);
		this.name = 'InvalidRow';
	}
}

/** Every row of a plan, parsed; throws InvalidRow at the first one that does not parse (in id order, so the same one each time). */
export function planRows(docs: readonly Pick<QueryDocumentSnapshot, 'id' | 'data'>[]): StoredRow[] {
	return docs.map((d) => {
		const read = readRowDocument(d.id, d.data());
		if (!read.ok) throw new InvalidRow(d.id, read.problems);
		return { id: d.id, row: read.row };
	});
}

/** The callable error of an unreadable row. */
export function invalidRowError(e: InvalidRow): HttpsError {
	return new HttpsError('failed-precondition', 'invalid-row', { reason: 'invalid-row', rowId: e.rowId, problems: e.problems });
}

/** The HTTP status and JSON body of an unreadable row: 409, the stored plan conflicts with its schema. */
export const INVALID_ROW_STATUS = 409;
export const invalidRowBody = (e: InvalidRow) => ({ error: 'invalid-row' as const, rowId: e.rowId, problems: e.problems });

/** Thrown by parseStored: a stored document (not a row) that fails its schema; `fields` are the failing paths. */
export class InvalidDocument extends Error {
	constructor(
		readonly path: string,
		readonly fields: string[]
	) {
		super(`${path} cannot be read: ${fields.join(', ')}`);
		this.name = 'InvalidDocument';
	}
}

/** A stored document parsed with its schema; throws InvalidDocument naming it when it does not parse. */
export function parseStored<S extends z.ZodMiniType>(schema: S, snap: { ref: { path: string }; data(): unknown }): z.output<S> {
	const parsed = schema.safeParse(snap.data());
	if (!parsed.success) throw new InvalidDocument(snap.ref.path, [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '(document)'))]);
	return parsed.data;
}

/** The callable error of an unreadable document. */
export function invalidDocumentError(e: InvalidDocument): HttpsError {
	return new HttpsError('failed-precondition', 'invalid-document', { reason: 'invalid-document', path: e.path, fields: e.fields });
}

/** The HTTP body of an unreadable document (status INVALID_ROW_STATUS, 409, as for a row). */
export const invalidDocumentBody = (e: InvalidDocument) => ({ error: 'invalid-document' as const, path: e.path, fields: e.fields });
