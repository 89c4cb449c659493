// The export as a Word document (docx), laid out like Tillväxtverket's form: A4 landscape; the form's
// guide to its parts; per priority area the table with its grouped header rows repeated on every page
// and rows never split; the organisations' sign-offs; then the follow-up questions, all without forced
// page breaks. It only lays out an ExportModel (its words included). Its page, sizes, cells and headings
// are shared with the minutes' document (render-minutes-docx.ts).
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	LevelFormat,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextDirection,
	TextRun,
	VerticalAlign,
	WidthType,
	HeadingLevel
} from 'docx';
import type { ExportArea, ExportCell, ExportHeader, ExportLine, ExportModel, ExportQuestion, ExportRow, ExportSignOff, ExportTable } from '../../../src/lib/domain/export-model';

/** A4 in twips (portrait measures; docx swaps them for landscape) and the margins (12.7 mm, the sides 10 mm). */
export const A4_SHORT = 11906;
export const A4_LONG = 16838;
export const MARGIN = { top: 720, bottom: 720, left: 567, right: 567, footer: 340 };
const CONTENT_WIDTH = A4_LONG - MARGIN.left - MARGIN.right;
/**
 * Narrow columns, as the form has them: the row number, each X column (its label runs bottom to top,
 * so the column needs only two lines' width and the text columns get the rest) and a choice column
 * such as Status (wide enough for "Klar/Fortsätter" in the help size).
 */
const NUMBER_WIDTH = 620;
const MARK_WIDTH = 480;
const CHOICE_WIDTH = 1150;
/** A text column is never narrower than this, however little it holds. */
const MIN_TEXT_WIDTH = 1500;
const QUESTION_MARK_WIDTH = 1200;

/**
 * Half-points: the plan's tables in 7 pt and their help in 6 pt, as dense as the form, and the answers
 * in 8 pt: a 14-row plan with its questions then fits 5 pages (7.5 pt tables made the demo plan 6–7).
 */
export const SIZE = { body: 18, table: 14, help: 12, answer: 16, title: 28, heading: 22 };
export const FILL = { part: 'C9D3E6', column: 'E4E9F2' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
export const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const CELL_MARGINS = { top: 30, bottom: 30, left: 50, right: 50 };
/** List items with a small indent: Word's default (a half inch) eats a narrow column. */
export const BULLETS = 'export-bullets';
export const BULLET_LEVEL = { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 200, hanging: 160 } } } };
const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function lineParagraph(line: ExportLine, size: number, italics = false): Paragraph {
	return new Paragraph({
		children: line.text === '' ? [] : [new TextRun({ text: line.text, size, italics })],
		...(line.bullet ? { numbering: { reference: BULLETS, level: 0 } } : {})
	});
}

/** Every cell holds at least one paragraph: Word refuses a cell without one. */
function cellParagraphs(cell: ExportCell, size: number, mark: string): Paragraph[] {
	if (cell.kind === 'mark') {
		return [new Paragraph({ alignment: AlignmentType.CENTER, children: cell.marked ? [new TextRun({ text: mark, bold: true, size })] : [] })];
	}
	return cell.lines.length > 0 ? cell.lines.map((l) => lineParagraph(l, size)) : [new Paragraph({})];
}

export function cell(children: Paragraph[], width: number, options: { columnSpan?: number; rowSpan?: number; fill?: string; vertical?: boolean } = {}): TableCell {
	return new TableCell({
		children,
		width: { size: width, type: WidthType.DXA },
		margins: CELL_MARGINS,
		verticalAlign: VerticalAlign.TOP,
		...(options.columnSpan && options.columnSpan > 1 ? { columnSpan: options.columnSpan } : {}),
		...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
		...(options.vertical ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT } : {}),
		...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {})
	});
}

export const bold = (text: string, size = SIZE.table) => new Paragraph({ children: [new TextRun({ text, bold: true, size })] });
const help = (text: string) => new Paragraph({ children: [new TextRun({ text, size: SIZE.help })] });
export const heading = (level: 1 | 2 | 3, text: string) =>
	// keepNext: a heading never ends a page without the table or text it heads.
	new Paragraph({ heading: HEADING[level], keepNext: true, children: [new TextRun(text)] });

export const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);

/**
 * Grid widths: the row number, X and choice columns narrow; the text columns share the rest in
 * proportion to how much the plan writes in them (a row is as tall as its fullest cell, so equal
 * lines per column makes the shortest rows), each at least MIN_TEXT_WIDTH. Counted over all areas,
 * so every area's table has the same columns.
 */
