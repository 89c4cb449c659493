import { describe, it, expect } from 'vitest';
import {
	REMINDER_HOUR,
	DEFAULT_MAX_MISSING,
	stockholmDate,
	reminderDueAt,
	effectiveDeadline,
	effectiveOffsets,
	reminderSchedule,
	dueOffset,
	nextReminder,
	ledgerKey,
	parseLedgerKey,
	planLink,
	planReminders,
	reminderMail,
	reminderSubject,
	timeLeftLine,
	type ReminderPlan,
	type ReminderMember,
	type PlanRemindersInput,
	type ReminderDigest
} from './reminders';
import { defaultDeadline, stockholmTime, DEFAULT_REMINDER_OFFSETS } from './deadline';
import { escapeHtml } from './mail-text';
import type { MissingItem } from './completeness';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const at = (s: string) => new Date(s);
/** 08:00 Stockholm on a calendar date: the daily run. */
const run = (y: number, m: number, d: number, hour = REMINDER_HOUR, minute = 0) => stockholmTime(y, m, d, hour, minute);

const deadline2026 = defaultDeadline(2026); // 2027-01-31 23:59 Stockholm
const offsets = DEFAULT_REMINDER_OFFSETS;
const appUrl = 'https://planbordet.example';

const missing = (n: number): MissingItem[] =>
	Array.from({ length: n }, (_, i) => ({ rowId: `r${i}`, field: 'goal', rowNumber: `1.${i + 1}`, fieldTitle: 'Mål' }));

const plan = (over: Partial<ReminderPlan> = {}): ReminderPlan => ({
	regionId: 'jamtland-harjedalen',
	regionName: 'Region Jämtland Härjedalen',
	year: '2026',
	status: 'draft',
	deadline: null,
	offsets: null,
	missing: missing(3),
	...over
});

const karin: ReminderMember = { uid: 'u-karin', email: 'karin@krokom.se', name: 'Karin Krokom', role: 'editor' };
const rolf: ReminderMember = { uid: 'u-rolf', email: 'rolf@regionjh.se', name: 'Rolf Region', role: 'coordinator' };

const input = (over: Partial<PlanRemindersInput> = {}): PlanRemindersInput => ({
	plans: [plan()],
	members: { 'jamtland-harjedalen': [karin] },
	ledger: [],
	unsubscribed: [],
	now: run(2027, 1, 17),
	appUrl,
	...over
});

/** Every calendar date from..to inclusive, as [y, m, d]. */
function days(from: [number, number, number], to: [number, number, number]): Array<[number, number, number]> {
	const out: Array<[number, number, number]> = [];
	for (let t = Date.UTC(from[0], from[1] - 1, from[2]); t <= Date.UTC(to[0], to[1] - 1, to[2]); t += 86_400_000) {
		const d = new Date(t);
		out.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
	}
	return out;
}

/**
 * Runs the daily job at 08:00 Stockholm on each day, as the scheduled function will: every item
 * sent goes into the ledger. Returns what was sent, as "date offset uid".
 */
function simulate(
	range: Array<[number, number, number]>,
	base: (day: [number, number, number]) => Partial<PlanRemindersInput>,
	ledger = new Set<string>()
): { sent: string[]; ledger: Set<string> } {
	const sent: string[] = [];
	for (const day of range) {
		const now = run(...day);
		for (const digest of planReminders(input({ ...base(day), ledger, now }))) {
			for (const item of digest.items) {
				expect(ledger.has(item.ledgerKey)).toBe(false);
				ledger.add(item.ledgerKey);
				sent.push(`${stockholmDate(now)} ${item.offset} ${digest.uid}`);
			}
		}
	}
	return { sent, ledger };
}

