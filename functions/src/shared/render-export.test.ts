// The DOCX and XLSX renderers on the transcribed 2023 plan and the 2024 form, without the emulator:
// every body row cantSplit and the header rows repeated, narrow X and status columns, the form's guide
// on the first page with the first table, list items as Word lists; every XLSX cell the stored text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { exportModel, type ExportInput } from '../../../src/lib/domain/export-model';
import { plan, region, storedRow, template, type Row } from '../../../src/lib/domain/schemas';
import { exportSv } from '../../../src/lib/i18n/export-sv';
import { signOffsByOrganisation } from '../../../src/lib/domain/sign-off';
import { swedishDateTime } from '../../../src/lib/domain/deadline';
import { planWidths, renderDocx } from './render-docx';
import { renderXlsx } from './render-xlsx';

const readSeed = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../seed/${path}`, import.meta.url), 'utf8'));
const rsp2023 = template.parse(readSeed('templates/rsp-2023.json'));
const rsp2024 = template.parse(readSeed('templates/rsp-2024.json'));
const jh = region.parse((readSeed('demo.json') as { regions: Record<string, unknown> }).regions['jamtland-harjedalen']);
const seedRows = (readSeed('plans/jamtland-harjedalen-2023.json') as { rows: Array<{ id: string; area: number; fields: Row['fields'] }> }).rows;
const at = new Date('2024-01-01T00:00:00Z');

function input(over: Partial<ExportInput> = {}): ExportInput {
	const rows = seedRows.map((r, i) => ({ id: r.id, row: storedRow.parse({ area: r.area, position: (i + 1) * 1024, fields: r.fields, revs: {}, createdBy: 'u', updatedBy: 'u', updatedAt: at }) }));
	return {
		region: jh,
		year: '2023',
		plan: plan.parse({ templateId: 'rsp-2023', status: 'draft', deadline: new Date('2024-01-31T22:59:00Z') }),
		template: rsp2023,
		rows,
		questionnaire: null,
		answers: new Map(),
		now: new Date('2024-02-05T09:15:00Z'),
		texts: exportSv,
		...over
	};
}

async function documentXml(over: Partial<ExportInput> = {}): Promise<string> {
	const zip = await JSZip.loadAsync(await renderDocx(exportModel(input(over))));
	return zip.file('word/document.xml')!.async('string');
}

const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => [...m[0].matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)].map((r) => r[0]));
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('the DOCX', () => {
	it('repeats the header rows on every page and never splits a body row', async () => {
		const xml = await documentXml();
		const all = tables(xml);
		expect(all).toHaveLength(3);
		let body = 0;
		for (const rows of all) {
			const [head, body1] = [rows.slice(0, 3), rows.slice(3)];
			for (const r of head) expect(r).toMatch(/<w:tblHeader\/>/);
			for (const r of body1) {
				expect(r).toMatch(/<w:cantSplit\/>/);
				expect(r).not.toMatch(/<w:tblHeader\/>/);
			}
			body += body1.length;
		}
		expect(body).toBe(14);
	});

	it('starts the first area on the first page, after the form’s guide with its full help texts', async () => {
		const xml = await documentXml();
		const firstTable = xml.indexOf('<w:tbl>');
		const front = textOf(xml.slice(0, firstTable));
		expect(xml.slice(0, firstTable)).not.toMatch(/pageBreakBefore|<w:br w:type="page"\/>/);
		expect(front).toContain('Delarna i tabellen');
		for (const p of rsp2023.parts) expect(front).toContain(p.help);
		for (const note of exportSv.partNotes.followUp) expect(front).toContain(note);
		expect(front).toContain('Region: Jämtland Härjedalen');
		expect(front).not.toContain('Region: Region');
		expect(front).toContain('Prioriterat område 1. Stärka tillgängligheten till kommersiell service för medborgare');
		// No other page break before the questions: the areas follow one another like the form's.
		expect(xml).not.toMatch(/pageBreakBefore/);
	});

	it('makes the X and status columns narrow and the text columns share the rest', () => {
		const m = exportModel(input());
		const widths = planWidths(m.header, m.areas);
		const of = (id: string) => widths[1 + m.header.leaves.findIndex((l) => l.id === id)];
		const text = m.header.leaves.filter((l) => l.type === 'longText').map((l) => of(l.id));
		expect(of('status')).toBeLessThan(Math.min(...text) * 0.8);
		expect(of('serviceTypes:dagligvaror')).toBeLessThan(Math.min(...text) * 0.7);
		expect(widths[0]).toBeLessThan(of('status'));
		expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 2 * 567);
		expect(Math.min(...text)).toBeGreaterThanOrEqual(1500);
		// The fuller a text column, the wider (a row is as tall as its fullest cell).
		const chars = (id: string) => {
			const i = m.header.leaves.findIndex((l) => l.id === id);
			return m.areas.reduce((n, a) => n + a.rows.reduce((k, r) => k + (r.cells[i]?.kind === 'text' ? r.cells[i].text.length : 0), 0), 0);
		};
		const texts = m.header.leaves.filter((l) => l.type === 'longText').map((l) => l.id).sort((a, b) => chars(a) - chars(b));
		expect(texts.map(of)).toEqual([...texts.map(of)].sort((a, b) => a - b));
		// In proportion, not damped (a square root gave the fullest 1.45× the narrowest above the floor).
		const aboveFloor = texts.map(of).filter((w) => w > 1500);
		expect(of(texts.at(-1)!)).toBeGreaterThan(Math.min(...aboveFloor) * 1.8);
	});

	it('writes "* " and "- " lines as Word list items', async () => {
		const listRow = { id: 'list', row: storedRow.parse({ area: 1, position: 'Zz', fields: { action: 'Insatser:\n- en\n* två' }, revs: {}, createdBy: 'u', updatedBy: 'u', updatedAt: at }) };
		const xml = await documentXml({ rows: [listRow] });
		const paras = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g)].map((p) => ({ text: textOf(p[0]), list: p[0].includes('<w:numPr>') }));
		expect(paras.filter((p) => ['Insatser:', 'en', 'två'].includes(p.text))).toEqual([
			{ text: 'Insatser:', list: false },
			{ text: 'en', list: true },
			{ text: 'två', list: true }
		]);
	});

	it('lays out the 2024 form (no X columns) with the same rules', async () => {
		const xml = await documentXml({ template: rsp2024, year: '2024' });
		for (const rows of tables(xml)) {
			for (const r of rows.slice(0, 2)) expect(r).toMatch(/<w:tblHeader\/>/);
			for (const r of rows.slice(2)) expect(r).toMatch(/<w:cantSplit\/>/);
		}
		expect(textOf(xml)).toContain(exportSv.partNotes.followUp[0]);
	});
	it('lists every organisation’s sign-off after the plan’s tables: organisation, state, who, when', async () => {
		const [H1, H2] = ['1'.repeat(64), '2'.repeat(64)];
		const signedAt = new Date('2024-01-20T10:15:00Z');
		const orgs = [
			{ id: 'krokom', data: { name: 'Krokoms kommun' } },
			{ id: 'lst', data: { name: 'Länsstyrelsen Jämtlands län' } },
			{ id: 'are', data: { name: 'Åre kommun' } }
		];
		const list = signOffsByOrganisation(
			orgs,
			[
				{ id: 'krokom', data: { orgId: 'krokom', uid: 'u-krokom', name: 'Karin Krokom', at: signedAt, contentHash: H1 } },
				{ id: 'lst', data: { orgId: 'lst', uid: 'u-lst', name: 'Lars Länsstyrelsen', at: signedAt, contentHash: H2 } }
			],
			H1
		);
		const xml = await documentXml({ signOffs: list });
		const all = tables(xml);
		// The three areas' tables, then the sign-offs: header and one row per organisation, by Swedish name.
		expect(all).toHaveLength(4);
		const rows = all[3].map(textOf);
		const when = swedishDateTime(signedAt);
		expect(rows).toEqual([
			'OrganisationStatusGodkänd avDatum',
			`Krokoms kommungodkändKarin Krokom${when}`,
			`Länsstyrelsen Jämtlands längodkänd före senaste ändringarLars Länsstyrelsen${when}`,
			'Åre kommuninte godkänd'
		]);
		const text = textOf(xml);
		expect(text.indexOf('Organisationernas godkännande')).toBeGreaterThan(text.lastIndexOf('Prioriterat område 3'));
		// Without sign-offs (an export input that has none) the section is left out.
		expect(textOf(await documentXml())).not.toContain('Organisationernas godkännande');
	});
});

describe('the XLSX', () => {
	it('holds every plan cell exactly as stored, "* " lines included', async () => {
		const wb = new Workbook();
		await wb.xlsx.load(new Uint8Array(await renderXlsx(exportModel(input()))).buffer);
		const ws = wb.getWorksheet(exportSv.xlsx.planSheet)!;
		const m = exportModel(input());
		let checked = 0;
		let lists = 0;
		for (const [i, r] of m.areas.flatMap((a) => a.rows).entries()) {
			const seeded = seedRows.find((s) => s.id === r.id)!;
			for (const [j, l] of m.header.leaves.entries()) {
				if (l.type !== 'longText') continue;
				const stored = (seeded.fields[l.field] as string | undefined) ?? '';
				const value = ws.getRow(i + 2).getCell(j + 3).value;
				expect(value ?? '', `${r.id} ${l.id}`).toBe(stored);
				checked++;
				if (/^\* /m.test(stored)) lists++;
			}
		}
		expect(checked).toBe(14 * 6);
		expect(lists).toBeGreaterThan(0);
	});
});
