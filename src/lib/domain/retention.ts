// How long short-lived personal data is kept: the collection groups that carry an `expireAt` Timestamp,
// which Firestore's TTL policies (firestore.indexes.json) delete some time after it passes, and when
// each writer sets it. docs/data-protection.md explains the periods; the writers pass their clock in.
import { SIGN_IN_LIMIT } from './rate-limit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The field every TTL policy names; one per collection group (a Firestore limit). */
export const TTL_FIELD = 'expireAt';

/** Every collection group with a TTL policy; firestore.indexes.json must declare exactly these. */
export const TTL_COLLECTION_GROUPS = ['mail', 'rateLimits', 'mentionQueue', 'presence'] as const;
export type TtlCollectionGroup = (typeof TTL_COLLECTION_GROUPS)[number];

export const RETENTION = {
	/** An outbox mail (sign-in links inside): a week after it was queued is time enough to see a failure. */
	mail: 7 * DAY,
	/** A pending mention waits at most minutes for its digest; a month is the outer bound if the schedule stops. */
	mentionPending: 30 * DAY,
	/** A mailed mention is kept only so a redelivered comment event (retried for up to 7 days) does not mail it again. */
	mentionSent: 7 * DAY,
	/** A tab that stopped beating is ignored after two minutes (presence.ts); its document goes after an hour. */
	presence: HOUR
} as const;

/**
 * The latest expiry the rules accept on a presence document, counted from the server's time: the
 * browser's clock sets it, so an hour's period tolerates a clock up to 23 hours fast, and nobody can
 * keep a presence document longer than a day.
 */
export const PRESENCE_EXPIRY_MAX_HOURS = 24;

const after = (from: Date, ms: number) => new Date(from.getTime() + ms);

export const mailExpiry = (queuedAt: Date): Date => after(queuedAt, RETENTION.mail);
export const pendingMentionExpiry = (mentionedAt: Date): Date => after(mentionedAt, RETENTION.mentionPending);
export const sentMentionExpiry = (sentAt: Date): Date => after(sentAt, RETENTION.mentionSent);
export const presenceExpiry = (beatAt: Date): Date => after(beatAt, RETENTION.presence);

/** A rate-limit document is written at every request and useless once that request has left the window. */
export const rateLimitExpiry = (now: Date, windowMs = SIGN_IN_LIMIT.windowMs): Date => after(now, windowMs);
