// Deadline reminders, as pure functions of the plans, the people, what was already sent and the
// clock. The scheduled function (daily at 08:00 Europe/Stockholm) is meant to read the data, call
// planReminders, and write one outbox mail per digest together with one ledger entry per item in
// the same transaction, so a retried or doubled run finds the entries and sends nothing twice.
//
// The schedule of one plan:
// - the deadline is the plan's own, or deadline.ts defaultDeadline(year) (31 January 23:59
//   Stockholm the year after); the offsets are the plan's, or DEFAULT_REMINDER_OFFSETS
//   [30, 14, 7, 2, 1] (days before the deadline; an empty list switches reminders off);
// - offset d is due from 08:00 Stockholm on the deadline's Stockholm calendar date minus d days
//   (so it is due at the daily run of that day, also across summer/winter time changes);
// - a run sends at most one reminder per plan and person: the most recently due offset, unless
//   that one was already sent; older due offsets that were missed are skipped, never caught up
//   one by one; nothing is sent once the deadline has passed or the plan is submitted.
//
// The ledger key is `${regionId}/${year}/${uid}/${deadlineDate}/${offset}` where deadlineDate is
// the deadline's Stockholm calendar date (YYYY-MM-DD). Because the deadline date is part of the
// key, changing a plan's deadline to another date restarts its schedule: the offsets of the new
// date are sent (each once) even if the same offsets were sent for the old date; moving it back
// finds the old entries again. Changing only the time of day keeps the date, the due times and
// the ledger entries, so nothing is sent again.
import { DEFAULT_REMINDER_OFFSETS, daysLeft, daysLeftText, defaultDeadline, stockholmOffsetMinutes, stockholmTime, swedishDate, swedishDateTime } from './deadline';
import { blocksHtml, blocksText, type MailBlock, type MailContent } from './mail-text';
import { missingCountText, missingLine, type MissingItem } from './completeness';
import type { MemberRole } from './schemas';
import { SIGN_OFF_WORDS } from './sign-off-words';

/** The hour (Stockholm) of the daily reminder run, from which the day's offset is due. */
export const REMINDER_HOUR = 8;

/** How many missing fields a reminder lists by name; the rest are counted. */
export const DEFAULT_MAX_MISSING = 10;

/** The roles that get reminders: both may edit the plan. */
export const REMINDED_ROLES: readonly MemberRole[] = ['coordinator', 'editor'];

/* ---------- dates ---------- */

interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

function stockholmCalendarDate(at: Date): CalendarDate {
	const local = new Date(at.getTime() + stockholmOffsetMinutes(at) * 60_000);
	return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The Stockholm calendar date of an instant as "YYYY-MM-DD" ("2027-01-31" for 2027-01-31T22:59Z). */
export function stockholmDate(at: Date): string {
	const { year, month, day } = stockholmCalendarDate(at);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** When offset d becomes due: 08:00 Stockholm on the deadline's Stockholm date minus d days. */
export function reminderDueAt(deadline: Date, offset: number): Date {
	const { year, month, day } = stockholmCalendarDate(deadline);
	const date = new Date(Date.UTC(year, month - 1, day - offset));
	return stockholmTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), REMINDER_HOUR, 0);
}

/* ---------- the schedule of one plan ---------- */

/** The plan's deadline, or the default one for its year. */
export function effectiveDeadline(year: string | number, deadline?: Date | null): Date {
	return deadline ?? defaultDeadline(Number(year));
}

/** The plan's offsets, or the default ones; whole days ≥ 0, unique, descending. [] means no reminders. */
export function effectiveOffsets(offsets?: readonly number[] | null): number[] {
	const list = offsets ?? DEFAULT_REMINDER_OFFSETS;
	return [...new Set(list.filter((d) => Number.isInteger(d) && d >= 0))].sort((a, b) => b - a);
}

export interface ScheduleInput {
	deadline: Date;
	offsets: readonly number[];
}

export interface ScheduledReminder {
	offset: number;
	dueAt: Date;
}

