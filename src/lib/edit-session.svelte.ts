// The edit engine in the browser, for one collection of co-edited fields (a plan's row cells, or its
// answers): the open editor, the journal it feeds, the writes, the merges and the conflicts to ask
// about. The decisions are edit-engine.ts's; this shell holds the state and runs the writes.
import {
	addEdit,
	applyAction,
	asOrphans,
	displayValue,
	engineActions,
	rebaseDraft,
	removeEntries,
	sameField,
	setState,
	startOf,
	storedRev,
	storedValue,
	type Conflict,
	type Draft,
	type Entry,
	type FieldEdit,
	type FieldPolicy,
	type FieldRef,
	type ServerView,
	type StoredFields
} from './domain/edit-engine';
import type { JournalScope } from './domain/tab-journal';
import { sameValue } from './domain/value-merge';
import { errorCode } from './firebase/errors';

/** A typing pause this long saves the field (Firestore takes about one write per second per document). */
export const IDLE_SAVE_MS = 1500;
/** How long a refusal whose server check failed waits before it is checked again. */
export const RECHECK_MS = 5000;

/** What the shell tells its owner: an edit that could not be saved, or the version a conflict choice set aside. */
export type EditNoticeKind = 'saveFailed' | 'gone' | 'locked' | 'setAside';

export interface EditHost {
	scope: JournalScope;
	policy: FieldPolicy;
	/** The live documents as the browser sees them (null while loading). */
	docs(): { items: ReadonlyArray<{ id: string; data: StoredFields; pending: boolean }>; fromCache: boolean } | null;
	/** Whether a value may be written to the field (the one schema); an invalid draft stays unsaved. */
	valid(ref: FieldRef, value: unknown): boolean;
	/** One field, one write; resolves when the server accepted it (never while offline). */
	write(edit: FieldEdit): Promise<void>;
	/** The server's copy of one document, read past the cache (null: it is gone); rejects when unreachable. */
	fetch(docId: string): Promise<StoredFields | null>;
	editable(): boolean;
	submitted(): boolean;
	persist(scope: JournalScope, entries: FieldEdit[]): void;
	notify(kind: EditNoticeKind, edit: FieldEdit): void;
	/** The field one is in now (or null), for presence. */
	enter?(ref: FieldRef | null): void;
}

export type ConflictChoice = 'mine' | 'theirs' | 'merged' | 'edit';

/** Whether copy `a` has every field at least at `b`'s revision (revisions only grow). */
function atLeastAsNew(a: StoredFields, b: StoredFields): boolean {
	return Object.entries(b.revs).every(([key, rev]) => (a.revs[key] ?? 0) >= rev);
}

let counter = 0;
const nextId = () => `e${Date.now().toString(36)}${(counter += 1)}`;

