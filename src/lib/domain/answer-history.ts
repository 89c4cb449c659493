// What an answer write means for its history: per changed answer field the old and the new value.
// The trigger that records it (recordAnswerHistory) and any view of an answer's history share it.
import type { Answer } from './schemas';

export interface AnswerChange {
	field: string;
	/** The stored values as they were and are (null = absent); the trigger parses them into an entry. */
	old: unknown;
	new: unknown;
}

/** A value with its object keys sorted, so two people lists compare equal whatever order Firestore gives their keys. */
export function canonical(v: unknown): string {
	return JSON.stringify(v, (_key, value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: value
	);
}

/** The fields that differ between two states of one answer document (null = absent), by key. */
export function answerChanges(before: Pick<Answer, 'fields'> | null, after: Pick<Answer, 'fields'> | null): AnswerChange[] {
	const b = before?.fields ?? {};
	const a = after?.fields ?? {};
	const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
	const out: AnswerChange[] = [];
	for (const field of keys) {
		const o = b[field];
		const n = a[field];
		if (o !== undefined && n !== undefined && canonical(o) === canonical(n)) continue;
		out.push({ field, old: o ?? null, new: n ?? null });
	}
	return out;
}

/** The history document id of one change: derived from the event, so a redelivered event writes the same document. */
export function answerHistoryId(eventId: string, questionId: string, field: string): string {
	return [eventId, questionId, field].map((part) => part.replace(/[^A-Za-z0-9_-]/g, '_')).join('~');
}
