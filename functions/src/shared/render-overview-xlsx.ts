// The national overview as a workbook (exceljs): "Översikt" has one frozen, filterable header row and
// one row per region and year; "Om exporten" the time, the filter and the counts per status. Dates
// are Stockholm wall-clock times (a spreadsheet date has no time zone), numbers are numbers. Words
// come from the catalogue (i18n/export-sv.ts).
import { Workbook } from 'exceljs';
import { stockholmOffsetMinutes, swedishDateTime } from '../../../src/lib/domain/deadline';
import { OVERVIEW_STATUSES, type Overview } from '../../../src/lib/domain/overview';
import type { OverviewExportQuery } from '../../../src/lib/domain/schemas';
import { overviewExportSv } from '../../../src/lib/i18n/export-sv';

const w = overviewExportSv;

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E9F2' } } as const;

/** The Stockholm wall-clock time of an instant, as the UTC fields of a Date (what a spreadsheet shows). */
export function stockholmWallClock(at: Date): Date {
	return new Date(at.getTime() + stockholmOffsetMinutes(at) * 60_000);
}

export async function renderOverviewXlsx(o: Overview, input: { filter: OverviewExportQuery; now: Date; appUrl: string }): Promise<Buffer> {
	const wb = new Workbook();
	wb.creator = w.creator;
	wb.title = w.title;

	const ws = wb.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
	ws.columns = w.columns.map((c) => ({ header: c.header, width: c.width }));
	const header = ws.getRow(1);
	header.font = { bold: true };
	header.eachCell((c) => {
		c.fill = HEADER_FILL;
		c.alignment = { wrapText: true, vertical: 'top' };
	});
	for (const r of o.rows) {
		const link = r.planPath ? `${input.appUrl}${r.planPath}` : null;
		const added = ws.addRow([
			r.regionName,
			Number(r.year),
			w.statusLabel[r.status],
			stockholmWallClock(r.deadline),
			r.daysLeft,
			r.submittedBy,
			r.submittedAt ? stockholmWallClock(r.submittedAt) : null,
			r.reopenings,
			// A plan with a row that cannot be read has no figures: the cell says so and names the row.
			r.unreadableRow !== null ? w.unreadable(r.unreadableRow) : (r.completeness?.rows ?? null),
			r.completeness?.completeRows ?? null,
			r.completeness?.missing ?? null,
			r.completeness?.percent ?? null,
			r.templateId,
			link ? { text: link, hyperlink: link } : null
		]);
		added.getCell(4).numFmt = DATE_FORMAT;
		added.getCell(7).numFmt = DATE_FORMAT;
	}
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: w.columns.length } };
	ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };

	const about = wb.addWorksheet(w.aboutSheet);
	about.columns = [{ width: 30 }, { width: 60 }];
	const pairs: Array<[string, string | number]> = [
		[w.about.title, w.title],
		[w.about.exported, swedishDateTime(input.now)],
		[w.about.year, input.filter.year ?? w.about.all],
		[w.about.status, input.filter.status ? w.statusLabel[input.filter.status] : w.about.all],
		[w.about.rows, o.rows.length]
	];
	for (const [k, v] of pairs) about.addRow([k, v]).getCell(1).font = { bold: true };
	about.addRow([]);
	about.addRow([input.filter.year ? w.about.perStatusOfYear(input.filter.year) : w.about.perStatus]).font = { bold: true, size: 12 };
	for (const s of OVERVIEW_STATUSES) about.addRow([w.statusLabel[s], o.summary[s]]);
	about.addRow([w.about.total, o.summary.total]);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