describe('stockholmDate', () => {
	it('is the Stockholm calendar date of an instant', () => {
		expect(stockholmDate(deadline2026)).toBe('2027-01-31');
		expect(stockholmDate(at('2027-01-31T22:59:00Z'))).toBe('2027-01-31');
		expect(stockholmDate(at('2027-01-31T23:00:00Z'))).toBe('2027-02-01');
		expect(stockholmDate(at('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
		expect(stockholmDate(at('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
	});
});

describe('reminderDueAt', () => {
	it('is 08:00 Stockholm (07:00Z in winter) on the deadline date minus d days', () => {
		expect(iso(deadline2026)).toBe('2027-01-31T22:59:00.000Z');
		expect(offsets.map((d) => iso(reminderDueAt(deadline2026, d)))).toEqual([
			'2027-01-01T07:00:00.000Z',
			'2027-01-17T07:00:00.000Z',
			'2027-01-24T07:00:00.000Z',
			'2027-01-29T07:00:00.000Z',
			'2027-01-30T07:00:00.000Z'
		]);
		expect(iso(reminderDueAt(deadline2026, 0))).toBe('2027-01-31T07:00:00.000Z');
	});

	it('is 06:00Z in summer', () => {
		const june = stockholmTime(2026, 6, 30, 23, 59);
		expect(iso(reminderDueAt(june, 7))).toBe('2026-06-23T06:00:00.000Z');
		expect(iso(reminderDueAt(june, 30))).toBe('2026-05-31T06:00:00.000Z');
	});

	it('follows the Stockholm date across a summer-time change and month and year ends', () => {
		const april = stockholmTime(2026, 4, 5, 23, 59); // summer time starts 2026-03-29
		expect(iso(reminderDueAt(april, 14))).toBe('2026-03-22T07:00:00.000Z');
		expect(iso(reminderDueAt(april, 7))).toBe('2026-03-29T06:00:00.000Z');
		const november = stockholmTime(2026, 11, 1, 12, 0); // winter time from 2026-10-25
		expect(iso(reminderDueAt(november, 7))).toBe('2026-10-25T07:00:00.000Z');
		expect(iso(reminderDueAt(november, 8))).toBe('2026-10-24T06:00:00.000Z');
		expect(iso(reminderDueAt(stockholmTime(2027, 3, 1, 12, 0), 1))).toBe('2027-02-28T07:00:00.000Z');
		expect(iso(reminderDueAt(stockholmTime(2028, 3, 1, 12, 0), 1))).toBe('2028-02-29T07:00:00.000Z');
	});

	it('uses the Stockholm date of a deadline given at 00:30 local (still the previous day in UTC)', () => {
		const d = stockholmTime(2027, 2, 1, 0, 30); // 2027-01-31T23:30Z
		expect(stockholmDate(d)).toBe('2027-02-01');
		expect(iso(reminderDueAt(d, 1))).toBe('2027-01-31T07:00:00.000Z');
	});
});

describe('effectiveDeadline / effectiveOffsets', () => {
	it('defaults the deadline to 31 January 23:59 Stockholm the year after', () => {
		expect(iso(effectiveDeadline('2026'))).toBe('2027-01-31T22:59:00.000Z');
		expect(iso(effectiveDeadline(2026, null))).toBe('2027-01-31T22:59:00.000Z');
		const custom = at('2027-01-15T11:00:00Z');
		expect(effectiveDeadline('2026', custom)).toBe(custom);
	});

	it('defaults the offsets and normalises a list: unique, whole days ≥ 0, descending', () => {
		expect(effectiveOffsets()).toEqual([30, 14, 7, 2, 1]);
		expect(effectiveOffsets(null)).toEqual([30, 14, 7, 2, 1]);
		expect(effectiveOffsets([1, 7, 7, 30, -2, 2.5, 0])).toEqual([30, 7, 1, 0]);
		expect(effectiveOffsets([])).toEqual([]);
	});
});

describe('reminderSchedule / nextReminder', () => {
	it('lists the due times earliest first', () => {
		expect(reminderSchedule({ deadline: deadline2026, offsets: [1, 30, 7] }).map((s) => [s.offset, iso(s.dueAt)])).toEqual([
			[30, '2027-01-01T07:00:00.000Z'],
			[7, '2027-01-24T07:00:00.000Z'],
			[1, '2027-01-30T07:00:00.000Z']
		]);
	});

	it('leaves out an offset that would fall due after the deadline', () => {
		const early = stockholmTime(2027, 1, 31, 7, 0);
		expect(reminderSchedule({ deadline: early, offsets: [1, 0] }).map((s) => s.offset)).toEqual([1]);
	});

	it('tells the next reminder after now', () => {
		expect(nextReminder({ deadline: deadline2026, offsets, now: run(2027, 1, 17) })).toEqual({ offset: 7, dueAt: run(2027, 1, 24) });
		expect(nextReminder({ deadline: deadline2026, offsets, now: run(2027, 1, 17, 7, 59) })).toEqual({ offset: 14, dueAt: run(2027, 1, 17) });
		expect(nextReminder({ deadline: deadline2026, offsets, now: run(2027, 1, 30) })).toBeNull();
		expect(nextReminder({ deadline: deadline2026, offsets, now: at('2027-02-01T00:00:00Z') })).toBeNull();
	});
});

describe('dueOffset', () => {
	const none = new Set<number>();

	it('is null before the first offset is due', () => {
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2026, 12, 31), sent: none })).toBeNull();
	});

	it('is due from 08:00 Stockholm: 06:59Z nothing, 07:00Z due (winter)', () => {
		const sent = new Set([30]);
		expect(dueOffset({ deadline: deadline2026, offsets, now: at('2027-01-17T06:59:00Z'), sent })).toBeNull();
		expect(dueOffset({ deadline: deadline2026, offsets, now: at('2027-01-17T06:59:59.999Z'), sent })).toBeNull();
		expect(dueOffset({ deadline: deadline2026, offsets, now: at('2027-01-17T07:00:00Z'), sent })).toBe(14);
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 17, 7, 59), sent })).toBeNull();
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 17, 8, 0), sent })).toBe(14);
	});

	it('stays due for the rest of the day (and later) until sent', () => {
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 17, 23, 30), sent: new Set([30]) })).toBe(14);
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 20), sent: new Set([30]) })).toBe(14);
	});

	it('is null once the most recent due offset was sent', () => {
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 20), sent: new Set([14]) })).toBeNull();
	});

	it('sends only the most recent due offset after missed runs', () => {
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 30), sent: none })).toBe(1);
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 29), sent: new Set([30]) })).toBe(2);
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 1, 30), sent: new Set([1]) })).toBeNull();
	});

	it('is null at and after the deadline, and on the deadline day before it', () => {
		expect(dueOffset({ deadline: deadline2026, offsets, now: at('2027-01-31T22:58:59Z'), sent: none })).toBe(1);
		expect(dueOffset({ deadline: deadline2026, offsets, now: deadline2026, sent: none })).toBeNull();
		expect(dueOffset({ deadline: deadline2026, offsets, now: run(2027, 2, 1), sent: none })).toBeNull();
	});

	it('handles offset 0 (the deadline day itself)', () => {
		expect(dueOffset({ deadline: deadline2026, offsets: [0], now: run(2027, 1, 31, 7, 59), sent: none })).toBeNull();
		expect(dueOffset({ deadline: deadline2026, offsets: [0], now: run(2027, 1, 31), sent: none })).toBe(0);
		expect(dueOffset({ deadline: stockholmTime(2027, 1, 31, 7, 0), offsets: [0], now: run(2027, 1, 31), sent: none })).toBeNull();
	});

	it('is null with no offsets, and ignores input order and duplicates', () => {
		expect(dueOffset({ deadline: deadline2026, offsets: [], now: run(2027, 1, 30), sent: none })).toBeNull();
		expect(dueOffset({ deadline: deadline2026, offsets: [1, 30, 2, 2, 14], now: run(2027, 1, 29), sent: none })).toBe(2);
	});

	it('is due at 06:00Z in summer: a custom deadline in June', () => {
		const june = stockholmTime(2026, 6, 30, 23, 59);
		expect(dueOffset({ deadline: june, offsets, now: at('2026-06-23T05:59:00Z'), sent: new Set([30, 14]) })).toBeNull();
		expect(dueOffset({ deadline: june, offsets, now: at('2026-06-23T06:00:00Z'), sent: new Set([30, 14]) })).toBe(7);
	});
});

