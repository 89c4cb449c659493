// sendMentionDigests: every 2 minutes, mails everyone whose mentions wait in the queue and whose
// 10-minute window has passed (mention-digest.ts), with the clock read here, at the edge. A 1st-gen
// Pub/Sub schedule like sendDeadlineReminders, so publishing to its topic runs it in the Emulator Suite.
import { logger } from 'firebase-functions';
import * as v1 from 'firebase-functions/v1';
import { db } from './admin';
import { flushMentionsFor, pendingMentions } from './mention-digest';
import { APP_URL, REGION } from './params';
import { mentionQueueEntry } from '../../src/lib/domain/schemas';

export const MENTION_SCHEDULE = 'every 2 minutes';
export const MENTION_SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

export const sendMentionDigests = v1
	.region(REGION)
	.pubsub.schedule(MENTION_SCHEDULE)
	.timeZone(MENTION_SCHEDULE_TIME_ZONE)
	.onRun(async () => {
		const now = new Date();
		const fs = db();
		const pending = await pendingMentions(fs).get();
		const people = [...new Set(pending.docs.flatMap((d) => mentionQueueEntry.safeParse(d.data()).data?.uid ?? []))];
		const failures: Array<{ uid: string; error: string }> = [];
		let mailed = 0;
		// One person's failure must not keep the others' mentions waiting; the next run retries it.
		for (const uid of people) {
			try {
				if (await flushMentionsFor(fs, uid, now, APP_URL.value())) mailed++;
			} catch (err) {
				failures.push({ uid, error: String(err) });
			}
		}
		logger.info(`mention digests at ${now.toISOString()}: ${mailed} of ${people.length} waiting ${people.length === 1 ? 'person' : 'people'} mailed`, { failures });
		if (failures.length > 0) throw new Error(`mention digests failed for ${failures.map((f) => f.uid).join(', ')}`);
	});
