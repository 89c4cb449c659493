// setPlanSettings({ regionId, year, deadline, reminderOffsets, signOffRequirement? }): a coordinator
// sets the year's deadline (an ISO date-time with an offset), the days before it that reminders go
// out ([] switches them off) and, when given, whether organisations that have not signed off only
// warn at submission ('warn') or block it ('block'; left out: unchanged). Moving the deadline to
// another date restarts the reminder schedule (see src/lib/domain/reminders.ts); the next daily run
// follows the new settings. A change is recorded in
// the region's audit log (plan-settings-changed, the changed values before and after) in the same write.
import { onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, parseInput, planNotFound, requireMay, yearRef } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { plan, planSettingsInput } from '../../../src/lib/domain/schemas';

export const setPlanSettings = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year, deadline, reminderOffsets, signOffRequirement } = parseInput(planSettingsInput, request.data);
	const caller = await requireMay(db(), uid, regionId, 'set-plan-settings');
	const fs = db();
	const ref = yearRef(fs, regionId, year);
	const now = new Date();
	const found = await fs.runTransaction(async (tx) => {
		const snap = await tx.get(ref);
		if (!snap.exists) return false;
		const stored = plan.parse(snap.data());
		const details: Record<string, { from: unknown; to: unknown }> = {};
		if (stored.deadline.getTime() !== deadline.getTime()) details.deadline = { from: stored.deadline.toISOString(), to: deadline.toISOString() };
		if (stored.reminderOffsets.join() !== reminderOffsets.join()) details.reminderOffsets = { from: stored.reminderOffsets, to: reminderOffsets };
		if (signOffRequirement !== undefined && stored.signOffRequirement !== signOffRequirement) {
			details.signOffRequirement = { from: stored.signOffRequirement, to: signOffRequirement };
		}
		// Saving the same settings again changes nothing and records nothing.
		if (Object.keys(details).length === 0) return true;
		tx.update(ref, { deadline, reminderOffsets, ...(signOffRequirement !== undefined ? { signOffRequirement } : {}) });
		recordAudit(fs, tx, regionId, { kind: 'plan-settings-changed', by: uid, byName: caller.name, target: year, targetName: year, details, at: now });
		return true;
	});
	if (!found) throw planNotFound();
	// The answer names the requirement only when it was asked to set it (the deadline form's answer stays as it was).
	return { ok: true, deadline: deadline.toISOString(), reminderOffsets, ...(signOffRequirement !== undefined ? { signOffRequirement } : {}) };
});