describe('ledger keys', () => {
	it('include region, year, person, the deadline date and the offset', () => {
		const key = ledgerKey({ regionId: 'jamtland-harjedalen', year: '2026', uid: 'u1', deadline: deadline2026, offset: 14 });
		expect(key).toBe('jamtland-harjedalen/2026/u1/2027-01-31/14');
		expect(parseLedgerKey(key)).toEqual({ regionId: 'jamtland-harjedalen', year: '2026', uid: 'u1', deadlineDate: '2027-01-31', offset: 14 });
	});

	it('use the Stockholm date, so only a change of date changes the key', () => {
		const a = ledgerKey({ regionId: 'r', year: '2026', uid: 'u', deadline: deadline2026, offset: 1 });
		const sameDay = ledgerKey({ regionId: 'r', year: '2026', uid: 'u', deadline: stockholmTime(2027, 1, 31, 12, 0), offset: 1 });
		const nextDay = ledgerKey({ regionId: 'r', year: '2026', uid: 'u', deadline: stockholmTime(2027, 2, 1, 12, 0), offset: 1 });
		expect(sameDay).toBe(a);
		expect(nextDay).not.toBe(a);
	});

	it('refuse to parse anything else', () => {
		for (const bad of ['', 'a/b/c/d', 'r/2026/u/2027-01-31/x', 'r/26/u/2027-01-31/1', 'r/2026/u/2027-01-31/01', 'r/2026/u/v/2027-01-31/1', 'r/2026/u/2027-01-31/1/']) {
			expect(parseLedgerKey(bad), bad).toBeNull();
		}
	});
});

