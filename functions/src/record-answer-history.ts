// recordAnswerHistory: every write of a questionnaire answer becomes one history entry per changed
// field (answer-history.ts answerChanges), credited to the answer's updatedBy. Document ids come from
// the event id (answerHistoryId), so a redelivered event rewrites the same entries.
import { logger } from 'firebase-functions';
import { onDocumentWritten, type DocumentSnapshot } from 'firebase-functions/v2/firestore';
import { db } from './admin';
import { actorOf, touchMember } from './member-activity';
import { REGION } from './params';
import { answerChanges, answerHistoryId } from '../../src/lib/domain/answer-history';
import { answer, answerHistoryEntry, type Answer } from '../../src/lib/domain/schemas';

/** An answer as stored: null when absent, undefined when it does not parse (logged). */
function answerOf(snap: Pick<DocumentSnapshot, 'exists' | 'data'> | undefined, path: string): Answer | null | undefined {
	if (!snap?.exists) return null;
	const parsed = answer.safeParse(snap.data());
	if (parsed.success) return parsed.data;
	logger.warn(`answer history: unparsable answer at ${path}, not recorded`, { issues: parsed.error.issues });
	return undefined;
}

export const recordAnswerHistory = onDocumentWritten(
	{ document: 'regions/{regionId}/years/{year}/answers/{questionId}', region: REGION, retry: true },
	async (event) => {
		const fs = db();
		const { regionId, year, questionId } = event.params;
		const path = `regions/${regionId}/years/${year}/answers/${questionId}`;
		const before = answerOf(event.data?.before, path);
		const after = answerOf(event.data?.after, path);
		// Only a person's edit is history: the empty answers a plan is created with, a deletion and an
		// unparsable side name nobody (no updatedBy) and are not recorded.
		if (before === undefined || !after?.updatedBy) return;
		const changes = answerChanges(before, after);
		if (changes.length === 0) return;
		const actor = await actorOf(fs, regionId, after.updatedBy);
		const at = after.updatedAt ?? new Date(event.time);
		const history = fs.collection('regions').doc(regionId).collection('years').doc(year).collection('answerHistory');
		const batch = fs.batch();
		for (const c of changes) {
			const entry = answerHistoryEntry.safeParse({ questionId, field: c.field, old: c.old, new: c.new, by: actor.by, byName: actor.byName, orgId: actor.orgId, at, eventId: event.id });
			// A value of no answer type (only an Admin SDK write could store one) is logged, not retried forever.
			if (!entry.success) {
				logger.warn(`answer history: ${path} ${c.field} not recorded`, { issues: entry.error.issues });
				continue;
			}
			batch.set(history.doc(answerHistoryId(event.id, questionId, c.field)), entry.data);
		}
		await batch.commit();
		await touchMember(fs, regionId, actor, at);
	}
);
