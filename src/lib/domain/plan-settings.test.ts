import { describe, expect, it } from 'vitest';
import { stockholmTime } from './deadline';
import { deadlineFromInputs, isoWithOffset, offsetChoices, parseOffset, settingsRequest, stockholmInputs } from './plan-settings';
import { planSettingsInput } from './schemas';

describe('isoWithOffset', () => {
	it('writes Stockholm wall-clock time with the winter offset', () => {
		expect(isoWithOffset(new Date('2027-01-31T22:59:00Z'))).toBe('2027-01-31T23:59:00+01:00');
	});

	it('writes the summer offset in summer', () => {
		expect(isoWithOffset(new Date('2026-07-15T10:30:15Z'))).toBe('2026-07-15T12:30:15+02:00');
	});

	it('crosses the date line into the next Stockholm day', () => {
		expect(isoWithOffset(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30:00+01:00');
	});

	it('names the same instant, as the callable’s schema reads it', () => {
		for (const iso of ['2027-01-31T22:59:00Z', '2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
			const at = new Date(iso);
			const parsed = planSettingsInput.parse({ regionId: 'r', year: '2026', deadline: isoWithOffset(at), reminderOffsets: [] });
			expect(parsed.deadline.getTime(), iso).toBe(at.getTime());
		}
	});
});

describe('stockholmInputs', () => {
	it('gives the date and time inputs of an instant in Stockholm', () => {
		expect(stockholmInputs(new Date('2027-01-31T22:59:00Z'))).toEqual({ date: '2027-01-31', time: '23:59' });
		expect(stockholmInputs(new Date('2026-06-30T22:15:00Z'))).toEqual({ date: '2026-07-01', time: '00:15' });
	});
});

describe('deadlineFromInputs', () => {
	it('reads a Stockholm date and time as one instant', () => {
		const r = deadlineFromInputs('2027-01-31', '23:59');
		expect(r).toEqual({ ok: true, at: stockholmTime(2027, 1, 31, 23, 59) });
		expect(r.ok && r.at.toISOString()).toBe('2027-01-31T22:59:00.000Z');
		const summer = deadlineFromInputs('2026-06-15', '12:00');
		expect(summer.ok && summer.at.toISOString()).toBe('2026-06-15T10:00:00.000Z');
	});

	it('ignores seconds a time input may add', () => {
		const r = deadlineFromInputs('2027-01-31', '23:59:00');
		expect(r.ok && isoWithOffset(r.at)).toBe('2027-01-31T23:59:00+01:00');
	});

	it('says which input is missing or wrong', () => {
		expect(deadlineFromInputs('', '')).toEqual({ ok: false, date: 'date-missing', time: 'time-missing' });
		expect(deadlineFromInputs('2027-02-30', '12:00')).toEqual({ ok: false, date: 'date-invalid' });
		expect(deadlineFromInputs('31/1/2027', '12:00')).toEqual({ ok: false, date: 'date-invalid' });
		expect(deadlineFromInputs('1999-01-31', '12:00')).toEqual({ ok: false, date: 'date-invalid' });
		expect(deadlineFromInputs('2027-01-31', '24:00')).toEqual({ ok: false, time: 'time-invalid' });
		expect(deadlineFromInputs('2027-01-31', '9.30')).toEqual({ ok: false, time: 'time-invalid' });
	});

	it('refuses a time the clocks skip when summer time starts', () => {
		expect(deadlineFromInputs('2026-03-29', '02:30')).toEqual({ ok: false, time: 'time-nonexistent' });
		expect(deadlineFromInputs('2026-03-29', '03:00').ok).toBe(true);
		expect(deadlineFromInputs('2026-03-29', '01:59').ok).toBe(true);
	});
});

describe('parseOffset', () => {
	it('takes whole days 0–365', () => {
		expect(parseOffset(' 21 ')).toEqual({ ok: true, value: 21 });
		expect(parseOffset('0')).toEqual({ ok: true, value: 0 });
		expect(parseOffset('365')).toEqual({ ok: true, value: 365 });
	});

	it('refuses empty, non-numbers, fractions, negatives and too many days', () => {
		expect(parseOffset('')).toEqual({ ok: false, error: 'offset-missing' });
		expect(parseOffset('två')).toEqual({ ok: false, error: 'offset-invalid' });
		expect(parseOffset('1.5')).toEqual({ ok: false, error: 'offset-invalid' });
		expect(parseOffset('-3')).toEqual({ ok: false, error: 'offset-invalid' });
		expect(parseOffset('366')).toEqual({ ok: false, error: 'offset-range' });
	});
});

describe('offsetChoices', () => {
	it('offers the default days, the plan’s and added ones, once each, descending', () => {
		expect(offsetChoices()).toEqual([30, 14, 7, 2, 1]);
		expect(offsetChoices([21, 7], [3, 21])).toEqual([30, 21, 14, 7, 3, 2, 1]);
	});
});

describe('settingsRequest', () => {
	const base = { regionId: 'jamtland-harjedalen', year: '2026', date: '2027-01-31', time: '23:59', offsets: [1, 30, 7] };

	it('builds the callable’s request: deadline with offset, days descending', () => {
		const r = settingsRequest(base);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.request).toEqual({ regionId: 'jamtland-harjedalen', year: '2026', deadline: '2027-01-31T23:59:00+01:00', reminderOffsets: [30, 7, 1] });
		expect(r.deadline.toISOString()).toBe('2027-01-31T22:59:00.000Z');
		expect(planSettingsInput.safeParse(r.request).success).toBe(true);
	});

	it('sends the sign-off requirement when the form chose one, and leaves it out otherwise', () => {
		const r = settingsRequest({ ...base, signOffRequirement: 'block' });
		expect(r.ok && r.request.signOffRequirement).toBe('block');
		expect(r.ok && planSettingsInput.parse(r.request).signOffRequirement).toBe('block');
		const w = settingsRequest(base);
		expect(w.ok && 'signOffRequirement' in w.request).toBe(false);
	});

	it('allows no reminders at all', () => {
		const r = settingsRequest({ ...base, offsets: [] });
		expect(r.ok && r.request.reminderOffsets).toEqual([]);
	});

	it('reports every wrong input at once', () => {
		expect(settingsRequest({ ...base, date: '', time: '25:00', offsets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] })).toEqual({
			ok: false,
			errors: { date: 'date-missing', time: 'time-invalid', offsets: 'offsets-too-many' }
		});
		expect(settingsRequest({ ...base, offsets: [7, 7] })).toEqual({ ok: false, errors: { offsets: 'offsets-duplicate' } });
		expect(settingsRequest({ ...base, offsets: [400] })).toEqual({ ok: false, errors: { offsets: 'offsets-invalid' } });
	});

	it('refuses a region or year the callable would refuse', () => {
		expect(settingsRequest({ ...base, year: '26' })).toEqual({ ok: false, errors: { plan: 'invalid' } });
	});
});
