// createNextYear against the Auth, Firestore and Functions emulators: the demo's 2024 blocks a new
// 2024 until it is deleted; then a dry run previews exactly the Fortsätter rows of 2023 and writes
// nothing, the real call creates 2024 on rsp-2024 with those rows (plan values only, no service
// types, a note from 2023) and an empty answer per question, and every refusal changes nothing.
// A member's ordinary cell edit on a carried row still passes firestore.rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldValue } from 'firebase-admin/firestore';
import { admin, callError, eventually, resetDemo, settleOutbox, type Client } from '../support/emulators';
import { clientPool, JH, P, planSnapshot, storedRows, yearDoc } from '../support/plans';
import { writeCellTo } from '../../src/lib/firebase/row-writes';
import { questionnaireForYear } from '../../src/lib/domain/carry-over';
import { defaultDeadline, DEFAULT_REMINDER_OFFSETS } from '../../src/lib/domain/deadline';
import { sortRows } from '../../src/lib/domain/ordering';
import { answer, plan, questionnaire, row } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const FROM = '2023';
const NEXT = '2024';
const KLAR_ROW = 'jh23-1-05';

/** A questionnaire for 2024, so that creating the year shows its empty answers. */
const TEST_QUESTIONNAIRE = questionnaire.parse({
	name: 'Uppföljningsfrågor (test)',
	years: [2024],
	published: true,
	questions: [
		{ id: 'efterfragan', number: 1, kind: 'outlook', title: 'Efterfrågan', rows: [{ key: 'dagligvaror', label: 'Dagligvaror' }] },
		{ id: 'lardomar', number: 2, kind: 'text', title: 'Lärdomar' }
	],
	fieldTypes: { efterfragan: { 'dagligvaror-trend': 'trend', 'dagligvaror-comment': 'text' }, lardomar: { text: 'text' } }
});