export function planWidths(h: ExportHeader, areas: readonly ExportArea[]): number[] {
	const fixed = (i: number) => (h.leaves[i].kind === 'mark' ? MARK_WIDTH : h.leaves[i].type === 'singleChoice' ? CHOICE_WIDTH : null);
	const chars = h.leaves.map((_, i) => areas.reduce((n, a) => n + a.rows.reduce((m, r) => m + textLength(r.cells[i]), 0), 0));
	const texts = h.leaves.map((_, i) => i).filter((i) => fixed(i) === null);
	const free = CONTENT_WIDTH - NUMBER_WIDTH - sum(h.leaves.map((_, i) => fixed(i) ?? 0));
	// An empty plan shares equally; otherwise a column is weighted by its characters (plus a little,
	// so a nearly empty column keeps room for a few words).
	const weight = (i: number) => Math.max(chars[i], 1) + 400;
	const total = sum(texts.map(weight));
	const floor = Math.min(MIN_TEXT_WIDTH, Math.floor(free / Math.max(1, texts.length)));
	let widths = texts.map((i) => Math.max(floor, Math.floor((free * weight(i)) / total)));
	// Columns raised to the floor are paid for by the others, in proportion.
	const over = sum(widths) - free;
	if (over > 0) {
		const flexible = sum(widths.filter((w) => w > floor).map((w) => w - floor));
		widths = widths.map((w) => (w > floor ? w - Math.ceil(((w - floor) * over) / flexible) : w));
	}
	const byLeaf = new Map(texts.map((i, k) => [i, widths[k]]));
	return [NUMBER_WIDTH, ...h.leaves.map((_, i) => fixed(i) ?? byLeaf.get(i) ?? MIN_TEXT_WIDTH)];
}

function textLength(c: ExportCell | undefined): number {
	return c?.kind === 'text' ? c.text.length : 0;
}

function headerRows(h: ExportHeader, widths: number[], numberTitle: string): TableRow[] {
	const hasChoices = h.choices.length > 0;
	const rowCount = hasChoices ? 3 : 2;
	const partRow: TableCell[] = [cell([bold(numberTitle)], widths[0], { rowSpan: rowCount, fill: FILL.column })];
	let leaf = 1;
	for (const p of h.parts) {
		partRow.push(cell([bold(p.title, SIZE.table + 2)], sum(widths.slice(leaf, leaf + p.span)), { columnSpan: p.span, fill: FILL.part }));
		leaf += p.span;
	}
	const columnRow: TableCell[] = [];
	const choiceRow: TableCell[] = [];
	leaf = 1;
	for (const c of h.columns) {
		const width = sum(widths.slice(leaf, leaf + c.span));
		const children = [bold(c.title), ...(c.help ? [help(c.help)] : [])];
		columnRow.push(cell(children, width, { columnSpan: c.span, rowSpan: hasChoices && !c.hasChoices ? 2 : 1, fill: FILL.column }));
		if (c.hasChoices) {
			for (const [i, l] of h.leaves.slice(leaf - 1, leaf - 1 + c.span).entries()) choiceRow.push(cell([help(l.title)], widths[leaf + i], { fill: FILL.column, vertical: true }));
		}
		leaf += c.span;
	}
	// The choice row gets the continuation cells of the merged columns from docx (rowSpan), in grid order.
	// tableHeader: Word and LibreOffice repeat these rows at the top of every page the table runs onto.
	return [partRow, columnRow, ...(hasChoices ? [choiceRow] : [])].map((cells) => new TableRow({ children: cells, tableHeader: true, cantSplit: true }));
}

/** cantSplit: a row is never broken across pages, so no page holds the tail of a row without its number. */
function bodyRow(r: ExportRow, widths: number[], mark: string): TableRow {
	return new TableRow({
		cantSplit: true,
		children: [cell([bold(r.number)], widths[0]), ...r.cells.map((c, i) => cell(cellParagraphs(c, SIZE.table, mark), widths[i + 1]))]
	});
}

function planTable(m: ExportModel, rows: ExportRow[], widths: number[]): Table {
	const body =
		rows.length > 0
			? rows.map((r) => bodyRow(r, widths, m.texts.mark))
			: [
					new TableRow({
						cantSplit: true,
						children: [cell([new Paragraph({ children: [new TextRun({ text: m.texts.noRows, italics: true, size: SIZE.table })] })], sum(widths), { columnSpan: widths.length })]
					})
				];
	return new Table({
		rows: [...headerRows(m.header, widths, m.texts.numberTitle), ...body],
		columnWidths: widths,
		width: { size: sum(widths), type: WidthType.DXA },
		layout: TableLayoutType.FIXED,
		borders: BORDERS
	});
}

function answerTable(t: ExportTable, mark: string): Table {
	const marks = t.columns.filter((c) => c.kind === 'mark').length;
	const text = Math.floor((CONTENT_WIDTH - marks * QUESTION_MARK_WIDTH) / Math.max(1, t.columns.length - marks));
	const widths = t.columns.map((c) => (c.kind === 'mark' ? QUESTION_MARK_WIDTH : text));
	const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell([bold(c.title, SIZE.answer)], widths[i], { fill: FILL.column })) });
	const rows = t.rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(cellParagraphs(c, SIZE.answer, mark), widths[i])) }));
	return new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: sum(widths), type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS });
}

