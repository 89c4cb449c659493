// The plan's privileged actions, each a callable Cloud Function (europe-north1): submitting a year
// (locks it), reopening it with a reason, a coordinator's deadline and reminder days, switching one's
// own deadline reminders off or on, starting next year's draft, and an organisation's sign-off and a
// coordinator's request for sign-off. firebase/functions loads on the
// first call (app.ts), not with the page. A refusal throws the SDK's FunctionsError;
// domain/action-failure.ts reads it.
import { createNextYearResult, type CreateNextYearResult } from '../domain/carry-over';
import type { PlanSettingsRequest } from '../domain/plan-settings';
import type { createNextYearInput, ReopenPlanInput, RequestSignOffInput, SubmitPlanInput, setReminderSubscriptionInput } from '../domain/schemas';
import { requestSignOffResult, type RequestSignOffResult } from '../domain/sign-off';
import type * as z from 'zod/mini';
import { callFunction } from './app';

/** The caller's organisation signs the plan off (firebase/sign-offs.svelte.ts holds the call). */
export { signOffPlan } from './sign-offs.svelte';

type Ok = { ok: true };

function call<I>(name: string, data: I): Promise<Ok> {
	return callFunction<I, Ok>(name, data);
}

/** Locks the year: refused with failed-precondition (incomplete with details.missing, already-submitted, empty). */
export function submitPlan(input: SubmitPlanInput): Promise<Ok> {
	return call('submitPlan', input);
}

/** Unlocks a submitted year; the reason (10–2000 characters) is kept on the plan. */
export function reopenPlan(input: ReopenPlanInput): Promise<Ok> {
	return call('reopenPlan', input);
}

/** The deadline ("2027-01-31T23:59:00+01:00") and the reminder days of a year (coordinators). */
export function setPlanSettings(input: PlanSettingsRequest): Promise<Ok> {
	return call('setPlanSettings', input);
}

/** Switches the signed-in person's deadline reminders on (true) or off (false). */
export function setReminderSubscription(subscribed: boolean): Promise<Ok> {
	return call<z.input<typeof setReminderSubscriptionInput>>('setReminderSubscription', { subscribed });
}

/**
 * Next year's draft from this year's continuing rows, or with dryRun only what it would carry over.
 * Refused with already-exists (details.year) when next year is there, failed-precondition
 * (no-template) when no template is published for it. The answer is parsed, not trusted.
 */
export async function createNextYear(input: z.input<typeof createNextYearInput>): Promise<CreateNextYearResult> {
	return createNextYearResult.parse(await callFunction('createNextYear', input));
}

/**
 * A coordinator asks the organisations not signed off (or signed off before the latest changes) to do
 * so: one mail per organisation. Refused with resource-exhausted (too-many-requests: 3 rounds per
 * 24 hours), failed-precondition (plan-submitted, invalid-row). The answer is parsed, not trusted.
 */
export async function requestSignOff(input: RequestSignOffInput): Promise<RequestSignOffResult> {
	return requestSignOffResult.parse(await callFunction('requestSignOff', input));
}