const answersOf = async (year: string) =>
	(await yearDoc(JH, year).collection('answers').get()).docs.map((d) => [d.id, d.data()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** Both years of the region as stored, with next year's answers: what a refused call must leave alone. */
async function regionState() {
	return { from: await planSnapshot(JH, FROM), next: await planSnapshot(JH, NEXT), answers: await answersOf(NEXT) };
}

describe('createNextYear', () => {
	const pool = clientPool();
	let coord: Client;

	const refused = async (c: Client, data: unknown) => {
		const before = await regionState();
		const err = await callError(c.call('createNextYear', data));
		expect(await regionState()).toEqual(before);
		return err;
	};

	beforeAll(async () => {
		await resetDemo();
		coord = await pool.as(P.coordJH.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
		await resetDemo();
	});

	it('refuses 2024 from 2023 while the demo’s 2024 exists: already-exists with the year, also in a dry run', async () => {
		expect((await yearDoc(JH, NEXT).get()).exists).toBe(true);
		for (const dryRun of [true, false]) {
			const err = await refused(coord, { regionId: JH, fromYear: FROM, dryRun });
			expect(err.code).toBe('functions/already-exists');
			expect(err.details).toEqual({ reason: 'plan-exists', year: NEXT });
		}
	});

	describe('once the demo’s 2024 is deleted', () => {
		let from: Awaited<ReturnType<typeof storedRows>>;
		let expectedQuestionnaire: { id: string; questions: string[] } | null;
		let preview: Record<string, unknown>;

		beforeAll(async () => {
			const { db } = admin();
			await db.recursiveDelete(yearDoc(JH, NEXT));
			// The demo has no Klar row: one is marked Klar so that a finished insats is seen to stay behind.
			await yearDoc(JH, FROM)
				.collection('rows')
				.doc(KLAR_ROW)
				.update({ 'fields.status': 'klar', 'revs.status': 1, updatedBy: P.coordJH.uid, updatedAt: FieldValue.serverTimestamp() });
			await db.doc(paths.questionnaire('test-fragor-2024')).set(TEST_QUESTIONNAIRE);
			const stored = (await db.collection(paths.questionnaires()).get()).docs.map((d) => ({ id: d.id, data: questionnaire.parse(d.data()) }));
			const q = questionnaireForYear(stored, Number(NEXT));
			expectedQuestionnaire = q && { id: q.id, questions: q.data.questions.map((x) => x.id) };
			from = await storedRows(JH, FROM);
		});

		const continuing = () => sortRows(from).filter((r) => r.fields.status === 'fortsatter');

		it('previews in a dry run: the Fortsätter rows carried, the Klar and unmarked rows left, service types dropped; nothing written', async () => {
			const before = await planSnapshot(JH, FROM);
			preview = await coord.call<Record<string, unknown>>('createNextYear', { regionId: JH, fromYear: FROM, dryRun: true });

			const expectedLeft = sortRows(from)
				.filter((r) => r.fields.status !== 'fortsatter')
				.map((r) => ({ rowId: r.id, area: r.area, action: r.fields.action ?? '', reason: r.fields.status === 'klar' ? 'klar' : 'no-status' }));
			expect(expectedLeft.map((l) => [l.rowId, l.reason])).toEqual([
				[KLAR_ROW, 'klar'],
				['jh23-3-04', 'no-status'],
				['jh23-3-05', 'no-status']
			]);
			expect(continuing()).toHaveLength(11);
			expect(preview).toEqual({
				ok: true,
				year: NEXT,
				templateId: 'rsp-2024',
				questionnaireId: expectedQuestionnaire?.id ?? null,
				carried: continuing().map((r) => ({ fromRowId: r.id, area: r.area, action: r.fields.action })),
				left: expectedLeft,
				dropped: ['serviceTypes']
			});

			expect((await yearDoc(JH, NEXT).get()).exists).toBe(false);
			expect((await yearDoc(JH, NEXT).collection('rows').get()).size).toBe(0);
			expect(await answersOf(NEXT)).toEqual([]);
			expect(await planSnapshot(JH, FROM)).toEqual(before);
		});

		it('creates 2024 on rsp-2024 with the continuing rows’ plan values, a note from 2023, and one empty answer per question', async () => {
			expect(expectedQuestionnaire?.id).toBe('test-fragor-2024');
			const before = await planSnapshot(JH, FROM);
			const started = Date.now();
			const result = await coord.call<Record<string, unknown>>('createNextYear', { regionId: JH, fromYear: FROM });
			const finished = Date.now();
			expect(result).toEqual(preview);

			const stored = yearDoc(JH, NEXT);
			expect(plan.parse((await stored.get()).data())).toEqual({
				templateId: 'rsp-2024',
				questionnaireId: 'test-fragor-2024',
				status: 'draft',
				deadline: defaultDeadline(Number(NEXT)),
				reminderOffsets: DEFAULT_REMINDER_OFFSETS,
				submission: null,
				reopenings: [],
				signOffRequirement: 'warn',
				signOffRequests: {}
			});

			const rows = (await stored.collection('rows').get()).docs;
			expect(rows).toHaveLength(continuing().length);
			const bySource = new Map(rows.map((d) => [row.parse(d.data()).carriedFrom?.rowId, d]));
			for (const source of continuing()) {
				const doc = bySource.get(source.id);
				expect(doc, source.id).toBeDefined();
				expect(doc!.id).not.toBe(source.id);
				// Exactly these keys: nothing the schema would strip on reading went into the document.
				expect(Object.keys(doc!.data()).sort()).toEqual(['area', 'carriedFrom', 'createdBy', 'fields', 'position', 'revs', 'updatedAt', 'updatedBy']);
				const r = row.parse(doc!.data());
				expect(r.fields).toEqual({ action: source.fields.action, goal: source.fields.goal, resources: source.fields.resources });
				expect(source.fields.serviceTypes?.length, source.id).toBeGreaterThan(0);
				expect(source.fields.outputs, source.id).toBeTruthy();
				expect(r.carriedFrom).toEqual({ year: FROM, rowId: source.id, note: source.fields.nextYear ?? '' });
				expect(r.carriedFrom?.note, source.id).not.toBe('');
				expect({ area: r.area, position: r.position }).toEqual({ area: source.area, position: source.position });
				expect(r.revs).toEqual({});
				expect([r.createdBy, r.updatedBy]).toEqual([P.coordJH.uid, P.coordJH.uid]);
				expect(r.updatedAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
				expect(r.updatedAt.getTime()).toBeLessThanOrEqual(finished + 1000);
			}

			expect(await answersOf(NEXT)).toEqual(
				[...expectedQuestionnaire!.questions].sort().map((id) => [id, answer.parse({ fields: {}, revs: {}, updatedBy: null, updatedAt: null })])
			);
			expect(await planSnapshot(JH, FROM)).toEqual(before);
		});

		it('refuses a second call with already-exists, changing nothing', async () => {
			for (const dryRun of [false, true]) {
				const err = await refused(coord, { regionId: JH, fromYear: FROM, dryRun });
				expect(err.code).toBe('functions/already-exists');
				expect(err.details).toEqual({ reason: 'plan-exists', year: NEXT });
			}
		});

		it('refuses an anonymous caller with unauthenticated', async () => {
			expect((await refused(pool.anonymous(), { regionId: JH, fromYear: FROM })).code).toBe('functions/unauthenticated');
		});

		it('refuses an editor, another region’s coordinator and a staff reader with permission-denied', async () => {
			for (const uid of [P.lst.uid, P.krokom.uid, P.coordVN.uid, P.reader.uid]) {
				const err = await refused(await pool.as(uid), { regionId: JH, fromYear: FROM, dryRun: true });
				expect(err.code, uid).toBe('functions/permission-denied');
				expect(err.details).toEqual({ reason: 'not-a-coordinator' });
			}
		});

		it('refuses malformed input with invalid-argument and the zod issues', async () => {
			for (const data of [
				{ regionId: JH, fromYear: 2023 },
				{ regionId: JH, fromYear: '23' },
				{ regionId: JH, fromYear: '1999' },
				{ regionId: JH, fromYear: FROM, dryRun: 'yes' },
				{ regionId: JH, fromYear: FROM, year: NEXT },
				{ regionId: 'jamtland/harjedalen', fromYear: FROM },
				{ fromYear: FROM },
				null
			]) {
				const err = await refused(coord, data);
				expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
				expect((err.details as { issues: unknown[] }).issues.length, JSON.stringify(data)).toBeGreaterThan(0);
			}
		});

		it('answers not-found for a year the region has no plan for', async () => {
			const err = await refused(coord, { regionId: JH, fromYear: '2031', dryRun: true });
			expect(err.code).toBe('functions/not-found');
			expect(err.details).toEqual({ reason: 'plan-not-found' });
			expect((await yearDoc(JH, '2032').get()).exists).toBe(false);
		});

		it('refuses a year no published template lists with failed-precondition, creating nothing', async () => {
			// rsp-2024 lists 2024–2027, so 2027 is the last year a next year can be started from.
			await yearDoc(JH, '2027').set(plan.parse({ templateId: 'rsp-2024', status: 'draft', deadline: defaultDeadline(2027) }));
			for (const dryRun of [true, false]) {
				const err = await refused(coord, { regionId: JH, fromYear: '2027', dryRun });
				expect(err.code).toBe('functions/failed-precondition');
				expect(err.details).toEqual({ reason: 'no-template', year: '2028' });
			}
			expect((await yearDoc(JH, '2028').get()).exists).toBe(false);
			await admin().db.recursiveDelete(yearDoc(JH, '2027'));
		});

		it('lets a member edit a carried row cell by cell, as any other row', async () => {
			const editor = await pool.as(P.lst.uid);
			const carried = (await yearDoc(JH, NEXT).collection('rows').get()).docs[0];
			const before = row.parse(carried.data());
			await writeCellTo(editor.db, JH, NEXT, { doc: carried.id, key: 'outputs', baseRev: 0, value: 'Genomfört under 2024' }, P.lst.uid);
			await writeCellTo(editor.db, JH, NEXT, { doc: carried.id, key: 'action', baseRev: 0, value: `${before.fields.action} (justerad)` }, P.lst.uid);
			const after = row.parse((await carried.ref.get()).data());
			expect(after.fields).toEqual({ ...before.fields, outputs: 'Genomfört under 2024', action: `${before.fields.action} (justerad)` });
			expect(after.revs).toEqual({ outputs: 1, action: 1 });
			expect(after.updatedBy).toBe(P.lst.uid);
			expect(after.carriedFrom).toEqual(before.carriedFrom);

			// The history trigger records the created rows and these edits; let it finish before the demo is reset.
			const expected = continuing().length + 2;
			await eventually(async () => {
				const n = (await yearDoc(JH, NEXT).collection('history').count().get()).data().count;
				return n >= expected ? n : undefined;
			}, `${expected} history entries of ${NEXT}`);
		});
	});
});
