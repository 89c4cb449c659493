// The journal of unsent cell edits: what the browser keeps (in localStorage) until Firestore has
// confirmed each write, and what to do with each entry when the server's rows arrive.
import { currentRev, parseValue, reconcile, valueOf, type CellEdit, type Conflict } from './cell-edit';
import { journalEntry, type FieldKey, type FieldValue, type Row } from './schemas';

/**
 * Where an entry is in this page's life: `waiting` (not yet written), `sent` (its write's promise is
 * alive), `refused` (the server said no; to be explained), `orphan` (read back from storage after a
 * reload: its write may or may not be queued in Firestore's offline cache).
 */
export type EntryState = 'waiting' | 'sent' | 'refused' | 'orphan';

export interface TrackedEdit extends CellEdit {
	id: string;
	state: EntryState;
}

export interface ServerRow {
	row: Pick<Row, 'fields' | 'revs' | 'updatedBy'>;
	/** The copy came from the server and no local write of this row is queued. */
	confirmed: boolean;
}

export interface RowsView {
	rows: ReadonlyMap<string, ServerRow>;
	/** The row listing itself came from the server, so a missing row really is gone. */
	listingConfirmed: boolean;
}

export type JournalAction =
	| { kind: 'send'; id: string }
	| { kind: 'remove'; id: string }
	| { kind: 'conflict'; ids: string[]; conflict: Conflict }
	| { kind: 'gone'; ids: string[]; edit: CellEdit }
	/** Refused although nobody else changed the cell: the rules refused it for another reason. */
	| { kind: 'failed'; ids: string[]; edit: CellEdit };

export function journalKey(regionId: string, year: string | number): string {
	return `planbordet.journal.${regionId}.${year}`;
}

export function cellKey(rowId: string, field: FieldKey): string {
	return `${rowId}/${field}`;
}

/** Reads a stored journal; entries that do not parse are dropped (the storage is the user's). */
export function parseJournal(raw: string | null): CellEdit[] {
	if (!raw) return [];
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return [];
	}
	if (!Array.isArray(data)) return [];
	return data.flatMap((d) => {
		const parsed = journalEntry.safeParse(d);
		if (!parsed.success) return [];
		const { rowId, field, baseRev, value } = parsed.data;
		return [{ rowId, field, baseRev, value: parseValue(value) }];
	});
}

export function serializeJournal(entries: CellEdit[]): string {
	return JSON.stringify(entries.map(({ rowId, field, baseRev, value }) => ({ rowId, field, baseRev, value })));
}

export function fromStorage(entries: CellEdit[], makeId: (i: number) => string): TrackedEdit[] {
	return entries.map((e, i) => ({ ...e, id: makeId(i), state: 'orphan' }));
}

function sameCell(a: Pick<CellEdit, 'rowId' | 'field'>, b: Pick<CellEdit, 'rowId' | 'field'>): boolean {
	return a.rowId === b.rowId && a.field === b.field;
}

export function entriesOf(entries: TrackedEdit[], rowId: string, field: FieldKey): TrackedEdit[] {
	return entries.filter((e) => sameCell(e, { rowId, field }));
}

/**
 * The revision a new edit of a cell starts from: after the last unconfirmed entry of the cell if
 * there is one (its write will move the revision on), else the row's stored revision.
 */
export function baseRevFor(entries: TrackedEdit[], row: Pick<Row, 'revs'> | null, rowId: string, field: FieldKey): number {
	const stored = row ? currentRev(row, field) : 0;
	const own = entriesOf(entries, rowId, field);
	const last = own[own.length - 1];
	if (!last) return stored;
	return Math.max(stored, last.state === 'waiting' ? last.baseRev : last.baseRev + 1);
}

/** What the cell shows: the newest unsent text of this browser, else the row's value. */
export function displayValue(entries: TrackedEdit[], row: Pick<Row, 'fields'> | null, rowId: string, field: FieldKey): FieldValue {
	const own = entriesOf(entries, rowId, field);
	if (own.length > 0) return own[own.length - 1].value;
	return row ? valueOf(row, field) : '';
}

/**
 * Adds an edit. A not-yet-written edit of the same cell on the same revision is replaced (its text
 * never left the browser); anything else is queued behind the cell's earlier entries.
 */
export function addEdit(entries: TrackedEdit[], edit: CellEdit, id: string): TrackedEdit[] {
	const i = entries.findIndex((e) => sameCell(e, edit) && e.baseRev === edit.baseRev && e.state === 'waiting');
	if (i >= 0) return entries.map((e, j) => (j === i ? { ...e, value: edit.value } : e));
	return [...entries, { ...edit, id, state: 'waiting' }];
}

export function setState(entries: TrackedEdit[], id: string, state: EntryState): TrackedEdit[] {
	return entries.map((e) => (e.id === id ? { ...e, state } : e));
}

export function removeEntries(entries: TrackedEdit[], ids: string[]): TrackedEdit[] {
	const drop = new Set(ids);
	return entries.filter((e) => !drop.has(e.id));
}

/**
 * Decides, cell by cell and in order, what to do with the journal given the rows as the browser
 * sees them. Each cell has at most one write in flight, so a later edit of the cell is written only
 * once the earlier one landed: a write carrying revision n+1 would otherwise also be accepted on
 * top of someone else's revision n and silently overwrite it.
 */
export function journalActions(entries: TrackedEdit[], view: RowsView): JournalAction[] {
	const groups = new Map<string, TrackedEdit[]>();
	for (const e of entries) {
		const key = cellKey(e.rowId, e.field);
		groups.set(key, [...(groups.get(key) ?? []), e]);
	}
	const actions: JournalAction[] = [];
	for (const group of groups.values()) {
		for (const [i, entry] of group.entries()) {
			if (entry.state === 'sent') break;
			const server = view.rows.get(entry.rowId);
			// An orphan's write may still sit in Firestore's queue, and a refused write is judged against
			// the server's copy: both only once the server's copy is in, with nothing of ours pending.
			const needsServer = entry.state === 'orphan' || entry.state === 'refused';
			if (needsServer && (server ? !server.confirmed : !view.listingConfirmed)) break;
			if (!server && !view.listingConfirmed) break;
			const rest = group.slice(i);
			const outcome = reconcile(entry, server?.row ?? null);
			if (outcome.kind === 'acknowledged') {
				actions.push({ kind: 'remove', id: entry.id });
				continue;
			}
			if (outcome.kind === 'gone') {
				actions.push({ kind: 'gone', ids: rest.map((e) => e.id), edit: rest[rest.length - 1] });
			} else if (outcome.kind === 'conflict') {
				const mine = rest[rest.length - 1].value;
				actions.push({ kind: 'conflict', ids: rest.map((e) => e.id), conflict: { ...outcome.conflict, mine } });
			} else if (entry.state === 'refused') {
				actions.push({ kind: 'failed', ids: rest.map((e) => e.id), edit: rest[rest.length - 1] });
			} else {
				actions.push({ kind: 'send', id: entry.id });
			}
			break;
		}
	}
	return actions;
}
