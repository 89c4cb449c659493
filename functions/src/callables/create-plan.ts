// createPlan({ regionId, year, templateId?, carryOver }): a coordinator creates the region's plan of a
// year, once: on the given template (published, for that year) or the newest published for the year,
// empty or starting from the rows of the year before marked Fortsätter. The transaction is
// plan-creation.ts's, shared with createNextYear.
import { onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, requireMay } from '../shared/callable';
import { createPlanIn, planCreationError } from '../shared/plan-creation';
import { CALLABLE } from '../shared/options';
import { createPlanInput } from '../../../src/lib/domain/schemas';

export const createPlan = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year, templateId, carryOver } = parseInput(createPlanInput, request.data);
	await requireMay(db(), uid, regionId, 'create-plan');
	const outcome = await createPlanIn(db(), {
		regionId,
		year,
		templateId,
		carryFrom: carryOver ? String(Number(year) - 1) : null,
		dryRun: false,
		uid,
		now: new Date()
	});
	if (!outcome.ok) throw planCreationError(outcome);
	return { ok: true, year, templateId: outcome.preview.templateId, carried: outcome.preview.carried.length };
});
