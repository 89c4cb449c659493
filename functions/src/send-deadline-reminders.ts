// sendDeadlineReminders: every day at 08:00 Europe/Stockholm, the reminder run (reminder-job.ts)
// with the clock read here, at the edge. A 1st-gen Pub/Sub schedule on purpose: Cloud Scheduler
// publishes to its topic, so publishing to the same topic runs it in the Emulator Suite too.
import { logger } from 'firebase-functions';
import * as v1 from 'firebase-functions/v1';
import { db } from './admin';
import { APP_URL, REGION, UNSUBSCRIBE_SECRET } from './params';
import { runReminderJob } from './reminder-job';
import { reminderRun } from '../../src/lib/domain/schemas';

export const SCHEDULE = 'every day 08:00';
export const SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

export const sendDeadlineReminders = v1
	.region(REGION)
	.runWith({ secrets: [UNSUBSCRIBE_SECRET] })
	.pubsub.schedule(SCHEDULE)
	.timeZone(SCHEDULE_TIME_ZONE)
	.onRun(async () => {
		const now = new Date();
		const report = await runReminderJob({ db: db(), now, appUrl: APP_URL.value(), secret: UNSUBSCRIBE_SECRET.value() });
		await db().collection('reminderRuns').add(reminderRun.parse({ at: now, source: 'schedule', queued: report.length }));
		logger.info(`reminders at ${now.toISOString()}: ${report.length} ${report.length === 1 ? 'mail' : 'mails'} queued`, {
			mails: report.map((r) => ({ uid: r.uid, items: r.items, mailId: r.mailId }))
		});
	});
