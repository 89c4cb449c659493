// recordAnswerHistory, the trigger on every answer write: members of Jämtland Härjedalen edit the
// 2023 questionnaire answers (seeded from the real report) through the browser SDK, one field per
// write as the app does, and the trigger records exactly one entry per changed field — old and new
// value, who (uid, name, organisation), when. The seeded answers are credited to the coordinator, the
// empty ones of other years record nothing. Redelivery: the handler is run directly, twice, with one
// event id; the second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from 'firebase-functions/v2/firestore';
import { FieldValue as AdminFieldValue, type DocumentSnapshot } from 'firebase-admin/firestore';
import { doc, FieldPath, serverTimestamp, updateDoc, type Firestore } from 'firebase/firestore';
import { admin, eventually, PROJECT_ID, resetDemo, settleOutbox } from '../support/emulators';
import { clientPool, JH, P, yearDoc } from '../support/plans';
import { recordAnswerHistory } from '../../functions/src/triggers/record-answer-history';
import { answer, answerHistoryEntry, member, type AnswerHistoryEntry } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const YEAR = '2023';
const history = (year = YEAR) => yearDoc(JH, year).collection('answerHistory');
const answerDoc = (questionId: string) => yearDoc(JH, YEAR).collection('answers').doc(questionId);

type Entry = AnswerHistoryEntry & { id: string };

async function entriesSince(t0: Date, year = YEAR): Promise<Entry[]> {
	const snap = await history(year).where('at', '>=', t0).get();
	return snap.docs.map((d) => ({ id: d.id, ...answerHistoryEntry.parse(d.data()) })).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
}

const untilEntries = (t0: Date, count: number) =>
	eventually(async () => {
		const e = await entriesSince(t0);
		return e.length >= count ? e : undefined;
	}, `${count} answer history entries`);

/** One answer field, one write, as the app writes it (answers.svelte.ts writeAnswer). */
async function writeAnswer(db: Firestore, uid: string, questionId: string, key: string, value: unknown, rev: number): Promise<void> {
	await updateDoc(
		doc(db, paths.answer(JH, YEAR, questionId)),
		new FieldPath('fields', key),
		value,
		new FieldPath('revs', key),
		rev,
		'updatedBy',
		uid,
		'updatedAt',
		serverTimestamp()
	);
}

async function orgOf(uid: string): Promise<string> {
	return member.parse((await admin().db.doc(paths.member(JH, uid)).get()).data()).orgId;
}

