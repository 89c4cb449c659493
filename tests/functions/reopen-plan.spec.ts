// reopenPlan against the emulators: only a coordinator of the region reopens, only a submitted year,
// only with a reason of at least 10 characters; success makes the year a draft again, records who,
// when and why, mails every member, and lets members edit again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { APP_URL, clearInbox, type Client, inbox, resetDemo, settleOutbox, waitForMail } from '../support/emulators';
import { clientPool, completePlan, JH, JH_MEMBERS, P, refusedCall, storedRows, VN, yearDoc } from '../support/plans';
import { swedishDateTime } from '../../src/lib/domain/deadline';
import { plan } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const YEAR = '2023';
const REASON = '  Tillväxtverket bad oss komplettera insats 2.1 med budget.  ';
const SUBJECT = 'Handlingsplan 2023 är öppnad igen – Region Jämtland Härjedalen';

describe('reopenPlan', () => {
	const pool = clientPool();
	const as = pool.as;
	let coord: Client;

	beforeAll(async () => {
		await resetDemo();
		await completePlan(JH, YEAR);
		coord = await as(P.coordJH.uid);
		await coord.call('submitPlan', { regionId: JH, year: YEAR });
	});
	beforeEach(async () => {
		await settleOutbox();
		await clearInbox();
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	const refused = (c: Client, data: unknown, regionId = JH, year = YEAR) => refusedCall(c, 'reopenPlan', data, { regionId, year, mailKind: 'plan-reopened' });

	it('refuses an anonymous caller with unauthenticated', async () => {
		const anonymous = pool.anonymous();
		expect((await refused(anonymous, { regionId: JH, year: YEAR, reason: REASON })).code).toBe('functions/unauthenticated');
	});

	it('refuses an editor, another region’s coordinator and a staff reader with permission-denied', async () => {
		for (const uid of [P.ostersund.uid, P.coordVN.uid, P.reader.uid]) {
			const err = await refused(await as(uid), { regionId: JH, year: YEAR, reason: REASON });
			expect(err.code, uid).toBe('functions/permission-denied');
		}
	});

	it('refuses a reason shorter than 10 characters (after trimming) and a missing one with invalid-argument', async () => {
		for (const reason of ['För kort', '   kort    ', '']) {
			const err = await refused(coord, { regionId: JH, year: YEAR, reason });
			expect(err.code).toBe('functions/invalid-argument');
			expect((err.details as { issues: Array<{ path: unknown[]; message: string }> }).issues[0]).toMatchObject({ path: ['reason'], message: 'reason-too-short' });
		}
		const err = await refused(coord, { regionId: JH, year: YEAR });
		expect(err.code).toBe('functions/invalid-argument');
		expect(err.details).toMatchObject({ issues: expect.any(Array) });
	});

	it('refuses a draft year with failed-precondition not-submitted, and an unknown year with not-found', async () => {
		const draft = await refused(coord, { regionId: JH, year: '2024', reason: REASON }, JH, '2024');
		expect(draft.code).toBe('functions/failed-precondition');
		expect(draft.details).toEqual({ reason: 'not-submitted' });
		const unknown = await refused(coord, { regionId: JH, year: '2031', reason: REASON }, JH, '2031');
		expect(unknown.code).toBe('functions/not-found');
		expect((await refused(coord, { regionId: VN, year: YEAR, reason: REASON }, VN)).code).toBe('functions/permission-denied');
	});

	it('reopens: draft again, the reopening recorded, the submission kept, a mail with who and why to every member', async () => {
		const submittedBefore = plan.parse((await yearDoc(JH, YEAR).get()).data()).submission;
		const answer = await coord.call<{ ok: boolean; reopening: { at: string } }>('reopenPlan', { regionId: JH, year: YEAR, reason: REASON });

		const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
		expect(stored.status).toBe('draft');
		expect(stored.submission).toEqual(submittedBefore);
		expect(stored.reopenings).toHaveLength(1);
		const r = stored.reopenings[0];
		expect(r).toMatchObject({ by: P.coordJH.uid, byName: P.coordJH.name, reason: REASON.trim() });
		expect(Math.abs(r.at.getTime() - Date.now())).toBeLessThan(60_000);
		expect(answer).toEqual({ ok: true, reopening: { ...r, at: r.at.toISOString() } });

		for (const m of JH_MEMBERS) {
			const mail = await waitForMail((x) => x.to === m.email && x.subject === SUBJECT);
			const text = mail.parsed.text ?? '';
			expect(text).toContain(`Hej ${m.name}!`);
			expect(text).toContain(`Malin Samordnare har öppnat planen igen: handlingsplanen 2023 för Region Jämtland Härjedalen, den ${swedishDateTime(r.at)}.`);
			expect(text).toContain(`Motivering:\n${REASON.trim()}`);
			expect(text).toContain(`Öppna planen: ${APP_URL}/plan/${JH}/${YEAR}`);
		}
		await settleOutbox();
		expect((await inbox()).filter((x) => x.subject === SUBJECT).map((x) => x.to).sort()).toEqual(JH_MEMBERS.map((m) => m.email).sort());
	});

	it('unlocks the year: a member edits a cell again', async () => {
		const editor = await as(P.krokom.uid);
		const row = (await storedRows(JH, YEAR)).find((x) => x.id === 'jh23-2-01')!;
		await updateDoc(doc(editor.db, paths.row(JH, YEAR, row.id)), {
			'fields.goal': 'Kompletterat efter återöppning',
			'revs.goal': (row.revs.goal ?? 0) + 1,
			updatedBy: P.krokom.uid,
			updatedAt: serverTimestamp()
		});
		expect((await storedRows(JH, YEAR)).find((x) => x.id === 'jh23-2-01')!.fields.goal).toBe('Kompletterat efter återöppning');
	});

	it('refuses to reopen the draft again, and a second submission and reopening append a second record', async () => {
		expect((await refused(coord, { regionId: JH, year: YEAR, reason: REASON })).details).toEqual({ reason: 'not-submitted' });
		await coord.call('submitPlan', { regionId: JH, year: YEAR });
		await coord.call('reopenPlan', { regionId: JH, year: YEAR, reason: 'En andra återöppning, för test.' });
		const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
		expect(stored.reopenings.map((x) => x.reason)).toEqual([REASON.trim(), 'En andra återöppning, för test.']);
	});
});
