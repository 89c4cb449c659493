// Who has the plan open and where they are: the presence listener, the clock that lets stale people
// drop off, and one's own heartbeat (which cell or answer field one is in, removed on leaving).
import { untrack } from 'svelte';
import { HEARTBEAT_MS, presentPeople, type PresentPerson } from './domain/presence';
import type { AnswerRef, CellRef } from './domain/schemas';
import { LivePresence, removePresence, writePresence } from './firebase/presence.svelte';
import { session } from './session.svelte';

/** How often presence is re-evaluated, so people whose heartbeat stopped drop off. */
export const PRESENCE_TICK_MS = 15_000;
/** Removing one's presence on sign-out must not hold the sign-out when offline. */
export const LEAVE_TIMEOUT_MS = 2000;

export interface PresenceOptions {
	regionId: string;
	year: string;
	person: { uid: string; name: string; orgId: string };
	/** Members announce themselves; staff readers only look. */
	writes: boolean;
	/** The plan is known to exist: presence of a mistyped year would litter the database. */
	planReady: () => boolean;
	/** The network's members as the server lists them, or null while unknown. */
	members: () => ReadonlyMap<string, unknown> | null;
	/** The clock (tests pass their own). */
	clock?: () => Date;
}

export class PlanPresence {
	readonly live: LivePresence;
	readonly writes: boolean;
	/** The time presence is judged at, re-read every PRESENCE_TICK_MS. */
	now: Date;

	readonly #o: PresenceOptions;
	readonly #clock: () => Date;
	#cell: CellRef | null = null;
	#answer: AnswerRef | null = null;
	#present = false;

	constructor(options: PresenceOptions) {
		this.#o = options;
		this.#clock = options.clock ?? (() => new Date());
		this.writes = options.writes;
		this.live = new LivePresence(options.regionId, options.year);
		this.now = $state(this.#clock());
	}

	/** Everyone present now, oneself first. */
	get people(): PresentPerson[] {
		// Someone removed from the network drops out at once: their page can no longer remove its presence.
		const members = this.#o.members();
		return presentPeople(
			this.live.items.filter((i) => !members || members.has(i.id)).map((i) => ({ uid: i.id, data: i.data })),
			this.now,
			this.#o.person.uid
		);
	}

	/** Starts the clock and, for a member, the heartbeat and the clean leaves; returns the stop. */
	start(): () => void {
		const cleanups: Array<() => void> = [];
		const tick = setInterval(() => (this.now = this.#clock()), PRESENCE_TICK_MS);
		cleanups.push(() => clearInterval(tick));

		if (this.writes) {
			this.#present = true;
			this.#beat();
			cleanups.push(
				// Announce oneself once the plan is known to exist.
				$effect.root(() => {
					$effect(() => {
						if (this.#o.planReady()) untrack(() => this.#beat());
					});
				})
			);
			const heartbeat = setInterval(() => this.#beat(), HEARTBEAT_MS);
			const online = () => this.#beat();
			const hide = () => void this.leave();
			const show = (e: PageTransitionEvent) => {
				if (!e.persisted) return;
				this.#present = true;
				this.#beat();
			};
			addEventListener('online', online);
			addEventListener('pagehide', hide);
			addEventListener('pageshow', show);
			const unhook = session.beforeSignOut(() => this.leave(LEAVE_TIMEOUT_MS));
			cleanups.push(() => {
				clearInterval(heartbeat);
				removeEventListener('online', online);
				removeEventListener('pagehide', hide);
				removeEventListener('pageshow', show);
				unhook();
			});
		}
		return () => {
			for (const c of cleanups.splice(0)) c();
		};
	}

	/** Access ended: nothing more is written, not even the leave (the rules would refuse it). */
	stop(): void {
		this.#present = false;
	}

	/** The table cell one is in (or null); a change is announced at once. */
	setCell(cell: CellRef | null): void {
		const same = cell?.rowId === this.#cell?.rowId && cell?.field === this.#cell?.field;
		this.#cell = cell;
		if (!same) this.#beat();
	}

	/** The questionnaire field one is in (or null): shown to the others like the table's cell. */
	setAnswer(ref: AnswerRef | null): void {
		const same = ref?.questionId === this.#answer?.questionId && ref?.field === this.#answer?.field;
		this.#answer = ref;
		if (!same) this.#beat();
	}

	/** Leaving a questionnaire field: presence forgets it, unless one has already moved on to another. */
	leaveAnswer(ref: AnswerRef): void {
		if (this.#answer?.questionId === ref.questionId && this.#answer.field === ref.field) this.setAnswer(null);
	}

	/** Removes one's presence once; with a timeout it never waits longer than that. */
	async leave(timeoutMs?: number): Promise<void> {
		if (!this.#present || !this.writes) return;
		this.#present = false;
		const removed = removePresence(this.#o.regionId, this.#o.year, this.#o.person.uid).catch((err) =>
			console.warn('Planbordet: presence was not removed', err)
		);
		if (timeoutMs === undefined) return removed;
		await Promise.race([removed, new Promise((r) => setTimeout(r, timeoutMs))]);
	}

	#beat(): void {
		// Only into a plan that exists: presence of a mistyped year would litter the database.
		if (!this.#present || !this.writes || !navigator.onLine || !this.#o.planReady()) return;
		const { regionId, year, person } = this.#o;
		writePresence(regionId, year, person.uid, { name: person.name, orgId: person.orgId, cell: this.#cell, answer: this.#answer }, this.#clock()).catch((err) =>
			console.warn('Planbordet: presence was not written', err)
		);
	}
}
