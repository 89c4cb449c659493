// The one edit engine of the plan's table cells and the questionnaire's answer fields: the journal of
// unsent edits, what to do with each entry when the server's copy arrives (send, drop, merge, ask),
// and how an open editor takes someone else's change in. Pure: the Svelte shell (edit-session) runs it.
import { journalEntry } from './schemas';
import { mergeValue, sameValue, type MergeKind } from './value-merge';

/** One field of one document: a row's cell (rowId, column key) or an answer's field (questionId, key). */
export interface FieldRef {
	doc: string;
	key: string;
}

/** One write of one field, carrying the revision it builds on and the value stored at that revision. */
export interface FieldEdit extends FieldRef {
	/** The revision the editor saw when they started typing. */
	baseRev: number;
	/**
	 * The stored value at `baseRev` (what the person started from): the merge's common ancestor. Null
	 * only for an entry read back from an older journal that did not keep it: such an entry can only ask.
	 */
	base: { value: unknown } | null;
	value: unknown;
}

/** What the engine needs of a stored document: its fields, their revisions and the last writer. */
export interface StoredFields {
	fields: Readonly<Record<string, unknown>>;
	revs: Readonly<Record<string, number>>;
	updatedBy: string | null;
}

export interface ServerCopy {
	data: StoredFields;
	/** The copy came from the server and no local write of this document is queued. */
	confirmed: boolean;
}

export interface ServerView {
	docs: ReadonlyMap<string, ServerCopy>;
	/** The listing itself came from the server, so a missing document really is gone. */
	listingConfirmed: boolean;
}

/** How a field's values merge and what it holds before anyone writes it (the collection decides). */
export interface FieldPolicy {
	kind(ref: FieldRef): MergeKind;
	empty(ref: FieldRef): unknown;
}

/**
 * Where an entry is in this page's life: `waiting` (not yet written), `sent` (its write's promise is
 * alive), `refused` (the server said no; to be explained), `checking` (refused while the browser's copy
 * showed no other write: the server's copy is being read), `rejected` (refused, and the server's copy
 * showed no other write either: the rules refused it for another reason), `orphan` (read back from
 * storage after a reload, or a check that could not reach the server: its write may or may not have
 * landed, or be queued in Firestore's offline cache).
 */
export type EntryState = 'waiting' | 'sent' | 'refused' | 'checking' | 'rejected' | 'orphan';

export interface Entry extends FieldEdit {
	id: string;
	state: EntryState;
}

/** Two people changed the same words: both versions and the merge proposed (null when values cannot merge). */
export interface Conflict extends FieldRef {
	mine: unknown;
	theirs: unknown;
	proposal: unknown | null;
	/** The stored revision a chosen value must be written on. */
	theirRev: number;
	theirAuthor: string | null;
}

export type EngineAction =
	| { kind: 'send'; id: string }
	/**
	 * Refused, but the browser's copy shows nobody else's write yet: the listener may simply be behind
	 * the refusal (the write and listen streams are not ordered), so the server's copy is read first.
	 */
	| { kind: 'verify'; id: string }
	| { kind: 'remove'; ids: string[] }
	/** Someone else's write landed first and ours merged with it: the merged value replaces the entries. */
	| { kind: 'rebase'; ids: string[]; edit: FieldEdit }
	| { kind: 'conflict'; ids: string[]; conflict: Conflict }
	| { kind: 'gone'; ids: string[]; edit: FieldEdit }
	/** Refused although nobody else changed the field: the rules refused it for another reason. */
	| { kind: 'failed'; ids: string[]; edit: FieldEdit };

export const sameField = (a: FieldRef, b: FieldRef): boolean => a.doc === b.doc && a.key === b.key;
export const fieldKey = (ref: FieldRef): string => `${ref.doc}/${ref.key}`;

export function storedRev(data: Pick<StoredFields, 'revs'> | null, key: string): number {
	return data?.revs[key] ?? 0;
}

export function storedValue(data: Pick<StoredFields, 'fields'> | null, ref: FieldRef, policy: FieldPolicy): unknown {
	return data?.fields[ref.key] ?? policy.empty(ref);
}

export function entriesOf(entries: readonly Entry[], ref: FieldRef): Entry[] {
	return entries.filter((e) => sameField(e, ref));
}

/**
 * The revision and value a new edit of a field starts from: after the field's last unconfirmed entry
 * if there is one (its write will move the revision on, to its value), else the stored copy.
 */
