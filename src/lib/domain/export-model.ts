// What an exported plan says and where it goes, for the DOCX and XLSX renderers alike: title, region,
// status line, the form's guide to its parts, per priority area the form's table (grouped headers,
// columns with help, X-mark sub-columns, rows in table order), the organisations' sign-offs, then
// the follow-up questions with their answers. Pure data: every word comes from the texts the caller passes (i18n/export-sv.ts).
import { swedishDateTime } from './deadline';
import { areaSections, choiceLabel, formatValue, isMarked, regionShortName, rowNumbers, tableHeader } from './plan-table';
import {
	answerValues,
	id,
	planYear,
	type Answer,
	type AnswerFieldType,
	type ColumnType,
	type FieldKey,
	type Plan,
	type Question,
	type Questionnaire,
	type Region,
	type Row,
	type RowFields,
	type StaffShare,
	type Template
} from './schemas';
import * as z from 'zod/mini';
import type { OrganisationSignOff, SignOffState } from './sign-off';

/**
 * The words of an exported document. The domain holds no screen or file text: the catalogue
 * (src/lib/i18n/export-sv.ts) implements this, and the functions pass it in.
 */
export interface ExportTexts {
	title: string;
	questionsTitle: string;
	/** The row number column's title. */
	numberTitle: string;
	/** The XLSX column naming a row's priority area. */
	areaTitle: string;
	areaHeading: (n: number, title: string) => string;
	/** The region's name without a leading "Region ", so the line does not say it twice. */
	regionLine: (shortName: string) => string;
	yearLine: (year: number) => string;
	status: {
		draft: (exported: string) => string;
		submitted: (exported: string) => string;
		submittedBy: (name: string, at: string, exported: string) => string;
	};
	noRows: string;
	noAnswer: string;
	noQuestions: string;
	/** What a marked X cell holds. */
	mark: string;
	partsTitle: string;
	/** The form's paragraphs after a part's help text, by part key (the definitions of prestationer and effekter). */
	partNotes: Readonly<Partial<Record<string, readonly string[]>>>;
	outlook: { support: string; trends: Record<(typeof TRENDS)[number], string>; comment: string };
	staff: { role: string; people: string; shares: string; total: string; person: (name: string, share: string) => string };
	contacts: { role: string; name: string; email: string };
	actors: { actor: string; collaboration: string; step: string; challenges: string };
	/** The organisations' sign-offs after the plan's tables: heading, columns, one word per state. */
	signOffs: { title: string; org: string; state: string; by: string; at: string; states: Record<SignOffState, string> };
	creator: string;
	documentTitle: (title: string, region: string, year: number) => string;
	page: { before: string; between: string };
	xlsx: {
		planSheet: string;
		questionsSheet: string;
		aboutSheet: string;
		leafTitle: (group: string, choice: string) => string;
		about: { title: string; region: string; year: string; status: string; exported: string };
		columnsTitle: string;
	};
}

const TRENDS = ['minskar', 'oforandrad', 'okar'] as const;

