// Every reader survives a bad document: a row stored with the Admin SDK that the app's
// schema refuses — a NaN or infinite position, an id that is no schemas.ts id (spaces and å, 1,444
// characters), a cell of the wrong type — makes exportPlan (DOCX and XLSX) answer 409
// { error: 'invalid-row', rowId }, submitPlan and createNextYear failed-precondition
// { reason: 'invalid-row', rowId }, and exportOverview shows that plan alone as unreadable. Unknown
// keys are tolerated (the schema drops them). Another document the export reads that fails its schema
// (an answer of the wrong type) answers 409 { error: 'invalid-document', path, fields }. The history triggers record such an event once in
// historyFailures, even when it is delivered twice, and never throw. repairRow mends or deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbook } from 'exceljs';
import { Change } from 'firebase-functions/v2/firestore';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { admin, APP_URL, callError, eventually, PROJECT_ID, resetDemo, settleOutbox, type Client } from '../support/emulators';
import { clientPool, JH, P, storedRows, yearDoc } from '../support/plans';
import { recordRowHistory } from '../../functions/src/triggers/record-row-history';
import { recordAnswerHistory } from '../../functions/src/triggers/record-answer-history';
import { historyFailure, row } from '../../src/lib/domain/schemas';
import { sortRows } from '../../src/lib/domain/ordering';
import { paths } from '../../src/lib/domain/paths';

const YEAR = '2023';
/** The first call of each function starts its worker, slow on a loaded machine. */
const FIRST_CALL = 180_000;
const rows = () => yearDoc(JH, YEAR).collection('rows');
const good = (extra: Record<string, unknown> = {}) => ({
	area: 1,
	position: 1024,
	fields: { action: 'Trasig insats', goal: 'Mål', resources: 'Resurser', status: 'pagaende' },
	revs: {},
	createdBy: P.lst.uid,
	updatedBy: P.lst.uid,
	updatedAt: new Date('2024-03-01T09:00:00Z'),
	...extra
});

const BROKEN: Array<{ what: string; rowId: string; data: Record<string, unknown> }> = [
	{ what: 'a NaN position', rowId: 'bad-nan', data: good({ position: NaN }) },
	{ what: 'an infinite position', rowId: 'bad-infinity', data: good({ position: -Infinity }) },
	{ what: 'an id with spaces and ä', rowId: 'rad med mellanslag ä', data: good() },
	{ what: 'an id of 1,444 characters', rowId: 'x'.repeat(1444), data: good() },
	{ what: 'a cell of the wrong type', rowId: 'bad-type', data: good({ fields: { action: 42 } }) }
];

async function overviewCellOf(res: Response, regionName: string, year: number): Promise<unknown> {
	const wb = new Workbook();
	await wb.xlsx.load(await res.arrayBuffer());
	let found: unknown = 'no such row';
	wb.getWorksheet('Översikt')!.eachRow((r) => {
		if (r.getCell(1).value === regionName && r.getCell(2).value === year) found = r.getCell(9).value;
	});
	return found;
}

