// sendMentionDigests: every 2 minutes, mails everyone whose mentions wait in the queue and whose
// 10-minute window has passed (scheduled-runs.ts, mention-digest.ts), with the clock read here, at
// the edge. A 2nd-gen schedule like sendDeadlineReminders; tests call the run itself.
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { db } from '../shared/admin';
import { SCHEDULE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { mentionDigestRun } from '../shared/scheduled-runs';

export const MENTION_SCHEDULE = 'every 2 minutes';

export const sendMentionDigests = onSchedule({ ...SCHEDULE, schedule: MENTION_SCHEDULE }, async () => {
	const now = new Date();
	const { people, mailed, failures } = await mentionDigestRun({ db: db(), now, appUrl: APP_URL.value() });
	logger.info(`mention digests at ${now.toISOString()}: ${mailed} of ${people} waiting ${people === 1 ? 'person' : 'people'} mailed`, { failures });
	// A failed run answers 500, so the failure shows in the scheduler's log too.
	if (failures.length > 0) throw new Error(`mention digests failed for ${failures.map((f) => f.uid).join(', ')}`);
});
