// A row's cells as the edit engine sees them: how each column's values merge, what an unwritten cell
// holds, and the one write of one field carrying that field's next revision.
import type { FieldEdit, FieldPolicy } from './edit-engine';
import { fieldValue, valueSchema, type Column, type FieldKey, type FieldValue, type Row } from './schemas';
import { sameValue as sameMerged, type MergeKind } from './value-merge';

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

/** A value the engine holds as unknown, as a cell shows it: text, marks, or empty when it is neither. */
export function asFieldValue(v: unknown): FieldValue {
	if (typeof v === 'string') return v;
	if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string')) return v;
	return '';
}

/** Text merges word by word, X marks as a set, a single choice only when one side kept it. */
export function mergeKindOf(column?: Pick<Column, 'type'>): MergeKind {
	if (column?.type === 'marks') return 'set';
	if (column?.type === 'singleChoice') return 'atom';
	return 'text';
}

/** A cell's value unchanged? X marks compare as a set, missing values as the empty one. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
	if (Array.isArray(a) || Array.isArray(b)) return sameMerged('set', a ?? [], b ?? []);
	return (a ?? '') === (b ?? '');
}

/** The engine's view of a plan's cells, given the template's columns (when known). */
export function cellPolicy(columns: () => ReadonlyArray<Pick<Column, 'key' | 'type'>> | null): FieldPolicy {
	const column = (key: string) => columns()?.find((c) => c.key === key);
	return { kind: (ref) => mergeKindOf(column(ref.key)), empty: (ref) => emptyValue(column(ref.key)) };
}

/**
 * Parses a cell value with the one schema: against its column (type and choices) when the template
 * is at hand, else as any cell value (the rules then check the column). Throws a ZodError on bad input.
 */
export function parseValue(value: unknown, column?: Pick<Column, 'type' | 'choices'>): FieldValue {
	return column ? valueSchema(column).parse(value) : fieldValue.parse(value);
}

/** The field-path update a cell edit writes (updatedAt is added by the edge as a server timestamp). */
export function editUpdate(edit: Pick<FieldEdit, 'key' | 'baseRev' | 'value'>, uid: string): Record<string, unknown> {
	return {
		[`fields.${edit.key}`]: parseValue(edit.value),
		[`revs.${edit.key}`]: nextRevision(edit.baseRev),
		updatedBy: uid
	};
}
