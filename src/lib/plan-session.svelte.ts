// One open plan in the browser: its live data, the cell being edited, the journal of unsent edits
// and the conflicts it turns up, presence, and the row actions. The decisions are the domain's
// (journal, cell-edit, ordering, access, presence); this class wires them to Firestore and timers.
import { untrack } from 'svelte';
import { canDeleteRow, canEdit, type Viewer } from './domain/access';
import { keepMine, sameValue, type CellEdit, type Conflict } from './domain/cell-edit';
import {
	addEdit,
	baseRevFor,
	displayValue,
	fromStorage,
	journalActions,
	journalKey,
	parseJournal,
	removeEntries,
	serializeJournal,
	setState,
	type RowsView,
	type TrackedEdit
} from './domain/journal';
import { moveStep, positionAtEnd } from './domain/ordering';
import { toggleMark } from './domain/plan-table';
import { HEARTBEAT_MS, presentPeople, type PresentPerson } from './domain/presence';
import type { AnswerRef, CellRef, FieldKey, FieldValue, Row } from './domain/schemas';
import { errorCode } from './firebase/errors';
import type { LiveItem } from './firebase/live.svelte';
import { getMembership, LiveMembers } from './firebase/members.svelte';
import { LivePlan } from './firebase/plans.svelte';
import { LivePresence, removePresence, writePresence } from './firebase/presence.svelte';
import { LiveRegion } from './firebase/regions.svelte';
import { addRow, deleteRow, LiveRows, moveRow, writeCell } from './firebase/rows.svelte';
import { LiveTemplate } from './firebase/templates.svelte';
import { session } from './session.svelte';
import { isUnread, threadsOf, type Thread } from './domain/comments';
import { mentionedUids } from './domain/mentions';
import { commentText, type Comment } from './domain/schemas';
import { LiveCommentReads, markThreadsSeen } from './firebase/comment-reads.svelte';
import { addComment, deleteComment, editComment, LiveComments, setThreadResolved } from './firebase/comments.svelte';

/** A typing pause this long saves the cell (Firestore takes about one write per second per row). */
export const IDLE_SAVE_MS = 1500;
/** How often presence is re-evaluated, so people whose heartbeat stopped drop off. */
export const PRESENCE_TICK_MS = 15_000;
/** Snapshots served from the cache this long mean the server is out of reach. */
export const CACHE_ONLY_MS = 4000;
/** Removing one's presence on sign-out must not hold the sign-out when offline. */
const LEAVE_TIMEOUT_MS = 2000;

export interface EditingCell {
	rowId: string;
	field: FieldKey;
	draft: FieldValue;
	/** The revision the cell had when editing started (after one's own saves, the one they make). */
	baseRev: number;
	/** The value last saved (or shown at the start): an unchanged draft is not written. */
	saved: FieldValue;
}

export type NoticeKind = 'saveFailed' | 'gone' | 'locked' | 'addFailed' | 'moveFailed' | 'deleteFailed';

export interface Notice {
	id: string;
	kind: NoticeKind;
	edit: CellEdit | null;
}

/** A comment write the server refused or that failed: its text is kept for the person to copy. */
export interface CommentNotice {
	id: string;
	kind: 'failed' | 'deleteFailed' | 'resolveFailed';
	text: string | null;
}

export type CommentError = 'empty' | 'tooLong' | null;

