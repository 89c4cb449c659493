import { describe, expect, it } from 'vitest';
import { ACTIVITY_STEP_MS, activityDue, invitationExpiry, invitationState, isLastCoordinator, signInPlan, type MemberEntry } from './membership';
import { INVITATION_DAYS, member, type Member } from './schemas';

const now = new Date('2026-03-10T09:00:00Z');
const base: Member = member.parse({ email: 'ny@bracke.example', name: 'Nina Ny', orgId: 'bracke', role: 'editor' });
const invited = (expiresAt: Date | null): Member => ({ ...base, status: 'invited', invitedAt: new Date('2026-03-01T09:00:00Z'), invitedBy: 'coord', invitationExpiresAt: expiresAt });

describe('invitationExpiry', () => {
	it('is INVITATION_DAYS (14) days after the invitation, to the millisecond', () => {
		expect(INVITATION_DAYS).toBe(14);
		expect(invitationExpiry(new Date('2026-03-01T09:00:00.123Z')).toISOString()).toBe('2026-03-15T09:00:00.123Z');
	});

	it('counts days of 24 hours across the change to summer time', () => {
		expect(invitationExpiry(new Date('2026-03-20T12:00:00Z')).toISOString()).toBe('2026-04-03T12:00:00.000Z');
	});
});

describe('invitationState', () => {
	it('is active for an active member, whatever their old invitation said', () => {
		expect(invitationState({ ...base, status: 'active', invitationExpiresAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('active');
	});

	it('treats a seeded member without a status as active', () => {
		expect(invitationState(base, now)).toBe('active');
	});

	it('is pending until the expiry and expired from that instant on', () => {
		const expiry = new Date('2026-03-10T09:00:00Z');
		expect(invitationState(invited(expiry), new Date(expiry.getTime() - 1))).toBe('pending');
		expect(invitationState(invited(expiry), expiry)).toBe('expired');
		expect(invitationState(invited(expiry), new Date(expiry.getTime() + 1))).toBe('expired');
	});

	it('treats an invitation without an expiry as expired', () => {
		expect(invitationState(invited(null), now)).toBe('expired');
	});
});

describe('isLastCoordinator', () => {
	const entry = (uid: string, role: Member['role'], status: Member['status'] = 'active'): MemberEntry => ({ uid, member: { role, status } });

	it('is true for the only active coordinator', () => {
		expect(isLastCoordinator([entry('a', 'coordinator'), entry('b', 'editor')], 'a')).toBe(true);
	});

	it('is false when another active coordinator remains', () => {
		expect(isLastCoordinator([entry('a', 'coordinator'), entry('b', 'coordinator')], 'a')).toBe(false);
	});

	it('does not count an invited coordinator as the one who remains', () => {
		expect(isLastCoordinator([entry('a', 'coordinator'), entry('b', 'coordinator', 'invited')], 'a')).toBe(true);
	});

	it('is false for an editor, an invited coordinator and someone who is not a member', () => {
		const members = [entry('a', 'coordinator'), entry('b', 'editor'), entry('c', 'coordinator', 'invited')];
		expect(isLastCoordinator(members, 'b')).toBe(false);
		expect(isLastCoordinator(members, 'c')).toBe(false);
		expect(isLastCoordinator(members, 'x')).toBe(false);
	});
});

describe('signInPlan', () => {
	const m = (id: string, x: Member) => ({ id, member: x });
	const holds = invited(new Date('2026-03-15T09:00:00Z'));
	const expired = invited(new Date('2026-03-05T09:00:00Z'));

	it('activates invitations that hold and touches active memberships', () => {
		const plan = signInPlan([m('jh', holds), m('vn', base)], false, now);
		expect(plan.activate.map((x) => x.id)).toEqual(['jh']);
		expect(plan.touch.map((x) => x.id)).toEqual(['vn']);
		expect(plan.refusal).toBeNull();
	});

	it('leaves an expired invitation as it is but lets the person in on another membership', () => {
		const plan = signInPlan([m('jh', expired), m('vn', base)], false, now);
		expect(plan.activate).toEqual([]);
		expect(plan.touch.map((x) => x.id)).toEqual(['vn']);
		expect(plan.refusal).toBeNull();
		expect(plan.latestExpired?.id).toBe('jh');
	});

	it('refuses someone whose only invitations have expired, naming the latest', () => {
		const older = invited(new Date('2026-02-01T09:00:00Z'));
		const plan = signInPlan([m('old', older), m('jh', expired)], false, now);
		expect(plan.refusal).toBe('invitation-expired');
		expect(plan.latestExpired?.id).toBe('jh');
	});

	it('refuses someone with no membership at all as not invited', () => {
		expect(signInPlan([], false, now)).toEqual({ activate: [], touch: [], refusal: 'not-invited', latestExpired: null });
	});

	it('lets staff in without any membership, also with only expired invitations', () => {
		expect(signInPlan([], true, now).refusal).toBeNull();
		expect(signInPlan([m('jh', expired)], true, now).refusal).toBeNull();
	});
});

describe('activityDue', () => {
	const last = new Date('2026-12-03T10:00:00Z');
	it('moves lastActiveAt for a first edit and for one a quarter of an hour after the last', () => {
		expect(activityDue(null, last)).toBe(true);
		expect(activityDue(last, new Date(last.getTime() + ACTIVITY_STEP_MS))).toBe(true);
	});
	it('leaves it for edits within the quarter, and for an edit stamped before it', () => {
		expect(activityDue(last, new Date(last.getTime() + ACTIVITY_STEP_MS - 1))).toBe(false);
		expect(activityDue(last, last)).toBe(false);
		expect(activityDue(last, new Date(last.getTime() - 60_000))).toBe(false);
	});
	it("takes a benchmark's step: a shorter quarter, or 0 for every edit", () => {
		expect(activityDue(last, new Date(last.getTime() + 22_499), 22_500)).toBe(false);
		expect(activityDue(last, new Date(last.getTime() + 22_500), 22_500)).toBe(true);
		expect(activityDue(last, last, 0)).toBe(true);
	});
});
