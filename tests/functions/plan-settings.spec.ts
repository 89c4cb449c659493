// setPlanSettings: a coordinator of the region sets the year's deadline and reminder offsets; every
// other caller and every malformed input is refused, changing nothing. (That the next reminder run
// follows the new settings is in reminders.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, resetDemo } from '../support/emulators';
import { clientPool, JH, P, refusedCall, VN, yearDoc } from '../support/plans';
import { plan } from '../../src/lib/domain/schemas';

const YEAR = '2024';
const VALID = { regionId: JH, year: YEAR, deadline: '2025-02-14T12:00:00+01:00', reminderOffsets: [21, 7, 1] };

describe('setPlanSettings', () => {
	const pool = clientPool();
	const as = pool.as;
	let coord: Client;
	beforeAll(async () => {
		await resetDemo();
		coord = await as(P.coordJH.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	const refused = (c: Client, data: unknown, regionId = JH, year = YEAR) => refusedCall(c, 'setPlanSettings', data, { regionId, year });

	it('sets the deadline and the offsets (sorted, descending)', async () => {
		const answer = await coord.call('setPlanSettings', { ...VALID, reminderOffsets: [1, 21, 7] });
		expect(answer).toEqual({ ok: true, deadline: '2025-02-14T11:00:00.000Z', reminderOffsets: [21, 7, 1] });
		const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
		expect(stored.deadline.toISOString()).toBe('2025-02-14T11:00:00.000Z');
		expect(stored.reminderOffsets).toEqual([21, 7, 1]);
		expect(stored.status).toBe('draft');
	});

	it('accepts an empty list, which switches reminders off for the plan', async () => {
		await coord.call('setPlanSettings', { ...VALID, reminderOffsets: [] });
		expect(plan.parse((await yearDoc(JH, YEAR).get()).data()).reminderOffsets).toEqual([]);
	});

	it('refuses editors, another region’s coordinator, staff and anonymous callers', async () => {
		for (const uid of [P.lst.uid, P.coordVN.uid, P.reader.uid]) {
			expect((await refused(await as(uid), VALID)).code, uid).toBe('functions/permission-denied');
		}
		const anonymous = pool.anonymous();
		expect((await refused(anonymous, VALID)).code).toBe('functions/unauthenticated');
		expect((await refused(coord, { ...VALID, regionId: VN }, VN)).code).toBe('functions/permission-denied');
	});

	it('refuses a deadline without an offset, duplicate or out-of-range offsets, and unknown keys', async () => {
		for (const data of [
			{ ...VALID, deadline: '2025-02-14T12:00:00' },
			{ ...VALID, deadline: '14 februari 2025' },
			{ ...VALID, reminderOffsets: [7, 7] },
			{ ...VALID, reminderOffsets: [-1] },
			{ ...VALID, reminderOffsets: [1.5] },
			{ ...VALID, reminderOffsets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
			{ ...VALID, status: 'submitted' },
			{ ...VALID, year: 2024 }
		]) {
			const err = await refused(coord, data);
			expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
			expect(err.details).toMatchObject({ issues: expect.any(Array) });
		}
	});

	it('answers not-found for a year without a plan', async () => {
		const err = await refused(coord, { ...VALID, year: '2031' }, JH, '2031');
		expect(err.code).toBe('functions/not-found');
	});
});
