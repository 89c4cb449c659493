// The follow-up questionnaire: questionnaires (read by everyone signed in, written by functions),
// the answers of a region-year (one document per question, edited one field at a time with its next
// revision while the year is open, like a row's cells; created and deleted by nobody in a browser)
// and the answer history (read by the region's readers, written by the trigger).
// Fixture on top of the shared one, written with the rules disabled before every test: questionnaire
// rsp-fragor (seed/questionnaires), every year on it, an answer document per question and year, and
// one answer history entry per year. Unless a test says otherwise the writer is `editor` of JH in 2023.
import { beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import {
	collection,
	deleteDoc,
	deleteField,
	doc,
	FieldPath,
	getDoc,
	getDocs,
	serverTimestamp,
	setDoc,
	updateDoc,
	writeBatch,
	type Firestore
} from 'firebase/firestore';
import { ACTORS, JH, REGIONS, SEEDED_AT, VN, YEARS, useRulesSuite, yearRef, type Actor, type MatrixActor, type RegionId } from '../support/rules-env';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { questionnaire } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();

const QUESTIONNAIRE_ID = 'rsp-fragor';
const QUESTIONNAIRE = questionnaire.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../seed/questionnaires/rsp-fragor.json'), 'utf8')));
const Q1 = 'q1-efterfragan';
/** Q1 of every year has two stored fields, with revisions 2 and 1. */
const STORED = {
	fields: { 'dagligvaror-trend': 'okar', 'dagligvaror-comment': 'Fler ansökningar.' },
	revs: { 'dagligvaror-trend': 2, 'dagligvaror-comment': 1 }
};
const HISTORY_ID = 'answer-event-1';

beforeEach(async () => {
	await suite.admin(async (db) => {
		const batch = writeBatch(db);
		batch.set(doc(db, paths.questionnaire(QUESTIONNAIRE_ID)), QUESTIONNAIRE);
		for (const regionId of REGIONS) {
			for (const year of YEARS) {
				batch.update(yearRef(db, regionId, year), { questionnaireId: QUESTIONNAIRE_ID });
				for (const q of QUESTIONNAIRE.questions) {
					const stored = q.id === Q1 ? { ...STORED, updatedBy: 'coord', updatedAt: SEEDED_AT } : { fields: {}, revs: {}, updatedBy: null, updatedAt: null };
					batch.set(answerRef(db, regionId, year, q.id), stored);
				}
				batch.set(doc(db, paths.answerHistoryEntry(regionId, String(year), HISTORY_ID)), {
					questionId: Q1,
					field: 'dagligvaror-trend',
					old: null,
					new: 'okar',
					by: 'coord',
					byName: 'Malin Samordnare',
					orgId: 'region-jh',
					at: SEEDED_AT,
					eventId: 'answer-event'
				});
			}
		}
		await batch.commit();
	});
});

function answerRef(db: Firestore, regionId: RegionId, year: number, questionId: string) {
	return doc(db, paths.answer(regionId, String(year), questionId));
}

/** One answer field, as the browser writes it (answers.svelte.ts writeAnswer): field paths, since keys hold "-". */
function writeAnswer(
	actor: Actor,
	{ regionId = JH, year = 2023, questionId = Q1, key, value, rev, by = actor, at = serverTimestamp() as unknown }: {
		regionId?: RegionId;
		year?: number;
		questionId?: string;
		key: string;
		value: unknown;
		rev: number;
		by?: string;
		at?: unknown;
	}
) {
	return updateDoc(answerRef(suite.as(actor), regionId, year, questionId), new FieldPath('fields', key), value, new FieldPath('revs', key), rev, 'updatedBy', by, 'updatedAt', at);
}

const WHO: Record<MatrixActor, string> = {
	coord: 'a coordinator',
	editor: 'an editor',
	reader: 'a staff reader',
	coordVN: "another region's coordinator",
	stranger: 'a signed-in non-member',
	anonymous: 'an anonymous visitor'
};

describe('questionnaires', () => {
	for (const actor of ACTORS.filter((a) => a !== 'anonymous')) {
		it(`${WHO[actor]} may read and list the questionnaires`, async () => {
			const db = suite.as(actor);
			await assertSucceeds(getDoc(doc(db, paths.questionnaire(QUESTIONNAIRE_ID))));
			await assertSucceeds(getDocs(collection(db, paths.questionnaires())));
		});
	}

	it('an anonymous visitor may not read a questionnaire', async () => {
		await assertFails(getDoc(doc(suite.as('anonymous'), paths.questionnaire(QUESTIONNAIRE_ID))));
	});

	it('a coordinator may not change a question', async () => {
		await assertFails(updateDoc(doc(suite.as('coord'), paths.questionnaire(QUESTIONNAIRE_ID)), { published: false }));
	});

	it('a coordinator may not add a questionnaire', async () => {
		await assertFails(setDoc(doc(suite.as('coord'), paths.questionnaire('egna-fragor')), { ...QUESTIONNAIRE, name: 'Egna frågor' }));
	});

	it('a staff reader may not delete a questionnaire', async () => {
		await assertFails(deleteDoc(doc(suite.as('reader'), paths.questionnaire(QUESTIONNAIRE_ID))));
	});
});

describe('reading answers', () => {
	it("a coordinator may list their region's answers", async () => {
		const snap = await assertSucceeds(getDocs(collection(suite.as('coord'), paths.answers(JH, '2023'))));
		expect(snap.size).toBe(QUESTIONNAIRE.questions.length);
	});

	it('an editor may read an answer of their region', async () => {
		await assertSucceeds(getDoc(answerRef(suite.as('editor'), JH, 2024, Q1)));
	});

	it("a staff reader may read every region's answers", async () => {
		await assertSucceeds(getDocs(collection(suite.as('reader'), paths.answers(JH, '2023'))));
		await assertSucceeds(getDoc(answerRef(suite.as('reader'), VN, 2024, Q1)));
	});

	it("another region's coordinator may not read Jämtland Härjedalen's answers", async () => {
		await assertFails(getDoc(answerRef(suite.as('coordVN'), JH, 2023, Q1)));
		await assertFails(getDocs(collection(suite.as('coordVN'), paths.answers(JH, '2023'))));
	});

	it('a signed-in non-member may not read an answer', async () => {
		await assertFails(getDoc(answerRef(suite.as('stranger'), JH, 2023, Q1)));
	});

	it('an anonymous visitor may not read an answer', async () => {
		await assertFails(getDoc(answerRef(suite.as('anonymous'), JH, 2023, Q1)));
	});
});

describe('accepted answer edits', () => {
	const valid: [what: string, questionId: string, key: string, value: unknown][] = [
		['a trend', Q1, 'drivmedel-trend', 'minskar'],
		['the trend "oforandrad"', Q1, 'servicebidrag-trend', 'oforandrad'],
		['an empty trend', Q1, 'driftstod-trend', ''],
		['a comment', Q1, 'hemsandning-comment', 'Stabil nivå i länets kommuner.'],
		['a text answer', 'q2-framtidsspaning', 'text', 'Stort fokus på semiobemannat.'],
		['a text of 10,000 characters', 'q5-genomforande', 'text', 'å'.repeat(10_000)],
		['the people of a role', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: 0.1 }, { name: 'Ville Welin', share: 0.1 }]],
		['10 people (schemas.ts MAX_PEOPLE)', 'q3-personalresurser', 'stodhandlaggning-people', Array.from({ length: 10 }, (_, i) => ({ name: `Person ${i}`, share: 0.05 }))],
		['nobody', 'q3-personalresurser', 'stodhandlaggning-people', []],
		['a contact name', 'q4-kontaktpersoner', 'rsp-name', 'Malin Nyqvist Ljungberg'],
		['a name of 200 characters', 'q4-kontaktpersoner', 'stodarenden-name', 'n'.repeat(200)],
		['two e-mail addresses', 'q4-kontaktpersoner', 'sharepoint-email', 'malin.nyqvistljungberg@regionjh.se ville.welin@regionjh.se'],
		['addresses between blanks of any kind', 'q4-kontaktpersoner', 'sharepoint-email', '\u00a0a@b.se\n c@d.se\u2003'],
		['blanks only (not answered)', 'q4-kontaktpersoner', 'sharepoint-email', ' \u00a0 '],
		['people with whole and fractional shares from 0 to 10', 'q3-personalresurser', 'processledning-people', [{ name: 'A', share: 0 }, { name: 'B', share: 10 }, { name: 'C', share: 2.25 }]],
		['an e-mail address of 1,000 characters', 'q4-kontaktpersoner', 'rsp-email', `${'e'.repeat(994)}@ab.se`],
		["an actor's collaboration", 'q6-samverkan', 'kommuner-collaboration', 'Via serviceforumet Service Z.'],
		["an actor's step on the samverkanstrappan", 'q6-samverkan', 'civilsamhalle-step', 'Samtal via kommunerna'],
		["the last actor's challenges", 'q6-samverkan', 'annan-challenges', 'Inga.']
	];
	for (const [what, questionId, key, value] of valid) {
		it(`a member may answer ${what} (${questionId} ${key}) with revision 1`, async () => {
			await assertSucceeds(writeAnswer('editor', { questionId, key, value, rev: 1 }));
		});
	}

	it('every answer key of every question may be written, whatever its place in the question', async () => {
		const empty = { text: '', shortText: '', trend: '', people: [], emails: '' } as const;
		const filled = { text: 'Ny text', shortText: 'Kort', trend: 'okar', people: [{ name: 'Ville Welin', share: 0.1 }], emails: 'a@b.se' } as const;
		for (const q of QUESTIONNAIRE.questions) {
			for (const [key, type] of Object.entries(QUESTIONNAIRE.fieldTypes[q.id])) {
				const stored = (STORED.revs as Record<string, number>)[key] ?? 0;
				const value = q.id === Q1 && key === 'dagligvaror-comment' ? filled.text : q.id === Q1 && key === 'dagligvaror-trend' ? 'minskar' : stored ? empty[type] : filled[type];
				await assertSucceeds(writeAnswer('coord', { year: 2024, questionId: q.id, key, value, rev: stored + 1 }));
			}
		}
	});

	it('an edit of a stored field carries the stored revision + 1, and the next edit one more', async () => {
		await assertSucceeds(writeAnswer('editor', { key: 'dagligvaror-trend', value: 'minskar', rev: 3 }));
		await assertSucceeds(writeAnswer('editor2', { key: 'dagligvaror-trend', value: 'oforandrad', rev: 4 }));
	});

	it("another region's coordinator may answer for their own region", async () => {
		await assertSucceeds(writeAnswer('coordVN', { regionId: VN, key: 'drivmedel-trend', value: 'okar', rev: 1 }));
	});
});