describe('planReminders: time travel across every offset (the 2026 plan)', () => {
	it('sends 30, 14, 7, 2 and 1 once each at the 08:00 runs, nothing after the deadline', () => {
		const { sent } = simulate(days([2026, 12, 25], [2027, 2, 1]), () => ({}));
		expect(sent).toEqual([
			'2027-01-01 30 u-karin',
			'2027-01-17 14 u-karin',
			'2027-01-24 7 u-karin',
			'2027-01-29 2 u-karin',
			'2027-01-30 1 u-karin'
		]);
	});

	it('runs every hour send the same, each at the 08:00 run', () => {
		const ledger = new Set<string>();
		const sent: string[] = [];
		for (const day of days([2026, 12, 31], [2027, 2, 1])) {
			for (let hour = 0; hour < 24; hour++) {
				const now = run(day[0], day[1], day[2], hour);
				for (const d of planReminders(input({ ledger, now }))) {
					for (const item of d.items) {
						ledger.add(item.ledgerKey);
						sent.push(`${now.toISOString()} ${item.offset}`);
					}
				}
			}
		}
		expect(sent).toEqual([
			'2027-01-01T07:00:00.000Z 30',
			'2027-01-17T07:00:00.000Z 14',
			'2027-01-24T07:00:00.000Z 7',
			'2027-01-29T07:00:00.000Z 2',
			'2027-01-30T07:00:00.000Z 1'
		]);
	});

	it('tells the days left of each reminder', () => {
		const texts: string[] = [];
		const ledger = new Set<string>();
		for (const day of days([2026, 12, 25], [2027, 2, 1])) {
			for (const d of planReminders(input({ ledger, now: run(...day) }))) {
				for (const item of d.items) {
					ledger.add(item.ledgerKey);
					texts.push(`${item.daysLeftText} till ${item.deadlineText}`);
				}
			}
		}
		expect(texts).toEqual([
			'30 dagar kvar till 31 januari 2027',
			'14 dagar kvar till 31 januari 2027',
			'7 dagar kvar till 31 januari 2027',
			'2 dagar kvar till 31 januari 2027',
			'1 dag kvar till 31 januari 2027'
		]);
	});

	it('winter: a run at 06:59Z sends nothing, at 07:00Z the offset is due', () => {
		const ledger = [ledgerKey({ regionId: 'jamtland-harjedalen', year: '2026', uid: 'u-karin', deadline: deadline2026, offset: 30 })];
		expect(planReminders(input({ ledger, now: at('2027-01-17T06:59:00Z') }))).toEqual([]);
		const digests = planReminders(input({ ledger, now: at('2027-01-17T07:00:00Z') }));
		expect(digests.map((d) => d.items.map((i) => i.offset))).toEqual([[14]]);
	});

	it('summer: a custom deadline in June, reminders due at 06:00Z', () => {
		const june = stockholmTime(2026, 6, 30, 23, 59);
		const { sent } = simulate(days([2026, 5, 20], [2026, 7, 2]), () => ({ plans: [plan({ deadline: june })] }));
		expect(sent).toEqual([
			'2026-05-31 30 u-karin',
			'2026-06-16 14 u-karin',
			'2026-06-23 7 u-karin',
			'2026-06-28 2 u-karin',
			'2026-06-29 1 u-karin'
		]);
		const ledger = new Set([ledgerKey({ regionId: 'jamtland-harjedalen', year: '2026', uid: 'u-karin', deadline: june, offset: 30 })]);
		const plans = [plan({ deadline: june })];
		expect(planReminders(input({ plans, ledger, now: at('2026-06-16T05:59:00Z') }))).toEqual([]);
		expect(planReminders(input({ plans, ledger, now: at('2026-06-16T06:00:00Z') }))[0].items[0].offset).toBe(14);
	});

	it('missed runs: nothing ran from 2027-01-10 to 2027-01-30 → the 2027-01-30 run sends only offset 1', () => {
		const range = days([2026, 12, 25], [2027, 2, 1]).filter(([y, m, d]) => !(y === 2027 && m === 1 && d >= 10 && d < 30));
		const { sent } = simulate(range, () => ({}));
		expect(sent).toEqual(['2027-01-01 30 u-karin', '2027-01-30 1 u-karin']);
	});

	it('custom offsets follow the plan', () => {
		const { sent } = simulate(days([2026, 12, 1], [2027, 2, 1]), () => ({ plans: [plan({ offsets: [45, 3] })] }));
		expect(sent).toEqual(['2026-12-17 45 u-karin', '2027-01-28 3 u-karin']);
	});

	it('an empty offset list switches reminders off', () => {
		expect(simulate(days([2026, 12, 1], [2027, 2, 1]), () => ({ plans: [plan({ offsets: [] })] })).sent).toEqual([]);
	});
});

