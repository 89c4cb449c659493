// regions/{regionId}/years/{year}/answerHistory/{id}: every change of every answer field, written by
// the recordAnswerHistory trigger; browsers only read it, one question at a time.
import { collection, getDocs, orderBy, query, where } from 'firebase/firestore';
import { answerHistoryEntry, type AnswerHistoryEntry } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(answerHistoryEntry);
const questionQuery = (regionId: string, year: string, questionId: string) =>
	query(
		collection(db(), paths.answerHistory(regionId, year)).withConverter(converter),
		where('questionId', '==', questionId),
		orderBy('at', 'desc')
	);

export async function getQuestionHistory(regionId: string, year: string, questionId: string): Promise<Array<{ id: string; data: AnswerHistoryEntry }>> {
	const snap = await getDocs(questionQuery(regionId, year, questionId));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

/** One question's changes, newest first, live. */
export class LiveQuestionHistory extends LiveQuery<AnswerHistoryEntry> {
	constructor(regionId: string, year: string, questionId: string) {
		super(questionQuery(regionId, year, questionId), 'history-denied', `answer history of ${regionId}/${year}/${questionId}`);
	}
}
