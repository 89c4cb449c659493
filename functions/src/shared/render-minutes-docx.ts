// A meeting's minutes as a Word document (docx): A4 portrait, the title and the meeting's facts, the
// participants, the changed cells as a table (before and after), then the lists (rows added, moved,
// removed, status decisions, comments, resolved threads). It only lays out a MinutesReport (its words
// included), with render-docx.ts's page, type, cells and headings.
import { Document, Packer, PageOrientation, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType, HeadingLevel } from 'docx';
import type { MinutesReport, MinutesWords } from '../../../src/lib/domain/minutes-report';
import { A4_LONG, A4_SHORT, BORDERS, BULLETS, FILL, MARGIN, NUMBERING, SIZE, STYLES, bold, cell, heading, sum } from './render-docx';

/** Portrait: the text width between the side margins, shared by the changes table's columns. */
const CONTENT_WIDTH = A4_SHORT - MARGIN.left - MARGIN.right;
/** Insats, Kolumn, Före, Efter, Ändrat av. */
const WIDTHS = [900, 1700, Math.floor((CONTENT_WIDTH - 900 - 1700 - 1800) / 2), Math.ceil((CONTENT_WIDTH - 900 - 1700 - 1800) / 2), 1800];

const text = (t: string, size = SIZE.body) => new Paragraph({ children: [new TextRun({ text: t, size })] });
/** A value as paragraphs, one per line (Word keeps no newlines in a run). */
const lines = (t: string, size: number) => (t === '' ? [new Paragraph({})] : t.split('\n').map((l) => text(l, size)));
const bullet = (t: string) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun({ text: t, size: SIZE.body })] });
const list = (items: string[], none: string) => (items.length > 0 ? items.map(bullet) : [new Paragraph({ children: [new TextRun({ text: none, italics: true, size: SIZE.body })] })]);

function changesTable(r: MinutesReport, w: MinutesWords): Table {
	const h = w.tableHeads;
	const head = new TableRow({ tableHeader: true, cantSplit: true, children: [h.row, h.column, h.before, h.after, h.by].map((t, i) => cell([bold(t, SIZE.body)], WIDTHS[i], { fill: FILL.column })) });
	const rows = r.changes.map(
		(c) =>
			new TableRow({
				children: [c.row, c.column, c.before || w.empty, c.after || w.empty, c.by].map((t, i) => cell(lines(t, SIZE.answer), WIDTHS[i]))
			})
	);
	return new Table({ rows: [head, ...rows], columnWidths: WIDTHS, width: { size: sum(WIDTHS), type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS });
}

export function minutesDocument(r: MinutesReport, w: MinutesWords): Document {
	const changes = r.changes.length > 0 ? [changesTable(r, w), new Paragraph({})] : list([], r.none);
	return new Document({
		creator: 'Planbordet',
		title: `${r.title} – ${r.planLine}`,
		styles: STYLES,
		numbering: NUMBERING,
		sections: [
			{
				properties: { page: { size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } },
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(r.title)] }),
					new Paragraph({ children: [new TextRun({ text: r.planLine, bold: true })] }),
					...r.facts.map((f) => text(f)),
					heading(2, r.participantsTitle),
					...list(r.participants, r.none),
					heading(2, r.changesTitle),
					...changes,
					...r.lists.flatMap((l) => [heading(2, l.title), ...list(l.items, r.none)])
				]
			}
		]
	});
}

export function renderMinutesDocx(r: MinutesReport, w: MinutesWords): Promise<Buffer> {
	return Packer.toBuffer(minutesDocument(r, w));
}
