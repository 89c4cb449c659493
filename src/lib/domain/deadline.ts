// Deadlines: 31 January 23:59 Europe/Stockholm of the year after the plan year unless set, and how
// they read in Swedish. Stored in UTC, shown in Stockholm time; the clock is always an argument.
export const TIME_ZONE = 'Europe/Stockholm';
export const DEFAULT_REMINDER_OFFSETS = [30, 14, 7, 2, 1];

/** The UTC offset (minutes) of Stockholm at an instant, from the platform's tz database. */
export function stockholmOffsetMinutes(at: Date): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: TIME_ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(at);
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant of a Stockholm wall-clock time. */
export function stockholmTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
	const guess = new Date(Date.UTC(year, month - 1, day, hour, minute));
	const offset = stockholmOffsetMinutes(new Date(guess.getTime() - stockholmOffsetMinutes(guess) * 60000));
	return new Date(guess.getTime() - offset * 60000);
}

export function defaultDeadline(planYear: number): Date {
	return stockholmTime(planYear + 1, 1, 31, 23, 59);
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** "31 januari 2027" */
export function swedishDate(at: Date): string {
	return dateFormat.format(at);
}

/** "31 januari 2027 kl. 23:59" */
export function swedishDateTime(at: Date): string {
	const p = dateTimeFormat.formatToParts(at);
	const v = (t: string) => p.find((x) => x.type === t)?.value ?? '';
	return `${v('day')} ${v('month')} ${v('year')} kl. ${v('hour')}:${v('minute')}`;
}

/** Calendar days in Stockholm from the clock's date to the deadline's date (negative when passed). */
export function daysLeft(deadline: Date, now: Date): number {
	const day = (d: Date) => {
		const local = new Date(d.getTime() + stockholmOffsetMinutes(d) * 60000);
		return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) / 86_400_000;
	};
	return day(deadline) - day(now);
}

/** "12 dagar kvar", "1 dag kvar", "sista dagen idag", "2 dagar sedan" */
export function daysLeftText(deadline: Date, now: Date): string {
	const n = daysLeft(deadline, now);
	if (n === 0) return 'sista dagen idag';
	if (n > 0) return `${n} ${n === 1 ? 'dag' : 'dagar'} kvar`;
	return `${-n} ${n === -1 ? 'dag' : 'dagar'} sedan`;
}
