// One open plan in the browser: its live data and the parts that act on it — the cells' edit session,
// presence (plan-presence), the row actions, the discussion (plan-comments) — wired together, with what
// happens when the year closes or access ends. The decisions are the domain's; this class composes them.
import { untrack } from 'svelte';
import { may, type Actor } from './domain/authorization';
import { asFieldValue, cellPolicy, parseValue } from './domain/cell-edit';
import type { Conflict, FieldEdit } from './domain/edit-engine';
import { toggleMark } from './domain/plan-table';
import type { CellRef, FieldKey, FieldValue, Row } from './domain/schemas';
import { EditSession, type ConflictChoice, type EditNoticeKind } from './edit-session.svelte';
import { JournalStore } from './journal-store';
import { PlanRows } from './plan-rows.svelte';
import type { LiveItem } from './firebase/live.svelte';
import { getMembership, LiveMembers } from './firebase/members.svelte';
import { LivePlan, warmPlanDoc } from './firebase/plans.svelte';
import { LiveRegion, warmRegion } from './firebase/regions.svelte';
import { getRowFromServer, LiveRows, warmRows, writeCell } from './firebase/rows.svelte';
import { LiveTemplate, warmTemplate } from './firebase/templates.svelte';
import { PlanComments } from './plan-comments.svelte';
import { PlanMeeting } from './meeting-session.svelte';
import { PlanPresence } from './plan-presence.svelte';

export { IDLE_SAVE_MS } from './edit-session.svelte';
/** Snapshots served from the cache this long mean the server is out of reach. */
export const CACHE_ONLY_MS = 4000;

export type NoticeKind = EditNoticeKind | 'addFailed' | 'moveFailed' | 'deleteFailed';

export interface Notice {
	id: string;
	kind: NoticeKind;
	edit: FieldEdit | null;
}