describe('refused answer edits', () => {
	it('a member may not write the stored revision again (a stale edit)', async () => {
		await assertFails(writeAnswer('editor', { key: 'dagligvaror-trend', value: 'minskar', rev: 2 }));
	});

	it('a member may not skip a revision', async () => {
		await assertFails(writeAnswer('editor', { key: 'dagligvaror-trend', value: 'minskar', rev: 4 }));
		await assertFails(writeAnswer('editor', { key: 'drivmedel-trend', value: 'minskar', rev: 2 }));
	});

	it('a member may not write two fields in one write', async () => {
		await assertFails(
			updateDoc(
				answerRef(suite.as('editor'), JH, 2023, Q1),
				new FieldPath('fields', 'drivmedel-trend'), 'okar',
				new FieldPath('revs', 'drivmedel-trend'), 1,
				new FieldPath('fields', 'drivmedel-comment'), 'Fler laddstolpar.',
				new FieldPath('revs', 'drivmedel-comment'), 1,
				'updatedBy', 'editor',
				'updatedAt', serverTimestamp()
			)
		);
	});

	it("a member may not pair a field with another field's revision", async () => {
		await assertFails(
			updateDoc(
				answerRef(suite.as('editor'), JH, 2023, Q1),
				new FieldPath('fields', 'drivmedel-trend'), 'okar',
				new FieldPath('revs', 'drivmedel-comment'), 1,
				'updatedBy', 'editor',
				'updatedAt', serverTimestamp()
			)
		);
	});

	it("a member may not bump another field's revision along with an edit", async () => {
		await assertFails(
			updateDoc(
				answerRef(suite.as('editor'), JH, 2023, Q1),
				new FieldPath('fields', 'drivmedel-trend'), 'okar',
				new FieldPath('revs', 'drivmedel-trend'), 1,
				new FieldPath('revs', 'dagligvaror-trend'), 3,
				'updatedBy', 'editor',
				'updatedAt', serverTimestamp()
			)
		);
	});

	it('a member may not bump a revision without a field', async () => {
		await assertFails(updateDoc(answerRef(suite.as('editor'), JH, 2023, Q1), new FieldPath('revs', 'dagligvaror-trend'), 3, 'updatedBy', 'editor', 'updatedAt', serverTimestamp()));
	});

	it('a member may not write a key the question does not have', async () => {
		await assertFails(writeAnswer('editor', { key: 'ombud-trend', value: 'okar', rev: 1 }));
		await assertFails(writeAnswer('editor', { key: 'text', value: 'Fritext', rev: 1 }));
	});

	it("a member may not write another question's key", async () => {
		await assertFails(writeAnswer('editor', { questionId: 'q2-framtidsspaning', key: 'dagligvaror-trend', value: 'okar', rev: 1 }));
		await assertFails(writeAnswer('editor', { questionId: 'q4-kontaktpersoner', key: 'kommuner-step', value: 'Samtal', rev: 1 }));
	});

	it('a member may not answer a question the questionnaire does not have', async () => {
		await suite.admin((db) => setDoc(answerRef(db, JH, 2023, 'q7-extra'), { fields: {}, revs: {}, updatedBy: null, updatedAt: null }));
		await assertFails(writeAnswer('editor', { questionId: 'q7-extra', key: 'text', value: 'Extra', rev: 1 }));
	});

	it('a member may not answer on a year without a questionnaire', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2023), { questionnaireId: null }));
		await assertFails(writeAnswer('editor', { key: 'drivmedel-trend', value: 'okar', rev: 1 }));
	});

	const wrongValues: [what: string, questionId: string, key: string, value: unknown][] = [
		['a trend in capitals', Q1, 'drivmedel-trend', 'Ökar'],
		['an unknown trend', Q1, 'drivmedel-trend', 'stiger'],
		['a number for a trend', Q1, 'drivmedel-trend', 1],
		['a number for a comment', Q1, 'drivmedel-comment', 42],
		['a list for a text answer', 'q2-framtidsspaning', 'text', ['Stort fokus']],
		['a text of 10,001 characters', 'q5-genomforande', 'text', 'a'.repeat(10_001)],
		['a string for the people of a role', 'q3-personalresurser', 'processledning-people', 'Maria Kumpula 0,1'],
		['11 people', 'q3-personalresurser', 'processledning-people', Array.from({ length: 11 }, (_, i) => ({ name: `Person ${i}`, share: 0.05 }))],
		// Every person of a list is checked, not only the first.
		['a number, a string and a negative share as people', 'q3-personalresurser', 'processledning-people', [42, 'x', { share: -1e9 }]],
		['a number as the 10th person', 'q3-personalresurser', 'processledning-people', [...Array.from({ length: 9 }, (_, i) => ({ name: `Person ${i}`, share: 0.05 })), 42]],
		['a second person without a name', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: 0.1 }, { share: 0.1 }]],
		['a second person with an empty name', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: 0.1 }, { name: '', share: 0.1 }]],
		['a person with a name of 201 characters', 'q3-personalresurser', 'processledning-people', [{ name: 'n'.repeat(201), share: 0.1 }]],
		['a person with an extra key', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: 0.1, role: 'chef' }]],
		['a share of NaN', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: NaN }]],
		['a share of Infinity', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: Infinity }]],
		['a negative share', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: -0.5 }]],
		['a share above 10', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: 10.5 }]],
		['a share as text', 'q3-personalresurser', 'processledning-people', [{ name: 'Maria Kumpula', share: '0,5' }]],
		// E-mail answers are addresses (schemas.ts emailList), not any text.
		['an address without a domain', 'q4-kontaktpersoner', 'rsp-email', 'malin@regionjh'],
		['addresses separated by a comma', 'q4-kontaktpersoner', 'rsp-email', 'a@b.se,c@d.se'],
		['a name for an address', 'q4-kontaktpersoner', 'rsp-email', 'Malin Nyqvist'],
		['an address in angle brackets', 'q4-kontaktpersoner', 'rsp-email', '<a@b.se>'],
		['a name of 201 characters', 'q4-kontaktpersoner', 'rsp-name', 'n'.repeat(201)],
		['a list of addresses', 'q4-kontaktpersoner', 'rsp-email', ['a@b.se']],
		['addresses of 1,001 characters', 'q4-kontaktpersoner', 'rsp-email', 'e'.repeat(1001)],
		['a step of 201 characters', 'q6-samverkan', 'leader-step', 's'.repeat(201)],
		['null', 'q6-samverkan', 'leader-collaboration', null],
		['a map', 'q6-samverkan', 'leader-challenges', { text: 'Inga' }]
	];
	for (const [what, questionId, key, value] of wrongValues) {
		it(`a member may not answer ${what} (${questionId} ${key})`, async () => {
			await assertFails(writeAnswer('editor', { questionId, key, value, rev: 1 }));
		});
	}

	it("a member may not delete a field's value", async () => {
		await assertFails(writeAnswer('editor', { key: 'dagligvaror-comment', value: deleteField(), rev: 2 }));
	});

	it('a member may not forge updatedBy', async () => {
		await assertFails(writeAnswer('editor', { key: 'drivmedel-trend', value: 'okar', rev: 1, by: 'coord' }));
	});

	it('a member may not stamp updatedAt with a client clock', async () => {
		await assertFails(writeAnswer('editor', { key: 'drivmedel-trend', value: 'okar', rev: 1, at: new Date() }));
	});

	it('a member may not leave a stale stamp (updatedAt as it was)', async () => {
		await assertFails(writeAnswer('editor', { key: 'drivmedel-trend', value: 'okar', rev: 1, at: SEEDED_AT }));
	});

	it('a member may not add a top-level key with an edit', async () => {
		await assertFails(
			updateDoc(
				answerRef(suite.as('editor'), JH, 2023, Q1),
				new FieldPath('fields', 'drivmedel-trend'), 'okar',
				new FieldPath('revs', 'drivmedel-trend'), 1,
				'updatedBy', 'editor',
				'updatedAt', serverTimestamp(),
				'note', 'hej'
			)
		);
	});

	it('a member may not answer on a submitted year, nor may the coordinator', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2023), { status: 'submitted' }));
		await assertFails(writeAnswer('editor', { key: 'drivmedel-trend', value: 'okar', rev: 1 }));
		await assertFails(writeAnswer('coord', { key: 'drivmedel-trend', value: 'okar', rev: 1 }));
	});

	it('a staff reader may not answer', async () => {
		await assertFails(writeAnswer('reader', { key: 'drivmedel-trend', value: 'okar', rev: 1 }));
	});

	it("another region's coordinator may not answer for Jämtland Härjedalen", async () => {
		await assertFails(writeAnswer('coordVN', { key: 'drivmedel-trend', value: 'okar', rev: 1 }));
	});

	it('a signed-in non-member may not answer', async () => {
		await assertFails(writeAnswer('stranger', { key: 'drivmedel-trend', value: 'okar', rev: 1 }));
	});

	it('an anonymous visitor may not answer', async () => {
		await assertFails(writeAnswer('anonymous', { key: 'drivmedel-trend', value: 'okar', rev: 1, by: 'anonymous' }));
	});
});

