// What a row write means for the history: per changed field an edit (old and new value), and the
// row's creation, deletion and moves. The trigger that records it and the cell history view share it.
import { type FieldKey, type FieldValue, type Row } from './schemas';
import { sameValue } from './cell-edit';
import type { Position } from './ordering';

export type HistoryKind = 'create' | 'edit' | 'move' | 'delete';

export interface Place {
	area: number;
	/** A key, or the legacy number a row had before it was re-keyed. */
	position: Position;
}

export interface HistoryChange {
	kind: HistoryKind;
	/** The edited field; null for create, move and delete. */
	field: FieldKey | null;
	old: FieldValue | Place | Row['fields'] | null;
	new: FieldValue | Place | Row['fields'] | null;
}

type RowState = Pick<Row, 'area' | 'position' | 'fields'>;

/** The changes between two states of one row document (null = absent), in a stable order. */
export function rowChanges(before: RowState | null, after: RowState | null): HistoryChange[] {
	if (!before && !after) return [];
	if (!before && after) {
		const created: HistoryChange[] = [{ kind: 'create', field: null, old: null, new: { area: after.area, position: after.position } }];
		return [...created, ...fieldChanges({}, after.fields)];
	}
	if (before && !after) return [{ kind: 'delete', field: null, old: before.fields, new: null }];
	const b = before as RowState;
	const a = after as RowState;
	const changes = fieldChanges(b.fields, a.fields);
	if (b.area !== a.area || b.position !== a.position) {
		changes.push({ kind: 'move', field: null, old: { area: b.area, position: b.position }, new: { area: a.area, position: a.position } });
	}
	return changes;
}

function fieldChanges(before: Row['fields'], after: Row['fields']): HistoryChange[] {
	const out: HistoryChange[] = [];
	// Keys in a stable order (sorted), whatever the template: a row stores only its template's keys.
	for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
		const o = before[key];
		const n = after[key];
		if (o === undefined && n === undefined) continue;
		if (o !== undefined && n !== undefined && sameValue(o, n)) continue;
		out.push({ kind: 'edit', field: key, old: o ?? null, new: n ?? null });
	}
	return out;
}

/** The history document id of one change: the event id makes a redelivered event a no-op. */
export function historyId(eventId: string, change: Pick<HistoryChange, 'kind' | 'field'>): string {
	return `${eventId.replace(/[^A-Za-z0-9_-]/g, '_')}-${change.kind}${change.field ? `-${change.field}` : ''}`;
}
