// The network meeting as everyone's screen reads it: which meeting of a plan runs, who leads and who
// takes part (by organisation), the queue of raised hands, and whether a participant is still there.
// Who may start, lead, join and raise is authorization.ts's; the stored shapes are schemas.ts's.
import type { Meeting, MeetingHand, MeetingParticipant } from './schemas';

export interface MeetingItem {
	id: string;
	data: Meeting;
}
export interface ParticipantItem {
	/** The participant's uid (the document id). */
	id: string;
	data: MeetingParticipant;
}
export interface HandItem {
	/** Whose hand (the document id). */
	id: string;
	data: MeetingHand;
}

/**
 * How often a page whose join failed tries again. A joined page writes nothing more: who is still in
 * the meeting is who joined and still has the plan open (presence.ts, its own heartbeat) — one
 * heartbeat per page, not two, since every participant reads every beat (bench/meeting).
 */
export const MEETING_JOIN_RETRY_MS = 60_000;

export const isRunning = (m: Pick<Meeting, 'endedAt'>): boolean => m.endedAt === null;

/**
 * The plan's running meeting, or null. The rules cannot keep a second one from being started (they
 * cannot query); should two ever run, every screen picks the same one: the earliest started, then by id.
 */
export function runningMeeting(meetings: readonly MeetingItem[]): MeetingItem | null {
	const running = meetings.filter((m) => isRunning(m.data));
	running.sort((a, b) => a.data.startedAt.getTime() - b.data.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return running[0] ?? null;
}

export const isLeader = (m: Pick<Meeting, 'leaderUid'>, uid: string): boolean => m.leaderUid === uid;

/** Who is in the meeting now: those who joined it and are present on the plan (presence.ts presentPeople's uids). */
export function inMeetingNow<P extends { id: string }>(participants: readonly P[], present: ReadonlySet<string>): P[] {
	return participants.filter((p) => present.has(p.id));
}

/** The hands in the order the leader takes them: first raised first (then by uid, so every screen agrees). */
export function handQueue(hands: readonly HandItem[]): HandItem[] {
	return [...hands].sort((a, b) => a.data.raisedAt.getTime() - b.data.raisedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface OrganisationGroup<P> {
	orgId: string;
	/** The organisation's name, or its id when the names do not know it. */
	name: string;
	participants: P[];
}

const collator = new Intl.Collator('sv');

/** Participants grouped by organisation: organisations by name, people by name (Swedish order). */
export function participantsByOrganisation<P extends ParticipantItem>(participants: readonly P[], orgNames: Readonly<Record<string, string>>): OrganisationGroup<P>[] {
	const groups = new Map<string, P[]>();
	for (const p of participants) groups.set(p.data.orgId, [...(groups.get(p.data.orgId) ?? []), p]);
	return [...groups]
		.map(([orgId, ps]) => ({
			orgId,
			name: orgNames[orgId] ?? orgId,
			participants: ps.sort((a, b) => collator.compare(a.data.name, b.data.name) || (a.id < b.id ? -1 : 1))
		}))
		.sort((a, b) => collator.compare(a.name, b.name) || (a.orgId < b.orgId ? -1 : 1));
}
