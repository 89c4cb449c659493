// The export as a Word document (docx): A4 landscape like the paper form, the plan table per priority
// area with its grouped header rows repeated on every page, then the follow-up questions. It only
// lays out an ExportModel; what goes where is decided in src/lib/domain/export-model.ts.
import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	LevelFormat,
	Packer,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType
} from 'docx';
import type { ExportCell, ExportHeader, ExportLine, ExportModel, ExportQuestion, ExportRow, ExportTable } from '../../../src/lib/domain/export-model';
import { NO_ROWS, NUMBER_TITLE } from '../../../src/lib/domain/export-model';

/** A4 in twips (portrait measures; docx swaps them for landscape) and the margins. */
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 720;
const CONTENT_WIDTH = A4_LONG - 2 * MARGIN;
const NUMBER_WIDTH = 720;
const MARK_WIDTH = 1100;
const QUESTION_MARK_WIDTH = 1300;

/** Half-points. */
const SIZE = { body: 20, table: 16, help: 14 };
const FILL = { part: 'C9D3E6', column: 'E4E9F2' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const CELL_MARGINS = { top: 40, bottom: 40, left: 70, right: 70 };
/** List items with a small indent: Word's default (a half inch) eats a narrow column. */
const BULLETS = 'export-bullets';
const BULLET_LEVEL = { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 240, hanging: 180 } } } };

function lineParagraph(line: ExportLine, size: number, italics = false): Paragraph {
	return new Paragraph({
		children: line.text === '' ? [] : [new TextRun({ text: line.text, size, italics })],
		...(line.bullet ? { numbering: { reference: BULLETS, level: 0 } } : {})
	});
}

/** Every cell holds at least one paragraph: Word refuses a cell without one. */
function cellParagraphs(cell: ExportCell, size: number): Paragraph[] {
	if (cell.kind === 'mark') {
		return [new Paragraph({ alignment: AlignmentType.CENTER, children: cell.marked ? [new TextRun({ text: 'X', bold: true, size })] : [] })];
	}
	return cell.lines.length > 0 ? cell.lines.map((l) => lineParagraph(l, size)) : [new Paragraph({})];
}

function cell(children: Paragraph[], width: number, options: { columnSpan?: number; rowSpan?: number; fill?: string } = {}): TableCell {
	return new TableCell({
		children,
		width: { size: width, type: WidthType.DXA },
		margins: CELL_MARGINS,
		verticalAlign: VerticalAlign.TOP,
		...(options.columnSpan && options.columnSpan > 1 ? { columnSpan: options.columnSpan } : {}),
		...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
		...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {})
	});
}

const bold = (text: string, size = SIZE.table) => new Paragraph({ children: [new TextRun({ text, bold: true, size })] });
const help = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, size: SIZE.help })] });

/** Grid widths: the row number, narrow X-mark columns, and the text columns sharing the rest. */
function planWidths(h: ExportHeader): number[] {
	const marks = h.leaves.filter((l) => l.kind === 'mark').length;
	const texts = h.leaves.length - marks;
	const text = Math.floor((CONTENT_WIDTH - NUMBER_WIDTH - marks * MARK_WIDTH) / Math.max(1, texts));
	return [NUMBER_WIDTH, ...h.leaves.map((l) => (l.kind === 'mark' ? MARK_WIDTH : text))];
}

const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);

function headerRows(h: ExportHeader, widths: number[]): TableRow[] {
	const hasChoices = h.choices.length > 0;
	const rowCount = hasChoices ? 3 : 2;
	const partRow: TableCell[] = [cell([bold(NUMBER_TITLE)], widths[0], { rowSpan: rowCount, fill: FILL.column })];
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
			for (const [i, l] of h.leaves.slice(leaf - 1, leaf - 1 + c.span).entries()) choiceRow.push(cell([bold(l.title, SIZE.help)], widths[leaf + i], { fill: FILL.column }));
		}
		leaf += c.span;
	}
	// The choice row gets the continuation cells of the merged columns from docx (rowSpan), in grid order.
	return [partRow, columnRow, ...(hasChoices ? [choiceRow] : [])].map((cells) => new TableRow({ children: cells, tableHeader: true }));
}

