// Running a region's network, each a callable Cloud Function (europe-north1): inviting a person (again),
// changing a member's role, removing a member, adding or renaming an organisation, and creating the
// plan of a year. The input is what the schemas take (schemas.ts, "running the network"); a refusal
// throws the SDK's FunctionsError, which domain/action-failure.ts reads. firebase/functions loads on
// the first call (app.ts).
import type * as z from 'zod/mini';
import type { createPlanInput, InviteMemberInput, RemoveMemberInput, SaveOrganizationInput, SetMemberRoleInput } from '../domain/schemas';
import { callFunction } from './app';

type Ok = { ok: true };

/** Invites a person into a region (a mail with a sign-in link, valid 14 days); again for an invited member sends a fresh link. */
export function inviteMember(input: InviteMemberInput): Promise<Ok> {
	return callFunction<InviteMemberInput, Ok>('inviteMember', input);
}

/** Refused with last-coordinator when it would leave the region without a coordinator. */
export function setMemberRole(input: SetMemberRoleInput): Promise<Ok> {
	return callFunction<SetMemberRoleInput, Ok>('setMemberRole', input);
}

/** The membership goes at once (the rules refuse the person's next read); refused for the last coordinator. */
export function removeMember(input: RemoveMemberInput): Promise<Ok> {
	return callFunction<RemoveMemberInput, Ok>('removeMember', input);
}

/** Adds an organisation (no orgId) or changes one of the region's (orgId). */
export function saveOrganization(input: SaveOrganizationInput): Promise<Ok> {
	return callFunction<SaveOrganizationInput, Ok>('saveOrganization', input);
}

/** Creates a year's draft: refused with plan-exists, no-template, template-not-for-year, no-previous-plan. */
export function createPlan(input: z.input<typeof createPlanInput>): Promise<Ok> {
	return callFunction<z.input<typeof createPlanInput>, Ok>('createPlan', input);
}

/* ---------- Tillväxtverket (staff admins): regions, templates, the overview export ---------- */
