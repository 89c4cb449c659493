// The schemas for submitting, reopening and plan settings (the end of schemas.ts).
import { describe, it, expect } from 'vitest';
import {
	plan,
	planYear,
	sha256HexString,
	submission,
	reopenReason,
	reopening,
	submitPlanInput,
	reopenPlanInput,
	reminderOffsets,
	planSettingsInput,
	unsubscribeInput,
	MAX_REMINDER_OFFSETS,
	REOPEN_REASON_MIN,
	REOPEN_REASON_MAX
} from './schemas';

const hash = 'a'.repeat(64);
const at = new Date('2027-01-20T10:00:00Z');
const timestampLike = (d: Date) => ({ seconds: Math.floor(d.getTime() / 1000), nanoseconds: 0, toDate: () => d });

describe('planYear', () => {
	it('takes a 4-digit string in 2000..2100', () => {
		expect(planYear.parse('2026')).toBe('2026');
		expect(planYear.parse('2000')).toBe('2000');
		expect(planYear.parse('2100')).toBe('2100');
	});

	it('refuses numbers, other lengths and out-of-range years', () => {
		for (const bad of [2026, '226', '20260', ' 2026', '2026 ', '1999', '2101', '20x6', '', '2026.0', '+2026']) {
			expect(planYear.safeParse(bad).success, String(bad)).toBe(false);
		}
	});
});

describe('sha256HexString', () => {
	it('is 64 lower-case hex digits', () => {
		expect(sha256HexString.safeParse(hash).success).toBe(true);
		expect(sha256HexString.safeParse('A'.repeat(64)).success).toBe(false);
		expect(sha256HexString.safeParse('a'.repeat(63)).success).toBe(false);
	});
});

describe('submission', () => {
	const valid = { by: 'uid1', byName: 'Åsa', at, rowsPerArea: { '1': 2, '2': 0, '3': 1 }, rowCount: 3, contentHash: hash };

	it('parses a record, with a Firestore timestamp for at, and no warnings when a record has none (older records)', () => {
		expect(submission.parse(valid)).toEqual({ ...valid, warnings: [], signOffs: [] });
		expect(submission.parse({ ...valid, warnings: [{ rowId: 'r1', field: 'status' }] }).warnings).toEqual([{ rowId: 'r1', field: 'status' }]);
		expect(submission.parse({ ...valid, at: timestampLike(at) }).at).toEqual(at);
	});

	it('requires the row count to be the sum of the areas', () => {
		expect(submission.safeParse({ ...valid, rowCount: 4 }).success).toBe(false);
	});

	it('refuses bad area keys, negative counts and bad hashes', () => {
		expect(submission.safeParse({ ...valid, rowsPerArea: { '0': 3 } }).success).toBe(false);
		expect(submission.safeParse({ ...valid, rowsPerArea: { x: 3 } }).success).toBe(false);
		expect(submission.safeParse({ ...valid, rowsPerArea: { '1': -1, '2': 4 } }).success).toBe(false);
		expect(submission.safeParse({ ...valid, contentHash: 'abc' }).success).toBe(false);
		expect(submission.safeParse({ ...valid, by: '' }).success).toBe(false);
	});
});

describe('reopenReason / reopening', () => {
	it('trims and bounds the reason', () => {
		expect(reopenReason.parse('  tio tecken  ')).toBe('tio tecken');
		expect(reopenReason.safeParse(' '.repeat(20) + 'kort' + ' '.repeat(20)).success).toBe(false);
		expect(reopenReason.safeParse('x'.repeat(REOPEN_REASON_MIN - 1)).success).toBe(false);
		expect(reopenReason.safeParse('x'.repeat(REOPEN_REASON_MAX + 1)).success).toBe(false);
		expect(reopenReason.safeParse(`  ${'x'.repeat(REOPEN_REASON_MAX)}  `).success).toBe(true);
	});

	it('parses a reopening record', () => {
		const r = { by: 'uid1', byName: 'Åsa', at: timestampLike(at), reason: 'Fel budget i insats 2.1' };
		expect(reopening.parse(r)).toEqual({ ...r, at });
	});
});

describe('submitPlanInput / reopenPlanInput', () => {
	it('take a region id and a year string', () => {
		expect(submitPlanInput.parse({ regionId: 'jamtland-harjedalen', year: '2026' })).toEqual({ regionId: 'jamtland-harjedalen', year: '2026' });
		expect(reopenPlanInput.parse({ regionId: 'jamtland-harjedalen', year: '2026', reason: '  Rättar budgeten i 2.1  ' })).toEqual({
			regionId: 'jamtland-harjedalen',
			year: '2026',
			reason: 'Rättar budgeten i 2.1'
		});
	});

	it('are strict', () => {
		expect(submitPlanInput.safeParse({ regionId: 'r', year: '2026', status: 'submitted' }).success).toBe(false);
		expect(reopenPlanInput.safeParse({ regionId: 'r', year: '2026', reason: 'tillräckligt lång', extra: 1 }).success).toBe(false);
	});

	it('refuse bad ids, numeric years and short reasons', () => {
		expect(submitPlanInput.safeParse({ regionId: 'a/b', year: '2026' }).success).toBe(false);
		expect(submitPlanInput.safeParse({ regionId: '', year: '2026' }).success).toBe(false);
		expect(submitPlanInput.safeParse({ regionId: 'r', year: 2026 }).success).toBe(false);
		expect(submitPlanInput.safeParse({ regionId: 'r' }).success).toBe(false);
		expect(reopenPlanInput.safeParse({ regionId: 'r', year: '2026', reason: 'för kort' }).success).toBe(false);
		expect(reopenPlanInput.safeParse({ regionId: 'r', year: '2026' }).success).toBe(false);
	});
});