function bodyRow(r: ExportRow, widths: number[]): TableRow {
	return new TableRow({
		children: [cell([bold(r.number)], widths[0]), ...r.cells.map((c, i) => cell(cellParagraphs(c, SIZE.table), widths[i + 1]))]
	});
}

function planTable(h: ExportHeader, rows: ExportRow[]): Table {
	const widths = planWidths(h);
	const body =
		rows.length > 0
			? rows.map((r) => bodyRow(r, widths))
			: [new TableRow({ children: [cell([new Paragraph({ children: [new TextRun({ text: NO_ROWS, italics: true, size: SIZE.table })] })], sum(widths), { columnSpan: widths.length })] })];
	return new Table({
		rows: [...headerRows(h, widths), ...body],
		columnWidths: widths,
		width: { size: sum(widths), type: WidthType.DXA },
		layout: TableLayoutType.FIXED,
		borders: BORDERS
	});
}

function answerTable(t: ExportTable): Table {
	const marks = t.columns.filter((c) => c.kind === 'mark').length;
	const text = Math.floor((CONTENT_WIDTH - marks * QUESTION_MARK_WIDTH) / Math.max(1, t.columns.length - marks));
	const widths = t.columns.map((c) => (c.kind === 'mark' ? QUESTION_MARK_WIDTH : text));
	const header = new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell([bold(c.title, SIZE.body)], widths[i], { fill: FILL.column })) });
	const rows = t.rows.map((cells) => new TableRow({ children: cells.map((c, i) => cell(cellParagraphs(c, SIZE.body), widths[i])) }));
	return new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: sum(widths), type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS });
}

function questionBlock(q: ExportQuestion): Array<Paragraph | Table> {
	const heading = new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`${q.number}. ${q.title}`)] });
	const helpLines = q.help.map((l) => lineParagraph(l, SIZE.body, true));
	const answer = q.answer.kind === 'table' ? [answerTable(q.answer.table)] : q.answer.lines.map((l) => lineParagraph(l, SIZE.body));
	return [heading, ...helpLines, ...answer, new Paragraph({})];
}

export function docxDocument(m: ExportModel): Document {
	const front = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.title)] }),
		new Paragraph({ children: [new TextRun({ text: m.regionLine, bold: true })] }),
		new Paragraph({ children: [new TextRun(m.yearLine)] }),
		new Paragraph({ children: [new TextRun({ text: m.statusLine, italics: true })] }),
		new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Delarna i tabellen')] }),
		...m.header.parts.flatMap((p) => [bold(p.title, SIZE.body), ...(p.help ? [new Paragraph({ children: [new TextRun(p.help)] })] : [])])
	];
	// A paragraph after each table: Word merges two tables that touch, and a cell must not end the body.
	const areas = m.areas.flatMap((a) => [
		new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(a.heading)] }),
		planTable(m.header, a.rows),
		new Paragraph({})
	]);
	const questions =
		m.questions.length > 0
			? [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(m.questionsTitle)] }), ...m.questions.flatMap(questionBlock)]
			: [];
	return new Document({
		creator: 'Planbordet',
		title: `${m.title} – ${m.regionName} ${m.year}`,
		description: m.statusLine,
		styles: { default: { document: { run: { font: 'Arial', size: SIZE.body } } } },
		numbering: { config: [{ reference: BULLETS, levels: [BULLET_LEVEL] }] },
		sections: [
			{
				properties: {
					page: {
						size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
						margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }
					}
				},
				children: [...front, ...areas, ...questions]
			}
		]
	});
}

export function renderDocx(m: ExportModel): Promise<Buffer> {
	return Packer.toBuffer(docxDocument(m));
}