describe('a stored row the app cannot read', () => {
	const pool = clientPool();
	let coord: Client;
	let editor: Client;
	let coordToken: string;
	let readerToken: string;
	const get = (path: string, token: string) => fetch(`${APP_URL}/api/export/${path}`, { headers: { Authorization: `Bearer ${token}` } });

	beforeAll(async () => {
		await resetDemo();
		// createNextYear from 2023 checks the rows only once 2024 does not exist yet.
		await admin().db.recursiveDelete(yearDoc(JH, '2024'));
		[coord, editor] = await Promise.all([pool.as(P.coordJH.uid), pool.as(P.lst.uid)]);
		coordToken = await coord.auth.currentUser!.getIdToken();
		readerToken = await (await pool.as(P.reader.uid)).auth.currentUser!.getIdToken();
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
	});

	for (const b of BROKEN) {
		describe(`with ${b.what}`, () => {
			beforeAll(async () => {
				await rows().doc(b.rowId).set(b.data);
			});
			afterAll(async () => {
				await rows().doc(b.rowId).delete();
			});

			it('exportPlan answers 409 invalid-row naming it, as DOCX and as XLSX', async () => {
				for (const format of ['docx', 'xlsx']) {
					const res = await get(`${JH}/${YEAR}.${format}`, coordToken);
					expect(res.status).toBe(409);
					expect(await res.json()).toMatchObject({ error: 'invalid-row', rowId: b.rowId });
				}
			}, FIRST_CALL);

			it('exportOverview still answers, with that plan shown as unreadable and the others as usual', async () => {
				const res = await get('overview.xlsx', readerToken);
				expect(res.status).toBe(200);
				const wb = res.clone();
				expect(await overviewCellOf(wb, 'Region Jämtland Härjedalen', 2023)).toBe(`Kan inte läsas: insats ${b.rowId.length > 60 ? `${b.rowId.slice(0, 60)}…` : b.rowId}`);
				expect(await overviewCellOf(res, 'Region Västernorrland', 2023)).toBe(0);
			}, FIRST_CALL);

			it('submitPlan refuses with failed-precondition invalid-row and submits nothing', async () => {
				const err = await callError(coord.call('submitPlan', { regionId: JH, year: YEAR }));
				expect(err).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'invalid-row', rowId: b.rowId } });
				expect((await yearDoc(JH, YEAR).get()).get('status')).toBe('draft');
			}, FIRST_CALL);

			it('createNextYear refuses with failed-precondition invalid-row, in a dry run and for real, and creates nothing', async () => {
				for (const dryRun of [true, false]) {
					const err = await callError(coord.call('createNextYear', { regionId: JH, fromYear: YEAR, dryRun }));
					expect(err).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'invalid-row', rowId: b.rowId } });
				}
				expect((await yearDoc(JH, '2024').get()).exists).toBe(false);
			}, FIRST_CALL);

			it('the history trigger recorded the write once in historyFailures and no history', async () => {
				const path = `regions/${JH}/years/${YEAR}/rows/${b.rowId}`;
				// The Emulator Suite hands the trigger a non-ASCII id as its UTF-8 bytes read as Latin-1 ('ä' as 'Ã¤'): compared both ways.
				const failures = await eventually(async () => {
					const snap = await admin().db.collection(paths.historyFailures()).where('trigger', '==', 'recordRowHistory').get();
					const mine = snap.docs.map((d) => historyFailure.parse(d.data())).filter((f) => f.path === path || Buffer.from(f.path, 'latin1').toString('utf8') === path);
					return mine.length > 0 ? mine : undefined;
				}, `a history failure for ${b.what}`);
				expect(failures).toHaveLength(1);
				expect(failures[0]).toMatchObject({ trigger: 'recordRowHistory', reason: b.rowId.startsWith('bad-') ? 'invalid-row' : 'invalid-row-id' });
				expect((await yearDoc(JH, YEAR).collection('history').where('rowId', '==', b.rowId).get()).size).toBe(0);
			});
		});
	}

	describe('with unknown keys', () => {
		const rowId = 'extra-keys';
		beforeAll(async () => {
			await rows().doc(rowId).set(good({ colour: 'red', fields: { action: 'Med okänd nyckel', oldColumn: 'kvar från förr' } }));
		});
		afterAll(async () => {
			await rows().doc(rowId).delete();
		});

		it('the exports answer 200 (the keys are dropped on reading) and submitPlan reads the row', async () => {
			for (const format of ['docx', 'xlsx']) expect((await get(`${JH}/${YEAR}.${format}`, coordToken)).status).toBe(200);
			expect((await get('overview.xlsx', readerToken)).status).toBe(200);
			const err = await callError(coord.call('submitPlan', { regionId: JH, year: YEAR }));
			// Read like any row: its empty required cells make the plan incomplete.
			expect(err).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'incomplete' } });
			expect((err.details as { missing: Array<{ rowId: string }> }).missing.some((m) => m.rowId === rowId)).toBe(true);
		});
	});

	describe('with an answer whose revision is not a number (any other document the export reads)', () => {
		const answerRef = () => yearDoc(JH, YEAR).collection('answers').doc('q3-personalresurser');
		let stored: Record<string, unknown> | undefined;
		beforeAll(async () => {
			stored = (await answerRef().get()).data();
			expect(stored).toBeDefined();
			await answerRef().set({ ...stored, revs: { ...(stored!.revs as object), 'processledning-people': 'två' } });
		});
		afterAll(async () => {
			await answerRef().set(stored!);
		});

		it('exportPlan answers 409 invalid-document naming it and the failing field, as DOCX and as XLSX', async () => {
			for (const format of ['docx', 'xlsx']) {
				const res = await get(`${JH}/${YEAR}.${format}`, coordToken);
				expect(res.status).toBe(409);
				const body = await res.json();
				expect(body).toMatchObject({ error: 'invalid-document', path: `regions/${JH}/years/${YEAR}/answers/q3-personalresurser` });
				expect(body.fields).toContain('revs.processledning-people');
			}
		}, FIRST_CALL);
	});

	describe('the history triggers run directly, each event delivered twice', () => {
		const event = (id: string, document: string, params: Record<string, string>, before: DocumentSnapshot, after: DocumentSnapshot) => ({
			specversion: '1.0' as const,
			id,
			source: `//firestore.googleapis.com/projects/${PROJECT_ID}/databases/(default)`,
			type: 'google.cloud.firestore.document.v1.written.withAuthContext',
			time: '2026-03-05T13:00:00.000Z',
			data: new Change(before, after),
			location: 'europe-north1',
			project: PROJECT_ID,
			database: '(default)',
			namespace: '(default)',
			document,
			params,
			authType: 'unknown' as const,
			authId: undefined
		});
		const failuresOf = async (eventId: string) => (await admin().db.collection(paths.historyFailures()).where('eventId', '==', eventId).get()).docs.map((d) => historyFailure.parse(d.data()));

		it('recordRowHistory: a bad id and an unparsable side each give one failure record, no throw, no entry', async () => {
			for (const [rowId, data, reason, problems] of [
				['rad med mellanslag ä', good(), 'invalid-row-id', ['id']],
				['bad-nan-direct', good({ position: NaN }), 'invalid-row', ['after.position']],
				['bad-writer', good({ updatedBy: 'u'.repeat(300) }), 'invalid-entry', ['by', 'byName']]
			] as const) {
				await rows().doc(rowId).set(data);
				const after = await rows().doc(rowId).get();
				const before = await rows().doc('no-such-row-bad-documents').get();
				const id = `direct-${rowId.replaceAll(' ', '_')}`;
				const e = event(id, `regions/${JH}/years/${YEAR}/rows/${rowId}`, { regionId: JH, year: YEAR, rowId }, before, after);
				await recordRowHistory.run(e as never);
				await recordRowHistory.run(e as never);
				const failures = await failuresOf(id);
				expect(failures).toEqual([{ trigger: 'recordRowHistory', path: `regions/${JH}/years/${YEAR}/rows/${rowId}`, reason, problems, eventId: id, at: new Date('2026-03-05T13:00:00.000Z') }]);
				expect((await yearDoc(JH, YEAR).collection('history').where('eventId', '==', id).get()).size).toBe(0);
				await rows().doc(rowId).delete();
			}
		});

		it('recordAnswerHistory: an answer that does not parse gives one failure record, no throw', async () => {
			const answers = yearDoc(JH, YEAR).collection('answers');
			const questionId = 'bad-answer';
			await answers.doc(questionId).set({ fields: { text: 'ok' }, revs: {}, updatedBy: P.lst.uid, updatedAt: new Date() });
			const before = await answers.doc(questionId).get();
			await answers.doc(questionId).set({ fields: { text: 'ok' }, revs: { text: -5 }, updatedBy: P.lst.uid, updatedAt: new Date() });
			const after = await answers.doc(questionId).get();
			const id = 'direct-bad-answer';
			const e = event(id, `regions/${JH}/years/${YEAR}/answers/${questionId}`, { regionId: JH, year: YEAR, questionId }, before, after);
			await recordAnswerHistory.run(e as never);
			await recordAnswerHistory.run(e as never);
			expect(await failuresOf(id)).toMatchObject([{ trigger: 'recordAnswerHistory', reason: 'invalid-answer', eventId: id }]);
			expect((await failuresOf(id))[0].problems.every((p) => p.startsWith('after.'))).toBe(true);
			await answers.doc(questionId).delete();
		});
	});

	describe('repairRow', () => {
		const call = (c: Client, rowId: string, action: 'repair' | 'delete') => callError(c.call('repairRow', { regionId: JH, year: YEAR, rowId, action }));

		it('refuses an editor, a readable row and an unknown row, changing nothing', async () => {
			await rows().doc('bad-refused').set(good({ position: NaN }));
			expect(await call(editor, 'bad-refused', 'delete')).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-a-coordinator' } });
			expect((await rows().doc('bad-refused').get()).exists).toBe(true);
			expect(await call(coord, 'jh23-1-05', 'delete')).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'row-readable' } });
			expect((await rows().doc('jh23-1-05').get()).exists).toBe(true);
			expect(await call(coord, 'no-such-row', 'repair')).toMatchObject({ code: 'functions/not-found', details: { reason: 'row-not-found' } });
			expect(await call(coord, 'a/b', 'repair')).toMatchObject({ code: 'functions/invalid-argument' });
			await rows().doc('bad-refused').delete();
		}, FIRST_CALL);

		it('repairs a NaN position in place, after the last row of its area, keeping its cells', async () => {
			await rows().doc('bad-nan-repair').set(good({ position: NaN, fields: { action: 'Behåll', goal: 7 } }));
			expect(await coord.call('repairRow', { regionId: JH, year: YEAR, rowId: 'bad-nan-repair', action: 'repair' })).toEqual({ ok: true, action: 'repair', rowId: 'bad-nan-repair' });
			const repaired = row.parse((await rows().doc('bad-nan-repair').get()).data());
			expect(repaired).toMatchObject({ area: 1, position: expect.any(String), fields: { action: 'Behåll' }, createdBy: P.lst.uid, updatedBy: P.coordJH.uid });
			// A key after the last row of its area.
			expect(sortRows((await storedRows(JH, YEAR)).filter((r) => r.area === 1)).at(-1)?.id).toBe('bad-nan-repair');
			expect(repaired.fields.goal).toBeUndefined();
			await rows().doc('bad-nan-repair').delete();
		});

		it('repairs a bad id by moving the row to a new id, and then the exports answer again', async () => {
			const rowId = 'rad med mellanslag ä';
			await rows().doc(rowId).set(good({ fields: { action: 'Flyttad insats' } }));
			expect((await get(`${JH}/${YEAR}.xlsx`, coordToken)).status).toBe(409);
			const result = await coord.call<{ ok: boolean; rowId: string }>('repairRow', { regionId: JH, year: YEAR, rowId, action: 'repair' });
			expect(result.rowId).toMatch(/^[A-Za-z0-9]{20}$/);
			expect((await rows().doc(rowId).get()).exists).toBe(false);
			expect(row.parse((await rows().doc(result.rowId).get()).data()).fields).toEqual({ action: 'Flyttad insats' });
			expect((await get(`${JH}/${YEAR}.xlsx`, coordToken)).status).toBe(200);
			await rows().doc(result.rowId).delete();
		});

		it('deletes a broken row', async () => {
			const rowId = 'y'.repeat(1444);
			await rows().doc(rowId).set(good({ position: Infinity }));
			expect(await coord.call('repairRow', { regionId: JH, year: YEAR, rowId, action: 'delete' })).toEqual({ ok: true, action: 'delete', rowId: null });
			expect((await rows().doc(rowId).get()).exists).toBe(false);
			expect((await get(`${JH}/${YEAR}.docx`, coordToken)).status).toBe(200);
		});
	});
});