export function startOf(entries: readonly Entry[], data: StoredFields | null, ref: FieldRef, policy: FieldPolicy): { baseRev: number; base: unknown } {
	const rev = storedRev(data, ref.key);
	const last = entriesOf(entries, ref).at(-1);
	if (!last) return { baseRev: rev, base: storedValue(data, ref, policy) };
	const after = last.state === 'waiting' ? last.baseRev : last.baseRev + 1;
	return after >= rev ? { baseRev: after, base: last.value } : { baseRev: rev, base: storedValue(data, ref, policy) };
}

/** What a field shows: this browser's newest unsent value, else the stored one. */
export function displayValue(entries: readonly Entry[], data: StoredFields | null, ref: FieldRef, policy: FieldPolicy): unknown {
	const last = entriesOf(entries, ref).at(-1);
	return last ? last.value : storedValue(data, ref, policy);
}

/**
 * Adds an edit. A not-yet-written edit of the same field on the same revision is replaced (its value
 * never left the browser; it keeps its base); anything else is queued behind the field's entries.
 */
export function addEdit(entries: readonly Entry[], edit: FieldEdit, id: string): Entry[] {
	const i = entries.findIndex((e) => sameField(e, edit) && e.baseRev === edit.baseRev && e.state === 'waiting');
	if (i >= 0) return entries.map((e, j) => (j === i ? { ...e, value: edit.value } : e));
	return [...entries, { ...edit, id, state: 'waiting' }];
}

export function setState(entries: readonly Entry[], id: string, state: EntryState): Entry[] {
	return entries.map((e) => (e.id === id ? { ...e, state } : e));
}

export function removeEntries(entries: readonly Entry[], ids: readonly string[]): Entry[] {
	const drop = new Set(ids);
	return entries.filter((e) => !drop.has(e.id));
}

/** Applies an action's bookkeeping to the journal (the shell adds the writes, dialogs and notices). */
export function applyAction(entries: readonly Entry[], action: EngineAction, makeId: () => string): Entry[] {
	switch (action.kind) {
		case 'send':
			return setState(entries, action.id, 'sent');
		case 'verify':
			return setState(entries, action.id, 'checking');
		case 'rebase':
			return addEdit(removeEntries(entries, action.ids), action.edit, makeId());
		default:
			return removeEntries(entries, action.ids);
	}
}

type Outcome =
	| { kind: 'pending' }
	| { kind: 'acknowledged' }
	| { kind: 'merged'; value: unknown; rev: number; theirs: unknown }
	| { kind: 'conflict'; conflict: Conflict };

/** Whether `stored` already says everything `value` changed from `base`: merging it in changes nothing. */
function holds(kind: MergeKind, base: unknown, value: unknown, stored: unknown): boolean {
	const merged = mergeValue(kind, base, value, stored);
	return merged.kind === 'merged' && sameValue(kind, merged.value, stored);
}

/**
 * One field's entries (oldest first) against the server's copy: the first entry landed, is still to
 * land, or was overtaken by someone else's write — then all of this browser's entries of the field
 * (from the first one's base to the last one's value) merge with the stored value, or ask.
 */
function judge(group: readonly Entry[], data: StoredFields, policy: FieldPolicy): Outcome {
	const first = group[0];
	const mine = group[group.length - 1].value;
	const kind = policy.kind(first);
	const rev = storedRev(data, first.key);
	const theirs = storedValue(data, first, policy);
	if (rev <= first.baseRev) return { kind: 'pending' };
	if (sameValue(kind, theirs, first.value)) return { kind: 'acknowledged' };
	if (sameValue(kind, theirs, mine)) return { kind: 'acknowledged' };
	// A write whose answer this page never had (refused on replay after a lost connection, or from
	// before a reload) may have landed and been written over since: when the stored value already
	// holds all it changed, it did (or someone wrote the same), and merging it again from its old base
	// would write its words twice. The entries after it build on it and merge from there.
	if ((first.state === 'refused' || first.state === 'orphan') && first.base && holds(kind, first.base.value, first.value, theirs)) return { kind: 'acknowledged' };
	const conflict = (proposal: unknown | null): Outcome => ({
		kind: 'conflict',
		conflict: { doc: first.doc, key: first.key, mine, theirs, proposal, theirRev: rev, theirAuthor: data.updatedBy }
	});
	if (!first.base) return conflict(null);
	const merged = mergeValue(kind, first.base.value, mine, theirs);
	if (merged.kind === 'conflict') return conflict(merged.proposal);
	return { kind: 'merged', value: merged.value, rev, theirs };
}

/**
 * Decides, field by field and in order, what to do with the journal given the documents as the
 * browser sees them. Each field has at most one write in flight, so a later edit of the field is
 * written only once the earlier one landed: a write carrying revision n+1 would otherwise also be
 * accepted on top of someone else's revision n and silently overwrite it.
 */
