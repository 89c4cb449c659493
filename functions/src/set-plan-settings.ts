// setPlanSettings({ regionId, year, deadline, reminderOffsets }): a coordinator sets the year's
// deadline (an ISO date-time with an offset) and the days before it that reminders go out ([]
// switches them off). Moving the deadline to another date restarts the reminder schedule (see
// src/lib/domain/reminders.ts); the next daily run follows the new settings.
import { onCall } from 'firebase-functions/v2/https';
import { db } from './admin';
import { callerUid, parseInput, planNotFound, requireCoordinator, yearRef } from './callable';
import { REGION } from './params';
import { planSettingsInput } from '../../src/lib/domain/schemas';

export const setPlanSettings = onCall({ region: REGION }, async (request) => {
	const uid = callerUid(request);
	const { regionId, year, deadline, reminderOffsets } = parseInput(planSettingsInput, request.data);
	await requireCoordinator(db(), regionId, uid);
	const ref = yearRef(db(), regionId, year);
	const found = await db().runTransaction(async (tx) => {
		if (!(await tx.get(ref)).exists) return false;
		tx.update(ref, { deadline, reminderOffsets });
		return true;
	});
	if (!found) throw planNotFound();
	return { ok: true, deadline: deadline.toISOString(), reminderOffsets };
});
