// Running a region's network, each a callable Cloud Function (europe-north1): inviting a person (again),
// changing a member's role, removing a member, adding or renaming an organisation, and creating the
// plan of a year. The input is what the schemas take (schemas.ts, "running the network"); a refusal
// throws the SDK's FunctionsError, which domain/action-failure.ts reads. firebase/functions loads on
// the first call (app.ts).
import type * as z from 'zod/mini';
import type {
	createPlanInput,
	CreateRegionInput,
	ErasePersonInput,
	InviteMemberInput,
	RemoveMemberInput,
	SaveOrganizationInput,
	SaveTemplateInput,
	SetMemberRoleInput,
	UpdateRegionInput
} from '../domain/schemas';
import { createRegionResult, erasePersonResult, type CreateRegionResult, type ErasePersonResult } from '../domain/schemas';
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

/**
 * A region with its areas and its own organisation; answers the organisation's id, which the first
 * coordinator is then invited into (inviteMember). Refused with already-exists (region-exists,
 * organization-exists). The answer is parsed, not trusted.
 */
export async function createRegion(input: CreateRegionInput): Promise<CreateRegionResult> {
	return createRegionResult.parse(await callFunction<CreateRegionInput, unknown>('createRegion', input));
}

/**
 * Erases a person everywhere (every membership, what was only theirs, the account); answers the regions
 * they left. Refused with last-coordinator, cannot-erase-self, person-not-found. The answer is parsed.
 */
export async function erasePerson(input: ErasePersonInput): Promise<ErasePersonResult> {
	return erasePersonResult.parse(await callFunction<ErasePersonInput, unknown>('erasePerson', input));
}

/** Renames a region and its areas or adds areas; refused with area-in-use when a removed area has insatser. */
export function updateRegion(input: UpdateRegionInput): Promise<Ok> {
	return callFunction<UpdateRegionInput, Ok>('updateRegion', input);
}

/** A draft or published template; refused with template-in-use once a plan uses it (a change is a new version). */
export function saveTemplate(input: SaveTemplateInput): Promise<Ok> {
	return callFunction<SaveTemplateInput, Ok>('saveTemplate', input);
}
