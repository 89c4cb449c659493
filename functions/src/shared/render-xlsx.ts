// The export as a workbook (exceljs) for sorting and filtering: "Handlingsplan" has one frozen header
// row and one row per insats (area, number, the year's columns, one X column per service type);
// "Frågor" the follow-up answers; "Om exporten" the status line and the form's help texts.
import { Workbook, type Worksheet } from 'exceljs';
import { AREA_TITLE, NO_QUESTIONS, NUMBER_TITLE, type ExportCell, type ExportLeaf, type ExportLine, type ExportModel } from '../../../src/lib/domain/export-model';

export const PLAN_SHEET = 'Handlingsplan';
export const QUESTIONS_SHEET = 'Frågor';
export const ABOUT_SHEET = 'Om exporten';

const WRAP = { wrapText: true, vertical: 'top' } as const;
const CENTER = { horizontal: 'center', vertical: 'top' } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E9F2' } } as const;

/** A cell's lines as one wrapped cell text; list items keep a bullet so they still read as a list. */
export function cellText(lines: ExportLine[]): string {
	return lines.map((l) => (l.bullet ? `• ${l.text}` : l.text)).join('\n');
}

/** Empty cells stay empty (not ""), so a filter lists them as blanks. */
function cellValue(c: ExportCell): string | null {
	const text = c.kind === 'mark' ? (c.marked ? 'X' : '') : cellText(c.lines);
	return text === '' ? null : text;
}

/** The plan sheet's column title: X-mark columns name their group, so each stands alone when filtered. */
export function leafTitle(l: ExportLeaf): string {
	return l.groupTitle ? `${l.groupTitle}: ${l.title}` : l.title;
}

/** Text in a print header, where "&" starts a code and "&&" is an ampersand. */
function headerText(text: string): string {
	return text.replaceAll('&', '&&');
}

function styleHeader(ws: Worksheet, rowNumber: number): void {
	const row = ws.getRow(rowNumber);
	row.font = { bold: true };
	row.eachCell((c) => {
		c.fill = HEADER_FILL;
		c.alignment = WRAP;
	});
}

function planSheet(wb: Workbook, m: ExportModel): void {
	const ws = wb.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
	const leaves = m.header.leaves;
	ws.columns = [
		{ header: AREA_TITLE, width: 28 },
		{ header: NUMBER_TITLE, width: 8 },
		...leaves.map((l) => ({ header: leafTitle(l), width: l.kind === 'mark' ? 14 : 42 }))
	];
	styleHeader(ws, 1);
	for (const a of m.areas) {
		for (const r of a.rows) {
			const row = ws.addRow([`${a.number}. ${a.title}`, r.number, ...r.cells.map(cellValue)]);
			row.eachCell({ includeEmpty: true }, (c, col) => {
				c.alignment = col > 2 && leaves[col - 3]?.kind === 'mark' ? CENTER : WRAP;
			});
		}
	}
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: leaves.length + 2 } };
	// Printed copies carry the status too, so a draft on paper still says it is one.
	ws.headerFooter = { oddHeader: `&L${headerText(`${m.regionLine} · ${m.yearLine}`)}&R${headerText(m.statusLine)}` };
	ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
}

function questionsSheet(wb: Workbook, m: ExportModel): void {
	const ws = wb.addWorksheet(QUESTIONS_SHEET);
	ws.columns = [{ width: 7 }, { width: 40 }, { width: 40 }, { width: 28 }, { width: 40 }, { width: 40 }];
	ws.addRow([m.questionsTitle]).font = { bold: true, size: 14 };
	if (m.questions.length === 0) ws.addRow([NO_QUESTIONS]);
	for (const q of m.questions) {
		ws.addRow([]);
		const title = ws.addRow([q.number, q.title]);
		title.font = { bold: true };
		if (q.help.length > 0) {
			const help = ws.addRow([null, cellText(q.help)]);
			help.font = { italic: true };
			help.getCell(2).alignment = WRAP;
		}
		if (q.answer.kind === 'paragraphs') {
			ws.addRow([null, cellText(q.answer.lines)]).getCell(2).alignment = WRAP;
			continue;
		}
		const t = q.answer.table;
		ws.addRow([null, ...t.columns.map((c) => c.title)]);
		styleHeader(ws, ws.rowCount);
		for (const cells of t.rows) {
			const row = ws.addRow([null, ...cells.map(cellValue)]);
			cells.forEach((c, i) => {
				row.getCell(i + 2).alignment = c.kind === 'mark' ? CENTER : WRAP;
			});
		}
	}
}

function aboutSheet(wb: Workbook, m: ExportModel): void {
	const ws = wb.addWorksheet(ABOUT_SHEET);
	ws.columns = [{ width: 36 }, { width: 100 }];
	const pairs: Array<[string, string]> = [
		['Titel', m.title],
		['Region', m.regionName],
		['Verksamhetsår', String(m.year)],
		['Status', m.statusLine],
		['Exporterad', m.exportedAt]
	];
	for (const [k, v] of pairs) ws.addRow([k, v]).getCell(1).font = { bold: true };
	ws.addRow([]);
	ws.addRow(['Delarna i tabellen']).font = { bold: true, size: 12 };
	for (const p of m.header.parts) ws.addRow([p.title, p.help]);
	ws.addRow([]);
	ws.addRow(['Kolumnerna']).font = { bold: true, size: 12 };
	for (const c of m.header.columns) ws.addRow([c.title, c.help]);
	ws.eachRow((row) => row.eachCell((c) => (c.alignment = WRAP)));
}

export async function renderXlsx(m: ExportModel): Promise<Buffer> {
	const wb = new Workbook();
	wb.creator = 'Planbordet';
	wb.title = `${m.title} – ${m.regionName} ${m.year}`;
	wb.subject = m.statusLine;
	planSheet(wb, m);
	questionsSheet(wb, m);
	aboutSheet(wb, m);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
