// A coordinator's deadline and reminder days as the settings form holds them — a Stockholm date and
// time, a set of day numbers — and as setPlanSettings takes them: an ISO 8601 date-time with
// Stockholm's offset of that day ("2027-01-31T23:59:00+01:00") and the days, descending.
import type * as z from 'zod/mini';
import { DEFAULT_REMINDER_OFFSETS, stockholmOffsetMinutes, stockholmTime } from './deadline';
import { MAX_REMINDER_OFFSETS, planSettingsInput, reminderOffsets, type SignOffRequirement } from './schemas';

/** What the callable receives (planSettingsInput before parsing: the deadline is still text). */
export type PlanSettingsRequest = z.input<typeof planSettingsInput>;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function stockholmWallClock(at: Date): Date {
	return new Date(Math.floor(at.getTime() / 1000) * 1000 + stockholmOffsetMinutes(at) * 60_000);
}

/** The Stockholm wall-clock date and time of an instant, as <input type="date|time"> take them. */
export function stockholmInputs(at: Date): { date: string; time: string } {
	const l = stockholmWallClock(at);
	return {
		date: `${pad(l.getUTCFullYear(), 4)}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}`,
		time: `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`
	};
}

/** The instant in ISO 8601 with seconds and Stockholm's offset at that instant: "2027-01-31T23:59:00+01:00". */
export function isoWithOffset(at: Date): string {
	const l = stockholmWallClock(at);
	const offset = stockholmOffsetMinutes(at);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return (
		`${pad(l.getUTCFullYear(), 4)}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}` +
		`T${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}:${pad(l.getUTCSeconds())}` +
		`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}

export type DateError = 'date-missing' | 'date-invalid';
export type TimeError = 'time-missing' | 'time-invalid' | 'time-nonexistent';

export type DeadlineParse = { ok: true; at: Date } | { ok: false; date?: DateError; time?: TimeError };

/**
 * The instant of a Stockholm date ("2027-01-31") and time ("23:59", seconds ignored). A date that
 * does not exist (30 February) or lies outside 2000–2101 is refused, and so is a time the clocks
 * skip when summer time starts (02:30 on the last Sunday of March).
 */
export function deadlineFromInputs(date: string, time: string): DeadlineParse {
	const d = date.trim();
	const t = time.trim();
	let dateError: DateError | undefined;
	let timeError: TimeError | undefined;
	const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
	let ymd: [number, number, number] | null = null;
	if (d === '') dateError = 'date-missing';
	else if (!dm) dateError = 'date-invalid';
	else {
		const [y, m, day] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
		const check = new Date(Date.UTC(y, m - 1, day));
		if (y < 2000 || y > 2101 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) dateError = 'date-invalid';
		else ymd = [y, m, day];
	}
	const tm = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(t);
	let hm: [number, number] | null = null;
	if (t === '') timeError = 'time-missing';
	else if (!tm || Number(tm[1]) > 23 || Number(tm[2]) > 59 || (tm[3] !== undefined && Number(tm[3]) > 59)) timeError = 'time-invalid';
	else hm = [Number(tm[1]), Number(tm[2])];
	if (!ymd || !hm) return { ok: false, ...(dateError ? { date: dateError } : {}), ...(timeError ? { time: timeError } : {}) };
	const at = stockholmTime(ymd[0], ymd[1], ymd[2], hm[0], hm[1]);
	const back = stockholmInputs(at);
	if (back.date !== d || back.time !== `${pad(hm[0])}:${pad(hm[1])}`) return { ok: false, time: 'time-nonexistent' };
	return { ok: true, at };
}

export type OffsetError = 'offset-missing' | 'offset-invalid' | 'offset-range';

/** A day number typed into "add a day": whole days 0–365. */
export function parseOffset(text: string): { ok: true; value: number } | { ok: false; error: OffsetError } {
	const t = text.trim();
	if (t === '') return { ok: false, error: 'offset-missing' };
	if (!/^\d+$/.test(t)) return { ok: false, error: 'offset-invalid' };
	const value = Number(t);
	if (value > 365) return { ok: false, error: 'offset-range' };
	return { ok: true, value };
}

/** The day numbers the form offers as checkboxes: the defaults, the plan's own and any added, descending. */
export function offsetChoices(...lists: ReadonlyArray<readonly number[]>): number[] {
	return [...new Set([...DEFAULT_REMINDER_OFFSETS, ...lists.flat()])].filter((n) => Number.isInteger(n) && n >= 0).sort((a, b) => b - a);
}

export type OffsetsError = 'offsets-too-many' | 'offsets-duplicate' | 'offsets-invalid';

export interface SettingsErrors {
	date?: DateError;
	time?: TimeError;
	offsets?: OffsetsError;
	/** The region or year does not fit the callable (should not happen from the plan page). */
	plan?: 'invalid';
}

export type SettingsParse = { ok: true; request: PlanSettingsRequest; deadline: Date; offsets: number[] } | { ok: false; errors: SettingsErrors };

/** The form's values as the setPlanSettings request, checked with the callable's own schema. */
export function settingsRequest(input: {
	regionId: string;
	year: string;
	date: string;
	time: string;
	offsets: readonly number[];
	/** Whether organisations not signed off warn or stop the hand-in; left out: unchanged. */
	signOffRequirement?: SignOffRequirement;
}): SettingsParse {
	const errors: SettingsErrors = {};
	const deadline = deadlineFromInputs(input.date, input.time);
	if (!deadline.ok) {
		if (deadline.date) errors.date = deadline.date;
		if (deadline.time) errors.time = deadline.time;
	}
	const offsets = reminderOffsets.safeParse([...input.offsets]);
	if (!offsets.success) {
		const issue = offsets.error.issues[0];
		errors.offsets =
			issue?.code === 'too_big' && input.offsets.length > MAX_REMINDER_OFFSETS
				? 'offsets-too-many'
				: issue?.message === 'duplicate-offset'
					? 'offsets-duplicate'
					: 'offsets-invalid';
	}
	if (!deadline.ok || !offsets.success) return { ok: false, errors };
	const request: PlanSettingsRequest = {
		regionId: input.regionId,
		year: input.year,
		deadline: isoWithOffset(deadline.at),
		reminderOffsets: offsets.data,
		...(input.signOffRequirement ? { signOffRequirement: input.signOffRequirement } : {})
	};
	if (!planSettingsInput.safeParse(request).success) return { ok: false, errors: { plan: 'invalid' } };
	return { ok: true, request, deadline: deadline.at, offsets: offsets.data };
}
