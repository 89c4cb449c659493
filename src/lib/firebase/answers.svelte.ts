// regions/{regionId}/years/{year}/answers/{questionId}: the year's answers to the follow-up questions,
// read live and edited one field per write with its next revision (the rules' isAnswerEdit).
import { collection, doc, FieldPath, getDoc, getDocFromServer, getDocs, serverTimestamp, updateDoc } from 'firebase/firestore';
import { answer, type Answer } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(answer);
const answersOf = (regionId: string, year: string) => collection(db(), paths.answers(regionId, year)).withConverter(converter);
const answerRef = (regionId: string, year: string, questionId: string) => doc(db(), paths.answer(regionId, year, questionId));

export async function getAnswers(regionId: string, year: string): Promise<Map<string, Answer>> {
	const snap = await getDocs(answersOf(regionId, year));
	return new Map(snap.docs.map((d) => [d.id, d.data()]));
}

/** The server's copy of one answer (after a refused write: did the revision move on?). */
export async function getAnswerFromServer(regionId: string, year: string, questionId: string): Promise<Answer | null> {
	const snap = await getDocFromServer(answerRef(regionId, year, questionId).withConverter(converter));
	return snap.exists() ? snap.data() : null;
}

export async function getAnswer(regionId: string, year: string, questionId: string): Promise<Answer | null> {
	const snap = await getDoc(answerRef(regionId, year, questionId).withConverter(converter));
	return snap.exists() ? snap.data() : null;
}

export class LiveAnswers extends LiveQuery<Answer> {
	constructor(regionId: string, year: string) {
		super(answersOf(regionId, year), 'answers-denied', `answers of ${regionId}/${year}`);
	}
}

export interface AnswerEdit {
	questionId: string;
	key: string;
	/** The revision the field had when editing started. */
	baseRev: number;
	value: unknown;
}

/** One answer field, one write: the value, its next revision, the writer and the server time. */
export function writeAnswer(regionId: string, year: string, edit: AnswerEdit, uid: string): Promise<void> {
	return updateDoc(
		answerRef(regionId, year, edit.questionId),
		new FieldPath('fields', edit.key),
		edit.value,
		new FieldPath('revs', edit.key),
		edit.baseRev + 1,
		'updatedBy',
		uid,
		'updatedAt',
		serverTimestamp()
	);
}
