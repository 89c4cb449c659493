import { describe, it, expect } from 'vitest';
import {
	TIME_ZONE,
	DEFAULT_REMINDER_OFFSETS,
	stockholmOffsetMinutes,
	stockholmTime,
	defaultDeadline,
	swedishDate,
	swedishDateTime,
	daysLeft,
	daysLeftText
} from './deadline';

const at = (iso: string) => new Date(iso);

describe('constants', () => {
	it('uses Europe/Stockholm and the default reminder offsets', () => {
		expect(TIME_ZONE).toBe('Europe/Stockholm');
		expect(DEFAULT_REMINDER_OFFSETS).toEqual([30, 14, 7, 2, 1]);
	});
});

describe('stockholmOffsetMinutes', () => {
	it('is +60 in winter and +120 in summer', () => {
		expect(stockholmOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(60);
		expect(stockholmOffsetMinutes(at('2026-07-15T12:00:00Z'))).toBe(120);
	});

	it('switches at 01:00 UTC on the last Sunday of March and October', () => {
		expect(stockholmOffsetMinutes(at('2026-03-29T00:59:59Z'))).toBe(60);
		expect(stockholmOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(120);
		expect(stockholmOffsetMinutes(at('2026-10-25T00:59:59Z'))).toBe(120);
		expect(stockholmOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(60);
	});

	it('ignores milliseconds', () => {
		expect(stockholmOffsetMinutes(at('2026-01-15T12:00:00.999Z'))).toBe(60);
		expect(stockholmOffsetMinutes(at('2026-07-15T12:00:00.501Z'))).toBe(120);
	});
});

describe('stockholmTime', () => {
	it('is UTC+1 in winter', () => {
		expect(stockholmTime(2026, 1, 15, 8, 0).toISOString()).toBe('2026-01-15T07:00:00.000Z');
	});

	it('is UTC+2 in summer', () => {
		expect(stockholmTime(2026, 7, 1, 8, 0).toISOString()).toBe('2026-07-01T06:00:00.000Z');
	});

	it('defaults to midnight', () => {
		expect(stockholmTime(2026, 7, 1).toISOString()).toBe('2026-06-30T22:00:00.000Z');
		expect(stockholmTime(2026, 1, 1).toISOString()).toBe('2025-12-31T23:00:00.000Z');
	});

	it('handles the spring-forward day (2026-03-29)', () => {
		expect(stockholmTime(2026, 3, 29, 0, 0).toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(stockholmTime(2026, 3, 29, 1, 59).toISOString()).toBe('2026-03-29T00:59:00.000Z');
		expect(stockholmTime(2026, 3, 29, 3, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
		expect(stockholmTime(2026, 3, 29, 8, 0).toISOString()).toBe('2026-03-29T06:00:00.000Z');
		expect(stockholmTime(2026, 3, 29, 23, 59).toISOString()).toBe('2026-03-29T21:59:00.000Z');
	});

	it('handles the fall-back day (2026-10-25)', () => {
		expect(stockholmTime(2026, 10, 25, 0, 0).toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(stockholmTime(2026, 10, 25, 1, 0).toISOString()).toBe('2026-10-24T23:00:00.000Z');
		expect(stockholmTime(2026, 10, 25, 3, 0).toISOString()).toBe('2026-10-25T02:00:00.000Z');
		expect(stockholmTime(2026, 10, 25, 8, 0).toISOString()).toBe('2026-10-25T07:00:00.000Z');
		expect(stockholmTime(2026, 10, 26, 0, 0).toISOString()).toBe('2026-10-25T23:00:00.000Z');
	});

	it('round-trips through the wall clock for every hour of both switch days', () => {
		const wall = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Stockholm',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		});
		for (const [y, m, d] of [
			[2026, 3, 29],
			[2026, 10, 25]
		]) {
			for (let h = 0; h < 24; h++) {
				if (m === 3 && h === 2) continue; // 02:xx does not exist on the spring-forward day
				const t = stockholmTime(y, m, d, h, 30);
				const expected = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}, ${String(h).padStart(2, '0')}:30`;
				expect(wall.format(t), `${y}-${m}-${d} ${h}:30`).toBe(expected);
			}
		}
	});
});

describe('defaultDeadline', () => {
	it('is 31 January 23:59 Stockholm (UTC+1) of the following year', () => {
		expect(defaultDeadline(2026).toISOString()).toBe('2027-01-31T22:59:00.000Z');
		expect(defaultDeadline(2023).toISOString()).toBe('2024-01-31T22:59:00.000Z');
	});
});

describe('swedishDate and swedishDateTime', () => {
	it('writes the date with a Swedish month name', () => {
		expect(swedishDate(defaultDeadline(2026))).toBe('31 januari 2027');
		expect(swedishDate(at('2026-07-01T06:00:00Z'))).toBe('1 juli 2026');
	});

	it('uses the Stockholm date, not the UTC date', () => {
		// 23:30 UTC on 31 Dec is already 1 January in Stockholm.
		expect(swedishDate(at('2026-12-31T23:30:00Z'))).toBe('1 januari 2027');
	});

	it('writes date and time as "31 januari 2027 kl. 23:59"', () => {
		expect(swedishDateTime(defaultDeadline(2026))).toBe('31 januari 2027 kl. 23:59');
	});

	it('pads hours and minutes and shows summer time', () => {
		expect(swedishDateTime(at('2026-07-01T06:05:00Z'))).toBe('1 juli 2026 kl. 08:05');
		expect(swedishDateTime(at('2026-06-30T22:00:00Z'))).toBe('1 juli 2026 kl. 00:00');
		expect(swedishDateTime(at('2026-03-01T08:05:00Z'))).toBe('1 mars 2026 kl. 09:05');
	});
});

describe('daysLeft', () => {
	const deadline = defaultDeadline(2026); // 2027-01-31 23:59 Stockholm

	it('counts Stockholm calendar days to the deadline', () => {
		expect(daysLeft(deadline, at('2027-01-19T08:00:00+01:00'))).toBe(12);
		expect(daysLeft(deadline, at('2027-01-30T12:00:00+01:00'))).toBe(1);
	});

	it('is 0 all of the deadline day, from midnight to 23:59', () => {
		expect(daysLeft(deadline, at('2027-01-31T00:00:00+01:00'))).toBe(0);
		expect(daysLeft(deadline, at('2027-01-31T23:58:00+01:00'))).toBe(0);
	});

	it('counts the late-evening UTC hour that is already the next day in Stockholm', () => {
		// 23:30 UTC on 18 January is 00:30 on 19 January in Stockholm.
		expect(daysLeft(deadline, at('2027-01-18T23:30:00Z'))).toBe(12);
		// 22:30 UTC is still 18 January in Stockholm.
		expect(daysLeft(deadline, at('2027-01-18T22:30:00Z'))).toBe(13);
	});

	it('is negative once the deadline day has passed', () => {
		expect(daysLeft(deadline, at('2027-02-01T00:00:00+01:00'))).toBe(-1);
		expect(daysLeft(deadline, at('2027-02-02T09:00:00+01:00'))).toBe(-2);
	});

	it('counts calendar days across a DST switch', () => {
		const summerDeadline = stockholmTime(2026, 4, 1, 23, 59);
		expect(daysLeft(summerDeadline, stockholmTime(2026, 3, 28, 23, 30))).toBe(4);
		expect(daysLeft(stockholmTime(2026, 10, 26, 0, 30), stockholmTime(2026, 10, 24, 23, 30))).toBe(2);
	});
});

describe('daysLeftText', () => {
	const deadline = defaultDeadline(2026);

	it('reads in Swedish', () => {
		expect(daysLeftText(deadline, at('2027-01-19T08:00:00+01:00'))).toBe('12 dagar kvar');
		expect(daysLeftText(deadline, at('2027-01-30T08:00:00+01:00'))).toBe('1 dag kvar');
		expect(daysLeftText(deadline, at('2027-01-31T08:00:00+01:00'))).toBe('sista dagen idag');
		expect(daysLeftText(deadline, at('2027-02-01T08:00:00+01:00'))).toBe('1 dag sedan');
		expect(daysLeftText(deadline, at('2027-02-02T08:00:00+01:00'))).toBe('2 dagar sedan');
	});
});