export class EditSession {
	readonly host: EditHost;
	entries = $state.raw<Entry[]>([]);
	conflicts = $state.raw<Conflict[]>([]);
	/** The field being edited, with its draft. */
	editing = $state<Draft | null>(null);
	/** Drafts the schema refuses, left when the person moved on: kept (with their error) rather than dropped. */
	held = $state.raw<Draft[]>([]);
	/** Bumped when someone else's change was taken into the open editor (the editor keeps its caret). */
	remoteChanges = $state(0);
	/**
	 * Server copies read after a refusal, newer than the listener's copy (which may lag behind the
	 * refusal): the engine judges on them until the listener catches up.
	 */
	#fresh = $state.raw<ReadonlyMap<string, StoredFields>>(new Map());
	#idle: ReturnType<typeof setTimeout> | null = null;
	/** Refusals whose server check could not be made, and the timer of the next try. */
	#recheck = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(host: EditHost) {
		this.host = host;
	}

	/** Entries read back from storage: replayed through the same merge once the server's copy is in. */
	load(edits: FieldEdit[]): void {
		this.entries = asOrphans(edits, nextId);
	}

	get pendingCount(): number {
		return this.entries.length;
	}

	/** The newest copy of a document this browser has: the listener's, or a fresher one read after a refusal. */
	#doc(docId: string): StoredFields | null {
		const listed = this.host.docs()?.items.find((i) => i.id === docId)?.data ?? null;
		const fresh = this.#fresh.get(docId);
		return listed && fresh && !atLeastAsNew(listed, fresh) ? fresh : listed;
	}

	valueOf(ref: FieldRef): unknown {
		if (this.editing && sameField(this.editing, ref)) return this.editing.draft;
		const held = this.held.find((d) => sameField(d, ref));
		if (held) return held.draft;
		return displayValue(this.entries, this.#doc(ref.doc), ref, this.host.policy);
	}

	isUnsent(ref: FieldRef): boolean {
		return this.entries.some((e) => sameField(e, ref));
	}

	isEditing(ref: FieldRef): boolean {
		return !!this.editing && sameField(this.editing, ref);
	}

	/* ---------- the journal ---------- */

	#view(): ServerView | null {
		const docs = this.host.docs();
		if (!docs) return null;
		const listingConfirmed = !docs.fromCache;
		return {
			docs: new Map(
				docs.items.map((i) => {
					const fresh = this.#fresh.get(i.id);
					// A copy read from the server after a refusal is the server's word, newer than the listener's.
					if (fresh && !atLeastAsNew(i.data, fresh)) return [i.id, { data: fresh, confirmed: true }];
					return [i.id, { data: i.data, confirmed: listingConfirmed && !i.pending }];
				})
			),
			listingConfirmed
		};
	}

	/** Forgets the fresher copies the listener has caught up with. */
	#prune(): void {
		if (this.#fresh.size === 0) return;
		const items = this.host.docs()?.items ?? [];
		const kept = new Map([...this.#fresh].filter(([id, fresh]) => {
			const listed = items.find((i) => i.id === id)?.data;
			return listed !== undefined && !atLeastAsNew(listed, fresh);
		}));
		if (kept.size !== this.#fresh.size) this.#fresh = kept;
	}

	#persist(): void {
		this.host.persist(this.host.scope, this.entries);
	}

	/** Applies what the engine says to do now; then carries someone else's change into the open editor. */
	pump(): void {
		this.#prune();
		const view = this.#view();
		if (!view) return;
		this.#settleChecks(view);
		if (this.entries.length > 0) {
			const actions = engineActions(this.entries, view, this.host.policy);
			for (const action of actions) {
				// A merge or a conflict of the field being edited takes the editor's unsaved typing along.
				if ((action.kind === 'rebase' || action.kind === 'conflict') && this.editing && sameField(this.editing, action.kind === 'rebase' ? action.edit : action.conflict)) {
					this.#withEditor(action.ids);
					continue;
				}
				this.entries = applyAction(this.entries, action, nextId);
				if (action.kind === 'send') this.#send(action.id);
				else if (action.kind === 'verify') this.#verify(action.id);
				else if (action.kind === 'conflict') this.#raise(action.conflict);
				else if (action.kind === 'gone') this.host.notify('gone', action.edit);
				else if (action.kind === 'failed') this.host.notify(this.host.submitted() ? 'locked' : 'saveFailed', action.edit);
			}
			if (actions.length > 0) this.#persist();
			// A merge queued a new entry: send it now.
			if (actions.some((a) => a.kind === 'rebase')) return this.pump();
		}
		this.#takeInOthers();
	}

	/**
	 * The journal merged (or could not merge) the field open in the editor: the draft, which holds the
	 * entries' value plus whatever was typed since, is merged instead, so the typing goes along.
	 */
	#withEditor(ids: string[]): void {
		const ed = this.editing!;
		const first = this.entries.find((e) => e.id === ids[0])!;
		const data = this.#doc(ed.doc)!;
		this.entries = removeEntries(this.entries, ids);
		// Judged as a new write from the group's base: the entries before the group were settled already.
		const mine: Entry = { id: 'draft', state: 'waiting', doc: ed.doc, key: ed.key, baseRev: first.baseRev, base: first.base, value: $state.snapshot(ed.draft) };
		const [again] = engineActions([mine], { docs: new Map([[ed.doc, { data, confirmed: true }]]), listingConfirmed: true }, this.host.policy);
		const rev = storedRev(data, ed.key);
		if (again?.kind === 'rebase') {
			this.entries = addEdit(this.entries, again.edit, nextId());
			this.editing = { ...ed, draft: again.edit.value, saved: again.edit.value, baseRev: rev + 1 };
			this.remoteChanges += 1;
		} else if (again?.kind === 'conflict') {
			this.#stopEditing();
			this.#raise(again.conflict);
		} else {
			// The draft is what is stored now: nothing to write.
			const theirs = storedValue(data, ed, this.host.policy);
			this.editing = { ...ed, draft: theirs, saved: theirs, baseRev: rev };
			this.remoteChanges += 1;
		}
		this.#persist();
	}

	/** Someone else's write of the field being edited arrived: take it in, with one's typing on top. */
	#takeInOthers(): void {
		const ed = this.editing;
		if (!ed) return;
		const update = rebaseDraft($state.snapshot(ed) as Draft, this.entries, this.#doc(ed.doc), this.host.policy);
		if (update.kind === 'rebased') {
			this.editing = update.draft;
			this.remoteChanges += 1;
		} else if (update.kind === 'clash') {
			// The same words: save now, so the refusal brings the dialog at once rather than after a pause.
			this.saveDraft();
		}
	}

	#send(id: string): void {
		const entry = this.entries.find((e) => e.id === id);
		if (!entry) return;
		const edit: FieldEdit = { doc: entry.doc, key: entry.key, baseRev: entry.baseRev, base: entry.base, value: entry.value };
		let written: Promise<void>;
		try {
			written = this.host.valid(edit, edit.value) ? this.host.write(edit) : Promise.reject(new Error('invalid value'));
		} catch (err) {
			// A value the schema refuses never leaves the browser; it is reported like a refused write.
			written = Promise.reject(err);
		}
		written.then(
			() => {
				this.entries = removeEntries(this.entries, [id]);
				this.#persist();
				this.pump();
			},
			(err) => {
				if (errorCode(err) === 'permission-denied') {
					// Refused: the revision moved on, or the plan closed. The server's copy tells which.
					this.entries = setState(this.entries, id, 'refused');
				} else {
					console.error('Planbordet: an edit failed', err);
					this.entries = removeEntries(this.entries, [id]);
					this.host.notify('saveFailed', edit);
				}
				this.#persist();
				this.pump();
			}
		);
	}

	/**
	 * A refusal while this browser's copy showed nobody else's write: read the server's copy. If the
	 * field moved on, the engine merges on that copy; if not, the rules refused the write for another
	 * reason and it is reported. Unreachable: judged again, like an entry from before a reload.
	 */
	#verify(id: string): void {
		const entry = this.entries.find((e) => e.id === id);
		if (!entry) return;
		this.host.fetch(entry.doc).then(
			(copy) => {
				if (copy) this.#fresh = new Map([...this.#fresh, [entry.doc, copy]]);
				const movedOn = copy !== null && storedRev(copy, entry.key) > entry.baseRev;
				this.entries = setState(this.entries, id, movedOn ? 'refused' : 'rejected');
				this.pump();
			},
			(err) => {
				// Unreachable (or refused): the entry stays in the journal, checked again in a while, or at
				// once when the listener shows the field moved on. Never resent blindly: that could loop.
				console.error('Planbordet: the server copy could not be read', err);
				this.#recheck.set(id, setTimeout(() => {
					this.#recheck.delete(id);
					this.#verify(id);
				}, RECHECK_MS));
			}
		);
	}

	/** A refusal whose check failed is judged at once when the listener shows the field moved on. */
	#settleChecks(view: ServerView): void {
		for (const [id, timer] of this.#recheck) {
			const entry = this.entries.find((e) => e.id === id);
			const copy = entry && view.docs.get(entry.doc);
			if (entry && !(copy?.confirmed && storedRev(copy.data, entry.key) > entry.baseRev)) continue;
			clearTimeout(timer);
			this.#recheck.delete(id);
			if (entry) this.entries = setState(this.entries, id, 'refused');
		}
	}

	#raise(c: Conflict): void {
		this.conflicts = [...this.conflicts.filter((x) => !sameField(x, c)), c];
	}

	/** Queues an edit of a field, built on where this browser stands (its own unsent entries included). */
	commit(ref: FieldRef, value: unknown): void {
		const start = startOf(this.entries, this.#doc(ref.doc), ref, this.host.policy);
		this.#queue({ doc: ref.doc, key: ref.key, baseRev: start.baseRev, base: { value: start.base }, value });
	}

	#queue(edit: FieldEdit): void {
		this.entries = addEdit(this.entries, edit, nextId());
		this.#persist();
		this.pump();
	}

	/* ---------- conflicts ---------- */

	/**
	 * The person's answer to the first open conflict: their version, the other's, the merge proposed,
	 * or (Esc) edit their own again. The version not chosen goes to a notice, so no text is lost.
	 */
	resolveConflict(choice: ConflictChoice): Conflict | null {
		const [c, ...rest] = this.conflicts;
		if (!c) return null;
		this.conflicts = rest;
		const on = (value: unknown): FieldEdit => ({ doc: c.doc, key: c.key, baseRev: c.theirRev, base: { value: c.theirs }, value });
		const kind = this.host.policy.kind(c);
		if (choice === 'mine') {
			this.#queue(on(c.mine));
			this.host.notify('setAside', on(c.theirs));
		} else if (choice === 'merged' && c.proposal !== null) {
			this.#queue(on(c.proposal));
		} else if (choice === 'theirs') {
			if (!sameValue(kind, c.mine, c.theirs)) this.host.notify('setAside', on(c.mine));
		}
		// 'edit': the page reopens the field with `editConflicted` once the dialog has given focus back.
		return c;
	}

	/** Reopens the field with one's own text, on top of the stored revision the conflict showed. */
	editConflicted(c: Conflict): void {
		if (!this.host.editable() || !this.#doc(c.doc)) return;
		this.#stopEditing();
		this.editing = { doc: c.doc, key: c.key, draft: c.mine, baseRev: c.theirRev, saved: c.theirs };
		this.host.enter?.(c);
	}

	/* ---------- editing ---------- */

	startEdit(ref: FieldRef): boolean {
		if (!this.host.editable()) return false;
		if (this.isEditing(ref)) return true;
		this.finishEdit();
		const data = this.#doc(ref.doc);
		if (!data) return false;
		const held = this.held.find((d) => sameField(d, ref));
		this.held = this.held.filter((d) => !sameField(d, ref));
		const start = startOf(this.entries, data, ref, this.host.policy);
		this.editing = held ?? { doc: ref.doc, key: ref.key, draft: displayValue(this.entries, data, ref, this.host.policy), baseRev: start.baseRev, saved: start.base };
		this.host.enter?.(ref);
		// The stored copy may have moved on since the held draft was left.
		this.#takeInOthers();
		return true;
	}

	setDraft(value: unknown): void {
		if (!this.editing) return;
		this.editing.draft = value;
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = setTimeout(() => this.saveDraft(), IDLE_SAVE_MS);
	}

	/** Saves the draft if it changed and is valid; the editor stays open (a typing pause). */
	saveDraft(): void {
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = null;
		const ed = this.editing;
		if (!ed) return;
		const value = $state.snapshot(ed.draft);
		const kind = this.host.policy.kind(ed);
		if (sameValue(kind, value, ed.saved) || !this.host.valid(ed, value)) return;
		const ref = { doc: ed.doc, key: ed.key };
		const baseRev = ed.baseRev;
		const base = $state.snapshot(ed.saved);
		// The next save builds on this one, unless the write merges or asks (pump moves the editor then).
		ed.saved = value;
		ed.baseRev = baseRev + 1;
		this.#queue({ ...ref, baseRev, base: { value: base }, value });
	}

	/** Tab, blur, Enter on a choice: save and stop editing (an invalid draft is held, not dropped). */
	finishEdit(): void {
		const ed = this.editing;
		if (!ed) return;
		this.saveDraft();
		if (this.editing && !this.host.valid(this.editing, $state.snapshot(this.editing.draft))) this.held = [...this.held, $state.snapshot(this.editing) as Draft];
		this.#stopEditing();
	}

	/** Esc: forget the draft; the field shows the stored value again. */
	cancelEdit(): void {
		this.#stopEditing();
	}

	/** A choice made at once (an X mark, a restored value, a picked option): one edit, no draft. */
	setNow(ref: FieldRef, value: unknown): boolean {
		if (!this.host.editable() || !this.#doc(ref.doc)) return false;
		if (this.isEditing(ref)) this.finishEdit();
		this.held = this.held.filter((d) => !sameField(d, ref));
		if (sameValue(this.host.policy.kind(ref), this.valueOf(ref), value)) return true;
		if (!this.host.valid(ref, value)) return false;
		this.commit(ref, value);
		return true;
	}

	#stopEditing(): void {
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = null;
		if (!this.editing) return;
		this.editing = null;
		this.host.enter?.(null);
	}

	/**
	 * The year closed under the editor: nothing more can be saved, so the editor closes now. Text typed
	 * since the last save goes to a notice; earlier saves still in flight are refused and reported so.
	 * Returns the field that was open (the page puts focus back on it).
	 */
	lock(): FieldRef | null {
		const ed = this.editing;
		if (!ed) return null;
		const draft = $state.snapshot(ed.draft);
		const unsaved = !sameValue(this.host.policy.kind(ed), draft, ed.saved);
		this.#stopEditing();
		if (unsaved) this.host.notify('locked', { doc: ed.doc, key: ed.key, baseRev: ed.baseRev, base: null, value: draft });
		return { doc: ed.doc, key: ed.key };
	}

	/** Access ended: the editor and the open conflicts close; what was not saved is returned to be shown. */
	stop(): FieldEdit[] {
		const ed = this.editing;
		const draft = ed ? $state.snapshot(ed.draft) : null;
		const lost: FieldEdit[] = [
			...(ed && !sameValue(this.host.policy.kind(ed), draft, ed.saved) ? [{ doc: ed.doc, key: ed.key, baseRev: ed.baseRev, base: null, value: draft }] : []),
			...this.held.map((d) => ({ doc: d.doc, key: d.key, baseRev: d.baseRev, base: null, value: d.draft })),
			// One's own side of an open conflict was not saved either.
			...this.conflicts.map((c) => ({ doc: c.doc, key: c.key, baseRev: c.theirRev, base: null, value: c.mine }))
		];
		this.#stopEditing();
		this.held = [];
		this.conflicts = [];
		for (const timer of this.#recheck.values()) clearTimeout(timer);
		this.#recheck.clear();
		return lost;
	}

	/** Everything of this browser's not yet saved: the journal's entries (for the sign-out and lost-access notices). */
	unsent(): FieldEdit[] {
		return this.entries.map(({ doc, key, baseRev, base, value }) => ({ doc, key, baseRev, base, value }));
	}
}
