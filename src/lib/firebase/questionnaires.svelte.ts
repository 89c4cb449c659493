// questionnaires/{questionnaireId}: the follow-up questions of a year, data like a template; any
// signed-in person reads, only functions and the seed write.
import { doc, getDoc } from 'firebase/firestore';
import { questionnaire, type Questionnaire } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(questionnaire);
const questionnaireRef = (id: string) => doc(db(), paths.questionnaire(id)).withConverter(converter);

export async function getQuestionnaire(id: string): Promise<Questionnaire | null> {
	const snap = await getDoc(questionnaireRef(id));
	return snap.exists() ? snap.data() : null;
}

export class LiveQuestionnaire extends LiveDoc<Questionnaire> {
	constructor(id: string) {
		super(questionnaireRef(id), 'generic');
	}
}