describe('planReminders: changing the deadline restarts the schedule (the ledger key holds the deadline date)', () => {
	const later = stockholmTime(2027, 2, 28, 23, 59);
	const earlier = stockholmTime(2027, 1, 25, 23, 59);

	it('moving it later: the new date sends its offsets again, each once', () => {
		const { sent } = simulate(days([2026, 12, 25], [2027, 3, 1]), ([y, m, d]) => ({
			plans: [plan({ deadline: y === 2027 && (m > 1 || d >= 20) ? later : null })]
		}));
		expect(sent).toEqual([
			'2027-01-01 30 u-karin',
			'2027-01-17 14 u-karin',
			// from 2027-01-20 the deadline is 28 February: its schedule starts over
			'2027-01-29 30 u-karin',
			'2027-02-14 14 u-karin',
			'2027-02-21 7 u-karin',
			'2027-02-26 2 u-karin',
			'2027-02-27 1 u-karin'
		]);
	});

	it('moving it earlier: the most recent due offset of the new date goes out at the next run', () => {
		const { sent } = simulate(days([2026, 12, 25], [2027, 2, 1]), ([y, m, d]) => ({
			plans: [plan({ deadline: y === 2027 && m === 1 && d >= 20 ? earlier : null })]
		}));
		expect(sent).toEqual([
			'2027-01-01 30 u-karin',
			'2027-01-17 14 u-karin',
			'2027-01-20 7 u-karin', // 7 days before 25 January was 18 January: caught up once
			'2027-01-23 2 u-karin',
			'2027-01-24 1 u-karin'
		]);
	});

	it('moving it away and back: the old entries count again, nothing is sent twice for a date', () => {
		const { sent } = simulate(days([2026, 12, 25], [2027, 2, 1]), ([y, m, d]) => ({
			plans: [plan({ deadline: y === 2027 && m === 1 && d >= 18 && d < 22 ? later : null })]
		}));
		expect(sent).toEqual(['2027-01-01 30 u-karin', '2027-01-17 14 u-karin', '2027-01-24 7 u-karin', '2027-01-29 2 u-karin', '2027-01-30 1 u-karin']);
	});

	it('changing only the time of day keeps the schedule and the ledger', () => {
		const ledger = new Set<string>();
		const first = planReminders(input({ ledger, now: run(2027, 1, 17) }));
		for (const d of first) for (const i of d.items) ledger.add(i.ledgerKey);
		expect(first[0].items[0].offset).toBe(14);
		const noon = stockholmTime(2027, 1, 31, 12, 0);
		expect(planReminders(input({ plans: [plan({ deadline: noon })], ledger, now: run(2027, 1, 17, 9) }))).toEqual([]);
	});
});

describe('planReminders: who gets what', () => {
	it('never for a submitted plan', () => {
		expect(simulate(days([2026, 12, 25], [2027, 2, 1]), () => ({ plans: [plan({ status: 'submitted' })] })).sent).toEqual([]);
	});

	it('a plan submitted midway stops its reminders; reopened, they continue', () => {
		const { sent } = simulate(days([2026, 12, 25], [2027, 2, 1]), ([, m, d]) => ({
			plans: [plan({ status: m === 1 && d >= 10 && d < 26 ? 'submitted' : 'draft' })]
		}));
		expect(sent).toEqual(['2027-01-01 30 u-karin', '2027-01-26 7 u-karin', '2027-01-29 2 u-karin', '2027-01-30 1 u-karin']);
	});

	it('never for an unsubscribed person', () => {
		const members = { 'jamtland-harjedalen': [karin, rolf] };
		const digests = planReminders(input({ members, unsubscribed: new Set(['u-karin']) }));
		expect(digests.map((d) => d.uid)).toEqual(['u-rolf']);
		expect(planReminders(input({ unsubscribed: ['u-karin'] }))).toEqual([]);
	});

	it('never a (plan, person, offset) already in the ledger; each person has their own entries', () => {
		const members = { 'jamtland-harjedalen': [karin, rolf] };
		const ledger = [ledgerKey({ regionId: 'jamtland-harjedalen', year: '2026', uid: 'u-karin', deadline: deadline2026, offset: 14 })];
		const digests = planReminders(input({ members, ledger, now: run(2027, 1, 17) }));
		expect(digests.map((d) => [d.uid, d.items.map((i) => i.offset)])).toEqual([['u-rolf', [14]]]);
	});

	it('coordinators and editors both get reminders; people of other regions do not', () => {
		const members = { 'jamtland-harjedalen': [karin, rolf], 'region-vasternorrland': [{ ...karin, uid: 'u-other', email: 'o@x.se' }] };
		expect(planReminders(input({ members })).map((d) => d.uid)).toEqual(['u-karin', 'u-rolf']);
	});

	it('nobody when the region has no members listed (also for ids like "constructor")', () => {
		expect(planReminders(input({ members: {} }))).toEqual([]);
		expect(planReminders(input({ plans: [plan({ regionId: 'constructor' })], members: {} }))).toEqual([]);
	});

	it('a person listed twice gets one item', () => {
		const digests = planReminders(input({ members: { 'jamtland-harjedalen': [karin, karin] } }));
		expect(digests).toHaveLength(1);
		expect(digests[0].items).toHaveLength(1);
	});

	it('two plans for one person come in one digest, earliest deadline first', () => {
		const plans = [
			plan({ regionId: 'region-vasternorrland', regionName: 'Region Västernorrland', deadline: stockholmTime(2027, 1, 31, 23, 59), missing: missing(1) }),
			plan({ deadline: stockholmTime(2027, 1, 24, 23, 59) })
		];
		const members = { 'jamtland-harjedalen': [karin], 'region-vasternorrland': [karin, rolf] };
		const digests = planReminders(input({ plans, members, now: run(2027, 1, 17) }));
		expect(digests.map((d) => d.uid)).toEqual(['u-karin', 'u-rolf']);
		expect(digests[0].items.map((i) => [i.regionId, i.offset])).toEqual([
			['jamtland-harjedalen', 7],
			['region-vasternorrland', 14]
		]);
		expect(digests[1].items.map((i) => [i.regionId, i.offset])).toEqual([['region-vasternorrland', 14]]);
	});

	it('two years of one region are two items', () => {
		const plans = [plan({ year: '2026' }), plan({ year: '2025', deadline: deadline2026 })];
		const items = planReminders(input({ plans }))[0].items;
		expect(items.map((i) => i.year)).toEqual(['2025', '2026']);
		expect(new Set(items.map((i) => i.ledgerKey)).size).toBe(2);
	});

	it('builds the item: ledger key, texts, missing (first N), link', () => {
		const [digest] = planReminders(input({ plans: [plan({ missing: missing(12) })], now: run(2027, 1, 19) }));
		expect(digest).toMatchObject({ uid: 'u-karin', email: 'karin@krokom.se', name: 'Karin Krokom' });
		const [item] = digest.items;
		expect(item).toMatchObject({
			regionId: 'jamtland-harjedalen',
			regionName: 'Region Jämtland Härjedalen',
			year: '2026',
			offset: 14,
			ledgerKey: 'jamtland-harjedalen/2026/u-karin/2027-01-31/14',
			deadlineText: '31 januari 2027',
			daysLeft: 12,
			daysLeftText: '12 dagar kvar',
			missingCount: 12,
			link: 'https://planbordet.example/plan/jamtland-harjedalen/2026'
		});
		expect(item.deadline).toEqual(deadline2026);
		expect(item.missing).toHaveLength(DEFAULT_MAX_MISSING);
		expect(item.missing[0]).toEqual({ rowId: 'r0', field: 'goal', rowNumber: '1.1', fieldTitle: 'Mål' });
		expect(planReminders(input({ plans: [plan({ missing: missing(12) })], maxMissing: 3 }))[0].items[0].missing).toHaveLength(3);
	});

	it('ignores a trailing slash on the app URL', () => {
		expect(planReminders(input({ appUrl: 'https://planbordet.example/' }))[0].items[0].link).toBe(
			'https://planbordet.example/plan/jamtland-harjedalen/2026'
		);
		expect(planLink('https://x.example//', 'r', 2026)).toBe('https://x.example/plan/r/2026');
	});
});

