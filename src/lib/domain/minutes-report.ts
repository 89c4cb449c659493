// The minutes of a meeting (minutes.ts Minutes) as readable text: row numbers, column titles, values,
// names and Stockholm times put in, every word from the caller's catalogue (sv.minutes). One model for
// the app's view, the DOCX and the mail, so the three always say the same. Pure.
import { TIME_ZONE, swedishDate } from './deadline';
import { blocksHtml, blocksText, type MailBlock, type MailContent } from './mail-text';
import type { Minutes } from './minutes';
import { formatValue } from './plan-table';
import * as z from 'zod/mini';
import { id, planYear, STATUS_KEY, type Column } from './schemas';

/** The words of the minutes; sv.ts `minutes` satisfies it (the functions pass the same catalogue). */
export interface MinutesWords {
	title: string;
	planLine: (year: string, regionName: string) => string;
	date: (date: string) => string;
	time: (from: string, to: string) => string;
	leader: (name: string) => string;
	participantsTitle: string;
	organisation: (org: string, names: string) => string;
	changesTitle: string;
	addedTitle: string;
	movedTitle: string;
	removedTitle: string;
	decisionsTitle: string;
	commentsTitle: string;
	resolvedTitle: string;
	none: string;
	row: (number: string) => string;
	/** A row that is no longer in the plan. */
	goneRow: string;
	empty: string;
	changedBy: (names: string) => string;
	change: (row: string, column: string, before: string, after: string, by: string) => string;
	added: (row: string, by: string) => string;
	moved: (row: string, fromArea: number, toArea: number, by: string) => string;
	movedInArea: (row: string, by: string) => string;
	removed: (text: string, by: string) => string;
	decision: (row: string, before: string, after: string, by: string) => string;
	comment: (row: string, author: string, text: string) => string;
	reply: (row: string, author: string, text: string) => string;
	resolved: (row: string, by: string) => string;
	mailSubject: (year: string, regionName: string, date: string) => string;
	mailIntro: (leader: string, year: string, regionName: string) => string;
	openPlan: string;
	tableHeads: { row: string; column: string; before: string; after: string; by: string };
}

export interface MinutesChange {
	rowId: string;
	row: string;
	field: string;
	column: string;
	before: string;
	after: string;
	/** Text on both sides: shown as a word-level diff. */
	diff: boolean;
	by: string;
}

export type MinutesListKey = 'added' | 'moved' | 'removed' | 'decisions' | 'comments' | 'resolved';

export interface MinutesReport {
	title: string;
	planLine: string;
	/** Date, time and leader. */
	facts: string[];
	participantsTitle: string;
	/** One line per organisation: "Östersunds kommun: Östen Östersund, …". */
	participants: string[];
	changesTitle: string;
	changes: MinutesChange[];
	lists: { key: MinutesListKey; title: string; items: string[] }[];
	none: string;
}

export interface ReportContext {
	year: string;
	regionName: string;
	columns: readonly Pick<Column, 'key' | 'title' | 'type' | 'choices'>[];
	/** "1.3" by row id, for the rows in the plan now. */
	numbers: ReadonlyMap<string, string>;
	/** Names by uid (who resolved a thread is stored as a uid). */
	names: ReadonlyMap<string, string>;
	words: MinutesWords;
}

const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
/** "13:05", Stockholm time. */
export const stockholmClock = (at: Date): string => clock.format(at);

const REMOVED_TEXT_MAX = 80;
const shorten = (s: string) => (s.length > REMOVED_TEXT_MAX ? `${s.slice(0, REMOVED_TEXT_MAX - 1)}…` : s);

