// historyFailures/{eventId}: the one record of a write the history triggers cannot turn into history
// (a row id or a document that does not parse). The triggers run with retry: true, so they never
// throw for such an event (it would be retried for days); they record it here and return. Keyed by
// the event id, so a redelivered event rewrites the same document: once per event.
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { historyFailure, type HistoryFailure } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export async function recordHistoryFailure(fs: Firestore, failure: HistoryFailure): Promise<void> {
	const data = historyFailure.parse(failure);
	logger.warn(`${data.trigger}: ${data.path} not recorded (${data.reason}: ${data.problems.join(', ')})`, { eventId: data.eventId });
	await fs.doc(paths.historyFailure(data.eventId)).set(data);
}

/** Zod issue paths as the failure names them: 'position', 'fields.action'. */
export const issuePaths = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string[] => [
	...new Set(issues.map((i) => i.path.map(String).join('.') || 'document'))
];
