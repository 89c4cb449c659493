import { describe, expect, it } from 'vitest';
import { parseInstant } from './reminders';

describe('parseInstant (the reminders CLI --now)', () => {
	it('accepts ISO date-times with an offset or Z, with or without seconds', () => {
		expect(parseInstant('2027-01-24T08:00:00+01:00')?.toISOString()).toBe('2027-01-24T07:00:00.000Z');
		expect(parseInstant('2024-01-24T08:00+01:00')?.toISOString()).toBe('2024-01-24T07:00:00.000Z');
		expect(parseInstant('2024-06-01T06:00:00.5Z')?.toISOString()).toBe('2024-06-01T06:00:00.500Z');
	});

	it('refuses a bare local time, a date alone, impossible dates and times, and other text', () => {
		for (const s of ['2027-01-24T08:00:00', '2027-01-24', '2024-02-30T08:00+01:00', '2024-13-01T08:00Z', '2024-01-01T24:00Z', '24 januari', '']) {
			expect(parseInstant(s), s).toBeNull();
		}
	});
});
