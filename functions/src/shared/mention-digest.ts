// The mention queue and its digest mails, shared by the comment trigger (notifyMentions) and the
// schedule (sendMentionDigests): one person's pending mentions go out together in one outbox mail,
// at most once per 10 minutes (mention-batch.ts digestDue). The database, clock and app URL are passed in.
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { memberRef } from './callable';
import { enqueueMailIn } from './outbox';
import { digestDue, mentionDigestMail, type DigestMention } from '../../../src/lib/domain/mention-batch';
import { sentMentionExpiry } from '../../../src/lib/domain/retention';
import { comment, member, mentionMailState, mentionQueueEntry, region, type Member, type MentionQueueEntry } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export const MENTION_DIGEST_KIND = 'mention-digest';

/** mentionQueue/{regionId~year~commentId~uid}: one document per person and comment, so a redelivered event finds it. */
export const mentionQueueId = (e: Pick<MentionQueueEntry, 'regionId' | 'year' | 'commentId' | 'uid'>) => `${e.regionId}~${e.year}~${e.commentId}~${e.uid}`;

export const pendingMentions = (db: Firestore) => db.collection(paths.mentionQueue()).where('state', '==', 'pending');

const commentRef = (db: Firestore, e: Pick<MentionQueueEntry, 'regionId' | 'year' | 'commentId'>) =>
	db.doc(paths.comment(e.regionId, e.year, e.commentId));

export interface FlushResult {
	mailId: string;
	/** The queue document ids mailed. */
	entries: string[];
}

/**
 * Mails one person's pending mentions if their digest is due, in ONE transaction: reads their
 * mentionMail state, pending queue entries, the comments (a deleted comment is not mailed: its
 * entry is dropped), their membership and the regions; then queues the outbox mail, marks the
 * entries sent with its id and records the time. Two flushes at once therefore mail each mention
 * once, and the second finds the window closed. Null when nothing was mailed.
 */
export async function flushMentionsFor(db: Firestore, uid: string, now: Date, appUrl: string): Promise<FlushResult | null> {
	const stateRef = db.doc(paths.mentionMailState(uid));
	return db.runTransaction(async (tx) => {
		const [stateSnap, pendingSnap] = await Promise.all([tx.get(stateRef), tx.get(pendingMentions(db).where('uid', '==', uid))]);
		if (pendingSnap.empty) return null;
		const state = mentionMailState.safeParse(stateSnap.data());
		if (!digestDue(state.success ? state.data.lastSentAt : null, now)) return null;

		// An entry that does not parse can never be mailed; it is dropped rather than re-read by every run.
		const dropped: DocumentReference[] = [];
		const queued = pendingSnap.docs.flatMap((d) => {
			const e = mentionQueueEntry.safeParse(d.data());
			if (!e.success) dropped.push(d.ref);
			return e.success ? [{ ref: d.ref, entry: e.data }] : [];
		});
		if (queued.length === 0) {
			for (const ref of dropped) tx.delete(ref);
			return null;
		}
		const regionIds = [...new Set(queued.map((q) => q.entry.regionId))];
		const [comments, memberSnaps, regionSnaps] = await Promise.all([
			tx.getAll(...queued.map((q) => commentRef(db, q.entry))),
			tx.getAll(...regionIds.map((r) => memberRef(db, r, uid))),
			tx.getAll(...regionIds.map((r) => db.doc(paths.region(r))))
		]);
		const membership = new Map<string, Member>();
		const regionNames = new Map<string, string>();
		regionIds.forEach((r, i) => {
			const m = member.safeParse(memberSnaps[i].data());
			if (m.success && m.data.status === 'active') membership.set(r, m.data);
			regionNames.set(r, region.safeParse(regionSnaps[i].data()).data?.name ?? r);
		});

		// A mention whose comment is gone, no longer names the person (edited since), or is in a region
		// the person has left, is not mailed; the comment's text is mailed as it is now.
		const mailed: typeof queued = [];
		const current = new Map<string, string>();
		queued.forEach((q, i) => {
			const c = comment.safeParse(comments[i].data());
			if (c.success && c.data.mentions.includes(uid) && membership.has(q.entry.regionId)) {
				mailed.push(q);
				current.set(q.ref.id, c.data.text);
			} else dropped.push(q.ref);
		});
		for (const ref of dropped) tx.delete(ref);
		const recipient = mailed.length > 0 ? membership.get(mailed[0].entry.regionId) : undefined;
		if (!recipient) return null;

		const mentions: DigestMention[] = mailed.map(({ entry: e }) => ({
			regionId: e.regionId,
			regionName: regionNames.get(e.regionId) ?? e.regionId,
			year: e.year,
			rowId: e.rowId,
			threadId: e.threadId,
			authorName: e.authorName,
			text: current.get(mentionQueueId(e)) ?? e.text,
			at: e.createdAt
		}));
		const mailId = enqueueMailIn(tx, db, { ...mentionDigestMail({ name: recipient.name, appUrl, mentions }), to: [recipient.email], kind: MENTION_DIGEST_KIND, queuedAt: now });
		for (const { ref, entry } of mailed) tx.set(ref, mentionQueueEntry.parse({ ...entry, state: 'sent', mailId, expireAt: sentMentionExpiry(now) }));
		tx.set(stateRef, mentionMailState.parse({ lastSentAt: now }));
		return { mailId, entries: mailed.map((q) => q.ref.id) };
	});
}