export interface Person {
	uid: string;
	name: string;
	orgId: string;
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter += 1)}`;

export class PlanSession {
	readonly regionId: string;
	readonly year: string;
	readonly viewer: Viewer;
	readonly person: Person;
	readonly region: LiveRegion;
	readonly plan: LivePlan;
	readonly rows: LiveRows;
	readonly presence: LivePresence;
	readonly members: LiveMembers;
	readonly comments: LiveComments;
	readonly reads: LiveCommentReads;

	/** The plan's discussion as threads, newest activity first. */
	readonly threads: Thread[] = $derived.by(() => threadsOf(this.comments.items));
	commentNotices = $state.raw<CommentNotice[]>([]);

	entries = $state.raw<TrackedEdit[]>([]);
	conflicts = $state.raw<Conflict[]>([]);
	notices = $state.raw<Notice[]>([]);
	editing = $state<EditingCell | null>(null);
	online = $state(true);
	cacheOnly = $state(false);
	now = $state(new Date());
	/** The cell whose editor closed because the year was submitted meanwhile (the page puts focus back on it). */
	lockedCell = $state<CellRef | null>(null);
	/**
	 * Access ended while the page was open: 'removed' (one's membership is gone) or 'denied' (a
	 * listener was refused). The page then shows why instead of the plan; nothing more is written.
	 */
	lostAccess = $state<'removed' | 'denied' | null>(null);
	/** The region's name as last read (its listener is refused too once access has ended). */
	regionName = $state<string | null>(null);
	#lostDrafts = $state.raw<CellEdit[]>([]);
	#hadAccess = false;
	#halt: (() => void) | null = null;

	#templates = new Map<string, LiveTemplate>();
	#idle: ReturnType<typeof setTimeout> | null = null;
	#presenceCell: CellRef | null = null;
	#presenceAnswer: AnswerRef | null = null;
	#present = false;

	constructor(regionId: string, year: string, viewer: Viewer, person: Person) {
		this.regionId = regionId;
		this.year = year;
		this.viewer = viewer;
		this.person = person;
		this.region = new LiveRegion(regionId);
		this.plan = new LivePlan(regionId, year);
		this.rows = new LiveRows(regionId, year);
		this.presence = new LivePresence(regionId, year);
		this.members = new LiveMembers(regionId);
		this.comments = new LiveComments(regionId, year);
		this.reads = new LiveCommentReads(regionId, year, person.uid);
	}

	/** The year's template, live; one reader per template id. */
	get template(): LiveTemplate | null {
		const id = this.plan.data?.templateId;
		if (!id) return null;
		let live = this.#templates.get(id);
		if (!live) {
			live = new LiveTemplate(id);
			this.#templates.set(id, live);
		}
		return live;
	}

	get editable(): boolean {
		const p = this.plan.data;
		return p !== null && !this.lostAccess && canEdit(this.viewer, p.status);
	}

	get submitted(): boolean {
		return this.plan.data?.status === 'submitted';
	}

	/** Members announce themselves; staff readers only look. */
	get writesPresence(): boolean {
		return this.viewer.memberRole !== null;
	}

	get offline(): boolean {
		return !this.online || this.cacheOnly;
	}

	get pendingCount(): number {
		return this.entries.length;
	}

	get people(): PresentPerson[] {
		// Someone removed from the network drops out at once: their page can no longer remove its presence.
		const members = this.members.status === 'ready' ? this.members.byUid : null;
		return presentPeople(
			this.presence.items.filter((i) => !members || members.has(i.id)).map((i) => ({ uid: i.id, data: i.data })),
			this.now,
			this.person.uid
		);
	}

	row(rowId: string): LiveItem<Row> | undefined {
		return this.rows.items.find((r) => r.id === rowId);
	}

	/** What a cell shows: one's own unsent text first, else the stored value. */
	valueOf(rowId: string, field: FieldKey): FieldValue {
		return displayValue(this.entries, this.row(rowId)?.data ?? null, rowId, field);
	}

	isUnsent(rowId: string, field: FieldKey): boolean {
		return this.entries.some((e) => e.rowId === rowId && e.field === field);
	}

	nameOf(uid: string): string | null {
		if (uid === this.person.uid) return this.person.name;
		return this.members.byUid.get(uid)?.name ?? null;
	}

	canDelete(rowId: string): boolean {
		const r = this.row(rowId);
		const p = this.plan.data;
		return !!r && !!p && canDeleteRow(this.viewer, r.data, p.status);
	}

	/* ---------- life cycle ---------- */

	/** Starts the journal, presence and timers; returns the clean leave. */
	start(): () => void {
		this.online = navigator.onLine;
		this.entries = fromStorage(parseJournal(this.#readStorage()), () => nextId('o'));
		const cleanups: Array<() => void> = [];

		const setOnline = () => {
			this.online = navigator.onLine;
			if (this.online) this.#beat();
		};
		addEventListener('online', setOnline);
		addEventListener('offline', setOnline);
		cleanups.push(() => {
			removeEventListener('online', setOnline);
			removeEventListener('offline', setOnline);
		});

		cleanups.push(
			$effect.root(() => {
				// Every snapshot of the rows may settle, send or contradict journal entries.
				$effect(() => {
					void this.rows.items;
					void this.rows.fromCache;
					if (this.rows.status === 'ready') untrack(() => this.pump());
				});
				// A year submitted while one edits: the editor closes; unsaved text stays in a notice.
				$effect(() => {
					if (this.plan.status === 'ready' && this.submitted) untrack(() => this.#lockEditing());
				});
				// Announce oneself once the plan is known to exist.
				$effect(() => {
					if (this.plan.status === 'ready') untrack(() => this.#beat());
				});
				// Access ending under the page (removed from the network, or refused) stops writing and listening.
				$effect(() => {
					if (this.plan.status === 'ready') this.#hadAccess = true;
					if (this.region.data) this.regionName = this.region.data.name;
					const lost = this.lostAccess ? null : this.#accessLost();
					if (lost) untrack(() => this.#loseAccess(lost));
				});
				// Snapshots that stay cache-only mean Firestore cannot reach the server.
				$effect(() => {
					if (!(this.rows.status === 'ready' && this.rows.fromCache)) {
						this.cacheOnly = false;
						return;
					}
					const timer = setTimeout(() => (this.cacheOnly = true), CACHE_ONLY_MS);
					return () => clearTimeout(timer);
				});
			})
		);

		const tick = setInterval(() => (this.now = new Date()), PRESENCE_TICK_MS);
		cleanups.push(() => clearInterval(tick));

		if (this.writesPresence) {
			this.#present = true;
			this.#beat();
			const heartbeat = setInterval(() => this.#beat(), HEARTBEAT_MS);
			const hide = () => this.#leave();
			const show = (e: PageTransitionEvent) => {
				if (!e.persisted) return;
				this.#present = true;
				this.#beat();
			};
			addEventListener('pagehide', hide);
			addEventListener('pageshow', show);
			const unhook = session.beforeSignOut(() => this.#leave(LEAVE_TIMEOUT_MS));
			cleanups.push(() => {
				clearInterval(heartbeat);
				removeEventListener('pagehide', hide);
				removeEventListener('pageshow', show);
				unhook();
			});
		}

		let halted = false;
		this.#halt = () => {
			if (halted) return;
			halted = true;
			for (const c of cleanups) c();
		};
		return () => {
			this.finishEdit();
			if (this.#idle) clearTimeout(this.#idle);
			this.#halt?.();
			void this.#leave();
		};
	}

	/* ---------- losing access while the page is open ---------- */

	#accessLost(): 'removed' | 'denied' | null {
		const member = this.viewer.memberRole !== null;
		// The server's list, not a cached one, without oneself: the membership is gone.
		if (member && this.members.status === 'ready' && !this.members.fromCache && !this.members.items.some((m) => m.id === this.person.uid)) return 'removed';
		const refused = this.plan.denied || this.rows.denied || (member && this.members.denied);
		return refused && this.#hadAccess ? 'denied' : null;
	}

	/**
	 * Stops the heartbeat, the timers and the listeners this session keeps, and never writes again
	 * (the rules would refuse every write, also the clean leave). Unsent text is kept for the notice.
	 */
	#loseAccess(kind: 'removed' | 'denied'): void {
		const ed = this.editing;
		const draft = ed ? ($state.snapshot(ed.draft) as FieldValue) : null;
		this.#lostDrafts = [
			...(ed && draft !== null && !sameValue(draft, ed.saved) ? [{ rowId: ed.rowId, field: ed.field, baseRev: ed.baseRev, value: draft }] : []),
			// One's own side of an open conflict was not saved either.
			...this.conflicts.map((c) => ({ rowId: c.rowId, field: c.field, baseRev: c.theirRev, value: c.mine }))
		];
		this.#present = false;
		this.#stopEditing();
		this.conflicts = [];
		this.lostAccess = kind;
		// A refused listener alone does not say why: one's own membership document does.
		if (kind === 'denied' && this.viewer.memberRole !== null) {
			getMembership(this.regionId, this.person.uid).then(
				(m) => {
					if (!m) this.lostAccess = 'removed';
				},
				() => undefined
			);
		}
		// After this effect has run: halting destroys the effect root it runs in.
		setTimeout(() => this.#halt?.(), 0);
	}

	/** Edits that were never saved when access ended: the journal's, refused ones, and the open editor's. */
	get unsavedEdits(): CellEdit[] {
		return [
			...this.entries.map((e) => ({ rowId: e.rowId, field: e.field, baseRev: e.baseRev, value: e.value })),
			...this.notices.flatMap((n) => (n.edit ? [n.edit] : [])),
			...this.#lostDrafts
		];
	}

	/* ---------- presence ---------- */

	#beat(): void {
		// Only into a plan that exists: presence of a mistyped year would litter the database.
		if (!this.#present || !this.writesPresence || !navigator.onLine || this.plan.status !== 'ready') return;
		writePresence(this.regionId, this.year, this.person.uid, { name: this.person.name, orgId: this.person.orgId, cell: this.#presenceCell, answer: this.#presenceAnswer }, new Date()).catch((err) =>
			console.warn('Planbordet: presence was not written', err)
		);
	}

	#setPresenceCell(cell: CellRef | null): void {
		const same = cell?.rowId === this.#presenceCell?.rowId && cell?.field === this.#presenceCell?.field;
		this.#presenceCell = cell;
		if (!same) this.#beat();
	}

	/** The questionnaire field one is in (or null): shown to the others like the table's cell. */
	setPresenceAnswer(ref: AnswerRef | null): void {
		const same = ref?.questionId === this.#presenceAnswer?.questionId && ref?.field === this.#presenceAnswer?.field;
		this.#presenceAnswer = ref;
		if (!same) this.#beat();
	}

	/** Leaving a questionnaire field: presence forgets it, unless one has already moved on to another. */
	leavePresenceAnswer(ref: AnswerRef): void {
		if (this.#presenceAnswer?.questionId === ref.questionId && this.#presenceAnswer.field === ref.field) this.setPresenceAnswer(null);
	}

	async #leave(timeoutMs?: number): Promise<void> {
		if (!this.#present || !this.writesPresence) return;
		this.#present = false;
		const removed = removePresence(this.regionId, this.year, this.person.uid).catch((err) =>
			console.warn('Planbordet: presence was not removed', err)
		);
		if (timeoutMs === undefined) return removed;
		await Promise.race([removed, new Promise((r) => setTimeout(r, timeoutMs))]);
	}

	/* ---------- the journal ---------- */

	#readStorage(): string | null {
		try {
			return localStorage.getItem(journalKey(this.regionId, this.year));
		} catch {
			return null;
		}
	}

	#persist(): void {
		try {
			const key = journalKey(this.regionId, this.year);
			if (this.entries.length === 0) localStorage.removeItem(key);
			else localStorage.setItem(key, serializeJournal(this.entries));
		} catch {
			// Without storage the journal lives as long as the page; Firestore still queues the writes.
		}
	}

	#view(): RowsView {
		const listingConfirmed = this.rows.status === 'ready' && !this.rows.fromCache;
		return {
			rows: new Map(this.rows.items.map((i) => [i.id, { row: i.data, confirmed: listingConfirmed && !i.pending }])),
			listingConfirmed
		};
	}

	/** Applies what the journal says to do now: send, drop, or raise a conflict or a notice. */
	pump(): void {
		// Most snapshots arrive with nothing in the journal: skip building the rows view for them.
		if (this.lostAccess || this.rows.status !== 'ready' || this.entries.length === 0) return;
		const actions = journalActions(this.entries, this.#view());
		if (actions.length === 0) return;
		for (const action of actions) {
			switch (action.kind) {
				case 'remove':
					this.entries = removeEntries(this.entries, [action.id]);
					break;
				case 'send':
					this.#send(action.id);
					break;
				case 'conflict':
					this.entries = removeEntries(this.entries, action.ids);
					this.#raise(action.conflict);
					break;
				case 'gone':
				case 'failed':
					this.entries = removeEntries(this.entries, action.ids);
					// Refused because the year was submitted meanwhile: said so, with the text to copy.
					this.#notify(action.kind === 'gone' ? 'gone' : this.submitted ? 'locked' : 'saveFailed', action.edit);
					break;
			}
		}
		this.#persist();
	}

	#send(id: string): void {
		const entry = this.entries.find((e) => e.id === id);
		if (!entry) return;
		this.entries = setState(this.entries, id, 'sent');
		const edit: CellEdit = { rowId: entry.rowId, field: entry.field, baseRev: entry.baseRev, value: entry.value };
		let written: Promise<void>;
		try {
			written = writeCell(this.regionId, this.year, edit, this.person.uid);
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
					console.error('Planbordet: a cell edit failed', err);
					this.entries = removeEntries(this.entries, [id]);
					this.#notify('saveFailed', edit);
				}
				this.#persist();
				this.pump();
			}
		);
	}

	#raise(conflict: Conflict): void {
		const ed = this.editing;
		let c = conflict;
		if (ed && ed.rowId === c.rowId && ed.field === c.field) {
			c = { ...c, mine: ed.draft };
			this.#stopEditing();
		}
		if (sameValue(c.mine, c.theirs)) return;
		this.conflicts = [...this.conflicts.filter((x) => !(x.rowId === c.rowId && x.field === c.field)), c];
	}

	#notify(kind: NoticeKind, edit: CellEdit | null): void {
		this.notices = [...this.notices, { id: nextId('n'), kind, edit }];
	}

	dismiss(noticeId: string): void {
		this.notices = this.notices.filter((n) => n.id !== noticeId);
	}

	#commit(edit: CellEdit): void {
		this.entries = addEdit(this.entries, edit, nextId('e'));
		this.#persist();
		this.pump();
	}

	/**
	 * The person's answer to the first open conflict: write theirs over on the stored revision, or
	 * take the other text, or (Esc) decide later by editing their own text again (`editConflicted`).
	 */
	resolveConflict(choice: 'mine' | 'theirs' | 'edit'): Conflict | null {
		const [c, ...rest] = this.conflicts;
		if (!c) return null;
		this.conflicts = rest;
		if (choice === 'mine') this.#commit(keepMine(c));
		return c;
	}

	/** Reopens the cell with one's own text, on top of the stored revision the conflict showed. */
	editConflicted(c: Conflict): void {
		if (!this.editable || !this.row(c.rowId)) return;
		this.#stopEditing();
		this.editing = { rowId: c.rowId, field: c.field, draft: c.mine, baseRev: c.theirRev, saved: c.theirs };
		this.#setPresenceCell({ rowId: c.rowId, field: c.field });
	}

	/* ---------- editing ---------- */

	isEditing(rowId: string, field: FieldKey): boolean {
		return this.editing?.rowId === rowId && this.editing.field === field;
	}

	startEdit(rowId: string, field: FieldKey): boolean {
		if (!this.editable) return false;
		if (this.isEditing(rowId, field)) return true;
		this.finishEdit();
		const r = this.row(rowId);
		if (!r) return false;
		const value = displayValue(this.entries, r.data, rowId, field);
		this.editing = { rowId, field, draft: value, baseRev: baseRevFor(this.entries, r.data, rowId, field), saved: value };
		this.#setPresenceCell({ rowId, field });
		return true;
	}

	setDraft(value: FieldValue): void {
		if (!this.editing) return;
		this.editing.draft = value;
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = setTimeout(() => this.saveDraft(), IDLE_SAVE_MS);
	}

	/** Saves the draft if it changed; the editor stays open (a typing pause). */
	saveDraft(): void {
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = null;
		const ed = this.editing;
		if (!ed || sameValue(ed.draft, ed.saved)) return;
		const value = $state.snapshot(ed.draft);
		this.#commit({ rowId: ed.rowId, field: ed.field, baseRev: ed.baseRev, value });
		// A conflict closes the editor; otherwise the next save builds on this one.
		if (this.editing && this.isEditing(ed.rowId, ed.field)) {
			this.editing.saved = value;
			this.editing.baseRev = baseRevFor(this.entries, this.row(ed.rowId)?.data ?? null, ed.rowId, ed.field);
		}
	}

	/** Tab, blur, Enter on a choice: save and stop editing. */
	finishEdit(): void {
		if (!this.editing) return;
		this.saveDraft();
		this.#stopEditing();
	}

	/** Esc: forget the draft; the cell shows the stored value again. */
	cancelEdit(): void {
		this.#stopEditing();
	}

	/**
	 * The year closed under the editor: nothing more can be saved, so the editor closes now rather
	 * than on the next blur. Text typed since the last save is not dropped: it goes to a notice the
	 * person can copy from. Earlier saves still in flight are refused and reported the same way.
	 */
	#lockEditing(): void {
		const ed = this.editing;
		if (!ed) return;
		const draft = $state.snapshot(ed.draft) as FieldValue;
		const unsaved = !sameValue(draft, ed.saved);
		this.#stopEditing();
		this.lockedCell = { rowId: ed.rowId, field: ed.field };
		if (unsaved) this.#notify('locked', { rowId: ed.rowId, field: ed.field, baseRev: ed.baseRev, value: draft });
	}

	#stopEditing(): void {
		if (this.#idle) clearTimeout(this.#idle);
		this.#idle = null;
		if (!this.editing) return;
		this.editing = null;
		this.#setPresenceCell(null);
	}

	/** An X mark is a choice, not typing: it saves at once. */
	toggleMark(rowId: string, field: FieldKey, choice: string): void {
		if (!this.editable) return;
		const r = this.row(rowId);
		const column = this.template?.data?.columns.find((c) => c.key === field);
		if (!r || column?.type !== 'marks') return;
		const value = toggleMark(displayValue(this.entries, r.data, rowId, field), choice, column);
		this.#commit({ rowId, field, baseRev: baseRevFor(this.entries, r.data, rowId, field), value });
	}

	/* ---------- rows ---------- */

	#positioned() {
		return this.rows.items.map((i) => ({ id: i.id, area: i.data.area, position: i.data.position }));
	}

	/** Adds an empty row at the end of an area; returns its id (it shows at once, even offline). */
	addRow(area: number): string | null {
		if (!this.editable) return null;
		const { id, written } = addRow(this.regionId, this.year, area, positionAtEnd(this.#positioned(), area), this.person.uid);
		written.catch((err) => {
			console.error('Planbordet: adding a row failed', err);
			this.#notify('addFailed', null);
		});
		return id;
	}

	/** Moves a row one step; false when it is already first or last of the plan. */
	moveRow(rowId: string, direction: -1 | 1): boolean {
		if (!this.editable) return false;
		const areaCount = this.region.data?.areas.length ?? 0;
		const to = moveStep(this.#positioned(), rowId, direction, areaCount);
		if (!to) return false;
		moveRow(this.regionId, this.year, rowId, to, this.person.uid).catch((err) => {
			console.error('Planbordet: moving a row failed', err);
			this.#notify('moveFailed', null);
		});
		return true;
	}

	removeRow(rowId: string): void {
		if (!this.canDelete(rowId)) return;
		if (this.editing?.rowId === rowId) this.#stopEditing();
		deleteRow(this.regionId, this.year, rowId, this.person.uid).catch((err) => {
			console.error('Planbordet: deleting a row failed', err);
			this.#notify('deleteFailed', null);
		});
	}

	/* ---------- comments ---------- */

	/** Members write comments, also on a submitted year (the discussion goes on); staff only read. */
	get canComment(): boolean {
		return this.viewer.memberRole !== null;
	}

	canDeleteComment(c: Comment): boolean {
		return this.canComment && (c.authorUid === this.person.uid || this.viewer.memberRole === 'coordinator');
	}

	seenAt(threadId: string): Date | undefined {
		return this.reads.data?.seen[threadId];
	}

	isUnread(thread: Thread): boolean {
		return isUnread(thread, this.seenAt(thread.id), this.person.uid);
	}

	/** Why a comment's text cannot be sent, or null (the rules check the same). */
	static commentError(text: string): CommentError {
		const parsed = commentText.safeParse(text);
		if (parsed.success) return null;
		return text.trim().length === 0 ? 'empty' : 'tooLong';
	}

	#mentions(text: string): string[] {
		return mentionedUids(
			text,
			this.members.items.map((m) => ({ uid: m.id, name: m.data.name }))
		);
	}

	/** Sends a comment or reply; shows at once (queued while offline). The id, or null when refused locally. */
	addComment(c: { rowId: string; field: FieldKey | null; parentId: string | null; text: string }): string | null {
		if (!this.canComment || PlanSession.commentError(c.text)) return null;
		const { id, written } = addComment(this.regionId, this.year, { ...c, mentions: this.#mentions(c.text) }, this.person);
		written.then(
			() => this.markSeen([c.parentId ?? id]),
			(err) => {
				console.error('Planbordet: a comment was not saved', err);
				this.#commentNotice('failed', c.text);
			}
		);
		return id;
	}

	editComment(id: string, text: string): boolean {
		if (!this.canComment || PlanSession.commentError(text)) return false;
		editComment(this.regionId, this.year, id, text, this.#mentions(text)).catch((err) => {
			console.error('Planbordet: a comment edit was not saved', err);
			this.#commentNotice('failed', text);
		});
		return true;
	}

	resolveThread(threadId: string, resolved: boolean): void {
		if (!this.canComment) return;
		setThreadResolved(this.regionId, this.year, threadId, resolved, this.person.uid).catch((err) => {
			console.error('Planbordet: a thread was not resolved', err);
			this.#commentNotice('resolveFailed', null);
		});
	}

	removeComment(id: string): void {
		if (!this.canComment) return;
		deleteComment(this.regionId, this.year, id).catch((err) => {
			console.error('Planbordet: a comment was not deleted', err);
			this.#commentNotice('deleteFailed', null);
		});
	}

	/** Threads the person has now looked at; read markers are a convenience, so failures are only logged. */
	markSeen(threadIds: string[]): void {
		markThreadsSeen(this.regionId, this.year, this.person.uid, threadIds).catch((err) =>
			console.warn('Planbordet: read markers were not saved', err)
		);
	}

	#commentNotice(kind: CommentNotice['kind'], text: string | null): void {
		this.commentNotices = [...this.commentNotices, { id: nextId('c'), kind, text }];
	}

	dismissCommentNotice(id: string): void {
		this.commentNotices = this.commentNotices.filter((n) => n.id !== id);
	}

	/* ---------- history ---------- */

	/**
	 * Restores an older value of a cell: a new edit on top of the cell's current revision, sent through
	 * the journal like any other (so a concurrent edit comes back as a conflict). False on a locked plan.
	 */
	restore(rowId: string, field: FieldKey, value: FieldValue): boolean {
		if (!this.editable) return false;
		const r = this.row(rowId);
		if (!r) return false;
		if (this.isEditing(rowId, field)) this.finishEdit();
		const current = displayValue(this.entries, r.data, rowId, field);
		if (sameValue(current, value)) return true;
		this.#commit({ rowId, field, baseRev: baseRevFor(this.entries, r.data, rowId, field), value });
		return true;
	}
}
