// The national overview as a workbook (exceljs): "Översikt" has one frozen, filterable header row and
// one row per region and year; "Om exporten" the time, the filter and the counts per status. Dates
// are Stockholm wall-clock times (a spreadsheet date has no time zone), numbers are numbers.
import { Workbook } from 'exceljs';
import { stockholmOffsetMinutes, swedishDateTime } from '../../../src/lib/domain/deadline';
import { OVERVIEW_STATUS_LABEL, OVERVIEW_STATUSES, type Overview } from '../../../src/lib/domain/overview';
import type { OverviewExportQuery } from '../../../src/lib/domain/schemas';

export const OVERVIEW_SHEET = 'Översikt';
export const OVERVIEW_ABOUT_SHEET = 'Om exporten';
export const OVERVIEW_TITLE = 'Översikt över regionernas handlingsplaner';

/** The overview sheet's columns in order: header and width. */
export const OVERVIEW_COLUMNS = [
	{ header: 'Region', width: 32 },
	{ header: 'Verksamhetsår', width: 14 },
	{ header: 'Status', width: 14 },
	{ header: 'Sista dag', width: 18 },
	{ header: 'Dagar kvar', width: 11 },
	{ header: 'Inlämnad av', width: 26 },
	{ header: 'Inlämnad', width: 18 },
	{ header: 'Öppnad igen (antal)', width: 12 },
	{ header: 'Insatser', width: 10 },
	{ header: 'Kompletta insatser', width: 12 },
	{ header: 'Saknade uppgifter', width: 12 },
	{ header: 'Klart (%)', width: 10 },
	{ header: 'Mall', width: 14 },
	{ header: 'Länk till planen', width: 50 }
] as const;

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/** The Insatser cell of a plan with a row that cannot be read (ids can be long: the cell shows at most 60 characters of it). */
export const unreadableText = (rowId: string) => `Kan inte läsas: insats ${rowId.length > 60 ? `${rowId.slice(0, 60)}…` : rowId}`;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4E9F2' } } as const;

/** The Stockholm wall-clock time of an instant, as the UTC fields of a Date (what a spreadsheet shows). */
export function stockholmWallClock(at: Date): Date {
	return new Date(at.getTime() + stockholmOffsetMinutes(at) * 60_000);
}

export async function renderOverviewXlsx(o: Overview, input: { filter: OverviewExportQuery; now: Date; appUrl: string }): Promise<Buffer> {
	const wb = new Workbook();
	wb.creator = 'Planbordet';
	wb.title = OVERVIEW_TITLE;

	const ws = wb.addWorksheet(OVERVIEW_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
	ws.columns = OVERVIEW_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
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
			OVERVIEW_STATUS_LABEL[r.status],
			stockholmWallClock(r.deadline),
			r.daysLeft,
			r.submittedBy,
			r.submittedAt ? stockholmWallClock(r.submittedAt) : null,
			r.reopenings,
			// A plan with a row that cannot be read has no figures: the cell says so and names the row.
			r.unreadableRow !== null ? unreadableText(r.unreadableRow) : (r.completeness?.rows ?? null),
			r.completeness?.completeRows ?? null,
			r.completeness?.missing ?? null,
			r.completeness?.percent ?? null,
			r.templateId,
			link ? { text: link, hyperlink: link } : null
		]);
		added.getCell(4).numFmt = DATE_FORMAT;
		added.getCell(7).numFmt = DATE_FORMAT;
	}
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: OVERVIEW_COLUMNS.length } };
	ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };

	const about = wb.addWorksheet(OVERVIEW_ABOUT_SHEET);
	about.columns = [{ width: 30 }, { width: 60 }];
	const pairs: Array<[string, string | number]> = [
		['Titel', OVERVIEW_TITLE],
		['Exporterad', swedishDateTime(input.now)],
		['Verksamhetsår', input.filter.year ?? 'alla'],
		['Status', input.filter.status ? OVERVIEW_STATUS_LABEL[input.filter.status] : 'alla'],
		['Rader', o.rows.length]
	];
	for (const [k, v] of pairs) about.addRow([k, v]).getCell(1).font = { bold: true };
	about.addRow([]);
	about.addRow([input.filter.year ? `Antal per status, ${input.filter.year}` : 'Antal per status']).font = { bold: true, size: 12 };
	for (const s of OVERVIEW_STATUSES) about.addRow([OVERVIEW_STATUS_LABEL[s], o.summary[s]]);
	about.addRow(['Totalt', o.summary.total]);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
