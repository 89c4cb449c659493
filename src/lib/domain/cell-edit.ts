// A cell edit is one write of one field carrying that field's next revision; this module builds it,
// decides whether a value changed, and classifies a refused or replayed edit as a conflict.
import { fieldValue, valueSchema, type Column, type FieldKey, type FieldValue, type Row } from './schemas';

export interface CellEdit {
	rowId: string;
	field: FieldKey;
	/** The revision the editor saw when they started typing. */
	baseRev: number;
	value: FieldValue;
}

export function currentRev(row: Pick<Row, 'revs'>, field: FieldKey): number {
	return row.revs[field] ?? 0;
}

/** The revision the rules require for the next write of this field: stored + 1. */
export function nextRevision(baseRev: number): number {
	return baseRev + 1;
}

/** What a cell holds before anyone writes it: no marks for an X-marks column, else empty text. */
export function emptyValue(column?: Pick<Column, 'type'>): FieldValue {
	return column?.type === 'marks' ? [] : '';
}

/** The stored value, or the empty value of the column (empty text when the column is not known). */
export function valueOf(row: Pick<Row, 'fields'>, field: FieldKey, column?: Pick<Column, 'type'>): FieldValue {
	return row.fields[field] ?? emptyValue(column);
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
	if (Array.isArray(a) || Array.isArray(b)) {
		const x = Array.isArray(a) ? [...a].sort() : [];
		const y = Array.isArray(b) ? [...b].sort() : [];
		return x.length === y.length && x.every((v, i) => v === y[i]);
	}
	return (a ?? '') === (b ?? '');
}

/**
 * Parses a cell value with the one schema: against its column (type and choices) when the template
 * is at hand, else as any cell value (the rules then check the column). Throws a ZodError on bad input.
 */
export function parseValue(value: unknown, column?: Pick<Column, 'type' | 'choices'>): FieldValue {
	return column ? valueSchema(column).parse(value) : fieldValue.parse(value);
}

/** The field-path update a cell edit writes (updatedAt is added by the edge as a server timestamp). */
export function editUpdate(edit: CellEdit, uid: string): Record<string, unknown> {
	return {
		[`fields.${edit.field}`]: parseValue(edit.value),
		[`revs.${edit.field}`]: nextRevision(edit.baseRev),
		updatedBy: uid
	};
}

export interface Conflict {
	rowId: string;
	field: FieldKey;
	mine: FieldValue;
	theirs: FieldValue;
	/** The stored revision "keep mine" must be written on. */
	theirRev: number;
	theirAuthor: string;
}

export type EditOutcome =
	| { kind: 'acknowledged' }
	| { kind: 'pending' }
	| { kind: 'conflict'; conflict: Conflict }
	| { kind: 'gone' };

/**
 * Classifies an edit against the server's copy of its row: landed (the stored revision reached
 * ours with our value), still pending, or overtaken by someone else's write (a conflict to show).
 */
export function reconcile(edit: CellEdit, server: Pick<Row, 'fields' | 'revs' | 'updatedBy'> | null): EditOutcome {
	if (!server) return { kind: 'gone' };
	const rev = currentRev(server, edit.field);
	const stored = valueOf(server, edit.field);
	if (rev <= edit.baseRev) return { kind: 'pending' };
	if (rev === nextRevision(edit.baseRev) && sameValue(stored, edit.value)) return { kind: 'acknowledged' };
	if (sameValue(stored, edit.value)) return { kind: 'acknowledged' };
	return {
		kind: 'conflict',
		conflict: { rowId: edit.rowId, field: edit.field, mine: edit.value, theirs: stored, theirRev: rev, theirAuthor: server.updatedBy }
	};
}

/** "Keep mine" after a conflict: the same text, written on the revision that is stored now. */
export function keepMine(conflict: Conflict): CellEdit {
	return { rowId: conflict.rowId, field: conflict.field, baseRev: conflict.theirRev, value: conflict.mine };
}