export function engineActions(entries: readonly Entry[], view: ServerView, policy: FieldPolicy): EngineAction[] {
	const groups = new Map<string, Entry[]>();
	for (const e of entries) groups.set(fieldKey(e), [...(groups.get(fieldKey(e)) ?? []), e]);
	const actions: EngineAction[] = [];
	for (const group of groups.values()) {
		for (const [i, entry] of group.entries()) {
			if (entry.state === 'sent' || entry.state === 'checking') break;
			const server = view.docs.get(entry.doc);
			// An orphan's write may still sit in Firestore's queue, and a refused write is judged against
			// the server's copy: both only once the server's copy is in, with nothing of ours pending.
			const needsServer = entry.state === 'orphan' || entry.state === 'refused' || entry.state === 'rejected';
			if (needsServer && (server ? !server.confirmed : !view.listingConfirmed)) break;
			if (!server && !view.listingConfirmed) break;
			const rest = group.slice(i);
			const ids = rest.map((e) => e.id);
			const last = rest[rest.length - 1];
			if (!server) {
				actions.push({ kind: 'gone', ids, edit: last });
				break;
			}
			const outcome = judge(rest, server.data, policy);
			if (outcome.kind === 'acknowledged') {
				actions.push({ kind: 'remove', ids: [entry.id] });
				continue;
			}
			if (outcome.kind === 'merged') {
				// Ours is already in the stored value (a replay of a write that landed): nothing to write.
				if (sameValue(policy.kind(entry), outcome.value, outcome.theirs)) actions.push({ kind: 'remove', ids });
				else actions.push({ kind: 'rebase', ids, edit: { doc: entry.doc, key: entry.key, baseRev: outcome.rev, base: { value: outcome.theirs }, value: outcome.value } });
			} else if (outcome.kind === 'conflict') {
				actions.push({ kind: 'conflict', ids, conflict: outcome.conflict });
			} else if (entry.state === 'refused') {
				actions.push({ kind: 'verify', id: entry.id });
			} else if (entry.state === 'rejected') {
				actions.push({ kind: 'failed', ids, edit: last });
			} else {
				actions.push({ kind: 'send', id: entry.id });
			}
			break;
		}
	}
	return actions;
}

/* ---------- an open editor ---------- */

/** A field being edited: the draft, and the revision and value the next save builds on. */
export interface Draft extends FieldRef {
	draft: unknown;
	baseRev: number;
	/** The value at `baseRev` as this browser will have it once its own entries land: the next save's base. */
	saved: unknown;
}

export type DraftUpdate =
	| { kind: 'unchanged' }
	/** Someone else's change is taken in: the draft now builds on the stored revision. */
	| { kind: 'rebased'; draft: Draft }
	/** The other change touches the same words: save now, and the write's refusal asks the person. */
	| { kind: 'clash' };

/**
 * Someone else's write of the field being edited arrived: the draft (one's own unsaved typing on
 * top of `saved`) is carried onto the stored value. Only when none of this browser's entries of the
 * field is unconfirmed: those land or merge first, and the journal moves the editor on with them.
 */
export function rebaseDraft(d: Draft, entries: readonly Entry[], data: StoredFields | null, policy: FieldPolicy): DraftUpdate {
	if (!data || entriesOf(entries, d).length > 0) return { kind: 'unchanged' };
	const rev = storedRev(data, d.key);
	if (rev <= d.baseRev) return { kind: 'unchanged' };
	const kind = policy.kind(d);
	const theirs = storedValue(data, d, policy);
	const merged = mergeValue(kind, d.saved, d.draft, theirs);
	if (merged.kind === 'conflict') return { kind: 'clash' };
	return { kind: 'rebased', draft: { ...d, draft: merged.value, baseRev: rev, saved: theirs } };
}

/* ---------- the journal in storage ---------- */

/** Reads stored entries; what does not parse is dropped (the storage is the user's). Values are parsed when sent. */
export function parseEntries(data: unknown): FieldEdit[] {
	if (!Array.isArray(data)) return [];
	return data.flatMap((d) => {
		const parsed = journalEntry.safeParse(d);
		if (!parsed.success || parsed.data.value === undefined) return [];
		const { doc, key, baseRev, base, value } = parsed.data;
		return [{ doc, key, baseRev, base: base && 'value' in base ? { value: base.value } : null, value }];
	});
}

export function serializeEntries(entries: readonly FieldEdit[]): FieldEdit[] {
	return entries.map(({ doc, key, baseRev, base, value }) => ({ doc, key, baseRev, base, value }));
}

export function asOrphans(edits: readonly FieldEdit[], makeId: () => string): Entry[] {
	return edits.map((e) => ({ ...e, id: makeId(), state: 'orphan' }));
}
