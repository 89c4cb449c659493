// recordRowHistory: every write of a row becomes history entries (history.ts rowChanges), one per
// changed field plus creation, move and deletion, each attributed to the person who made it.
// Document ids come from the event id (history.ts historyId), so a redelivered event rewrites the same entries.
// A write it cannot record (a row id or a side that does not parse, an entry that would not) is kept
// once in historyFailures (history-failures.ts) and the handler returns: with retry: true a throw
// would be retried for days.
import { onDocumentWrittenWithAuthContext, type DocumentSnapshot } from 'firebase-functions/v2/firestore';
import type { Firestore } from 'firebase-admin/firestore';
import { db } from '../shared/admin';
import { issuePaths, recordHistoryFailure } from '../shared/history-failures';
import { actorOf, memberActor, touchMember, type Actor } from '../shared/member-activity';
import { TRIGGER } from '../shared/options';
import { historyId, rowChanges } from '../../../src/lib/domain/history';
import { historyEntry, id, storedRow, type HistoryEntry, type Row } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** A row as stored: null when absent; the failing paths when it does not parse. */
function rowOf(snap: Pick<DocumentSnapshot, 'exists' | 'data'> | undefined): { row: Row | null } | { problems: string[] } {
	if (!snap?.exists) return { row: null };
	const parsed = storedRow.safeParse(snap.data());
	return parsed.success ? { row: parsed.data } : { problems: issuePaths(parsed.error.issues) };
}

/**
 * Who deleted a row: a delete leaves no updatedBy behind, so the event's auth context names the user.
 * Only a member of the region may delete (firestore.rules), so an auth id that is not one — an Admin
 * SDK delete, or the Emulator Suite's placeholder principal — is not a person: the row's last
 * writer stands in.
 */
async function deleterOf(fs: Firestore, regionId: string, authId: string | undefined, lastWriter: string): Promise<Actor> {
	const deleter = authId ? await memberActor(fs, regionId, authId) : null;
	return deleter ?? actorOf(fs, regionId, lastWriter);
}

/**
 * When a row was deleted: the event's time, but never at or before the row's last write — the
 * Emulator Suite gives event times in whole seconds, which would sort a deletion before the edit
 * it follows. Derived from the event only, so a redelivery writes the same time.
 */
function deletedAt(eventTime: Date, lastWrite: Date): Date {
	return eventTime.getTime() > lastWrite.getTime() ? eventTime : new Date(lastWrite.getTime() + 1);
}

export const recordRowHistory = onDocumentWrittenWithAuthContext(
	{ ...TRIGGER, document: paths.row('{regionId}', '{year}', '{rowId}'), retry: true },
	async (event) => {
		const fs = db();
		const { regionId, year, rowId } = event.params;
		const path = paths.row(regionId, year, rowId);
		const failed = (reason: 'invalid-row-id' | 'invalid-row' | 'invalid-entry', problems: string[]) =>
			recordHistoryFailure(fs, { trigger: 'recordRowHistory', path, reason, problems, eventId: event.id, at: new Date(event.time) });
		// Entries name the row by its id: a row under an id that is not one has no history to be in.
		if (!id.safeParse(rowId).success) return failed('invalid-row-id', ['id']);
		const beforeSide = rowOf(event.data?.before);
		const afterSide = rowOf(event.data?.after);
		// A side that does not parse is not guessed at: recording it as absent would invent a create or delete.
		if (!('row' in beforeSide) || !('row' in afterSide)) {
			const problems = [beforeSide, afterSide].flatMap((side, i) => ('problems' in side ? side.problems.map((p) => `${i === 0 ? 'before' : 'after'}.${p}`) : []));
			return failed('invalid-row', problems);
		}
		const before = beforeSide.row;
		const after = afterSide.row;
		const changes = rowChanges(before, after);
		const last = after ?? before;
		if (changes.length === 0 || !last) return;
		const actor = after ? await actorOf(fs, regionId, after.updatedBy) : await deleterOf(fs, regionId, event.authId, last.updatedBy);
		const at = after?.updatedAt ?? deletedAt(new Date(event.time), last.updatedAt);
		const entries: HistoryEntry[] = [];
		for (const c of changes) {
			const entry = historyEntry.safeParse({ rowId, kind: c.kind, field: c.field, old: c.old, new: c.new, by: actor.by, byName: actor.byName, orgId: actor.orgId, area: last.area, at, eventId: event.id });
			// A writer uid no entry can name (an Admin SDK write could store one): none of the event's entries, one failure.
			if (!entry.success) return failed('invalid-entry', issuePaths(entry.error.issues));
			entries.push(entry.data);
		}
		const history = fs.collection(paths.history(regionId, year));
		const batch = fs.batch();
		changes.forEach((c, i) => batch.set(history.doc(historyId(event.id, c)), entries[i]));
		await batch.commit();
		// A deletion is preceded by the deleter's stamp on the row; a delete event alone (a wiped
		// database, a removed year) is no one's activity.
		if (after) await touchMember(fs, regionId, actor, at);
	}
);
