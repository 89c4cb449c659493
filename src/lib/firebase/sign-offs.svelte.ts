// regions/{regionId}/years/{year}/signOffs/{orgId}: the organisations' sign-offs of a year's plan, read
// live (parsed through schemas.ts signOff; sign-off.ts tells approved from stale), and the signOffPlan
// callable that writes one — the browser never writes a sign-off itself (firestore.rules). A refusal
// throws the SDK's FunctionsError; domain/action-failure.ts reads it.
import { collection } from 'firebase/firestore';
import { signOff, type SignOff, type SignOffPlanInput } from '../domain/schemas';
import { callFunction, db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(signOff);

/** Every organisation's sign-off of the year's plan (one document per organisation, its id the orgId). */
export class LiveSignOffs extends LiveQuery<SignOff> {
	constructor(regionId: string, year: string) {
		super(collection(db(), paths.signOffs(regionId, year)).withConverter(converter), 'plan-denied', `sign-offs of ${regionId}/${year}`);
	}
}

/**
 * Signs the plan off for the caller's organisation. Refused with permission-denied (not-a-member),
 * not-found (plan-not-found), failed-precondition (plan-submitted, unknown-organization, invalid-row).
 */
export function signOffPlan(input: SignOffPlanInput): Promise<{ ok: true }> {
	return callFunction<SignOffPlanInput, { ok: true }>('signOffPlan', input);
}