describe('recordAnswerHistory', () => {
	const pool = clientPool();
	const org: Record<string, string> = {};
	const who = (p: { uid: string; name: string }) => ({ by: p.uid, byName: p.name, orgId: org[p.uid] });

	beforeAll(async () => {
		await resetDemo();
		for (const p of [P.coordJH, P.lst, P.ostersund, P.krokom]) org[p.uid] = await orgOf(p.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
	});

	describe('the seeded answers', () => {
		it('credits the transcribed 2023 answers to the coordinator, one entry per field', async () => {
			const contacts = await eventually(async () => {
				const snap = await history().where('questionId', '==', 'q4-kontaktpersoner').get();
				return snap.size >= 6 ? snap.docs.map((d) => answerHistoryEntry.parse(d.data())) : undefined;
			}, 'the seeded contacts in the answer history');
			expect(contacts.map((e) => e.field).sort()).toEqual(['rsp-email', 'rsp-name', 'sharepoint-email', 'sharepoint-name', 'stodarenden-email', 'stodarenden-name']);
			for (const e of contacts) expect(e).toMatchObject({ old: null, ...who(P.coordJH) });
			expect(contacts.find((e) => e.field === 'sharepoint-email')?.new).toBe('malin.nyqvistljungberg@regionjh.se ville.welin@regionjh.se');
		});

		it('records nothing for the empty answers a plan starts with', async () => {
			// The 2023 entries above prove the trigger has run for the seed; 2024's answers were written in the same seed.
			await new Promise((r) => setTimeout(r, 1500));
			expect((await history('2024').get()).size).toBe(0);
			expect((await history().where('questionId', '==', 'q5-genomforande').get()).size).toBe(0);
		});
	});

	describe('edits by four members', () => {
		let entries: Entry[];
		const people = [
			{ name: 'Maria Kumpula', share: 0.1 },
			{ name: 'Ville Welin', share: 0.1 },
			{ name: 'Malin Nyqvist Ljungberg', share: 0.3 },
			{ name: 'Projektledare', share: 0.15 },
			{ name: 'Ekonom', share: 0.05 },
			{ name: 'Strateg', share: 0.15 }
		];
		const morePeople = [...people, { name: 'Ny handläggare', share: 0.2 }];

		beforeAll(async () => {
			const [lst, ost, krokom, coord] = await Promise.all([pool.as(P.lst.uid), pool.as(P.ostersund.uid), pool.as(P.krokom.uid), pool.as(P.coordJH.uid)]);
			const t0 = new Date();
			// Each write waits for its entry, so the order of the entries is the order of the writes.
			const steps: Array<() => Promise<void>> = [
				() => writeAnswer(lst.db, P.lst.uid, 'q1-efterfragan', 'drivmedel-trend', 'okar', 1),
				() => writeAnswer(ost.db, P.ostersund.uid, 'q1-efterfragan', 'drivmedel-comment', 'Laddinfrastrukturen växer.', 1),
				() => writeAnswer(krokom.db, P.krokom.uid, 'q3-personalresurser', 'processledning-people', morePeople, 1),
				() => writeAnswer(lst.db, P.lst.uid, 'q1-efterfragan', 'drivmedel-trend', '', 2),
				() => writeAnswer(coord.db, P.coordJH.uid, 'q5-genomforande', 'text', 'Besök i alla åtta kommuner.', 1)
			];
			for (const [i, step] of steps.entries()) {
				await step();
				await untilEntries(t0, i + 1);
			}
			// Anything a second delivery or a double count would add has had time to arrive.
			await new Promise((r) => setTimeout(r, 1500));
			entries = await entriesSince(t0);
		});

		it('has exactly one entry per changed field, in order', () => {
			expect(entries.map((e) => [e.questionId, e.field])).toEqual([
				['q1-efterfragan', 'drivmedel-trend'],
				['q1-efterfragan', 'drivmedel-comment'],
				['q3-personalresurser', 'processledning-people'],
				['q1-efterfragan', 'drivmedel-trend'],
				['q5-genomforande', 'text']
			]);
			expect(new Set(entries.map((e) => e.eventId)).size).toBe(entries.length);
		});

		it('records each edit with its old and new value and the member who made it', () => {
			expect(entries[0]).toMatchObject({ old: 'minskar', new: 'okar', ...who(P.lst) });
			expect(entries[1]).toMatchObject({
				old: 'Många investeringar har gjorts i stödet för korrosionsskydd vilket gör att det akuta läget är löst.',
				new: 'Laddinfrastrukturen växer.',
				...who(P.ostersund)
			});
			expect(entries[2]).toMatchObject({ old: people, new: morePeople, ...who(P.krokom) });
			expect(entries[3]).toMatchObject({ old: 'okar', new: '', ...who(P.lst) });
			expect(entries[4]).toMatchObject({ old: null, new: 'Besök i alla åtta kommuner.', ...who(P.coordJH) });
		});

		it("stamps each entry with the write's server time", async () => {
			const stored = answer.parse((await answerDoc('q5-genomforande').get()).data());
			expect(entries[4].at).toEqual(stored.updatedAt);
			for (let i = 1; i < entries.length; i++) expect(entries[i].at.getTime()).toBeGreaterThan(entries[i - 1].at.getTime());
		});
	});

	describe('the handler run directly (a redelivered event)', () => {
		let before: DocumentSnapshot;
		let after: DocumentSnapshot;
		const questionId = 'q6-samverkan';

		const event = (id: string, data: Change<DocumentSnapshot>) => ({
			specversion: '1.0' as const,
			id,
			source: `//firestore.googleapis.com/projects/${PROJECT_ID}/databases/(default)`,
			type: 'google.cloud.firestore.document.v1.written',
			time: '2026-03-05T13:00:00.000Z',
			data,
			location: 'europe-north1',
			project: PROJECT_ID,
			database: '(default)',
			namespace: '(default)',
			document: `regions/${JH}/years/${YEAR}/answers/${questionId}`,
			params: { regionId: JH, year: YEAR, questionId }
		});
		const byEvent = async (id: string) => (await history().where('eventId', '==', id).get()).docs.map((d) => ({ id: d.id, ...answerHistoryEntry.parse(d.data()) }));

		beforeAll(async () => {
			before = await answerDoc(questionId).get();
			// Two fields in one write (only the Admin SDK may): two entries from one event.
			await answerDoc(questionId).update({
				[`fields.annan-collaboration`]: 'Besöksnäringen',
				[`fields.leader-step`]: 'Samverkan',
				[`revs.annan-collaboration`]: 1,
				[`revs.leader-step`]: 1,
				updatedBy: P.krokom.uid,
				updatedAt: AdminFieldValue.serverTimestamp()
			});
			after = await answerDoc(questionId).get();
		});

		it('writes one entry per changed field, and the same event delivered again adds none', async () => {
			const id = 'redelivered-answer-event';
			const e = event(id, new Change(before, after));
			await recordAnswerHistory.run(e);
			const first = await byEvent(id);
			await recordAnswerHistory.run(e);
			await Promise.all([recordAnswerHistory.run(e), recordAnswerHistory.run(e)]);
			const again = await byEvent(id);

			expect(first.map((x) => x.field).sort()).toEqual(['annan-collaboration', 'leader-step']);
			expect(again).toEqual(first);
			const at = answer.parse(after.data()).updatedAt;
			expect(again.find((x) => x.field === 'leader-step')).toMatchObject({ questionId, old: 'Samtal', new: 'Samverkan', ...who(P.krokom), at, eventId: id });
			expect(again.find((x) => x.field === 'annan-collaboration')).toMatchObject({ old: null, new: 'Besöksnäringen', by: P.krokom.uid });
		});

		it('records nothing for a write that changes no field', async () => {
			const id = 'unchanged-answer-event';
			await recordAnswerHistory.run(event(id, new Change(after, after)));
			expect(await byEvent(id)).toEqual([]);
		});

		it('records nothing for a deleted answer, which names nobody', async () => {
			const gone = await yearDoc(JH, YEAR).collection('answers').doc('no-such-question').get();
			const id = 'deleted-answer-event';
			await recordAnswerHistory.run(event(id, new Change(after, gone)));
			expect(await byEvent(id)).toEqual([]);
		});
	});
});