describe('planReminders: deterministic', () => {
	const big = (): PlanRemindersInput =>
		input({
			plans: [
				plan({ regionId: 'b-region', regionName: 'B' }),
				plan({ regionId: 'a-region', regionName: 'A', deadline: stockholmTime(2027, 1, 20, 23, 59) }),
				plan({ regionId: 'c-region', regionName: 'C', status: 'submitted' })
			],
			members: {
				'a-region': [rolf, { ...karin, uid: 'u-zed' }],
				'b-region': [karin, rolf],
				'c-region': [karin]
			},
			ledger: [ledgerKey({ regionId: 'b-region', year: '2026', uid: 'u-rolf', deadline: deadline2026, offset: 14 })],
			now: run(2027, 1, 18)
		});

	it('two runs at the same instant with the same ledger produce the same set', () => {
		const a = planReminders(big());
		const b = planReminders(big());
		expect(a).toEqual(b);
		expect(a.map((d) => [d.uid, d.items.map((i) => `${i.regionId}:${i.offset}`)])).toEqual([
			['u-karin', ['b-region:14']],
			['u-rolf', ['a-region:2']],
			['u-zed', ['a-region:2']]
		]);
	});

	it('does not depend on the order of plans and members', () => {
		const x = big();
		const shuffled = { ...x, plans: [...x.plans].reverse(), members: Object.fromEntries(Object.entries(x.members).reverse().map(([k, v]) => [k, [...v].reverse()])) };
		expect(planReminders(shuffled)).toEqual(planReminders(x));
	});

	it('takes a person\'s name and email from the same region whatever the order', () => {
		const plans = [plan({ regionId: 'b-region' }), plan({ regionId: 'a-region' })];
		const members = { 'a-region': [{ ...karin, email: 'karin@a.se' }], 'b-region': [{ ...karin, email: 'karin@b.se' }] };
		expect(planReminders(input({ plans, members }))[0].email).toBe('karin@a.se');
		expect(planReminders(input({ plans: [...plans].reverse(), members }))[0].email).toBe('karin@a.se');
	});

	it('does not modify its input', () => {
		const x = big();
		const before = structuredClone({ plans: x.plans, members: x.members });
		planReminders(x);
		expect({ plans: x.plans, members: x.members }).toEqual(before);
	});
});