/** The organisations' sign-offs: organisation, state, who, when; a row never splits over a page. */
function signOffTable(list: readonly ExportSignOff[], w: ExportModel['texts']): Table {
	const widths = [0.34, 0.28, 0.22, 0.16].map((f) => Math.floor(CONTENT_WIDTH * f));
	const titles = [w.signOffs.org, w.signOffs.state, w.signOffs.by, w.signOffs.at];
	const header = new TableRow({ tableHeader: true, cantSplit: true, children: titles.map((t, i) => cell([bold(t, SIZE.answer)], widths[i], { fill: FILL.column })) });
	const plain = (text: string) => new Paragraph(text === '' ? {} : { children: [new TextRun({ text, size: SIZE.answer })] });
	const rows = list.map((o) => new TableRow({ cantSplit: true, children: [o.org, o.stateText, o.by, o.at].map((t, i) => cell([plain(t)], widths[i])) }));
	return new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: sum(widths), type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS });
}

function questionBlock(q: ExportQuestion, mark: string): Array<Paragraph | Table> {
	const helpLines = q.help.map((l) => lineParagraph(l, SIZE.answer, true));
	const answer = q.answer.kind === 'table' ? [answerTable(q.answer.table, mark)] : q.answer.lines.map((l) => lineParagraph(l, SIZE.answer));
	return [heading(3, `${q.number}. ${q.title}`), ...helpLines, ...answer];
}

/** The documents' type: Arial, the tables' sizes, tight paragraphs (the minutes use the same). */
export const STYLES = {
	default: {
		document: { run: { font: 'Arial', size: SIZE.body }, paragraph: { spacing: { before: 0, after: 0 } } },
		title: { run: { font: 'Arial', size: SIZE.title, bold: true }, paragraph: { spacing: { after: 80 } } },
		heading1: { run: { font: 'Arial', size: SIZE.title, bold: true }, paragraph: { spacing: { before: 120, after: 120 } } },
		heading2: { run: { font: 'Arial', size: SIZE.heading, bold: true }, paragraph: { spacing: { before: 160, after: 80 } } },
		heading3: { run: { font: 'Arial', size: SIZE.body, bold: true }, paragraph: { spacing: { before: 160, after: 60 } } }
	}
};
export const NUMBERING = { config: [{ reference: BULLETS, levels: [BULLET_LEVEL] }] };

export function docxDocument(m: ExportModel): Document {
	const w = m.texts;
	// The first page reads like the form's: its title, then "Delarna i tabellen" with every part's
	// full help, then the region and the first area's table on the same page (no page of its own).
	const front = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.title)] }),
		new Paragraph({ children: [new TextRun({ text: m.yearLine, bold: true })] }),
		new Paragraph({ children: [new TextRun({ text: m.statusLine, italics: true })] }),
		heading(2, w.partsTitle),
		...m.guide.flatMap((p) => [
			new Paragraph({ keepNext: true, spacing: { before: 80 }, children: [new TextRun({ text: p.title, bold: true, size: SIZE.body })] }),
			...p.paragraphs.map((text) => new Paragraph({ children: [new TextRun({ text, size: SIZE.body })] }))
		]),
		new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: m.regionLine, bold: true, size: SIZE.heading })] })
	];
	const widths = planWidths(m.header, m.areas);
	// A paragraph after each table: Word merges two tables that touch, and a cell must not end the body.
	const areas = m.areas.flatMap((a) => [heading(2, a.heading), planTable(m, a.rows, widths), new Paragraph({})]);
	// Who stands behind the plan follows its tables (a paragraph after it, as after every table).
	const signOffs = m.signOffs.length > 0 ? [heading(2, w.signOffs.title), signOffTable(m.signOffs, w), new Paragraph({})] : [];
	// The questions follow the last table on its page (no page break): a page mostly left blank by
	// whole rows would otherwise cost a page of its own.
	// The next question's heading parts two answer tables; the last one gets a paragraph after it.
	const questions = m.questions.length > 0 ? [heading(1, m.questionsTitle), ...m.questions.flatMap((q) => questionBlock(q, w.mark)), new Paragraph({})] : [];
	// Every printed page says which plan it is and whether it is a draft, and its number.
	const footer = new Footer({
		children: [
			new Paragraph({
				children: [
					new TextRun({ text: `${m.regionLine} · ${m.yearLine} · ${m.statusLine} · `, size: SIZE.help }),
					new TextRun({ size: SIZE.help, children: [w.page.before, PageNumber.CURRENT, w.page.between, PageNumber.TOTAL_PAGES] })
				]
			})
		]
	});
	return new Document({
		creator: w.creator,
		title: w.documentTitle(m.title, m.regionName, m.year),
		description: m.statusLine,
		styles: STYLES,
		numbering: NUMBERING,
		sections: [
			{
				properties: {
					page: {
						size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
						margin: MARGIN
					}
				},
				footers: { default: footer },
				children: [...front, ...areas, ...signOffs, ...questions]
			}
		]
	});
}

export function renderDocx(m: ExportModel): Promise<Buffer> {
	return Packer.toBuffer(docxDocument(m));
}
