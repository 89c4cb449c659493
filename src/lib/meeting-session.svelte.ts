// The network meeting on an open plan: the running meeting and its participants and hands (listeners
// that start when the page first reads them), joining it and staying seen, one's role, "follow the
// leader" (remembered per plan by this browser), and the leader's throttled focus writes.
import { untrack } from 'svelte';
import { may, type Actor } from './domain/authorization';
import { handQueue, inMeetingNow, isLeader, MEETING_JOIN_RETRY_MS, runningMeeting, type HandItem, type MeetingItem, type ParticipantItem } from './domain/meeting';
import type { ReadFailure } from './domain/read-failure';
import type { FieldKey, Plan } from './domain/schemas';
import {
	endMeeting,
	handOverLead,
	joinMeeting,
	LiveHands,
	LiveMeetings,
	LiveParticipants,
	lowerHand,
	moveFocus,
	raiseHand,
	startMeeting,
	touchParticipant
} from './firebase/meetings.svelte';
import { focusWriteDelay } from './domain/meeting-follow';

/** What failed, for the page's one Swedish sentence per kind. */
export type MeetingFailure = 'start' | 'end' | 'focus' | 'handOver' | 'join' | 'hand';

export interface MeetingOptions {
	regionId: string;
	year: string;
	viewer: Actor;
	person: { uid: string; name: string; orgId: string };
	/** The plan's status while known (starting a meeting is for drafts). */
	status: () => Plan['status'] | null;
	/** The uids present on the plan now (the plan's presence): who of the joined is still in the meeting. */
	present: () => ReadonlySet<string>;
}

export class PlanMeeting {
	readonly #o: MeetingOptions;
	readonly meetings: LiveMeetings;
	#participants = new Map<string, LiveParticipants>();
	#hands = new Map<string, LiveHands>();
	/** Participants follow the leader's row unless they switch it off (remembered per plan). */
	follow = $state(true);
	/** The last action that failed, until the next one succeeds or it is dismissed. */
	failed = $state<MeetingFailure | null>(null);
	#stopped = false;
	#joined: string | null = null;
	#lastWrite: number | null = null;
	/**
	 * The leader's last move, written or waiting for the throttle: the leader's own screen shows it and
	 * steps on from it at once (the snapshot of one's own write comes a moment later; a quick second
	 * step must not start again from the old place).
	 */
	#myFocus = $state.raw<{ meetingId: string; focus: { rowId: string; field: FieldKey | null } } | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** A move waits to be written. */
	#queued = false;

	constructor(options: MeetingOptions) {
		this.#o = options;
		this.meetings = new LiveMeetings(options.regionId, options.year);
		this.follow = this.#readFollow();
	}

