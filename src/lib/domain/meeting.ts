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

/** A participant counts as in the meeting while seen this recently (the app refreshes lastSeenAt more often). */
export const PARTICIPANT_FRESH_MINUTES = 3;

/** How often a participant's page refreshes lastSeenAt: well inside PARTICIPANT_FRESH_MINUTES (every participant reads each refresh). */
export const MEETING_HEARTBEAT_MS = 60_000;

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

/** Whether the participant has been seen within PARTICIPANT_FRESH_MINUTES of `now`. */
export function isPresent(p: Pick<MeetingParticipant, 'lastSeenAt'>, now: Date): boolean {
	return now.getTime() - p.lastSeenAt.getTime() <= PARTICIPANT_FRESH_MINUTES * 60_000;
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
