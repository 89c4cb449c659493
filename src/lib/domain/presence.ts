// Presence is a heartbeat with a short expiry (Firestore has no onDisconnect): how often to beat,
// when someone counts as gone, and who is in which cell.
import type { AnswerRef, CellRef, Presence } from './schemas';

/** Every heartbeat is read by everyone in the plan: one a minute keeps that cheap. */
export const HEARTBEAT_MS = 60_000;
/** A tab that stopped beating without a clean leave disappears within two minutes. */
export const PRESENCE_TTL_MS = 110_000;

export function isPresent(p: Pick<Presence, 'lastSeen'>, now: Date): boolean {
	return now.getTime() - p.lastSeen.getTime() < PRESENCE_TTL_MS;
}

export interface PresentPerson {
	uid: string;
	name: string;
	orgId: string;
	cell: CellRef | null;
	answer: AnswerRef | null;
}

export function presentPeople(docs: Array<{ uid: string; data: Presence }>, now: Date, selfUid?: string): PresentPerson[] {
	return docs
		.filter((d) => isPresent(d.data, now))
		.map((d) => ({ uid: d.uid, name: d.data.name, orgId: d.data.orgId, cell: d.data.cell, answer: d.data.answer }))
		.sort((a, b) => (a.uid === selfUid ? -1 : b.uid === selfUid ? 1 : a.name.localeCompare(b.name, 'sv')));
}

export function editorsOf(people: PresentPerson[], cell: CellRef, selfUid?: string): PresentPerson[] {
	return people.filter((p) => p.uid !== selfUid && p.cell?.rowId === cell.rowId && p.cell.field === cell.field);
}

/** Who else is in one answer field of the questionnaire. */
export function answerEditorsOf(people: PresentPerson[], ref: AnswerRef, selfUid?: string): PresentPerson[] {
	return people.filter((p) => p.uid !== selfUid && p.answer?.questionId === ref.questionId && p.answer.field === ref.field);
}
