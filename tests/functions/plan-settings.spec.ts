// setPlanSettings: a coordinator of the region sets the year's deadline and reminder offsets; every
// other caller and every malformed input is refused, changing nothing. Each change is in the region's
// audit log with who, when and the changed values. (That the next reminder run follows the new
// settings is in reminders.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, type Client, resetDemo } from '../support/emulators';
import { clientPool, JH, P, refusedCall, VN, yearDoc } from '../support/plans';
import { auditEntry, plan, type AuditEntry } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const YEAR = '2024';
const VALID = { regionId: JH, year: YEAR, deadline: '2025-02-14T12:00:00+01:00', reminderOffsets: [21, 7, 1] };

async function settingsAudit(): Promise<Map<string, AuditEntry>> {
	const snap = await admin().db.collection(paths.audit(JH)).where('kind', '==', 'plan-settings-changed').get();
	return new Map(snap.docs.map((d) => [d.id, auditEntry.parse(d.data())]));
}

/** The entries a call added to the audit log. */
async function auditAddedBy(call: () => Promise<unknown>): Promise<AuditEntry[]> {
	const before = await settingsAudit();
	await call();
	return [...(await settingsAudit())].filter(([id]) => !before.has(id)).map(([, e]) => e);
}

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

	describe('the audit log', () => {
		it('records a change with who, when, and the deadline and offsets before and after', async () => {
			await coord.call('setPlanSettings', VALID);
			const started = Date.now();
			const added = await auditAddedBy(() => coord.call('setPlanSettings', { ...VALID, deadline: '2025-02-28T23:59:00+01:00', reminderOffsets: [7, 1] }));
			const finished = Date.now();
			expect(added).toHaveLength(1);
			const { at, ...entry } = added[0];
			expect(entry).toEqual({
				kind: 'plan-settings-changed',
				by: P.coordJH.uid,
				byName: P.coordJH.name,
				target: YEAR,
				targetName: YEAR,
				details: {
					deadline: { from: '2025-02-14T11:00:00.000Z', to: '2025-02-28T22:59:00.000Z' },
					reminderOffsets: { from: [21, 7, 1], to: [7, 1] }
				}
			});
			expect(at.getTime()).toBeGreaterThanOrEqual(started - 1000);
			expect(at.getTime()).toBeLessThanOrEqual(finished + 1000);
		});

		it('records only the values that changed', async () => {
			const added = await auditAddedBy(() => coord.call('setPlanSettings', { ...VALID, deadline: '2025-02-28T23:59:00+01:00', reminderOffsets: [14, 7, 1] }));
			expect(added.map((e) => e.details)).toEqual([{ reminderOffsets: { from: [7, 1], to: [14, 7, 1] } }]);
		});

		it('records nothing when the settings are saved unchanged (the same instant in another offset)', async () => {
			const added = await auditAddedBy(() => coord.call('setPlanSettings', { ...VALID, deadline: '2025-02-28T22:59:00Z', reminderOffsets: [1, 7, 14] }));
			expect(added).toEqual([]);
		});

		it('records nothing for a refused call', async () => {
			const added = await auditAddedBy(async () => expect((await refused(await as(P.lst.uid), VALID)).code).toBe('functions/permission-denied'));
			expect(added).toEqual([]);
		});
	});
});
