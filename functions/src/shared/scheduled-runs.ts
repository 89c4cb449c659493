// The two schedules' runs as plain functions, with the database, clock and settings passed in: the
// 2nd-gen schedules (send-deadline-reminders.ts, send-mention-digests.ts) call them with the real
// clock; the tests call them directly, since the emulator cannot fire 2nd-gen schedules (and
// `npm run reminders` runs the reminder job itself, reminder-job.ts).
import type { Firestore } from 'firebase-admin/firestore';
import { flushMentionsFor, pendingMentions } from './mention-digest';
import { runReminderJob, type ReminderReportEntry } from './reminder-job';
import { mentionQueueEntry, reminderRun } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** The daily reminder run: the job, then its record in reminderRuns (source schedule). */
export async function deadlineReminderRun(o: { db: Firestore; now: Date; appUrl: string; secret: string }): Promise<ReminderReportEntry[]> {
	const report = await runReminderJob(o);
	await o.db.collection(paths.reminderRuns()).add(reminderRun.parse({ at: o.now, source: 'schedule', queued: report.length }));
	return report;
}

export interface MentionDigestRunReport {
	people: number;
	mailed: number;
	failures: Array<{ uid: string; error: string }>;
}

/** Mails everyone whose mentions wait and whose window has passed; one person's failure does not hold up the rest. */
export async function mentionDigestRun(o: { db: Firestore; now: Date; appUrl: string }): Promise<MentionDigestRunReport> {
	const pending = await pendingMentions(o.db).get();
	const people = [...new Set(pending.docs.flatMap((d) => mentionQueueEntry.safeParse(d.data()).data?.uid ?? []))];
	const failures: MentionDigestRunReport['failures'] = [];
	let mailed = 0;
	// The next run retries whoever failed.
	for (const uid of people) {
		try {
			if (await flushMentionsFor(o.db, uid, o.now, o.appUrl)) mailed++;
		} catch (err) {
			failures.push({ uid, error: String(err) });
		}
	}
	return { people: people.length, mailed, failures };
}
