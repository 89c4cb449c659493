// mailMinutes({ regionId, year, meetingId }): a coordinator mails an ended meeting's minutes to the
// people who took part — one Swedish mail each (minutes-report.ts minutesMail, the catalogue's words)
// to every participant still an active member, through the outbox. The minutes are read as
// exportMinutes reads them (minutes-data.ts); one transaction counts the request against the
// meeting's rate limit and queues the mails, so a refused request mails nobody.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, requireMay } from '../shared/callable';
import { enqueueMailIn } from '../shared/outbox';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { InvalidDocument, invalidDocumentError, InvalidRow, invalidRowError } from '../shared/plan-rows';
import { loadMinutes, type LoadedMinutes } from '../shared/minutes-data';
import { minutesMail, minutesRequest } from '../../../src/lib/domain/minutes-report';
import { MINUTES_MAIL_LIMIT, rateLimit } from '../../../src/lib/domain/rate-limit';
import { rateLimitExpiry } from '../../../src/lib/domain/retention';
import { swedishDate } from '../../../src/lib/domain/deadline';
import { planLink } from '../../../src/lib/domain/reminders';
import { paths } from '../../../src/lib/domain/paths';
import * as sv from '../../../src/lib/i18n/sv';

const times = (v: unknown): number[] => (Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number') : []);

/** The participants' addresses: each one's active membership's, once, sorted. */
function recipients(data: LoadedMinutes): string[] {
	const to = data.participantUids.flatMap((uid) => {
		const m = data.members.get(uid);
		return m && m.status === 'active' ? [m.email] : [];
	});
	return [...new Set(to)].sort();
}

function mailIn(fs: Firestore, input: { regionId: string; year: string; meetingId: string; now: Date; data: LoadedMinutes; appUrl: string }): Promise<{ ok: true; sent: number } | { ok: false }> {
	const { regionId, year, meetingId, now, data, appUrl } = input;
	const limiter = fs.doc(paths.rateLimit(`minutes-mail-${regionId}-${year}-${meetingId}`));
	const to = recipients(data);
	return fs.runTransaction(async (tx) => {
		const limit = rateLimit(times((await tx.get(limiter)).get('times')), now, MINUTES_MAIL_LIMIT);
		if (!limit.allowed) return { ok: false as const };
		const content = minutesMail(data.report, {
			words: sv.minutes,
			year,
			regionName: data.regionName,
			date: swedishDate(data.meeting.startedAt),
			leaderName: data.meeting.leaderName,
			planUrl: planLink(appUrl, regionId, year)
		});
		// One mail per person: no participant sees the others' addresses.
		for (const address of to) enqueueMailIn(tx, fs, { ...content, to: [address], kind: 'minutes', queuedAt: now });
		if (to.length > 0) tx.set(limiter, { times: limit.kept, expireAt: rateLimitExpiry(now, MINUTES_MAIL_LIMIT.windowMs) });
		return { ok: true as const, sent: to.length };
	});
}

export const mailMinutes = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, year, meetingId } = parseInput(minutesRequest, request.data);
	await requireMay(db(), uid, regionId, 'mail-minutes');
	const now = new Date();
	let data: LoadedMinutes | null;
	try {
		data = await loadMinutes(db(), { regionId, year, meetingId, now });
	} catch (e) {
		if (e instanceof InvalidRow) throw invalidRowError(e);
		if (e instanceof InvalidDocument) throw invalidDocumentError(e);
		throw e;
	}
	if (!data) throw new HttpsError('not-found', 'meeting-not-found', { reason: 'meeting-not-found' });
	// The minutes of a meeting still running are not finished: they are mailed once it has ended.
	if (data.meeting.endedAt === null) throw new HttpsError('failed-precondition', 'meeting-running', { reason: 'meeting-running' });
	const outcome = await mailIn(db(), { regionId, year, meetingId, now, data, appUrl: APP_URL.value() });
	if (!outcome.ok) throw new HttpsError('resource-exhausted', 'too-many-requests', { reason: 'too-many-requests' });
	return { ok: true, sent: outcome.sent };
});
