// notifyMentions: on every write of a comment, queues one mentionQueue entry per member it newly
// mentions (mention-batch.ts newMentions; never the author, never a non-member) and flushes each of
// them (mention-digest.ts); a deleted comment takes its still-pending entries with it.
import { logger } from 'firebase-functions';
import { onDocumentWritten, type DocumentSnapshot } from 'firebase-functions/v2/firestore';
import type { Firestore } from 'firebase-admin/firestore';
import { db } from '../shared/admin';
import { memberRef } from '../shared/callable';
import { flushMentionsFor, mentionQueueId, pendingMentions } from '../shared/mention-digest';
import { TRIGGER } from '../shared/options';
import { APP_URL } from '../shared/params';
import { newMentions } from '../../../src/lib/domain/mention-batch';
import { pendingMentionExpiry } from '../../../src/lib/domain/retention';
import { comment, member, mentionQueueEntry, type Comment, type MentionQueueEntry } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

const ALREADY_EXISTS = 6;

/** A comment as stored: null when absent, undefined when it does not parse (logged). */
function commentOf(snap: Pick<DocumentSnapshot, 'exists' | 'data'> | undefined, path: string): Comment | null | undefined {
	if (!snap?.exists) return null;
	const parsed = comment.safeParse(snap.data());
	if (parsed.success) return parsed.data;
	logger.warn(`mentions: unparsable comment at ${path}`, { issues: parsed.error.issues });
	return undefined;
}

/** Deletes the comment's entries that have not been mailed yet, in a transaction so a flush cannot mail one meanwhile. */
async function unqueue(fs: Firestore, regionId: string, year: string, commentId: string): Promise<void> {
	await fs.runTransaction(async (tx) => {
		const pending = await tx.get(pendingMentions(fs).where('commentId', '==', commentId));
		for (const d of pending.docs) {
			const e = mentionQueueEntry.safeParse(d.data());
			if (!e.success || (e.data.regionId === regionId && e.data.year === year)) tx.delete(d.ref);
		}
	});
}

/** Queues one mention unless it is already queued or sent (a redelivered event); false for a non-member or an invitee who has not signed in. */
async function enqueue(fs: Firestore, entry: MentionQueueEntry): Promise<boolean> {
	const m = member.safeParse((await memberRef(fs, entry.regionId, entry.uid).get()).data());
	if (!m.success || m.data.status !== 'active') return false;
	try {
		await fs.doc(paths.mentionQueueEntry(mentionQueueId(entry))).create(entry);
	} catch (err) {
		if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err;
	}
	return true;
}

export const notifyMentions = onDocumentWritten(
	{ ...TRIGGER, document: paths.comment('{regionId}', '{year}', '{commentId}'), retry: true },
	async (event) => {
		const fs = db();
		const { regionId, year, commentId } = event.params;
		const path = paths.comment(regionId, year, commentId);
		const before = commentOf(event.data?.before, path);
		const after = commentOf(event.data?.after, path);
		if (before === undefined || after === undefined) return;
		if (!after) return unqueue(fs, regionId, year, commentId);

		const mentioned = newMentions(before, after, after.authorUid);
		const queued: string[] = [];
		for (const uid of mentioned) {
			const mentionedAt = after.editedAt ?? after.createdAt;
			const entry = mentionQueueEntry.safeParse({
				uid,
				regionId,
				year,
				commentId,
				threadId: after.parentId ?? commentId,
				rowId: after.rowId,
				authorName: after.authorName,
				text: after.text,
				createdAt: mentionedAt,
				state: 'pending',
				mailId: null,
				// From the comment's own time, so a redelivered event writes the same entry.
				expireAt: pendingMentionExpiry(mentionedAt)
			});
			if (!entry.success) {
				logger.warn(`mentions: cannot queue ${uid} for ${path}`, { issues: entry.error.issues });
				continue;
			}
			if (await enqueue(fs, entry.data)) queued.push(uid);
		}
		const now = new Date();
		for (const uid of queued) await flushMentionsFor(fs, uid, now, APP_URL.value());
	}
);
