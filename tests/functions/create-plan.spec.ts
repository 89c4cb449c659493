// createPlan against the Auth, Firestore and Functions emulators: a coordinator creates a year on the
// newest template published for it or on one they name, empty or from last year's Fortsätter rows,
// with the year's questionnaire and an audit entry; every refusal (a plan that exists, an unknown,
// unpublished or other years' template, no previous year, not a coordinator, bad input) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, callError, eventually, resetDemo, settleOutbox, type Client } from '../support/emulators';
import { clientPool, JH, P, storedRows, VN, yearDoc } from '../support/plans';
import { defaultDeadline, DEFAULT_REMINDER_OFFSETS } from '../../src/lib/domain/deadline';
import { answer, auditEntry, plan, questionnaire, row, template, templateContent, type AuditEntry } from '../../src/lib/domain/schemas';
import { templateDocument } from '../../src/lib/domain/template';
import { paths } from '../../src/lib/domain/paths';

const ADMIN_UID = 'u-tvv-admin';

/** A questionnaire for 2025, so that a created 2025 shows its empty answers. */
const FRAGOR_2025 = questionnaire.parse({
	name: 'Uppföljningsfrågor 2025 (test)',
	years: [2025],
	published: true,
	questions: [{ id: 'lardomar', number: 1, kind: 'text', title: 'Lärdomar' }],
	fieldTypes: { lardomar: { text: 'text' } }
});

/** A small form; the tests publish it under several ids, years and dates. */
const CONTENT = templateContent.parse({
	name: 'Testformulär',
	years: [2026, 2027],
	parts: [{ key: 'plan', title: 'Handlingsplan {year}' }],
	columns: [{ key: 'action', part: 'plan', title: 'Planerade insatser', type: 'longText', required: 'always' }]
});
const publish = (id: string, years: number[], published: boolean, at: Date | null) =>
	admin().db.doc(paths.template(id)).set(template.parse(templateDocument({ ...CONTENT, years }, published, published ? ADMIN_UID : null, at)));

async function auditOf(regionId: string): Promise<Array<AuditEntry & { id: string }>> {
	const snap = await admin().db.collection(paths.audit(regionId)).get();
	return snap.docs.map((d) => ({ id: d.id, ...auditEntry.parse(d.data()) }));
}

/** Every year of the region with its rows and answers, and its audit log: what a refused call must leave alone. */
async function regionState(regionId: string) {
	const years = await admin().db.collection(paths.years(regionId)).get();
	const out: unknown[] = [];
	for (const y of years.docs) {
		const rows = await y.ref.collection('rows').get();
		const answers = await y.ref.collection('answers').get();
		out.push([y.id, y.data(), rows.docs.map((d) => [d.id, d.data()]), answers.docs.map((d) => [d.id, d.data()])]);
	}
	return { years: out, audit: (await auditOf(regionId)).map((a) => a.id).sort() };
}