describe('reminderOffsets', () => {
	it('sorts descending on output', () => {
		expect(reminderOffsets.parse([1, 30, 7, 14, 2])).toEqual([30, 14, 7, 2, 1]);
		expect(reminderOffsets.parse([])).toEqual([]);
		expect(reminderOffsets.parse([0, 365])).toEqual([365, 0]);
	});

	it('refuses duplicates, fractions, out-of-range values and more than 10', () => {
		expect(reminderOffsets.safeParse([7, 7]).success).toBe(false);
		expect(reminderOffsets.safeParse([1.5]).success).toBe(false);
		expect(reminderOffsets.safeParse([-1]).success).toBe(false);
		expect(reminderOffsets.safeParse([366]).success).toBe(false);
		expect(reminderOffsets.safeParse(['7']).success).toBe(false);
		expect(reminderOffsets.safeParse(Array.from({ length: MAX_REMINDER_OFFSETS }, (_, i) => i)).success).toBe(true);
		expect(reminderOffsets.safeParse(Array.from({ length: MAX_REMINDER_OFFSETS + 1 }, (_, i) => i)).success).toBe(false);
	});
});

describe('signOffRequirement', () => {
	it('a plan without the setting warns; the setting takes warn or block only', () => {
		const stored = { templateId: 't', status: 'draft', deadline: at };
		expect(plan.parse(stored).signOffRequirement).toBe('warn');
		expect(plan.parse({ ...stored, signOffRequirement: 'block' }).signOffRequirement).toBe('block');
		expect(plan.safeParse({ ...stored, signOffRequirement: 'maybe' }).success).toBe(false);
	});

	it('setPlanSettings takes it or leaves it out (unchanged), nothing else', () => {
		const valid = { regionId: 'jamtland-harjedalen', year: '2026', deadline: '2027-01-31T23:59:00+01:00', reminderOffsets: [] };
		expect(planSettingsInput.parse(valid).signOffRequirement).toBeUndefined();
		expect(planSettingsInput.parse({ ...valid, signOffRequirement: 'block' }).signOffRequirement).toBe('block');
		for (const v of ['', 'Block', null, true]) expect(planSettingsInput.safeParse({ ...valid, signOffRequirement: v }).success, String(v)).toBe(false);
	});

	it('a submission records sign-offs per organisation: a none without who, when or hash; a bad state or hash is refused', () => {
		const valid = { by: 'uid1', byName: 'Åsa', at, rowsPerArea: { '1': 1 }, rowCount: 1, contentHash: hash };
		const none = { orgId: 'berg', orgName: 'Bergs kommun', state: 'none', uid: null, name: null, at: null, contentHash: null };
		const approved = { orgId: 'are', orgName: 'Åre kommun', state: 'approved', uid: 'u2', name: 'Per', at, contentHash: hash };
		expect(submission.parse({ ...valid, signOffs: [approved, none] }).signOffs).toEqual([approved, none]);
		expect(submission.safeParse({ ...valid, signOffs: [{ ...approved, state: 'ok' }] }).success).toBe(false);
		expect(submission.safeParse({ ...valid, signOffs: [{ ...approved, contentHash: 'x' }] }).success).toBe(false);
	});
});

describe('planSettingsInput', () => {
	const valid = { regionId: 'jamtland-harjedalen', year: '2026', deadline: '2027-01-31T23:59:00+01:00', reminderOffsets: [1, 30] };

	it('parses the deadline to a Date and sorts the offsets', () => {
		const p = planSettingsInput.parse(valid);
		expect(p.deadline).toBeInstanceOf(Date);
		expect(p.deadline.toISOString()).toBe('2027-01-31T22:59:00.000Z');
		expect(p.reminderOffsets).toEqual([30, 1]);
	});

	it('accepts Z and fractional seconds', () => {
		expect(planSettingsInput.parse({ ...valid, deadline: '2027-01-31T22:59:00Z' }).deadline.toISOString()).toBe('2027-01-31T22:59:00.000Z');
		expect(planSettingsInput.parse({ ...valid, deadline: '2026-06-30T23:59:00.500+02:00' }).deadline.toISOString()).toBe(
			'2026-06-30T21:59:00.500Z'
		);
	});

	it('refuses a deadline without an offset, a bare date, an impossible date or a Date object', () => {
		for (const deadline of ['2027-01-31T23:59:00', '2027-01-31', '2027-02-30T12:00:00Z', 'imorgon', '', new Date(), 1_800_000_000_000]) {
			expect(planSettingsInput.safeParse({ ...valid, deadline }).success, String(deadline)).toBe(false);
		}
	});

	it('is strict and needs every field', () => {
		expect(planSettingsInput.safeParse({ ...valid, status: 'draft' }).success).toBe(false);
		for (const key of Object.keys(valid)) {
			const partial: Record<string, unknown> = { ...valid };
			delete partial[key];
			expect(planSettingsInput.safeParse(partial).success, key).toBe(false);
		}
	});

	it('refuses bad offsets and ids', () => {
		expect(planSettingsInput.safeParse({ ...valid, reminderOffsets: [3, 3] }).success).toBe(false);
		expect(planSettingsInput.safeParse({ ...valid, regionId: 'region 1' }).success).toBe(false);
		expect(planSettingsInput.safeParse({ ...valid, year: '26' }).success).toBe(false);
	});
});

describe('unsubscribeInput', () => {
	it('takes a token string', () => {
		expect(unsubscribeInput.parse({ token: 'abc.def' })).toEqual({ token: 'abc.def' });
		expect(unsubscribeInput.safeParse({ token: '' }).success).toBe(false);
		expect(unsubscribeInput.safeParse({ token: 'a', uid: 'x' }).success).toBe(false);
	});
});
