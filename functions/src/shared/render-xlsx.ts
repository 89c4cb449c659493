// The export as a workbook (exceljs) for sorting and filtering: the plan sheet has one frozen header
// row and one row per insats (area, number, the year's columns, one X column per service type); then
// the follow-up answers and a sheet about the export with the form's full help texts. Every cell
// holds the stored text exactly: wrapping and widths are styles, never changed characters.
import { Workbook, type Worksheet } from 'exceljs';
import type { ExportCell, ExportLeaf, ExportModel, ExportTexts } from '../../../src/lib/domain/export-model';

const WRAP = { wrapText: true, vertical: 'top' } as const;
const CENTER = { horizontal: 'center', vertical: 'top' } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E9F2' } } as const;

/** The stored text itself; empty cells stay empty (not ""), so a filter lists them as blanks. */
function cellValue(c: ExportCell, mark: string): string | null {
	const text = c.kind === 'mark' ? (c.marked ? mark : '') : c.text;
	return text === '' ? null : text;
}

/** The plan sheet's column title: X-mark columns name their group, so each stands alone when filtered. */
export function leafTitle(l: ExportLeaf, w: ExportTexts): string {
	return l.groupTitle ? w.xlsx.leafTitle(l.groupTitle, l.title) : l.title;
}

/** Column widths in characters: X and choice columns narrow, text columns wide and wrapped. */
function leafWidth(l: ExportLeaf): number {
	return l.kind === 'mark' ? 12 : l.type === 'singleChoice' ? 14 : 42;
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
	const w = m.texts;
	const ws = wb.addWorksheet(w.xlsx.planSheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
	const leaves = m.header.leaves;
	ws.columns = [
		{ header: w.areaTitle, width: 28 },
		{ header: w.numberTitle, width: 8 },
		...leaves.map((l) => ({ header: leafTitle(l, w), width: leafWidth(l) }))
	];
	styleHeader(ws, 1);
	for (const a of m.areas) {
		for (const r of a.rows) {
			const row = ws.addRow([`${a.number}. ${a.title}`, r.number, ...r.cells.map((c) => cellValue(c, w.mark))]);
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
	const w = m.texts;
	const ws = wb.addWorksheet(w.xlsx.questionsSheet);
	ws.columns = [{ width: 7 }, { width: 40 }, { width: 40 }, { width: 28 }, { width: 40 }, { width: 40 }];
	ws.addRow([m.questionsTitle]).font = { bold: true, size: 14 };
	if (m.questions.length === 0) ws.addRow([w.noQuestions]);
	for (const q of m.questions) {
		ws.addRow([]);
		const title = ws.addRow([q.number, q.title]);
		title.font = { bold: true };
		if (q.helpText !== '') {
			const help = ws.addRow([null, q.helpText]);
			help.font = { italic: true };
			help.getCell(2).alignment = WRAP;
		}
		if (q.answer.kind === 'paragraphs') {
			ws.addRow([null, q.answer.text]).getCell(2).alignment = WRAP;
			continue;
		}
		const t = q.answer.table;
		ws.addRow([null, ...t.columns.map((c) => c.title)]);
		styleHeader(ws, ws.rowCount);
		for (const cells of t.rows) {
			const row = ws.addRow([null, ...cells.map((c) => cellValue(c, w.mark))]);
			cells.forEach((c, i) => {
				row.getCell(i + 2).alignment = c.kind === 'mark' ? CENTER : WRAP;
			});
		}
	}
}

function aboutSheet(wb: Workbook, m: ExportModel): void {
	const w = m.texts;
	const ws = wb.addWorksheet(w.xlsx.aboutSheet);
	ws.columns = [{ width: 36 }, { width: 100 }];
	const pairs: Array<[string, string]> = [
		[w.xlsx.about.title, m.title],
		[w.xlsx.about.region, m.regionName],
		[w.xlsx.about.year, String(m.year)],
		[w.xlsx.about.status, m.statusLine],
		[w.xlsx.about.exported, m.exportedAt]
	];
	for (const [k, v] of pairs) ws.addRow([k, v]).getCell(1).font = { bold: true };
	ws.addRow([]);
	ws.addRow([w.partsTitle]).font = { bold: true, size: 12 };
	// The form's full text of each part: one paragraph per line of the cell.
	for (const p of m.guide) ws.addRow([p.title, p.paragraphs.join('\n')]);
	ws.addRow([]);
	ws.addRow([w.xlsx.columnsTitle]).font = { bold: true, size: 12 };
	for (const c of m.header.columns) ws.addRow([c.title, c.help]);
	ws.eachRow((row) => row.eachCell((c) => (c.alignment = WRAP)));
}

export async function renderXlsx(m: ExportModel): Promise<Buffer> {
	const wb = new Workbook();
	wb.creator = m.texts.creator;
	wb.title = m.texts.documentTitle(m.title, m.regionName, m.year);
	wb.subject = m.statusLine;
	planSheet(wb, m);
	questionsSheet(wb, m);
	aboutSheet(wb, m);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