/** Every offset with its due time, earliest first; offsets that would fall due after the deadline are left out. */
export function reminderSchedule({ deadline, offsets }: ScheduleInput): ScheduledReminder[] {
	return effectiveOffsets(offsets)
		.map((offset) => ({ offset, dueAt: reminderDueAt(deadline, offset) }))
		.filter((s) => s.dueAt.getTime() < deadline.getTime())
		.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export interface DueInput extends ScheduleInput {
	now: Date;
	/** The offsets already sent (for this plan, person and deadline date). */
	sent: ReadonlySet<number>;
}

/**
 * The one offset to send now, or null. Among the offsets due by now (and only while now is before
 * the deadline), the most recently due one — the smallest — is returned unless it was already
 * sent. Missed older offsets are not caught up: after a gap, one reminder goes out, not several.
 */
export function dueOffset({ deadline, offsets, now, sent }: DueInput): number | null {
	return dueInSchedule(reminderSchedule({ deadline, offsets }), deadline, now, sent);
}

function dueInSchedule(schedule: readonly ScheduledReminder[], deadline: Date, now: Date, sent: ReadonlySet<number>): number | null {
	if (now.getTime() >= deadline.getTime()) return null;
	const due = schedule.filter((s) => s.dueAt.getTime() <= now.getTime());
	if (due.length === 0) return null;
	const latest = due[due.length - 1].offset;
	return sent.has(latest) ? null : latest;
}

/** The next reminder that will go out after now (for "Nästa påminnelse: …" in the settings), or null. */
export function nextReminder({ deadline, offsets, now }: Omit<DueInput, 'sent'>): ScheduledReminder | null {
	if (now.getTime() >= deadline.getTime()) return null;
	return reminderSchedule({ deadline, offsets }).find((s) => s.dueAt.getTime() > now.getTime()) ?? null;
}

/* ---------- the ledger ---------- */

export interface LedgerKeyParts {
	regionId: string;
	year: string;
	uid: string;
	/** The deadline's Stockholm calendar date, "YYYY-MM-DD". */
	deadlineDate: string;
	offset: number;
}

/** `${regionId}/${year}/${uid}/${deadlineDate}/${offset}`, e.g. "jamtland-harjedalen/2026/uid1/2027-01-31/14". */
export function ledgerKey(p: { regionId: string; year: string | number; uid: string; deadline: Date; offset: number }): string {
	return keyOf(p.regionId, p.year, p.uid, stockholmDate(p.deadline), p.offset);
}

function keyOf(regionId: string, year: string | number, uid: string, deadlineDate: string, offset: number): string {
	return `${regionId}/${year}/${uid}/${deadlineDate}/${offset}`;
}

/** The parts of a ledger key, or null when it is not one (ids never contain "/"). */
export function parseLedgerKey(key: string): LedgerKeyParts | null {
	const m = /^([^/]+)\/(\d{4})\/([^/]+)\/(\d{4}-\d{2}-\d{2})\/(0|[1-9]\d{0,2})$/.exec(key);
	if (!m) return null;
	return { regionId: m[1], year: m[2], uid: m[3], deadlineDate: m[4], offset: Number(m[5]) };
}

/* ---------- digests: what each person is reminded of ---------- */

export interface ReminderPlan {
	regionId: string;
	regionName: string;
	/** The plan year as its document id, "2026". */
	year: string;
	status: 'draft' | 'submitted';
	/** Unset → the default deadline of the year. */
	deadline?: Date | null;
	/** Unset → DEFAULT_REMINDER_OFFSETS. */
	offsets?: readonly number[] | null;
	/** The plan's missing fields, labelled (completeness.ts labelledMissing), in table order. */
	missing: readonly MissingItem[];
	/** How many rows (insatser) the plan has; 0 means it cannot be submitted yet even though nothing is "missing". Unset: unknown. */
	rowCount?: number;
	/** The network's organisations that have not signed off the current content (sign-off.ts notSignedOff), in its order; unset: none named. */
	notSignedOff?: readonly { name: string; state: 'stale' | 'none' }[];
}

export interface ReminderMember {
	uid: string;
	email: string;
	name: string;
	role: MemberRole;
}

export interface ReminderItem {
	regionId: string;
	regionName: string;
	year: string;
	offset: number;
	/** Write this key to the ledger when the mail is queued. */
	ledgerKey: string;
	deadline: Date;
	/** "31 januari 2027" */
	deadlineText: string;
	/** Calendar days left in Stockholm (equals offset when the run is on the due day). */
	daysLeft: number;
	/** "12 dagar kvar", "1 dag kvar", "sista dagen idag" */
	daysLeftText: string;
	missingCount: number;
	/** The plan has no rows yet (ReminderPlan.rowCount 0): the mail asks for them instead of saying it is ready. */
	empty: boolean;
	/** The first maxMissing missing fields. */
	missing: MissingItem[];
	/** "Krokoms kommun (inte godkänd)" per organisation that has not signed off (fresh). */
	notSignedOff: string[];
	/** `${appUrl}/plan/${regionId}/${year}` */
	link: string;
}

export interface ReminderDigest {
	uid: string;
	email: string;
	name: string;
	/** Earliest deadline first, then region id and year. */
	items: ReminderItem[];
}

export interface PlanRemindersInput {
	plans: readonly ReminderPlan[];
	/** The members of each region, by region id. */
	members: Readonly<Record<string, readonly ReminderMember[]>>;
	/** Ledger keys of reminders already sent (see ledgerKey). */
	ledger: Iterable<string>;
	/** Uids that switched reminders off. */
	unsubscribed: Iterable<string>;
	now: Date;
	/** The app's absolute base URL, e.g. "https://planbordet.example" (a trailing slash is ignored). */
	appUrl: string;
	maxMissing?: number;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The link to a plan in the app. */
export function planLink(appUrl: string, regionId: string, year: string | number): string {
	return `${trimSlash(appUrl)}/plan/${encodeURIComponent(regionId)}/${encodeURIComponent(String(year))}`;
}

/**
 * One digest per person who should get a reminder now, in uid order: for each plan that is not
 * submitted, each coordinator and editor of its region who has not unsubscribed gets the plan's
 * due offset computed with their own ledger entries (dueOffset), unless that is null. A person
 * with several due plans gets them in one digest. Deterministic: the same input gives the same
 * output; making a second run send nothing is the ledger's job.
 */
export function planReminders(input: PlanRemindersInput): ReminderDigest[] {
	const ledger = new Set(input.ledger);
	const unsubscribed = new Set(input.unsubscribed);
	const maxMissing = input.maxMissing ?? DEFAULT_MAX_MISSING;
	const digests = new Map<string, ReminderDigest>();

	// Plans in a fixed order, so a person's name and email come from the same region whatever the input order.
	const plans = [...input.plans].sort((a, b) => byCodeUnits(a.regionId, b.regionId) || byCodeUnits(a.year, b.year));
	for (const plan of plans) {
		if (plan.status !== 'draft') continue;
		const deadline = effectiveDeadline(plan.year, plan.deadline);
		const offsets = effectiveOffsets(plan.offsets);
		if (offsets.length === 0 || input.now.getTime() >= deadline.getTime()) continue;
		const schedule = reminderSchedule({ deadline, offsets });
		const deadlineDate = stockholmDate(deadline);
		const seen = new Set<string>();
		for (const m of Object.hasOwn(input.members, plan.regionId) ? input.members[plan.regionId] : []) {
			if (!REMINDED_ROLES.includes(m.role) || unsubscribed.has(m.uid) || seen.has(m.uid)) continue;
			seen.add(m.uid);
			const key = (offset: number) => keyOf(plan.regionId, plan.year, m.uid, deadlineDate, offset);
			const sent = new Set(offsets.filter((d) => ledger.has(key(d))));
			const offset = dueInSchedule(schedule, deadline, input.now, sent);
			if (offset === null) continue;
			const item: ReminderItem = {
				regionId: plan.regionId,
				regionName: plan.regionName,
				year: plan.year,
				offset,
				ledgerKey: key(offset),
				deadline,
				deadlineText: swedishDate(deadline),
				daysLeft: daysLeft(deadline, input.now),
				daysLeftText: daysLeftText(deadline, input.now),
				missingCount: plan.missing.length,
				empty: plan.rowCount === 0,
				missing: plan.missing.slice(0, maxMissing).map((x) => ({ ...x })),
				notSignedOff: (plan.notSignedOff ?? []).map((o) => `${o.name} (${SIGN_OFF_WORDS.states[o.state]})`),
				link: planLink(input.appUrl, plan.regionId, plan.year)
			};
			const digest = digests.get(m.uid) ?? { uid: m.uid, email: m.email, name: m.name, items: [] };
			digest.items.push(item);
			digests.set(m.uid, digest);
		}
	}

	const out = [...digests.values()].sort((a, b) => byCodeUnits(a.uid, b.uid));
	for (const d of out) {
		d.items.sort(
			(a, b) => a.deadline.getTime() - b.deadline.getTime() || byCodeUnits(a.regionId, b.regionId) || byCodeUnits(a.year, b.year)
		);
	}
	return out;
}

/* ---------- the mail ---------- */




/** "Påminnelse: handlingsplanen ska lämnas in senast 31 januari 2027", or the plural form for several plans. */
export function reminderSubject(items: readonly Pick<ReminderItem, 'deadline' | 'deadlineText'>[]): string {
	if (items.length <= 1) return `Påminnelse: handlingsplanen ska lämnas in senast ${items[0]?.deadlineText ?? ''}`.trimEnd();
	const dates = new Set(items.map((i) => i.deadlineText));
	const earliest = [...items].sort((a, b) => a.deadline.getTime() - b.deadline.getTime())[0].deadlineText;
	return dates.size === 1
		? `Påminnelse: ${items.length} handlingsplaner ska lämnas in senast ${earliest}`
		: `Påminnelse: ${items.length} handlingsplaner ska lämnas in, den första senast ${earliest}`;
}

/** "12 dagar kvar till 31 januari 2027 kl. 23:59.", or "Sista dagen idag: …" on the deadline's date. */
export function timeLeftLine(item: Pick<ReminderItem, 'deadline' | 'daysLeft' | 'daysLeftText'>): string {
	const when = swedishDateTime(item.deadline);
	if (item.daysLeft <= 0) return `Sista dagen idag: planen ska lämnas in senast ${when}.`;
	return `${item.daysLeftText} till ${when}.`;
}

/** "Region Jämtland Härjedalen – handlingsplan 2026" */
export function planTitle(item: Pick<ReminderItem, 'regionName' | 'year'>): string {
	return `${item.regionName} – handlingsplan ${item.year}`;
}

/**
 * The reminder mail of one digest, in Swedish: plain text and HTML from the same blocks, every
 * value HTML-escaped. Per plan: days left and the deadline, what is missing (up to the listed
 * lines, "Insats 1.2: Mål", and how many more), the direct link. At the end the one-click
 * unsubscribe link (functions/src/shared/unsubscribe-signing.ts signToken builds its token) and how to switch back on.
 */
export function reminderMail(digest: ReminderDigest, opts: { appUrl: string; unsubscribeUrl: string }): MailContent {
	const plural = digest.items.length > 1;
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: [`Hej ${digest.name}!`] },
		{
			kind: 'p',
			lines: [
				plural
					? `Det här är en påminnelse från Planbordet: ${digest.items.length} handlingsplaner för det regionala serviceprogrammet som du är med i ska lämnas in till Tillväxtverket.`
					: 'Det här är en påminnelse från Planbordet: handlingsplanen för det regionala serviceprogrammet som du är med i ska lämnas in till Tillväxtverket.',
				'En samordnare lämnar in planen i Planbordet när alla obligatoriska uppgifter är ifyllda.'
			]
		}
	];
	for (const item of digest.items) {
		blocks.push({ kind: 'heading', text: planTitle(item) });
		const status = item.empty
			? 'Planen har inga insatser ännu: lägg till planens insatser innan den lämnas in.'
			: item.missingCount === 0
				? 'Alla obligatoriska uppgifter är ifyllda – planen kan lämnas in.'
				: `${missingCountText(item.missingCount)}:`;
		blocks.push({ kind: 'p', lines: [timeLeftLine(item), status] });
		if (item.missingCount > 0) {
			const lines = item.missing.map(missingLine);
			const more = item.missingCount - item.missing.length;
			if (more > 0) lines.push(`… och ${more} till`);
			blocks.push({ kind: 'list', items: lines });
		}
		if (item.notSignedOff.length > 0) {
			blocks.push({ kind: 'p', lines: [SIGN_OFF_WORDS.mail.notSignedOffHeading] }, { kind: 'list', items: item.notSignedOff });
		}
		blocks.push({ kind: 'link', label: 'Öppna planen', url: item.link });
	}
	blocks.push(
		{ kind: 'p', lines: ['/Planbordet'] },
		{ kind: 'link', label: 'Avsluta påminnelser', url: opts.unsubscribeUrl },
		{ kind: 'p', lines: ['Du får det här mejlet för att du kan redigera planen. Om du avslutar påminnelserna kan du slå på dem igen i Planbordet.'] },
		{ kind: 'link', label: 'Planbordet', url: trimSlash(opts.appUrl) }
	);
	return { subject: reminderSubject(digest.items), text: blocksText(blocks), html: blocksHtml(blocks) };
}