	get #followKey(): string {
		return `planbordet:follow:${this.#o.regionId}/${this.#o.year}`;
	}

	#readFollow(): boolean {
		try {
			return typeof localStorage === 'undefined' || localStorage.getItem(this.#followKey) !== '0';
		} catch {
			return true; // storage refused: on, as by default
		}
	}

	setFollow(on: boolean): void {
		this.follow = on;
		try {
			if (on) localStorage.removeItem(this.#followKey);
			else localStorage.setItem(this.#followKey, '0');
		} catch {
			// not remembered, but applied
		}
	}

	/** The running meeting, or null (also while loading and after an error). */
	get current(): MeetingItem | null {
		if (this.meetings.status !== 'ready') return null;
		return runningMeeting(this.meetings.items.map((i) => ({ id: i.id, data: i.data })));
	}

	get error(): ReadFailure | null {
		const m = this.current;
		return this.meetings.error ?? (m ? (this.#liveParticipants(m.id).error ?? this.#liveHands(m.id).error) : null);
	}

	#liveParticipants(meetingId: string): LiveParticipants {
		let live = this.#participants.get(meetingId);
		if (!live) {
			live = new LiveParticipants(this.#o.regionId, this.#o.year, meetingId);
			this.#participants.set(meetingId, live);
		}
		return live;
	}

	#liveHands(meetingId: string): LiveHands {
		let live = this.#hands.get(meetingId);
		if (!live) {
			live = new LiveHands(this.#o.regionId, this.#o.year, meetingId);
			this.#hands.set(meetingId, live);
		}
		return live;
	}

	/** Who is in the running meeting now (joined, and the plan still open: meeting.ts inMeetingNow), the leader included. */
	get participants(): ParticipantItem[] {
		const m = this.current;
		if (!m) return [];
		return inMeetingNow(
			this.#liveParticipants(m.id).items.map((p) => ({ id: p.id, data: p.data })),
			this.#o.present()
		);
	}

	/** The raised hands, first raised first. */
	get hands(): HandItem[] {
		const m = this.current;
		if (!m) return [];
		return handQueue(this.#liveHands(m.id).items.map((h) => ({ id: h.id, data: h.data })));
	}

	/** One's own raised hand, if any. */
	get myHand(): HandItem | null {
		return this.hands.find((h) => h.id === this.#o.person.uid) ?? null;
	}

	/** 'leader', 'participant' (a member following), or null: no meeting, or a reader from the staff. */
	get role(): 'leader' | 'participant' | null {
		const m = this.current;
		if (!m) return null;
		if (isLeader(m.data, this.#o.person.uid)) return 'leader';
		return may(this.#o.viewer, 'join-meeting') ? 'participant' : null;
	}

	get canStart(): boolean {
		const status = this.#o.status();
		return this.meetings.status === 'ready' && !this.current && status !== null && may(this.#o.viewer, 'start-meeting', { status });
	}

	get canEnd(): boolean {
		return this.current !== null && may(this.#o.viewer, 'end-meeting');
	}

	get canHandOver(): boolean {
		const m = this.current;
		return m !== null && may(this.#o.viewer, 'hand-over-lead', { leaderUid: m.data.leaderUid });
	}

	/** Joins each running meeting once it shows, and stays seen while the page is open; returns the stop. */
	start(): () => void {
		// The page may start a session again after stopping it (its effect re-runs): writing resumes.
		this.#stopped = false;
		this.#joined = null;
		const stopEffects = $effect.root(() => {
			$effect(() => {
				const m = this.current;
				if (!m || !may(this.#o.viewer, 'join-meeting')) return;
				const live = this.#liveParticipants(m.id);
				if (live.status !== 'ready' || this.#joined === m.id) return;
				const joined = live.items.some((p) => p.id === this.#o.person.uid);
				untrack(() => this.#join(m.id, joined));
			});
		});
		// A join that failed is tried again; a joined page writes nothing more (presence says it is still here).
		const heartbeat = setInterval(() => {
			const m = this.current;
			if (!m || m.id !== this.#joined || this.failed !== 'join' || !navigator.onLine) return;
			this.#join(m.id, this.#liveParticipants(m.id).items.some((p) => p.id === this.#o.person.uid));
		}, MEETING_JOIN_RETRY_MS);
		return () => {
			this.stop();
			stopEffects();
			clearInterval(heartbeat);
		};
	}

	/** Nothing more is written (access ended, or the page closed). */
	stop(): void {
		this.#stopped = true;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#queued = false;
	}

	#join(meetingId: string, alreadyIn: boolean): void {
		this.#joined = meetingId;
		const { regionId, year, person } = this.#o;
		// The rules keep joinedAt from the first write: a return refreshes lastSeenAt only.
		this.#run('join', () => (alreadyIn ? touchParticipant(regionId, year, meetingId, person.uid) : joinMeeting(regionId, year, meetingId, person)));
	}

	#run(kind: MeetingFailure, act: () => Promise<unknown>): Promise<boolean> {
		if (this.#stopped) return Promise.resolve(false);
		return act().then(
			() => {
				if (this.failed === kind) this.failed = null;
				return true;
			},
			(err) => {
				console.error(`Planbordet: meeting action ${kind} failed`, err);
				this.failed = kind;
				return false;
			}
		);
	}

	startMeeting(): Promise<boolean> {
		return this.#run('start', () => startMeeting(this.#o.regionId, this.#o.year, this.#o.person));
	}

	endMeeting(): Promise<boolean> {
		const m = this.current;
		if (!m) return Promise.resolve(false);
		this.#queued = false;
		return this.#run('end', () => endMeeting(this.#o.regionId, this.#o.year, m.id));
	}

	/**
	 * The leader's place: written at most once per FOCUS_WRITE_MS (every participant reads each write);
	 * a move within the interval replaces the waiting one, so the last place always lands.
	 */
	setFocus(rowId: string, field: FieldKey | null): void {
		const m = this.current;
		if (!m || this.role !== 'leader') return;
		const f = untrack(() => this.focus);
		if (f && f.rowId === rowId && f.field === field) return;
		this.#myFocus = { meetingId: m.id, focus: { rowId, field } };
		this.#queued = true;
		if (this.#timer) return;
		// Date.now, not the presence clock: the throttle is about this browser's writes.
		const wait = focusWriteDelay(this.#lastWrite, Date.now());
		if (wait === 0) this.#flushFocus();
		else this.#timer = setTimeout(() => this.#flushFocus(), wait);
	}

	#flushFocus(): void {
		this.#timer = null;
		const p = this.#myFocus;
		if (!p || !this.#queued || this.#stopped) return;
		this.#queued = false;
		this.#lastWrite = Date.now();
		void this.#run('focus', () => moveFocus(this.#o.regionId, this.#o.year, p.meetingId, p.focus));
	}

	/** Where the leader is: on the leader's screen the move waiting to be written, else the stored focus. */
	get focus(): { rowId: string; field: FieldKey | null } | null {
		const m = this.current;
		if (!m) return null;
		const mine = this.#myFocus;
		if (mine && mine.meetingId === m.id && isLeader(m.data, this.#o.person.uid)) return mine.focus;
		return m.data.focus ? { rowId: m.data.focus.rowId, field: m.data.focus.field } : null;
	}

	get focusRowId(): string | null {
		return this.focus?.rowId ?? null;
	}

	handOver(to: { uid: string; name: string }): Promise<boolean> {
		const m = this.current;
		if (!m) return Promise.resolve(false);
		// Should the lead come back, the stored focus is where one starts from, not one's old move.
		this.#myFocus = null;
		this.#queued = false;
		return this.#run('handOver', () => handOverLead(this.#o.regionId, this.#o.year, m.id, to));
	}

	raiseHand(rowId: string): Promise<boolean> {
		const m = this.current;
		if (!m) return Promise.resolve(false);
		return this.#run('hand', () => raiseHand(this.#o.regionId, this.#o.year, m.id, this.#o.person.uid, rowId));
	}

	lowerHand(uid: string): Promise<boolean> {
		const m = this.current;
		if (!m) return Promise.resolve(false);
		return this.#run('hand', () => lowerHand(this.#o.regionId, this.#o.year, m.id, uid));
	}
}
