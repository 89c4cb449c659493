// recordAnswerHistory: every write of a questionnaire answer becomes one history entry per changed
// field (answer-history.ts answerChanges), credited to the answer's updatedBy. Document ids come from
// the event id (answerHistoryId), so a redelivered event rewrites the same entries. A side or an
// entry that does not parse is kept once in historyFailures (history-failures.ts), never thrown:
// the trigger runs with retry: true.
import { onDocumentWritten, type DocumentSnapshot } from 'firebase-functions/v2/firestore';
import { db } from '../shared/admin';
import { issuePaths, recordHistoryFailure } from '../shared/history-failures';
import { actorOf, touchMember } from '../shared/member-activity';
import { TRIGGER } from '../shared/options';
import { answerChanges, answerHistoryId } from '../../../src/lib/domain/answer-history';
import { answer, answerHistoryEntry, type Answer } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** An answer as stored: null when absent; the failing paths when it does not parse. */
function answerOf(snap: Pick<DocumentSnapshot, 'exists' | 'data'> | undefined): { answer: Answer | null } | { problems: string[] } {
	if (!snap?.exists) return { answer: null };
	const parsed = answer.safeParse(snap.data());
	return parsed.success ? { answer: parsed.data } : { problems: issuePaths(parsed.error.issues) };
}

export const recordAnswerHistory = onDocumentWritten(
	{ ...TRIGGER, document: paths.answer('{regionId}', '{year}', '{questionId}'), retry: true },
	async (event) => {
		const fs = db();
		const { regionId, year, questionId } = event.params;
		const path = paths.answer(regionId, year, questionId);
		const failed = (reason: 'invalid-answer' | 'invalid-entry', problems: string[]) =>
			recordHistoryFailure(fs, { trigger: 'recordAnswerHistory', path, reason, problems, eventId: event.id, at: new Date(event.time) });
		const beforeSide = answerOf(event.data?.before);
		const afterSide = answerOf(event.data?.after);
		if (!('answer' in beforeSide) || !('answer' in afterSide)) {
			const problems = [beforeSide, afterSide].flatMap((side, i) => ('problems' in side ? side.problems.map((p) => `${i === 0 ? 'before' : 'after'}.${p}`) : []));
			return failed('invalid-answer', problems);
		}
		const before = beforeSide.answer;
		const after = afterSide.answer;
		// Only a person's edit is history: the empty answers a plan is created with and a deletion name
		// nobody (no updatedBy) and are not recorded.
		if (!after?.updatedBy) return;
		const changes = answerChanges(before, after);
		if (changes.length === 0) return;
		const actor = await actorOf(fs, regionId, after.updatedBy);
		const at = after.updatedAt ?? new Date(event.time);
		const history = fs.collection(paths.answerHistory(regionId, year));
		const batch = fs.batch();
		const unrecorded: string[] = [];
		for (const c of changes) {
			const entry = answerHistoryEntry.safeParse({ questionId, field: c.field, old: c.old, new: c.new, by: actor.by, byName: actor.byName, orgId: actor.orgId, at, eventId: event.id });
			// A value of no answer type or a question id that is no id (only an Admin SDK write could store
			// one): that field's entry is left out and the event's failure names it; the rest is recorded.
			if (!entry.success) {
				unrecorded.push(...issuePaths(entry.error.issues).map((p) => `${c.field}:${p}`));
				continue;
			}
			batch.set(history.doc(answerHistoryId(event.id, questionId, c.field)), entry.data);
		}
		await batch.commit();
		if (unrecorded.length > 0) await failed('invalid-entry', unrecorded);
		await touchMember(fs, regionId, actor, at);
	}
);
