// submitPlan against the Auth, Firestore and Functions emulators: who may submit, what is refused
// (and that a refusal changes nothing), the submission record and its content hash, the receipts
// every member of the region gets in the development inbox, and the lock that follows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, setLogLevel, updateDoc } from 'firebase/firestore';
import { admin, APP_URL, clearInbox, type Client, inbox, resetDemo, settleOutbox, waitForMail } from '../support/emulators';
import { clientPool, completePlan, JH, JH_MEMBERS, mailCount, P, refusedCall, storedRows, templateOf, VN, yearDoc } from '../support/plans';
import { buildSeed } from '../../scripts/seed-data';
import { missingFields } from '../../src/lib/domain/completeness';
import { swedishDateTime } from '../../src/lib/domain/deadline';
import { plan, region, template } from '../../src/lib/domain/schemas';
import { contentHash } from '../../functions/src/shared/content-hash';
import { paths } from '../../src/lib/domain/paths';

// The refused edit below would otherwise log a PERMISSION_DENIED stream error.
setLogLevel('silent');

const YEAR = '2023';
const SUBJECT = 'Handlingsplan 2023 är inlämnad – Region Jämtland Härjedalen';

describe('submitPlan', () => {
	const pool = clientPool();
	const as = pool.as;
	let coord: Client;

	beforeAll(async () => {
		await resetDemo();
		coord = await as(P.coordJH.uid);
	});
	beforeEach(async () => {
		await settleOutbox();
		await clearInbox();
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	const refused = (c: Client, data: unknown, regionId = JH, year = YEAR) => refusedCall(c, 'submitPlan', data, { regionId, year, mailKind: 'plan-submitted' });

	it('refuses an anonymous caller with unauthenticated', async () => {
		const anonymous = pool.anonymous();
		expect((await refused(anonymous, { regionId: JH, year: YEAR })).code).toBe('functions/unauthenticated');
	});

	it('refuses malformed input with invalid-argument and the zod issues', async () => {
		for (const data of [
			{ regionId: JH, year: 2023 },
			{ regionId: JH, year: '23' },
			{ regionId: JH, year: '1999' },
			{ regionId: 'jamtland/harjedalen', year: YEAR },
			{ regionId: JH },
			{ regionId: JH, year: YEAR, status: 'submitted' },
			null
		]) {
			const err = await refused(coord, data);
			expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
			expect(err.details).toMatchObject({ issues: expect.any(Array) });
			expect((err.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
		}
		const err = await refused(coord, { regionId: JH, year: '23' });
		expect((err.details as { issues: Array<{ path: unknown[]; message: string }> }).issues[0]).toMatchObject({ path: ['year'], message: 'invalid-year' });
	});

	it('refuses an editor, another region’s coordinator and a staff reader with permission-denied', async () => {
		for (const uid of [P.lst.uid, P.krokom.uid, P.coordVN.uid, P.reader.uid]) {
			const err = await refused(await as(uid), { regionId: JH, year: YEAR });
			expect(err.code, uid).toBe('functions/permission-denied');
			expect(err.details).toEqual({ reason: 'not-a-coordinator' });
		}
	});

	it('refuses a coordinator for a region they do not coordinate, even an unknown one', async () => {
		expect((await refused(coord, { regionId: VN, year: YEAR }, VN)).code).toBe('functions/permission-denied');
		expect((await refused(coord, { regionId: 'okand-region', year: YEAR }, 'okand-region')).code).toBe('functions/permission-denied');
	});

	it('answers not-found for a year the region has no plan for', async () => {
		const err = await refused(coord, { regionId: JH, year: '2031' }, JH, '2031');
		expect(err.code).toBe('functions/not-found');
		expect(err.details).toEqual({ reason: 'plan-not-found' });
	});

	it('refuses a plan without rows as empty', async () => {
		const err = await refused(coord, { regionId: JH, year: '2024' }, JH, '2024');
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'empty' });
	});

	it('refuses the incomplete demo 2023 plan, listing exactly the empty required cells', async () => {
		const seeded = buildSeed(new Date()).plans.find((p) => p.year.path === `regions/${JH}/years/${YEAR}`)!;
		const seedRows = seeded.rows.map((r) => ({ id: r.path.split('/').at(-1)!, ...(r.data as { area: number; position: number; fields: object }) }));
		const t = template.parse((await admin().db.doc('templates/rsp-2023').get()).data());
		const expected = missingFields(t, seedRows as never);
		expect(expected.length).toBeGreaterThan(0);

		const err = await refused(coord, { regionId: JH, year: YEAR });
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'incomplete', missing: expected });
		const missing = (err.details as { missing: Array<{ rowId: string; field: string }> }).missing;
		expect(missing).toContainEqual({ rowId: 'jh23-1-03', field: 'effects' });
		expect(missing).toContainEqual({ rowId: 'jh23-3-04', field: 'status' });
	});

	it('submits a complete plan: status, submission record with the rows’ hash, a receipt to every member', async () => {
		await completePlan(JH, YEAR);
		const rows = await storedRows(JH, YEAR);
		expect(missingFields(await templateOf(JH, YEAR), rows)).toEqual([]);
		const started = Date.now();
		const answer = await coord.call<{ ok: boolean; submission: Record<string, unknown> }>('submitPlan', { regionId: JH, year: YEAR });
		const finished = Date.now();

		const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
		expect(stored.status).toBe('submitted');
		const s = stored.submission!;
		expect(s.by).toBe(P.coordJH.uid);
		expect(s.byName).toBe(P.coordJH.name);
		expect(s.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
		expect(s.at.getTime()).toBeLessThanOrEqual(finished + 1000);
		expect(s.rowCount).toBe(14);
		const perArea: Record<string, number> = { '1': 0, '2': 0, '3': 0 };
		for (const r of rows) perArea[String(r.area)]++;
		expect(s.rowsPerArea).toEqual(perArea);
		expect(s.contentHash).toBe(contentHash(await storedRows(JH, YEAR)));
		expect(answer).toEqual({ ok: true, submission: { ...s, at: s.at.toISOString() } });

		const areas = region.parse((await admin().db.doc(paths.region(JH)).get()).data()).areas;
		for (const m of JH_MEMBERS) {
			const mail = await waitForMail((x) => x.to === m.email && x.subject === SUBJECT);
			const text = mail.parsed.text ?? '';
			expect(text).toContain(`Hej ${m.name}!`);
			expect(text).toContain(`Malin Samordnare lämnade in handlingsplanen 2023 för Region Jämtland Härjedalen den ${swedishDateTime(s.at)}.`);
			for (const a of areas) expect(text).toContain(`${a.number}. ${a.title}: ${perArea[String(a.number)]} insatser`);
			expect(text).toContain('Totalt 14 insatser.');
			expect(text).toContain(`Öppna planen: ${APP_URL}/plan/${JH}/${YEAR}`);
			expect(text).toContain(s.contentHash);
			expect(mail.parsed.html).toContain(`href="${APP_URL}/plan/${JH}/${YEAR}"`);
		}
		await settleOutbox();
		const receipts = (await inbox()).filter((x) => x.subject === SUBJECT);
		expect(receipts.map((x) => x.to).sort()).toEqual(JH_MEMBERS.map((m) => m.email).sort());
		expect(await mailCount('plan-submitted')).toBe(4);
	});

	it('refuses to submit the same year again, changing nothing', async () => {
		const err = await refused(coord, { regionId: JH, year: YEAR });
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'already-submitted' });
	});

	it('locks the submitted year: a member’s cell edit is refused by the rules', async () => {
		const editor = await as(P.lst.uid);
		const r = (await storedRows(JH, YEAR)).find((x) => x.id === 'jh23-1-01')!;
		const edit = updateDoc(doc(editor.db, paths.row(JH, YEAR, r.id)), {
			'fields.goal': 'Ändrat efter inlämning',
			'revs.goal': (r.revs.goal ?? 0) + 1,
			updatedBy: P.lst.uid,
			updatedAt: serverTimestamp()
		});
		await expect(edit).rejects.toMatchObject({ code: 'permission-denied' });
		expect((await storedRows(JH, YEAR)).find((x) => x.id === 'jh23-1-01')!.fields.goal).toBe(r.fields.goal);
	});
});
