// sendDeadlineReminders: every day at 08:00 Europe/Stockholm, the reminder run (scheduled-runs.ts,
// reminder-job.ts) with the clock read here, at the edge. A 2nd-gen schedule: Cloud Scheduler calls
// it over HTTP; the emulator cannot fire it, so tests call the run itself and `npm run reminders`
// runs the job from the command line.
import { logger } from 'firebase-functions';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { db } from '../shared/admin';
import { SCHEDULE } from '../shared/options';
import { APP_URL, UNSUBSCRIBE_SECRET } from '../shared/params';
import { deadlineReminderRun } from '../shared/scheduled-runs';

export const REMINDER_SCHEDULE = 'every day 08:00';

export const sendDeadlineReminders = onSchedule({ ...SCHEDULE, schedule: REMINDER_SCHEDULE, secrets: [UNSUBSCRIBE_SECRET] }, async () => {
	const now = new Date();
	const report = await deadlineReminderRun({ db: db(), now, appUrl: APP_URL.value(), secret: UNSUBSCRIBE_SECRET.value() });
	logger.info(`reminders at ${now.toISOString()}: ${report.length} ${report.length === 1 ? 'mail' : 'mails'} queued`, {
		mails: report.map((r) => ({ uid: r.uid, items: r.items, mailId: r.mailId }))
	});
});