describe('creating and deleting answers', () => {
	const fresh = { fields: {}, revs: {}, updatedBy: null, updatedAt: null };

	it('a coordinator may not create an answer document, not even an empty one', async () => {
		await suite.admin((db) => deleteDoc(answerRef(db, JH, 2023, 'q2-framtidsspaning')));
		await assertFails(setDoc(answerRef(suite.as('coord'), JH, 2023, 'q2-framtidsspaning'), fresh));
	});

	it('an editor may not create an answer to a new question', async () => {
		await assertFails(setDoc(answerRef(suite.as('editor'), JH, 2023, 'q7-extra'), { ...fresh, updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it('a member may not overwrite an answer document with set', async () => {
		await assertFails(setDoc(answerRef(suite.as('editor'), JH, 2023, Q1), { ...fresh, updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it('a coordinator may not delete an answer', async () => {
		await assertFails(deleteDoc(answerRef(suite.as('coord'), JH, 2023, Q1)));
	});

	it('an editor may not delete an answer', async () => {
		await assertFails(deleteDoc(answerRef(suite.as('editor'), JH, 2024, 'q5-genomforande')));
	});
});

describe('answer history', () => {
	const historyOf = (actor: Actor, regionId: RegionId, year = 2023) => collection(suite.as(actor), paths.answerHistory(regionId, String(year)));
	const ENTRY = { questionId: Q1, field: 'drivmedel-trend', old: null, new: 'okar', by: 'editor', byName: 'Lars Länsstyrelsen', orgId: 'lst-jamtland', at: serverTimestamp(), eventId: 'forged' };

	it("a coordinator may list their region's answer history", async () => {
		await assertSucceeds(getDocs(historyOf('coord', JH)));
	});

	it('an editor may read an answer history entry of their region', async () => {
		await assertSucceeds(getDoc(doc(historyOf('editor', JH, 2024), HISTORY_ID)));
	});

	it("a staff reader may read every region's answer history", async () => {
		await assertSucceeds(getDocs(historyOf('reader', JH)));
		await assertSucceeds(getDocs(historyOf('reader', VN)));
	});

	it("another region's coordinator may not read Jämtland Härjedalen's answer history", async () => {
		await assertFails(getDocs(historyOf('coordVN', JH)));
	});

	it('a signed-in non-member may not read answer history', async () => {
		await assertFails(getDoc(doc(historyOf('stranger', JH), HISTORY_ID)));
	});

	it('an anonymous visitor may not read answer history', async () => {
		await assertFails(getDocs(historyOf('anonymous', JH)));
	});

	it('an editor may not write an answer history entry', async () => {
		await assertFails(setDoc(doc(historyOf('editor', JH), 'forged'), ENTRY));
	});

	it('a coordinator may not change an answer history entry', async () => {
		await assertFails(updateDoc(doc(historyOf('coord', JH), HISTORY_ID), { new: 'minskar' }));
	});

	it('a coordinator may not delete an answer history entry', async () => {
		await assertFails(deleteDoc(doc(historyOf('coord', JH), HISTORY_ID)));
	});

	it('a staff reader may not write answer history', async () => {
		await assertFails(setDoc(doc(historyOf('reader', JH), 'forged'), { ...ENTRY, by: 'reader' }));
	});
});