describe('createPlan', () => {
	const pool = clientPool();
	let coord: Client;

	const refused = async (c: Client, data: Record<string, unknown> | null, regionId = JH) => {
		const before = await regionState(regionId);
		const err = await callError(c.call('createPlan', data));
		expect(await regionState(regionId)).toEqual(before);
		return err;
	};

	beforeAll(async () => {
		await resetDemo();
		coord = await pool.as(P.coordJH.uid);
		await admin().db.doc(paths.questionnaire('test-fragor-2025')).set(FRAGOR_2025);
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
		await resetDemo();
	});

	it('creates 2025 on the template published for it, with its questionnaire’s empty answers, the default deadline and offsets, and an audit entry', async () => {
		const started = Date.now();
		const result = await coord.call('createPlan', { regionId: JH, year: '2025' });
		const finished = Date.now();
		// rsp-2024 is the only published template that lists 2025.
		expect(result).toEqual({ ok: true, year: '2025', templateId: 'rsp-2024', carried: 0 });

		const stored = yearDoc(JH, '2025');
		expect(plan.parse((await stored.get()).data())).toEqual({
			templateId: 'rsp-2024',
			questionnaireId: 'test-fragor-2025',
			status: 'draft',
			deadline: defaultDeadline(2025),
			reminderOffsets: DEFAULT_REMINDER_OFFSETS,
			submission: null,
			reopenings: [],
			signOffRequirement: 'warn',
			signOffRequests: {}
		});
		expect((await stored.collection('rows').get()).size).toBe(0);
		const answers = (await stored.collection('answers').get()).docs.map((d) => [d.id, d.data()]);
		expect(answers).toEqual([['lardomar', answer.parse({ fields: {}, revs: {}, updatedBy: null, updatedAt: null })]]);

		const entries = (await auditOf(JH)).filter((a) => a.kind === 'plan-created');
		expect(entries).toHaveLength(1);
		const { id: _id, at, ...entry } = entries[0];
		expect(entry).toEqual({
			kind: 'plan-created',
			by: P.coordJH.uid,
			byName: P.coordJH.name,
			target: '2025',
			targetName: '2025',
			details: { templateId: 'rsp-2024', questionnaireId: 'test-fragor-2025', carriedFrom: null, carried: 0 }
		});
		expect(at.getTime()).toBeGreaterThanOrEqual(started - 1000);
		expect(at.getTime()).toBeLessThanOrEqual(finished + 1000);
	});

	it('takes the most recently published template for the year, never an unpublished one', async () => {
		await publish('test-older', [2026], true, new Date('2026-01-10T09:00:00Z'));
		await publish('test-newer', [2026], true, new Date('2026-02-10T09:00:00Z'));
		await publish('test-draft', [2026], false, null);
		expect(await coord.call('createPlan', { regionId: JH, year: '2026' })).toEqual({ ok: true, year: '2026', templateId: 'test-newer', carried: 0 });
		expect(plan.parse((await yearDoc(JH, '2026').get()).data()).templateId).toBe('test-newer');
	});

	it('uses the template named in the call when it is published for the year', async () => {
		// test-newer would be the default for 2027 too; rsp-2024 also lists 2027.
		await publish('test-newer', [2026, 2027], true, new Date('2026-02-10T09:00:00Z'));
		expect(await coord.call('createPlan', { regionId: JH, year: '2027', templateId: 'rsp-2024' })).toEqual({ ok: true, year: '2027', templateId: 'rsp-2024', carried: 0 });
		expect(plan.parse((await yearDoc(JH, '2027').get()).data()).templateId).toBe('rsp-2024');
	});

	it('refuses an unknown template with not-found, changing nothing', async () => {
		const err = await refused(coord, { regionId: JH, year: '2028', templateId: 'rsp-2099' });
		expect(err.code).toBe('functions/not-found');
		expect(err.details).toEqual({ reason: 'template-not-found', templateId: 'rsp-2099' });
	});

	it('refuses an unpublished template and one published for other years with template-not-for-year, changing nothing', async () => {
		await publish('test-draft', [2028], false, null);
		for (const templateId of ['test-draft', 'rsp-2023']) {
			const err = await refused(coord, { regionId: JH, year: '2028', templateId });
			expect(err.code, templateId).toBe('functions/failed-precondition');
			expect(err.details).toEqual({ reason: 'template-not-for-year', templateId, year: '2028' });
		}
	});

	it('refuses a year no published template lists with no-template, changing nothing', async () => {
		const err = await refused(coord, { regionId: JH, year: '2031' });
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'no-template', year: '2031' });
	});

	it('refuses a year that has a plan with already-exists and the year, changing nothing', async () => {
		for (const data of [{ regionId: JH, year: '2024' }, { regionId: JH, year: '2025', templateId: 'rsp-2024' }, { regionId: JH, year: '2024', carryOver: true }]) {
			const err = await refused(coord, data);
			expect(err.code, JSON.stringify(data)).toBe('functions/already-exists');
			expect(err.details).toEqual({ reason: 'plan-exists', year: data.year });
		}
	});

	it('refuses to carry over when the year before has no plan: no-previous-plan, changing nothing', async () => {
		const vn = await pool.as(P.coordVN.uid);
		const err = await refused(vn, { regionId: VN, year: '2025', carryOver: true }, VN);
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'no-previous-plan', year: '2024' });
		expect((await yearDoc(VN, '2025').get()).exists).toBe(false);
	});

	it('refuses editors, another region’s coordinator and staff with permission-denied, and anonymous callers, changing nothing', async () => {
		for (const uid of [P.lst.uid, P.krokom.uid, P.coordVN.uid, P.reader.uid, ADMIN_UID]) {
			const err = await refused(await pool.as(uid), { regionId: JH, year: '2028' });
			expect(err.code, uid).toBe('functions/permission-denied');
			expect(err.details).toEqual({ reason: 'not-a-coordinator' });
		}
		expect((await refused(pool.anonymous(), { regionId: JH, year: '2028' })).code).toBe('functions/unauthenticated');
	});

	it('refuses malformed input with invalid-argument and the zod issues, changing nothing', async () => {
		for (const data of [
			{ regionId: JH, year: 2028 },
			{ regionId: JH, year: '28' },
			{ regionId: JH, year: '1999' },
			{ regionId: JH, year: '2028', templateId: 'rsp/2024' },
			{ regionId: JH, year: '2028', carryOver: 'yes' },
			{ regionId: JH, year: '2028', dryRun: true },
			{ year: '2028' },
			null
		]) {
			const err = await refused(coord, data);
			expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
			expect((err.details as { issues: unknown[] }).issues.length, JSON.stringify(data)).toBeGreaterThan(0);
		}
	});

	describe('from last year’s rows', () => {
		beforeAll(async () => {
			await admin().db.recursiveDelete(yearDoc(JH, '2024'));
		});

		it('creates 2024 with the rows of 2023 marked Fortsätter, their plan values and a note, and says how many', async () => {
			const from = await storedRows(JH, '2023');
			const continuing = from.filter((r) => r.fields.status === 'fortsatter');
			expect(continuing.length).toBeGreaterThan(0);
			expect(continuing.length).toBeLessThan(from.length);

			const result = await coord.call('createPlan', { regionId: JH, year: '2024', carryOver: true });
			expect(result).toEqual({ ok: true, year: '2024', templateId: 'rsp-2024', carried: continuing.length });

			const rows = (await yearDoc(JH, '2024').collection('rows').get()).docs.map((d) => row.parse(d.data()));
			expect(rows.map((r) => r.carriedFrom?.rowId).sort()).toEqual(continuing.map((r) => r.id).sort());
			const planKeys = ['action', 'goal', 'resources'];
			for (const r of rows) {
				const source = continuing.find((s) => s.id === r.carriedFrom?.rowId)!;
				expect(r.fields).toEqual(Object.fromEntries(planKeys.filter((k) => source.fields[k]).map((k) => [k, source.fields[k]])));
				expect(r.carriedFrom).toEqual({ year: '2023', rowId: source.id, note: source.fields.nextYear ?? '' });
				expect({ area: r.area, position: r.position, createdBy: r.createdBy }).toEqual({ area: source.area, position: source.position, createdBy: P.coordJH.uid });
			}
			// 2024 is on rsp-fragor (2023–2024): one empty answer per question.
			const q = questionnaire.parse((await admin().db.doc(paths.questionnaire('rsp-fragor')).get()).data());
			expect((await yearDoc(JH, '2024').collection('answers').get()).docs.map((d) => d.id).sort()).toEqual(q.questions.map((x) => x.id).sort());

			const entry = (await auditOf(JH)).find((a) => a.kind === 'plan-created' && a.target === '2024');
			expect(entry?.details).toEqual({ templateId: 'rsp-2024', questionnaireId: 'rsp-fragor', carriedFrom: '2023', carried: continuing.length });
			expect([entry?.by, entry?.byName]).toEqual([P.coordJH.uid, P.coordJH.name]);

			// The history trigger records the created rows; let it finish before the demo is reset.
			await eventually(async () => {
				const n = (await yearDoc(JH, '2024').collection('history').count().get()).data().count;
				return n >= continuing.length ? n : undefined;
			}, `${continuing.length} history entries of 2024`);
		});
	});
});