export interface Person {
	uid: string;
	name: string;
	orgId: string;
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter += 1)}`;

/**
 * Opens what the table's first paint reads — the region, the year's plan, its template and its rows —
 * as soon as the person is known, while their profile (organisations, memberships) still loads: the
 * session's own readers start from these listeners instead of waiting in line behind the profile.
 * Returns the stop; a refusal is the session's readers' to report.
 */
export function warmPlan(regionId: string, year: string): () => void {
	let templateId: string | null = null;
	let stopTemplate = (): void => {};
	const stops = [
		warmRegion(regionId),
		warmRows(regionId, year),
		warmPlanDoc(regionId, year, (p) => {
			if (!p || p.templateId === templateId) return;
			stopTemplate();
			templateId = p.templateId;
			stopTemplate = warmTemplate(p.templateId);
		})
	];
	return () => {
		for (const stop of stops) stop();
		stopTemplate();
	};
}

export class PlanSession {
	readonly regionId: string;
	readonly year: string;
	/** Who has the plan open, as authorization.ts asks about them. */
	readonly viewer: Actor;
	readonly person: Person;
	readonly region: LiveRegion;
	readonly plan: LivePlan;
	readonly rows: LiveRows;
	readonly members: LiveMembers;
	/** Who has the plan open, and one's own heartbeat. */
	readonly presence: PlanPresence;
	/** The comments on the plan's rows. */
	readonly discussion: PlanComments;
	/** The network meeting on the plan, when one runs. */
	readonly meeting: PlanMeeting;

	/** The cells: the open editor, the journal of unsent edits, the merges and the conflicts. */
	readonly cells: EditSession;
	readonly journal: JournalStore;
	/** Adding, moving and deleting rows, and mending an area's order when two rows tie. */
	readonly rowActions: PlanRows;
	notices = $state.raw<Notice[]>([]);
	online = $state(true);
	cacheOnly = $state(false);
	/** The cell whose editor closed because the year was submitted meanwhile (the page puts focus back on it). */
	lockedCell = $state<CellRef | null>(null);
	/**
	 * Access ended while the page was open: 'removed' (one's membership is gone) or 'denied' (a
	 * listener was refused). The page then shows why instead of the plan; nothing more is written.
	 */
	lostAccess = $state<'removed' | 'denied' | null>(null);
	/** The region's name as last read (its listener is refused too once access has ended). */
	regionName = $state<string | null>(null);
	#lostDrafts = $state.raw<FieldEdit[]>([]);
	#hadAccess = false;
	#halt: (() => void) | null = null;

	#templates = new Map<string, LiveTemplate>();

	constructor(regionId: string, year: string, viewer: Actor, person: Person) {
		this.regionId = regionId;
		this.year = year;
		this.viewer = viewer;
		this.person = person;
		this.region = new LiveRegion(regionId);
		this.plan = new LivePlan(regionId, year);
		this.rows = new LiveRows(regionId, year);
		this.members = new LiveMembers(regionId);
		this.presence = new PlanPresence({
			regionId,
			year,
			person,
			writes: may(viewer, 'show-presence'),
			planReady: () => this.plan.status === 'ready',
			members: () => (this.members.status === 'ready' ? this.members.byUid : null)
		});
		this.discussion = new PlanComments({
			regionId,
			year,
			viewer,
			person,
			members: () => this.members.items.map((m) => ({ uid: m.id, name: m.data.name }))
		});
		this.meeting = new PlanMeeting({
			regionId,
			year,
			viewer,
			person,
			status: () => this.plan.data?.status ?? null,
			present: () => new Set(this.presence.people.map((p) => p.uid))
		});
		this.journal = new JournalStore(regionId, year);
		this.rowActions = new PlanRows({
			regionId,
			year,
			uid: person.uid,
			rows: () => this.rows.items,
			areaCount: () => this.region.data?.areas.length ?? 0,
			editable: () => this.editable,
			canDelete: (rowId) => this.canDelete(rowId),
			notify: (kind) => this.#notify(kind, null),
			beforeRemove: (rowId) => {
				if (this.editing?.rowId === rowId) this.cells.cancelEdit();
			}
		});
		const columns = () => this.template?.data?.columns ?? null;
		this.cells = new EditSession({
			scope: 'rows',
			policy: cellPolicy(columns),
			// Entries are judged only with the template at hand: it says how each column merges.
			docs: () => (this.rows.status === 'ready' && columns() ? { items: this.rows.items, fromCache: this.rows.fromCache } : null),
			valid: (ref, value) => {
				try {
					parseValue(value, columns()?.find((c) => c.key === ref.key));
					return true;
				} catch {
					return false;
				}
			},
			write: (edit) => writeCell(this.regionId, this.year, edit, this.person.uid),
			fetch: (rowId) => getRowFromServer(this.regionId, this.year, rowId),
			editable: () => this.editable,
			submitted: () => this.submitted,
			persist: (scope, entries) => this.journal.save(scope, entries),
			notify: (kind, edit) => this.#notify(kind, edit),
			enter: (ref) => this.presence.setCell(ref ? { rowId: ref.doc, field: ref.key } : null)
		});
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
		return p !== null && !this.lostAccess && may(this.viewer, 'edit-plan', { status: p.status });
	}

	get submitted(): boolean {
		return this.plan.data?.status === 'submitted';
	}

	get offline(): boolean {
		return !this.online || this.cacheOnly;
	}

	get pendingCount(): number {
		return this.cells.pendingCount + (this.answerEdits?.pendingCount ?? 0);
	}

	/** The cell being edited, as the table shows it. */
	get editing(): { rowId: string; field: FieldKey; draft: FieldValue } | null {
		const ed = this.cells.editing;
		return ed ? { rowId: ed.doc, field: ed.key, draft: asFieldValue(ed.draft) } : null;
	}

	get conflicts(): Conflict[] {
		return this.cells.conflicts;
	}

	row(rowId: string): LiveItem<Row> | undefined {
		return this.rows.items.find((r) => r.id === rowId);
	}

	/** What a cell shows: the draft while editing, one's own unsent text, else the stored value. */
	valueOf(rowId: string, field: FieldKey): FieldValue {
		return asFieldValue(this.cells.valueOf({ doc: rowId, key: field }));
	}

	isUnsent(rowId: string, field: FieldKey): boolean {
		return this.cells.isUnsent({ doc: rowId, key: field });
	}

	nameOf(uid: string): string | null {
		if (uid === this.person.uid) return this.person.name;
		return this.members.byUid.get(uid)?.name ?? null;
	}

	canDelete(rowId: string): boolean {
		const r = this.row(rowId);
		const p = this.plan.data;
		return !!r && !!p && may(this.viewer, 'delete-row', { status: p.status, createdBy: r.data.createdBy });
	}

	/* ---------- life cycle ---------- */

	/** Starts the journal, presence and timers; returns the clean leave. */
	start(): () => void {
		this.online = navigator.onLine;
		const stored = this.journal.open();
		this.cells.load(stored.rows);
		this.storedAnswers = stored.answers;
		const cleanups: Array<() => void> = [];
		// The tab's journal is free for a reload of this tab (or another tab) once the page goes.
		const release = () => this.journal.release();
		const resume = (e: PageTransitionEvent) => e.persisted && this.journal.resume();
		addEventListener('pagehide', release);
		addEventListener('pageshow', resume);
		cleanups.push(() => {
			removeEventListener('pagehide', release);
			removeEventListener('pageshow', resume);
			release();
		});

		const setOnline = () => (this.online = navigator.onLine);
		addEventListener('online', setOnline);
		addEventListener('offline', setOnline);
		cleanups.push(() => {
			removeEventListener('online', setOnline);
			removeEventListener('offline', setOnline);
		});

		cleanups.push(
			$effect.root(() => {
				// Every snapshot of the rows may settle, send, merge or contradict journal entries.
				$effect(() => {
					void this.rows.items;
					void this.rows.fromCache;
					void this.template?.data;
					if (this.rows.status === 'ready' && !this.lostAccess)
						untrack(() => {
							this.cells.pump();
							this.rowActions.repairIfNeeded();
						});
				});
				// A year submitted while one edits: the editor closes; unsaved text stays in a notice.
				$effect(() => {
					if (this.plan.status === 'ready' && this.submitted) untrack(() => this.#lockEditing());
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

		cleanups.push(this.presence.start());
		cleanups.push(this.meeting.start());

		let halted = false;
		this.#halt = () => {
			if (halted) return;
			halted = true;
			for (const c of cleanups) c();
		};
		return () => {
			this.finishEdit();
			this.#halt?.();
			void this.presence.leave();
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
		this.#lostDrafts = this.cells.stop();
		this.presence.stop();
		this.meeting.stop();
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
	get unsavedEdits(): FieldEdit[] {
		return [
			...this.cells.unsent(),
			...this.notices.flatMap((n) => (n.edit ? [n.edit] : [])),
			...this.#lostDrafts
		];
	}

	/* ---------- editing cells (the edit session does the work) ---------- */

	/** Answers read back from this tab's journal: the page loads the questionnaire to replay them. */
	storedAnswers = $state.raw<FieldEdit[]>([]);
	/** The questionnaire's edit session, once the questions are loaded (its unsent edits count too). */
	answerEdits = $state.raw<EditSession | null>(null);

	#notify(kind: NoticeKind, edit: FieldEdit | null): void {
		this.notices = [...this.notices, { id: nextId('n'), kind, edit }];
	}

	dismiss(noticeId: string): void {
		this.notices = this.notices.filter((n) => n.id !== noticeId);
	}

	resolveConflict(choice: ConflictChoice): Conflict | null {
		return this.cells.resolveConflict(choice);
	}

	/** Reopens the cell with one's own text after "edit again" in the conflict dialog. */
	editConflicted(c: Conflict): void {
		this.cells.editConflicted(c);
	}

	isEditing(rowId: string, field: FieldKey): boolean {
		return this.cells.isEditing({ doc: rowId, key: field });
	}

	startEdit(rowId: string, field: FieldKey): boolean {
		return this.cells.startEdit({ doc: rowId, key: field });
	}

	setDraft(value: FieldValue): void {
		this.cells.setDraft(value);
	}

	saveDraft(): void {
		this.cells.saveDraft();
	}

	finishEdit(): void {
		this.cells.finishEdit();
	}

	cancelEdit(): void {
		this.cells.cancelEdit();
	}

	/** The year closed under the editor: it closes; unsaved text goes to a notice. */
	#lockEditing(): void {
		const open = this.cells.lock();
		if (open) this.lockedCell = { rowId: open.doc, field: open.key };
	}

	/** An X mark is a choice, not typing: it saves at once. */
	toggleMark(rowId: string, field: FieldKey, choice: string): void {
		const column = this.template?.data?.columns.find((c) => c.key === field);
		if (column?.type !== 'marks') return;
		this.cells.setNow({ doc: rowId, key: field }, toggleMark(this.valueOf(rowId, field), choice, column));
	}

	/* ---------- rows (PlanRows does the work) ---------- */

	/** Adds an empty row at the end of an area; returns its id (it shows at once, even offline). */
	addRow(area: number): string | null {
		return this.rowActions.addRow(area);
	}

	/** Moves a row one place; false when it is already first or last of the plan. */
	moveRow(rowId: string, direction: -1 | 1): boolean {
		return this.rowActions.moveRow(rowId, direction);
	}

	removeRow(rowId: string): void {
		this.rowActions.removeRow(rowId);
	}

	/* ---------- history ---------- */

	/**
	 * Restores an older value of a cell: a new edit on top of the cell's current revision, sent through
	 * the journal like any other (so a concurrent edit merges or asks). False on a locked plan.
	 */
	restore(rowId: string, field: FieldKey, value: FieldValue): boolean {
		return this.cells.setNow({ doc: rowId, key: field }, value);
	}
}
