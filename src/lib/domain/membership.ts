// Membership of a region, decided without Firebase: when an invitation expires and whether it still
// holds, that a region keeps an active coordinator, and what a person's sign-in finds (which
// invitations it activates, or why it is refused), and how often an edit moves lastActiveAt. Who may
// manage members is authorization.ts's.
import { INVITATION_DAYS, type Member } from './schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * lastActiveAt is shown to a quarter of an hour: every open plan page listens to the member list, so
 * moving it on every edit would send each cell save to every page twice.
 */
export const ACTIVITY_STEP_MS = 15 * 60 * 1000;

/**
 * Whether an edit at `at` moves a member's lastActiveAt: the first one, or one a step after the last.
 * (`stepMs` other than ACTIVITY_STEP_MS: only a time-compressed benchmark, member-activity.ts activityStep.)
 */
export function activityDue(lastActiveAt: Date | null, at: Date, stepMs = ACTIVITY_STEP_MS): boolean {
	return lastActiveAt === null || at.getTime() - lastActiveAt.getTime() >= stepMs;
}

/** An invitation made at `invitedAt` holds until this instant (INVITATION_DAYS later, to the millisecond). */
export function invitationExpiry(invitedAt: Date): Date {
	return new Date(invitedAt.getTime() + INVITATION_DAYS * DAY_MS);
}

/** active: signed in at least once · pending: invited, the invitation holds · expired: invited, too late. */
export type InvitationState = 'active' | 'pending' | 'expired';

/** An invitation without an expiry is treated as expired: only inviteMember writes invitations, always with one. */
export function invitationState(m: Pick<Member, 'status' | 'invitationExpiresAt'>, now: Date): InvitationState {
	if (m.status === 'active') return 'active';
	return m.invitationExpiresAt !== null && m.invitationExpiresAt.getTime() > now.getTime() ? 'pending' : 'expired';
}

/** A member of a region with their uid (the document id). */
export interface MemberEntry {
	uid: string;
	member: Pick<Member, 'role' | 'status'>;
}

const activeCoordinator = (e: MemberEntry) => e.member.role === 'coordinator' && e.member.status === 'active';

/**
 * True when `uid` is an active coordinator and no other member of the region is one: demoting or
 * removing them would leave the region with nobody to manage it. Invited coordinators do not count.
 */
export function isLastCoordinator(members: readonly MemberEntry[], uid: string): boolean {
	const target = members.find((e) => e.uid === uid);
	if (!target || !activeCoordinator(target)) return false;
	return !members.some((e) => e.uid !== uid && activeCoordinator(e));
}

/** Why a sign-in is refused: every invitation the person had has expired, or there was none at all. */
export type SignInRefusal = 'invitation-expired' | 'not-invited';

export interface SignInPlan<T> {
	/** Invitations that hold: they become active memberships now. */
	activate: T[];
	/** Memberships that were already active: only their last activity moves. */
	touch: T[];
	/** Set when the person may not sign in (neither staff nor, after activation, an active member). */
	refusal: SignInRefusal | null;
	/** The most recently expired invitation, for the "ask to be invited again" mail; null when none. */
	latestExpired: T | null;
}

/** What a sign-in of a person with these memberships (each region's document) and staff record does at `now`. */
export function signInPlan<T extends { member: Pick<Member, 'status' | 'invitationExpiresAt'> }>(memberships: readonly T[], isStaff: boolean, now: Date): SignInPlan<T> {
	const activate: T[] = [];
	const touch: T[] = [];
	const expired: T[] = [];
	for (const m of memberships) {
		const state = invitationState(m.member, now);
		if (state === 'active') touch.push(m);
		else if (state === 'pending') activate.push(m);
		else expired.push(m);
	}
	const latestExpired = expired.reduce<T | null>(
		(latest, m) => (latest === null || (m.member.invitationExpiresAt?.getTime() ?? 0) > (latest.member.invitationExpiresAt?.getTime() ?? 0) ? m : latest),
		null
	);
	const allowed = isStaff || activate.length > 0 || touch.length > 0;
	const refusal: SignInRefusal | null = allowed ? null : expired.length > 0 ? 'invitation-expired' : 'not-invited';
	return { activate, touch, refusal, latestExpired };
}
