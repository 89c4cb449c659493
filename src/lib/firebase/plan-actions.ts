// The plan's privileged actions, each a callable Cloud Function (europe-north1): submitting a year
// (locks it), reopening it with a reason, a coordinator's deadline and reminder days, switching one's
// own deadline reminders off or on, and starting next year's draft. firebase/functions loads on the
// first call (app.ts), not with the page. A refusal throws the SDK's FunctionsError;
// domain/action-failure.ts reads it.
import { createNextYearResult, type CreateNextYearResult } from '../domain/carry-over';
import type { PlanSettingsRequest } from '../domain/plan-settings';
import type { createNextYearInput, ReopenPlanInput, SubmitPlanInput, setReminderSubscriptionInput } from '../domain/schemas';
import type * as z from 'zod/mini';
import { callFunction } from './app';

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