export function minutesReport(m: Minutes, ctx: ReportContext): MinutesReport {
	const w = ctx.words;
	const column = (key: string) => ctx.columns.find((c) => c.key === key);
	const row = (rowId: string) => {
		const n = ctx.numbers.get(rowId);
		return n ? w.row(n) : w.goneRow;
	};
	const shown = (key: string, v: unknown) => formatValue(column(key), v);
	const changes: MinutesChange[] = m.rows.flatMap((r) =>
		r.changes.map((c) => {
			const col = column(c.field);
			const textual = col?.type === 'longText' || col?.type === 'shortText';
			return {
				rowId: r.rowId,
				row: row(r.rowId),
				field: c.field,
				column: col?.title ?? c.field,
				before: shown(c.field, c.before),
				after: shown(c.field, c.after),
				diff: textual && typeof (c.before ?? '') === 'string' && typeof (c.after ?? '') === 'string',
				by: c.by.join(', ')
			};
		})
	);
	const statusText = (v: string) => shown(STATUS_KEY, v) || w.empty;
	const firstText = ctx.columns.find((c) => c.type === 'longText' || c.type === 'shortText');
	const lists: MinutesReport['lists'] = [
		{ key: 'added', title: w.addedTitle, items: m.added.map((a) => w.added(row(a.rowId), a.byName)) },
		{
			key: 'moved',
			title: w.movedTitle,
			items: m.moved.map((v) => (v.from.area === v.to.area ? w.movedInArea(row(v.rowId), v.byName) : w.moved(row(v.rowId), v.from.area, v.to.area, v.byName)))
		},
		{ key: 'removed', title: w.removedTitle, items: m.removed.map((r) => w.removed(shorten(firstText ? shown(firstText.key, r.fields[firstText.key]) : '') || w.empty, r.byName)) },
		{ key: 'decisions', title: w.decisionsTitle, items: m.decisions.map((d) => w.decision(row(d.rowId), statusText(d.before), statusText(d.after), d.byName)) },
		{ key: 'comments', title: w.commentsTitle, items: m.comments.map((c) => (c.parentId === null ? w.comment : w.reply)(row(c.rowId), c.authorName, c.text)) },
		{ key: 'resolved', title: w.resolvedTitle, items: m.resolved.map((r) => w.resolved(row(r.rowId), ctx.names.get(r.resolvedBy) ?? r.resolvedBy)) }
	];
	return {
		title: w.title,
		planLine: w.planLine(ctx.year, ctx.regionName),
		facts: [w.date(swedishDate(m.startedAt)), w.time(stockholmClock(m.startedAt), stockholmClock(m.endedAt)), w.leader(m.leaderName)],
		participantsTitle: w.participantsTitle,
		participants: m.participants.map((g) => w.organisation(g.name, g.participants.map((p) => p.data.name).join(', '))),
		changesTitle: w.changesTitle,
		changes,
		lists,
		none: w.none
	};
}

/** The mail of the minutes to one participant: the whole report as text, and a link to the plan. */
export function minutesMail(r: MinutesReport, ctx: { words: MinutesWords; year: string; regionName: string; date: string; leaderName: string; planUrl: string }): MailContent {
	const w = ctx.words;
	const list = (items: string[]): MailBlock => (items.length > 0 ? { kind: 'list', items } : { kind: 'p', lines: [r.none] });
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: ['Hej!'] },
		{ kind: 'p', lines: [w.mailIntro(ctx.leaderName, ctx.year, ctx.regionName)] },
		{ kind: 'heading', text: r.title },
		{ kind: 'p', lines: [r.planLine, ...r.facts] },
		{ kind: 'heading', text: r.participantsTitle },
		list(r.participants),
		{ kind: 'heading', text: r.changesTitle },
		list(r.changes.map((c) => w.change(c.row, c.column, c.before || w.empty, c.after || w.empty, c.by))),
		...r.lists.flatMap((l): MailBlock[] => [{ kind: 'heading', text: l.title }, list(l.items)]),
		{ kind: 'link', label: w.openPlan, url: ctx.planUrl },
		{ kind: 'p', lines: ['/Planbordet'] }
	];
	return { subject: w.mailSubject(ctx.year, ctx.regionName, ctx.date), text: blocksText(blocks), html: blocksHtml(blocks) };
}

/** The file name of a meeting's minutes: "minnesanteckningar-jh-2023-2026-12-03.docx". */
export function minutesFileName(regionId: string, year: string, startedAt: Date): string {
	const day = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(startedAt);
	return `minnesanteckningar-${regionId}-${year}-${day}.docx`;
}

/** The URL path of a meeting's minutes as DOCX (Hosting rewrites /api/minutes/** to exportMinutes). */
export function minutesPath(regionId: string, year: string, meetingId: string): string {
	return `/api/minutes/${encodeURIComponent(regionId)}/${encodeURIComponent(year)}/${encodeURIComponent(meetingId)}.docx`;
}

export const minutesRequest = z.strictObject({ regionId: id, year: planYear, meetingId: id });
export type MinutesRequest = z.infer<typeof minutesRequest>;

/** The region, year and meeting a minutes path names; null for any other path. */
export function parseMinutesPath(path: string): MinutesRequest | null {
	const m = /^\/api\/minutes\/([^/]+)\/([^/]+)\/([^/]+)\.docx$/.exec(path);
	if (!m) return null;
	const parsed = minutesRequest.safeParse({ regionId: m[1], year: m[2], meetingId: m[3] });
	return parsed.success ? parsed.data : null;
}