describe('reminderSubject', () => {
	const item = (deadline: Date) => ({ deadline, deadlineText: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }).format(deadline) });

	it('names the deadline for one plan', () => {
		expect(reminderSubject([item(deadline2026)])).toBe('Påminnelse: handlingsplanen ska lämnas in senast 31 januari 2027');
	});

	it('uses the plural for several plans', () => {
		expect(reminderSubject([item(deadline2026), item(deadline2026)])).toBe('Påminnelse: 2 handlingsplaner ska lämnas in senast 31 januari 2027');
		expect(reminderSubject([item(deadline2026), item(stockholmTime(2027, 1, 24, 23, 59))])).toBe(
			'Påminnelse: 2 handlingsplaner ska lämnas in, den första senast 24 januari 2027'
		);
	});
});

describe('timeLeftLine', () => {
	it('says days left and the deadline with its time', () => {
		expect(timeLeftLine({ deadline: deadline2026, daysLeft: 12, daysLeftText: '12 dagar kvar' })).toBe('12 dagar kvar till 31 januari 2027 kl. 23:59.');
		expect(timeLeftLine({ deadline: deadline2026, daysLeft: 0, daysLeftText: 'sista dagen idag' })).toBe(
			'Sista dagen idag: planen ska lämnas in senast 31 januari 2027 kl. 23:59.'
		);
	});
});

