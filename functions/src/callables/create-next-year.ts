// createNextYear({ regionId, fromYear, dryRun }): a coordinator starts the year after fromYear as a
// draft on the newest template published for it, with the rows marked Fortsätter carried over and,
// when the year has a questionnaire, one empty answer per question. A dry run only reports. The
// transaction is plan-creation.ts's, shared with createPlan.
import { onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, planNotFound, requireMay } from '../shared/callable';
import { createPlanIn, planCreationError } from '../shared/plan-creation';
import { CALLABLE } from '../shared/options';
import { createNextYearInput } from '../../../src/lib/domain/schemas';

export const createNextYear = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, fromYear, dryRun } = parseInput(createNextYearInput, request.data);
	await requireMay(db(), uid, regionId, 'create-plan');
	const year = String(Number(fromYear) + 1);
	const outcome = await createPlanIn(db(), { regionId, year, carryFrom: fromYear, dryRun, uid, now: new Date() });
	if (outcome.ok) return { ok: true, ...outcome.preview };
	// The year this one starts from is the call's subject here, so its absence is plan-not-found.
	if (outcome.reason === 'no-previous-plan') throw planNotFound();
	throw planCreationError(outcome);
});