export const EXPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** The URL path the browser asks and the HTTP function answers (Hosting rewrites /api/export/**). */
export function exportPath(regionId: string, year: string, format: ExportFormat): string {
	return `/api/export/${encodeURIComponent(regionId)}/${encodeURIComponent(year)}.${format}`;
}

export function exportFileName(regionId: string, year: string, format: ExportFormat): string {
	return `handlingsplan-${regionId}-${year}.${format}`;
}

export const exportRequest = z.strictObject({ regionId: id, year: planYear, format: z.enum(EXPORT_FORMATS) });
export type ExportRequest = z.infer<typeof exportRequest>;

/** The region, year and format an export path names; null for any other path. */
export function parseExportPath(path: string): ExportRequest | null {
	const m = /^\/api\/export\/([^/]+)\/([^/]+)\.([a-z]+)$/.exec(path);
	if (!m) return null;
	const parsed = exportRequest.safeParse({ regionId: m[1], year: m[2], format: m[3] });
	return parsed.success ? parsed.data : null;
}

/* ---------- the model ---------- */

/** One line of a cell or answer; a line written as "* ", "- " or "• " is a list item (marker dropped). */
export interface ExportLine {
	text: string;
	bullet: boolean;
}

/** A text cell holds its text exactly as stored (what the XLSX writes) and as lines (what the DOCX lays out). */
export type ExportCell = { kind: 'text'; text: string; lines: ExportLine[] } | { kind: 'mark'; marked: boolean };

export interface ExportLeaf {
	/** "action", or "serviceTypes:dagligvaror" for one X-mark choice. */
	id: string;
	field: FieldKey;
	kind: 'text' | 'mark';
	/** The template column's type: a choice or X column is laid out narrow. */
	type: ColumnType;
	/** The column's title, or for a choice sub-column the choice's label. */
	title: string;
	/** The X-mark column a choice belongs to ("Huvudsakligt serviceslag"); null for other columns. */
	groupTitle: string | null;
	/** The value a choice sub-column marks ("dagligvaror"); null for other columns. */
	choice: string | null;
}

export interface ExportHeader {
	/** The grouped first header row: the template's parts, spans counted in leaf columns. */
	parts: Array<{ key: string; title: string; help: string; span: number }>;
	/** The second row: each column's title and help text, spanning its choice sub-columns. */
	columns: Array<{ key: FieldKey; title: string; help: string; span: number; hasChoices: boolean }>;
	/** The third row (only when the template has X-mark choices): the choice labels. */
	choices: Array<{ id: string; label: string }>;
	/** One per cell of a row, in order. */
	leaves: ExportLeaf[];
}

export interface ExportRow {
	id: string;
	/** "1.2": the area's number and the row's place in it. */
	number: string;
	/** One per header leaf. */
	cells: ExportCell[];
}

export interface ExportArea {
	number: number;
	title: string;
	/** "Prioriterat område 1. Stärka …", as the form heads each table. */
	heading: string;
	rows: ExportRow[];
}

export interface ExportTable {
	columns: Array<{ title: string; kind: 'text' | 'mark' }>;
	rows: ExportCell[][];
}

export interface ExportQuestion {
	id: string;
	number: number;
	title: string;
	help: ExportLine[];
	/** The help as the questionnaire stores it. */
	helpText: string;
	/** A table (outlook, staff, contacts, actors) or paragraphs (text: the stored text and its lines); no answer → the no-answer line. */
	answer: { kind: 'table'; table: ExportTable } | { kind: 'paragraphs'; text: string; lines: ExportLine[] };
}

/** An organisation's sign-off as the document lists it; who and when are '' without a sign-off. */
export interface ExportSignOff {
	orgId: string;
	org: string;
	state: SignOffState;
	/** The state in words ("godkänd före senaste ändringar"). */
	stateText: string;
	by: string;
	at: string;
}

/** One part of the table as the form explains it under "Delarna i tabellen": its title and every paragraph. */
export interface ExportGuidePart {
	key: string;
	title: string;
	paragraphs: string[];
}

export interface ExportModel {
	texts: ExportTexts;
	title: string;
	regionName: string;
	/** "Region: Jämtland Härjedalen", as the form writes it. */
	regionLine: string;
	year: number;
	/** "Verksamhetsår 2023" */
	yearLine: string;
	status: 'draft' | 'submitted';
	/** "Utkast – exporterad …" or "Inlämnad av … – exporterad …" (Europe/Stockholm). */
	statusLine: string;
	exportedAt: string;
	/** The template's help per part followed by the form's notes: the full text of "Delarna i tabellen". */
	guide: ExportGuidePart[];
	header: ExportHeader;
	areas: ExportArea[];
	/** Every organisation of the network with its sign-off (empty: the document has no such section). */
	signOffs: ExportSignOff[];
	questionsTitle: string;
	questions: ExportQuestion[];
}

export interface ExportInput {
	region: Region;
	year: string;
	plan: Plan;
	template: Template;
	rows: ReadonlyArray<{ id: string; row: Row }>;
	questionnaire: Questionnaire | null;
	/** Question id → its answer document. */
	answers: ReadonlyMap<string, Answer>;
	/** The network's organisations with their state against the exported rows (sign-off.ts signOffsByOrganisation); left out: none listed. */
	signOffs?: readonly OrganisationSignOff[];
	now: Date;
	texts: ExportTexts;
}

/* ---------- text ---------- */

const BULLET = /^\s*[*\-•] +/;
/** Characters XML 1.0 cannot carry (control characters pasted from elsewhere, lone surrogates): a document with one does not open. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function printable(text: string): string {
	return text.replace(NOT_XML, '');
}

/** A text as lines: line breaks kept (blank lines too), list items marked; empty text has no lines. */
export function textLines(text: string): ExportLine[] {
	if (text === '') return [];
	return printable(text)
		.split(/\r\n|\r|\n/)
		.map((line) => (BULLET.test(line) ? { text: line.replace(BULLET, ''), bullet: true } : { text: line, bullet: false }));
}

const textCell = (text: string): ExportCell => ({ kind: 'text', text: printable(text), lines: textLines(text) });
const linesCell = (lines: string[]): ExportCell => ({ kind: 'text', text: printable(lines.join('\n')), lines: lines.map((text) => ({ text: printable(text), bullet: false })) });
const markCell = (marked: boolean): ExportCell => ({ kind: 'mark', marked });

/** A share of full-time posts with a Swedish decimal comma and at most two decimals: 0,15 · 0,5 · 1,0. */
export function swedishShare(n: number): string {
	const fixed = (Math.round(n * 100) / 100).toFixed(2).replace(/0$/, '');
	return fixed.replace('.', ',');
}

/* ---------- the plan table ---------- */

export function exportHeader(t: Template, year: number): ExportHeader {
	const h = tableHeader(t, year);
	const leaves = h.columns.flatMap(({ column }): ExportLeaf[] =>
		column.type === 'marks' && column.choices.length > 0
			? column.choices.map((c) => ({ id: `${column.key}:${c.value}`, field: column.key, kind: 'mark', type: column.type, title: c.label, groupTitle: column.title, choice: c.value }))
			: [{ id: column.key, field: column.key, kind: 'text', type: column.type, title: column.title, groupTitle: null, choice: null }]
	);
	return {
		parts: h.parts,
		columns: h.columns.map((c) => ({ key: c.column.key, title: c.column.title, help: c.column.help, span: c.span, hasChoices: c.hasChoices && c.column.choices.length > 0 })),
		choices: h.choices,
		leaves
	};
}

function rowCell(t: Template, leaf: ExportLeaf, fields: RowFields): ExportCell {
	const column = t.columns.find((c) => c.key === leaf.field);
	const value = fields[leaf.field];
	if (leaf.choice !== null) return markCell(value !== undefined && isMarked(value, leaf.choice));
	if (column?.type === 'singleChoice' && typeof value === 'string') return textCell(choiceLabel(column, value));
	return textCell(formatValue(column, value));
}

/* ---------- the questionnaire ---------- */

/** An answer field's text, parsed with its type's schema; a missing or unreadable value reads as empty. */
function textValue(a: Answer | undefined, key: string, type: Exclude<AnswerFieldType, 'people'>): string {
	const parsed = answerValues[type].safeParse(a?.fields[key]);
	return parsed.success ? parsed.data : '';
}

function peopleValue(a: Answer | undefined, key: string): StaffShare[] {
	const parsed = answerValues.people.safeParse(a?.fields[key]);
	return parsed.success ? parsed.data : [];
}

function questionAnswer(q: Question, a: Answer | undefined, w: ExportTexts): ExportQuestion['answer'] {
	const table = (columns: ExportTable['columns'], rows: ExportCell[][]): ExportQuestion['answer'] => ({ kind: 'table', table: { columns, rows } });
	switch (q.kind) {
		case 'text': {
			const text = printable(textValue(a, 'text', 'text'));
			return text === '' ? { kind: 'paragraphs', text: w.noAnswer, lines: [{ text: w.noAnswer, bullet: false }] } : { kind: 'paragraphs', text, lines: textLines(text) };
		}
		case 'outlook':
			return table(
				[{ title: w.outlook.support, kind: 'text' }, ...TRENDS.map((t) => ({ title: w.outlook.trends[t], kind: 'mark' as const })), { title: w.outlook.comment, kind: 'text' }],
				q.rows.map((r) => {
					const trend = textValue(a, `${r.key}-trend`, 'trend');
					return [textCell(r.label), ...TRENDS.map((t) => markCell(trend === t)), textCell(textValue(a, `${r.key}-comment`, 'text'))];
				})
			);
		case 'staff': {
			let total = 0;
			const rows = q.rows.map((r) => {
				const people = peopleValue(a, `${r.key}-people`);
				const sum = people.reduce((s, p) => s + p.share, 0);
				total += sum;
				return [textCell(r.label), linesCell(people.map((p) => w.staff.person(p.name, swedishShare(p.share)))), textCell(people.length > 0 ? swedishShare(sum) : '')];
			});
			return table(
				[
					{ title: w.staff.role, kind: 'text' },
					{ title: w.staff.people, kind: 'text' },
					{ title: w.staff.shares, kind: 'text' }
				],
				[...rows, [textCell(w.staff.total), textCell(''), textCell(swedishShare(total))]]
			);
		}
		case 'contacts':
			return table(
				[
					{ title: w.contacts.role, kind: 'text' },
					{ title: w.contacts.name, kind: 'text' },
					{ title: w.contacts.email, kind: 'text' }
				],
				q.rows.map((r) => {
					const emails = textValue(a, `${r.key}-email`, 'emails').trim();
					return [textCell(r.label), textCell(textValue(a, `${r.key}-name`, 'shortText')), linesCell(emails === '' ? [] : emails.split(/\s+/))];
				})
			);
		case 'actors':
			return table(
				[
					{ title: w.actors.actor, kind: 'text' },
					{ title: w.actors.collaboration, kind: 'text' },
					{ title: w.actors.step, kind: 'text' },
					{ title: w.actors.challenges, kind: 'text' }
				],
				q.rows.map((r) => [
					textCell(r.label),
					textCell(textValue(a, `${r.key}-collaboration`, 'text')),
					textCell(textValue(a, `${r.key}-step`, 'shortText')),
					textCell(textValue(a, `${r.key}-challenges`, 'text'))
				])
			);
	}
}

/* ---------- the whole export ---------- */

function statusLine(p: Plan, now: Date, w: ExportTexts): string {
	const exported = swedishDateTime(now);
	if (p.status === 'draft') return w.status.draft(exported);
	if (!p.submission) return w.status.submitted(exported);
	return printable(w.status.submittedBy(p.submission.byName, swedishDateTime(p.submission.at), exported));
}

export function exportModel(input: ExportInput): ExportModel {
	const { region, template: t, plan: p, texts: w } = input;
	const year = Number(input.year);
	const header = exportHeader(t, year);
	const items = input.rows.map(({ id: rowId, row }) => ({ id: rowId, area: row.area, position: row.position, fields: row.fields }));
	const sections = areaSections(region.areas, items);
	const numbers = rowNumbers(sections);
	const areas = sections.map(
		(s): ExportArea => ({
			number: s.area.number,
			title: printable(s.area.title),
			heading: printable(w.areaHeading(s.area.number, s.area.title)),
			rows: s.rows.map((r) => ({ id: r.id, number: numbers.get(r.id) ?? '', cells: header.leaves.map((leaf) => rowCell(t, leaf, r.fields)) }))
		})
	);
	const questions = [...(input.questionnaire?.questions ?? [])]
		.sort((a, b) => a.number - b.number)
		.map((q) => ({ id: q.id, number: q.number, title: q.title, help: textLines(q.help), helpText: printable(q.help), answer: questionAnswer(q, input.answers.get(q.id), w) }));
	const guide = header.parts.map((part) => ({
		key: part.key,
		title: part.title,
		paragraphs: [...(part.help.trim() === '' ? [] : part.help.split(/\r\n|\r|\n/)), ...(w.partNotes[part.key] ?? [])].map(printable)
	}));
	return {
		texts: w,
		title: w.title,
		regionName: printable(region.name),
		regionLine: printable(w.regionLine(regionShortName(region.name))),
		year,
		yearLine: w.yearLine(year),
		status: p.status,
		statusLine: statusLine(p, input.now, w),
		exportedAt: swedishDateTime(input.now),
		guide,
		header,
		areas,
		signOffs: (input.signOffs ?? []).map((o) => ({
			orgId: o.orgId,
			org: printable(o.name),
			state: o.state,
			stateText: w.signOffs.states[o.state],
			by: o.signOff ? printable(o.signOff.name) : '',
			at: o.signOff ? swedishDateTime(o.signOff.at) : ''
		})),
		questionsTitle: w.questionsTitle,
		questions
	};
}