describe('reminderMail', () => {
	const unsubscribeUrl = 'https://planbordet.example/paminnelser/avsluta?token=abc.def&x=1';
	const digestAt = (now: Date, plans = [plan()], members: PlanRemindersInput['members'] = { 'jamtland-harjedalen': [karin] }): ReminderDigest =>
		planReminders(input({ plans, members, now }))[0];

	it('has the Swedish subject, greeting, days left, what is missing, the link and the unsubscribe footer', () => {
		const mail = reminderMail(digestAt(run(2027, 1, 19)), { appUrl, unsubscribeUrl });
		expect(mail.subject).toBe('Påminnelse: handlingsplanen ska lämnas in senast 31 januari 2027');
		const lines = mail.text.split('\n');
		expect(lines[0]).toBe('Hej Karin Krokom!');
		expect(lines).toContain('Region Jämtland Härjedalen – handlingsplan 2026');
		expect(lines).toContain('12 dagar kvar till 31 januari 2027 kl. 23:59.');
		expect(lines).toContain('3 uppgifter saknas:');
		expect(lines).toContain('  – Insats 1.1: Mål');
		expect(lines).toContain('  – Insats 1.3: Mål');
		expect(lines).toContain('Öppna planen: https://planbordet.example/plan/jamtland-harjedalen/2026');
		expect(lines).toContain(`Avsluta påminnelser: ${unsubscribeUrl}`);
		expect(mail.text).toContain('slå på dem igen i Planbordet');
		expect(lines).toContain('Planbordet: https://planbordet.example');
		expect(mail.text.indexOf('Avsluta påminnelser')).toBeGreaterThan(mail.text.indexOf('Öppna planen'));
	});

	it('lists up to 10 missing fields and counts the rest', () => {
		const digest = digestAt(run(2027, 1, 19), [plan({ missing: missing(13) })]);
		const { text, html } = reminderMail(digest, { appUrl, unsubscribeUrl });
		expect(text).toContain('13 uppgifter saknas:');
		expect(text.split('\n').filter((l) => l.startsWith('  – Insats'))).toHaveLength(10);
		expect(text).toContain('  – … och 3 till');
		expect(html.match(/<li>/g)).toHaveLength(11);
	});

	it('says when nothing is missing, with the singular for one', () => {
		expect(reminderMail(digestAt(run(2027, 1, 19), [plan({ missing: [] })]), { appUrl, unsubscribeUrl }).text).toContain(
			'Alla obligatoriska uppgifter är ifyllda – planen kan lämnas in.'
		);
		const one = reminderMail(digestAt(run(2027, 1, 19), [plan({ missing: missing(1) })]), { appUrl, unsubscribeUrl });
		expect(one.text).toContain('1 uppgift saknas:');
		expect(one.html).toContain('<ul><li>Insats 1.1: Mål</li></ul>');
		expect(reminderMail(digestAt(run(2027, 1, 19), [plan({ missing: [] })]), { appUrl, unsubscribeUrl }).html).not.toContain('<ul>');
	});

	it('does not call a plan without rows ready to submit', () => {
		const mail = reminderMail(digestAt(run(2027, 1, 19), [plan({ missing: [], rowCount: 0 })]), { appUrl, unsubscribeUrl });
		expect(mail.text).toContain('Planen har inga insatser ännu: lägg till planens insatser innan den lämnas in.');
		expect(mail.text).not.toContain('planen kan lämnas in');
		expect(planReminders(input({ plans: [plan({ missing: [], rowCount: 0 })], now: run(2027, 1, 19) }))[0].items[0].empty).toBe(true);
		expect(planReminders(input({ plans: [plan({ missing: [], rowCount: 2 })], now: run(2027, 1, 19) }))[0].items[0].empty).toBe(false);
		expect(planReminders(input({ plans: [plan({ missing: [] })], now: run(2027, 1, 19) }))[0].items[0].empty).toBe(false);
	});

	it('names the organisations that have not signed off, with their state; says nothing when all have', () => {
		const unsigned = plan({ missing: [], notSignedOff: [{ name: 'Krokoms kommun', state: 'none' }, { name: 'Östersunds <kommun>', state: 'stale' }] });
		const digest = digestAt(run(2027, 1, 19), [unsigned]);
		expect(digest.items[0].notSignedOff).toEqual(['Krokoms kommun (inte godkänd)', 'Östersunds <kommun> (godkänd före senaste ändringar)']);
		const mail = reminderMail(digest, { appUrl, unsubscribeUrl });
		expect(mail.text).toContain('Organisationer som ännu inte har godkänt planen:\n\n  – Krokoms kommun (inte godkänd)\n  – Östersunds <kommun> (godkänd före senaste ändringar)');
		expect(mail.html).toContain('Östersunds &lt;kommun&gt;');
		expect(reminderMail(digestAt(run(2027, 1, 19), [plan({ missing: [], notSignedOff: [] })]), { appUrl, unsubscribeUrl }).text).not.toContain('godkänt planen');
		expect(reminderMail(digestAt(run(2027, 1, 19), [plan({ missing: [] })]), { appUrl, unsubscribeUrl }).text).not.toContain('godkänt planen');
	});

	it('on the deadline day says it is the last day', () => {
		const digest = digestAt(run(2027, 1, 31), [plan({ offsets: [0] })]);
		expect(reminderMail(digest, { appUrl, unsubscribeUrl }).text).toContain('Sista dagen idag: planen ska lämnas in senast 31 januari 2027 kl. 23:59.');
	});

	it('covers two plans in one mail', () => {
		const plans = [plan(), plan({ regionId: 'region-vasternorrland', regionName: 'Region Västernorrland', missing: [] })];
		const members = { 'jamtland-harjedalen': [karin], 'region-vasternorrland': [karin] };
		const mail = reminderMail(digestAt(run(2027, 1, 17), plans, members), { appUrl, unsubscribeUrl });
		expect(mail.subject).toBe('Påminnelse: 2 handlingsplaner ska lämnas in senast 31 januari 2027');
		expect(mail.text).toContain('2 handlingsplaner för det regionala serviceprogrammet');
		expect(mail.text).toContain('Region Jämtland Härjedalen – handlingsplan 2026');
		expect(mail.text).toContain('Region Västernorrland – handlingsplan 2026');
		expect(mail.text).toContain('Öppna planen: https://planbordet.example/plan/region-vasternorrland/2026');
		expect(mail.html.match(/<h2>/g)).toHaveLength(2);
	});

	it('escapes every value in the HTML', () => {
		const evil = '<script>alert("x")</script> & Co';
		const plans = [plan({ regionName: evil, missing: [{ rowId: 'r', field: 'goal', rowNumber: '1.1', fieldTitle: '<b>Mål</b>' }] })];
		const members = { 'jamtland-harjedalen': [{ ...karin, name: `Karin "<img src=x>"` }] };
		const mail = reminderMail(digestAt(run(2027, 1, 17), plans, members), { appUrl, unsubscribeUrl: 'https://x.example/a?t=1&u="><script>' });
		expect(mail.html).not.toMatch(/<script|<img|<b>|"><|&u=/);
		expect(mail.html).toContain(escapeHtml(evil));
		expect(mail.html).toContain('Insats 1.1: &lt;b&gt;Mål&lt;/b&gt;');
		expect(mail.html).toContain('href="https://x.example/a?t=1&amp;u=&quot;&gt;&lt;script&gt;"');
		expect(mail.text).toContain(evil);
	});

	it('builds text and HTML from the same parts', () => {
		const mail = reminderMail(digestAt(run(2027, 1, 19)), { appUrl, unsubscribeUrl });
		const htmlText = mail.html
			.replace(/<li>/g, '  – ')
			.replace(/<a href="[^"]*">([^<]*)<\/a>/g, '$1')
			.replace(/<br>/g, '\n')
			.replace(/<[^>]+>/g, '')
			.replaceAll('&amp;', '&');
		for (const line of mail.text.split('\n').filter((l) => l.trim() !== '')) {
			expect(htmlText, line).toContain(line.replace(/^ {2}– /, '').trim());
		}
		expect(mail.html).toContain(`<a href="${escapeHtml(unsubscribeUrl)}">`);
		expect(mail.html).toContain('<a href="https://planbordet.example/plan/jamtland-harjedalen/2026">');
	});
});
