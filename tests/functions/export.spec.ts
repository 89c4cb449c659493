// exportPlan through Hosting's /api/export/** rewrite, with ID tokens of signed-in clients: who may
// download (members of the region, staff; 401 without a valid token, 403 for other regions, 404
// for unknown plans and paths, 405 for other methods); the DOCX (unzipped: the form's wording and
// full help texts, every header, rows never split and headers repeated, every row's texts and X
// marks, list items, area headings, the network's sign-offs, status lines, A4 landscape) and the XLSX (every cell of the plan
// sheet exactly the stored text, the frozen header, the answers) against the stored data, for the demo
// 2023 plan and the 2025-sized plan (tests/fixtures); and, where LibreOffice is installed, that it
// converts each DOCX to a PDF of at most MAX_PAGES pages whose first page already holds the first
// table's first row — with poppler-utils, the 2025 plan's first two pages as PNG in test-results/screenshots.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { findSoffice } from '../../scripts/ensure-libreoffice.mjs';
import { hasPoppler } from '../../scripts/ensure-poppler.mjs';
import { admin, APP_URL, resetDemo } from '../support/emulators';
import { clientPool, JH, P, storedRows, templateOf, VN, yearDoc } from '../support/plans';
import { warningsPlan, writeWarningsPlan } from '../support/plan-fixture';
import { swedishDateTime } from '../../src/lib/domain/deadline';
import { areaSections, gridColumns } from '../../src/lib/domain/plan-table';
import { answerFieldsOf, question, questionnaire, region, type Region, type RowFields, type Template } from '../../src/lib/domain/schemas';
import { submissionRecord, type SubmittedRow } from '../../src/lib/domain/submission';
import { contentHash } from '../../functions/src/shared/content-hash';
import { fillYear } from '../../src/lib/domain/template';
import { paths } from '../../src/lib/domain/paths';
import { exportSv } from '../../src/lib/i18n/export-sv';

const YEAR = '2023';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const url = (path: string) => `${APP_URL}/api/export/${path}`;
/** The 2025-sized plan as the network wrote it, in a year of its own (2024 stays the empty rsp-2024 plan). */
const YEAR_2025 = '2025';
/**
 * A plan of 14 rows on A4 landscape pages in LibreOffice, as the issue asks: the demo 2023 plan with
 * the spec's five questions and the 2025-sized plan with the (unanswered) questionnaire each fit in 5
 * (it was 7, with rows split and a near-empty first page).
 */
const MAX_PAGES = 5;
/** Where a person can look at the DOCX's first pages (gitignored; the README names the folder). */
const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/* ---------- a questionnaire of the spec's own, so the answers below are known ---------- */

const QUESTIONS = [
	question.parse({
		id: 'xq-efterfragan',
		number: 1,
		kind: 'outlook',
		title: 'Hur bedömer regionen att efterfrågan av respektive stödtyp kommer att utvecklas?',
		rows: [
			{ key: 'dagligvaror', label: 'Investeringar kopplat till dagligvarubutiker' },
			{ key: 'drivmedel', label: 'Investeringar kopplat till drivmedelsförsäljning' }
		]
	}),
	question.parse({ id: 'xq-spaning', number: 2, kind: 'text', title: 'Har ni någon annan framtidsspaning?' }),
	question.parse({ id: 'xq-personal', number: 3, kind: 'staff', title: 'Hur mycket personalresurser har regionen avsatt?', rows: [{ key: 'process', label: 'Processledning/koordinering' }] }),
	question.parse({ id: 'xq-kontakt', number: 4, kind: 'contacts', title: 'Vem är kontaktperson?', rows: [{ key: 'rsp', label: 'Kontaktperson för RSP' }] }),
	question.parse({ id: 'xq-aktorer', number: 5, kind: 'actors', title: 'Vilka aktörer ingår i samverkan?', rows: [{ key: 'kommuner', label: 'Kommuner' }] })
];
const ANSWERS: Record<string, Record<string, unknown>> = {
	'xq-efterfragan': { 'dagligvaror-trend': 'okar', 'dagligvaror-comment': 'Fler ansökningar om semiobemannat.', 'drivmedel-trend': 'minskar' },
	'xq-spaning': { text: 'Stort fokus på semiobemannat.\n- energieffektivisering\n- laddinfrastruktur' },
	'xq-personal': {
		'process-people': [
			{ name: 'Maria Kumpula', share: 0.1 },
			{ name: 'Malin Nyqvist Ljungberg', share: 0.3 },
			{ name: 'Projektledare', share: 0.15 }
		]
	},
	'xq-kontakt': { 'rsp-name': 'Malin Nyqvist Ljungberg', 'rsp-email': 'malin@regionjh.example ville@regionjh.example' },
	'xq-aktorer': { 'kommuner-collaboration': 'Via serviceforumet Service Z.', 'kommuner-step': 'Samhandling', 'kommuner-challenges': 'Kommunernas olika resurser.' }
};

async function useSpecQuestionnaire(): Promise<void> {
	const { db } = admin();
	const fieldTypes = Object.fromEntries(QUESTIONS.map((q) => [q.id, Object.fromEntries(answerFieldsOf(q).map((f) => [f.key, f.type]))]));
	await db.doc('questionnaires/export-spec').set(questionnaire.parse({ name: 'Frågor (exporttest)', years: [2023], published: true, questions: QUESTIONS, fieldTypes }));
	for (const q of QUESTIONS) {
		await yearDoc(JH, YEAR).collection('answers').doc(q.id).set({ fields: ANSWERS[q.id] ?? {}, revs: {}, updatedBy: null, updatedAt: null });
	}
	await yearDoc(JH, YEAR).update({ questionnaireId: 'export-spec' });
}

/* ---------- reading the files ---------- */

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface Para {
	text: string;
	bullet: boolean;
}

function paragraphsOf(xml: string): Para[] {
	return [...xml.matchAll(/<w:p\/>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map(([p]) => ({
		text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''),
		bullet: p.includes('<w:numPr>')
	}));
}

/** Tables → rows → cells → paragraphs (the export nests no tables). */
function tablesOf(xml: string): Para[][][][] {
	return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) =>
		[...t.matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)].map(([tr]) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => paragraphsOf(tc)))
	);
}

const texts = (cell: Para[]) => cell.map((p) => p.text);

/* ---------- what the stored data should look like ---------- */

const BULLET = /^[*\-•] /;

/** A cell as the form shows it, one entry per line (list markers dropped), '' for an empty cell or an unmarked X. */
function expectedCells(t: Template, fields: RowFields): Para[][] {
	return gridColumns(t).map((g) => {
		const value = fields[g.field];
		if (g.choice) return [{ text: Array.isArray(value) && value.some((v) => v === g.choice?.value) ? 'X' : '', bullet: false }];
		if (g.column.type === 'singleChoice') return [{ text: g.column.choices.find((c) => c.value === value && value !== '')?.label ?? '', bullet: false }];
		const text = typeof value === 'string' ? value : '';
		if (text === '') return [{ text: '', bullet: false }];
		return text.split('\n').map((line) => ({ text: line.replace(BULLET, ''), bullet: BULLET.test(line) }));
	});
}

async function regionOf(regionId: string): Promise<Region> {
	return region.parse((await admin().db.doc(paths.region(regionId)).get()).data());
}

/** The stored rows per area in table order, each with its number "1.2". */
async function rowsInOrder(regionId: string, year: string) {
	const sections = areaSections((await regionOf(regionId)).areas, await storedRows(regionId, year));
	return sections.map((s) => ({ area: s.area, rows: s.rows.map((r, i) => ({ ...r, number: `${s.area.number}.${i + 1}` })) }));
}

const SOFFICE: string | null = findSoffice();
if (!SOFFICE) console.log('[export.spec] LibreOffice is not installed (no soffice or libreoffice on PATH): skipping the DOCX → PDF conversion check.');
const POPPLER = hasPoppler();
if (SOFFICE && !POPPLER) console.log('[export.spec] poppler-utils is not installed (no pdftotext/pdftoppm on PATH): skipping the first-page text and the DOCX page images.');

/** The DOCX converted by LibreOffice: its page count, and the PDF's path in `dir` (a profile of its own there). */
async function docxToPdf(dir: string, name: string, docx: ArrayBuffer): Promise<{ pages: number; pdf: string }> {
	const file = join(dir, `${name}.docx`);
	await writeFile(file, Buffer.from(docx));
	// A profile of its own, so a LibreOffice already running elsewhere does not take the job.
	const run = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
		encoding: 'utf8',
		timeout: 100_000
	});
	const pdf = join(dir, `${name}.pdf`);
	const size = await stat(pdf).then((s) => s.size, () => 0);
	expect(size, `${run.stdout}\n${run.stderr}`).toBeGreaterThan(10_000);
	const bytes = (await readFile(pdf)).toString('latin1');
	expect(bytes.slice(0, 5)).toBe('%PDF-');
	// LibreOffice writes each page's dictionary uncompressed: count the /Type /Page objects.
	return { pages: [...bytes.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length, pdf };
}

/** The text of one page of a PDF (poppler's pdftotext), whitespace folded. */
function pageText(pdf: string, page: number): string {
	const run = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
	expect(run.status, run.stderr).toBe(0);
	return run.stdout.replace(/\s+/g, ' ');
}

/** Every row of the plan sheet: area, number and each cell exactly the stored text ("* " lines too), in table order. */
async function expectSheetAsStored(wb: Workbook, regionId: string, year: string): Promise<void> {
	const t = await templateOf(regionId, year);
	const ws = wb.getWorksheet('Handlingsplan')!;
	const width = gridColumns(t).length + 2;
	const values = (r: number) =>
		Array.from({ length: width + 1 }, (_, i) => {
			const v = ws.getRow(r).getCell(i + 1).value;
			return v === null || v === undefined ? null : String(v);
		});
	let r = 2;
	let lists = 0;
	for (const s of await rowsInOrder(regionId, year)) {
		for (const row of s.rows) {
			// A text cell is the stored string itself; an X column says X; the status its label.
			const cells = gridColumns(t).map((g) => {
				const value = row.fields[g.field];
				if (g.choice) return Array.isArray(value) && value.includes(g.choice.value) ? 'X' : '';
				if (g.column.type === 'singleChoice') return g.column.choices.find((c) => c.value === value && value !== '')?.label ?? '';
				return typeof value === 'string' ? value : '';
			});
			lists += cells.filter((c) => /^\* /m.test(c)).length;
			expect(values(r), row.id).toEqual([`${s.area.number}. ${s.area.title}`, row.number, ...cells.map((c) => (c === '' ? null : c)), null]);
			r++;
		}
	}
	expect(r).toBeGreaterThan(2);
	expect(ws.actualRowCount).toBe(r - 1);
	expect(lists).toBeGreaterThan(0);
}

describe('exportPlan', () => {
	const pool = clientPool();
	const tokenOf = async (uid: string) => (await pool.as(uid)).auth.currentUser!.getIdToken();
	const get = (path: string, token?: string, init: RequestInit = {}) =>
		fetch(url(path), { ...init, headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
	let coordToken: string;
	let readerToken: string;

	const signedAt = new Date('2024-01-20T10:15:00Z');

	beforeAll(async () => {
		await resetDemo();
		await useSpecQuestionnaire();
		// Krokom signed off the plan as it is; Länsstyrelsen signed off another content (stale).
		await yearDoc(JH, YEAR).collection('signOffs').doc('krokom').set({ orgId: 'krokom', uid: P.krokom.uid, name: P.krokom.name, at: signedAt, contentHash: contentHash(await storedRows(JH, YEAR)) });
		await yearDoc(JH, YEAR).collection('signOffs').doc('lst-jamtland').set({ orgId: 'lst-jamtland', uid: P.lst.uid, name: P.lst.name, at: signedAt, contentHash: 'f'.repeat(64) });
		coordToken = await tokenOf(P.coordJH.uid);
		readerToken = await tokenOf(P.reader.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	async function expectError(res: Response, status: number, error: string) {
		expect(res.status).toBe(status);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(res.headers.get('cache-control')).toContain('no-store');
		expect(await res.json()).toEqual({ error });
	}

	describe('who may download', () => {
		it('answers no token, a malformed header and a garbage token with 401', async () => {
			await expectError(await get(`${JH}/${YEAR}.docx`), 401, 'unauthenticated');
			await expectError(await get(`${JH}/${YEAR}.docx`, 'not-a-token'), 401, 'unauthenticated');
			// A real token's header with its claims emptied.
			await expectError(await get(`${JH}/${YEAR}.docx`, `${coordToken.split('.')[0]}.e30.`), 401, 'unauthenticated');
			await expectError(await fetch(url(`${JH}/${YEAR}.xlsx`), { headers: { Authorization: coordToken } }), 401, 'unauthenticated');
		});

		it('answers a member of another region with 403, also for an unknown region', async () => {
			const vn = await tokenOf(P.coordVN.uid);
			await expectError(await get(`${JH}/${YEAR}.docx`, vn), 403, 'permission-denied');
			await expectError(await get(`${JH}/${YEAR}.xlsx`, vn), 403, 'permission-denied');
			await expectError(await get(`okand-region/${YEAR}.docx`, vn), 403, 'permission-denied');
			expect((await get(`${VN}/${YEAR}.docx`, vn)).status).toBe(200);
		});

		it('serves members of the region (coordinator and editor) and staff', async () => {
			for (const token of [coordToken, await tokenOf(P.krokom.uid), readerToken]) {
				const res = await get(`${JH}/${YEAR}.docx`, token);
				expect(res.status).toBe(200);
				expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
			}
		});

		it('answers an unknown year or region with 404', async () => {
			await expectError(await get(`${JH}/2031.docx`, coordToken), 404, 'not-found');
			await expectError(await get(`${JH}/2031.xlsx`, readerToken), 404, 'not-found');
			await expectError(await get(`okand-region/${YEAR}.docx`, readerToken), 404, 'not-found');
		});

		it('answers a bad path or format with 404 and other methods with 405', async () => {
			for (const path of [`${JH}/${YEAR}.pdf`, `${JH}/${YEAR}`, `${JH}/23.docx`, `${JH}/${YEAR}/extra.docx`, `${JH}`]) {
				await expectError(await get(path, coordToken), 404, 'not-found');
			}
			const post = await get(`${JH}/${YEAR}.docx`, coordToken, { method: 'POST' });
			expect(post.headers.get('allow')).toBe('GET');
			await expectError(post, 405, 'method-not-allowed');
		});
	});

	describe('the DOCX of the draft', () => {
		let xml: string;
		let before: Date;
		let after: Date;

		beforeAll(async () => {
			before = new Date();
			const res = await get(`${JH}/${YEAR}.docx`, coordToken);
			after = new Date();
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe(DOCX);
			expect(res.headers.get('content-disposition')).toBe(`attachment; filename="handlingsplan-${JH}-${YEAR}.docx"`);
			expect(res.headers.get('cache-control')).toContain('no-store');
			const zip = await JSZip.loadAsync(await res.arrayBuffer());
			xml = await zip.file('word/document.xml')!.async('string');
		});

		it('is A4 landscape', () => {
			expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
		});

		it('repeats every plan table’s header rows on each page and never splits a body row', () => {
			const rowsOf = (t: string) => [...t.matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
			const planTables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].slice(0, 3).map((m) => rowsOf(m[0]));
			let body = 0;
			for (const rows of planTables) {
				for (const r of rows.slice(0, 3)) expect(r).toContain('<w:tblHeader/>');
				for (const r of rows.slice(3)) {
					expect(r).toContain('<w:cantSplit/>');
					expect(r).not.toContain('<w:tblHeader/>');
				}
				body += rows.length - 3;
			}
			expect(body).toBe(14);
		});

		it('has the form’s wording: "Region: …" once, "Prioriterat område 1. …", and every part’s full help text', async () => {
			const t = await templateOf(JH, YEAR);
			const lines = paragraphsOf(xml).map((p) => p.text);
			expect(lines).toContain('Delarna i tabellen');
			expect(lines.filter((l) => l.startsWith('Region:'))).toEqual(['Region: Jämtland Härjedalen']);
			expect(lines.some((l) => l.includes('Region: Region') || l.includes('i RSP:'))).toBe(false);
			for (const p of t.parts) expect(lines).toContain(p.help);
			// The definitions of prestationer and effekter the templates' short help leaves out, as the form words them.
			expect(lines).toContain(
				'Med prestationer avses antal och omfattning av genomförda aktiviteter. Till exempel antal utbetalda stöd, antal deltagande organisationer eller antal framtagna kunskapsunderlag.'
			);
			for (const note of exportSv.partNotes.followUp) expect(lines).toContain(note);
			// The first area's table starts on the first page, right after the guide: no page break before it.
			expect(xml.slice(0, xml.indexOf('<w:tbl>'))).not.toMatch(/pageBreakBefore|w:type="page"/);
		});

		it('has the title, the region, the year and says it is a draft, with the export time', () => {
			const lines = paragraphsOf(xml).map((p) => p.text);
			expect(lines).toContain('Uppföljning och redovisning av insatser i regionalt serviceprogram');
			expect(lines).toContain('Region: Jämtland Härjedalen');
			expect(lines).toContain('Verksamhetsår 2023');
			const status = lines.find((l) => l.startsWith('Utkast – exporterad '));
			expect(status).toBeDefined();
			expect([swedishDateTime(before), swedishDateTime(after)]).toContain(status!.slice('Utkast – exporterad '.length));
			expect(lines.some((l) => l.startsWith('Inlämnad av'))).toBe(false);
		});

		it('has one table per priority area, in order, under its heading', async () => {
			const areas = (await regionOf(JH)).areas;
			const lines = paragraphsOf(xml).map((p) => p.text);
			const headings = areas.map((a) => `Prioriterat område ${a.number}. ${a.title}`);
			const at = headings.map((h) => lines.indexOf(h));
			expect(at.every((i) => i >= 0)).toBe(true);
			expect([...at].sort((a, b) => a - b)).toEqual(at);
			// The questions answered in tables (all but the text question) follow the plan tables.
			// The plan tables, the sign-offs' table, then the questions answered in tables.
			expect(tablesOf(xml)).toHaveLength(areas.length + 1 + QUESTIONS.filter((q) => q.kind !== 'text').length);
		});

		it('lists every organisation of the network with its sign-off after the plan tables: state, who, when', async () => {
			const areas = (await regionOf(JH)).areas;
			const lines = paragraphsOf(xml).map((p) => p.text);
			expect(lines.indexOf('Organisationernas godkännande')).toBeGreaterThan(lines.indexOf(`Prioriterat område ${areas.length}. ${areas.at(-1)!.title}`));
			const table = tablesOf(xml)[areas.length].map((r) => r.map((c) => texts(c).join('\n')));
			const when = swedishDateTime(signedAt);
			expect(table[0]).toEqual(['Organisation', 'Status', 'Godkänd av', 'Datum']);
			// Every organisation of Jämtland Härjedalen's network, in Swedish order; none of Västernorrland's.
			expect(table.slice(1)).toEqual([
				['Bergs kommun', 'inte godkänd', '', ''],
				['Bräcke kommun', 'inte godkänd', '', ''],
				['Härjedalens kommun', 'inte godkänd', '', ''],
				['Krokoms kommun', 'godkänd', P.krokom.name, when],
				['Länsstyrelsen Jämtlands län', 'godkänd före senaste ändringar', P.lst.name, when],
				['Ragunda kommun', 'inte godkänd', '', ''],
				['Region Jämtland Härjedalen', 'inte godkänd', '', ''],
				['Strömsunds kommun', 'inte godkänd', '', ''],
				['Åre kommun', 'inte godkänd', '', ''],
				['Östersunds kommun', 'inte godkänd', '', '']
			]);
		});

		it('heads every area table with the parts, every column with its help text, and the service-type choices', async () => {
			const t = await templateOf(JH, YEAR);
			const year = Number(YEAR);
			const columns = gridColumns(t);
			for (const table of tablesOf(xml).slice(0, 3)) {
				const [parts, cols, choices] = table;
				expect(texts(parts[0])).toEqual(['Insats']);
				expect(parts.slice(1).map((c) => texts(c)[0])).toEqual(t.parts.map((p) => fillYear(p.title, year)));
				expect(cols.slice(1).map(texts)).toEqual(t.columns.map((c) => [c.title, c.help]));
				const marks = t.columns.find((c) => c.key === 'serviceTypes')!;
				expect(choices.map(texts).filter((c) => c[0] !== '')).toEqual(marks.choices.map((c) => [c.label]));
				// Every row spans the whole grid: the part row counts its spans, the choice row gets merged cells.
				expect(choices).toHaveLength(columns.length + 1);
			}
		});

		it('has every row in table order with its number, every cell’s lines, list items and X marks', async () => {
			const t = await templateOf(JH, YEAR);
			const tables = tablesOf(xml);
			const sections = await rowsInOrder(JH, YEAR);
			let marks = 0;
			for (const [i, s] of sections.entries()) {
				const body = tables[i].slice(3);
				expect(body.map((r) => texts(r[0])[0])).toEqual(s.rows.map((r) => r.number));
				for (const [j, r] of s.rows.entries()) {
					expect(body[j].slice(1), r.id).toEqual(expectedCells(t, r.fields));
					marks += r.fields.serviceTypes?.length ?? 0;
				}
			}
			const xs = tables.slice(0, 3).flatMap((tb) => tb.slice(3).flatMap((r) => r.slice(1).filter((c) => texts(c).join() === 'X')));
			expect(xs).toHaveLength(marks);
			expect(marks).toBeGreaterThan(10);
			const bullets = paragraphsOf(xml).filter((p) => p.bullet).map((p) => p.text);
			expect(bullets).toEqual(expect.arrayContaining(['Hemsändning 8 st 1 537 062 kr', 'Antal fysiska företagsbesök: 22 st']));
		});

		it('has the follow-up questions with their answers', () => {
			const lines = paragraphsOf(xml).map((p) => p.text);
			for (const q of QUESTIONS) expect(lines).toContain(`${q.number}. ${q.title}`);
			// After the three area tables and the sign-offs' table.
			const [outlook, staff, contacts, actors] = tablesOf(xml).slice(4).map((t) => t.map((r) => r.map((c) => texts(c).join('\n'))));
			expect(outlook).toEqual([
				['Stödtyp', 'Minskar', 'Oförändrad', 'Ökar', 'Kommentar'],
				['Investeringar kopplat till dagligvarubutiker', '', '', 'X', 'Fler ansökningar om semiobemannat.'],
				['Investeringar kopplat till drivmedelsförsäljning', 'X', '', '', '']
			]);
			expect(staff).toEqual([
				['Roll', 'Personer (årsarbetskrafter)', 'Årsarbetskrafter'],
				['Processledning/koordinering', 'Maria Kumpula: 0,1\nMalin Nyqvist Ljungberg: 0,3\nProjektledare: 0,15', '0,55'],
				['Totalt', '', '0,55']
			]);
			expect(contacts).toEqual([
				['Roll', 'Namn', 'E-post'],
				['Kontaktperson för RSP', 'Malin Nyqvist Ljungberg', 'malin@regionjh.example\nville@regionjh.example']
			]);
			expect(actors[1]).toEqual(['Kommuner', 'Via serviceforumet Service Z.', 'Samhandling', 'Kommunernas olika resurser.']);
			const spaning = paragraphsOf(xml);
			const at = spaning.findIndex((p) => p.text === 'Stort fokus på semiobemannat.');
			expect(spaning.slice(at, at + 3)).toEqual([
				{ text: 'Stort fokus på semiobemannat.', bullet: false },
				{ text: 'energieffektivisering', bullet: true },
				{ text: 'laddinfrastruktur', bullet: true }
			]);
		});

		it('gives every table cell a paragraph and every table a grid as wide as its rows', () => {
			for (const t of [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])) {
				const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].length;
				expect(grid).toBeGreaterThan(0);
				for (const [tr] of t.matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)) {
					const cells = [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)];
					const span = cells.reduce((n, [, tc]) => n + Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1), 0);
					expect(span).toBe(grid);
					for (const [, tc] of cells) expect(tc).toMatch(/<w:p[ />]/);
				}
			}
		});

		it.skipIf(!SOFFICE)(`opens in LibreOffice: a PDF of at most ${MAX_PAGES} pages, the first table's first row on page 1`, { timeout: 120_000 }, async () => {
			const dir = await mkdtemp(join(tmpdir(), 'planbordet-export-'));
			try {
				const { pages, pdf } = await docxToPdf(dir, `handlingsplan-${JH}-${YEAR}`, await (await get(`${JH}/${YEAR}.docx`, coordToken)).arrayBuffer());
				console.log(`[export.spec] the demo ${YEAR} plan's DOCX is ${pages} A4 landscape pages in LibreOffice (at most ${MAX_PAGES})`);
				expect(pages).toBeGreaterThan(1);
				expect(pages).toBeLessThanOrEqual(MAX_PAGES);
				if (POPPLER) {
					// No near-empty first page: the guide, the region and the first area's first row share it.
					const [first] = (await rowsInOrder(JH, YEAR))[0].rows;
					const words = String(first.fields.action).split(/\s+/).slice(0, 3).join(' ');
					expect(pageText(pdf, 1)).toContain(words);
				}
			} finally {
				await rm(dir, { recursive: true, force: true });
			}
		});
	});

	describe('the XLSX of the draft', () => {
		let wb: Workbook;

		beforeAll(async () => {
			const res = await get(`${JH}/${YEAR}.xlsx`, readerToken);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe(XLSX);
			expect(res.headers.get('content-disposition')).toBe(`attachment; filename="handlingsplan-${JH}-${YEAR}.xlsx"`);
			wb = new Workbook();
			await wb.xlsx.load(await res.arrayBuffer());
		});

		const values = (ws: ReturnType<Workbook['getWorksheet']>, r: number, width: number) =>
			Array.from({ length: width }, (_, i) => {
				const v = ws!.getRow(r).getCell(i + 1).value;
				return v === null || v === undefined ? null : String(v);
			});

		it('has the plan sheet with a frozen header row: area, number, the year’s columns, one X column per service type', async () => {
			const t = await templateOf(JH, YEAR);
			const ws = wb.getWorksheet('Handlingsplan')!;
			expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			const columns = gridColumns(t);
			const header = ['Prioriterat område', 'Insats', ...columns.map((g) => (g.choice ? `${g.column.title}: ${g.choice.label}` : g.column.title))];
			expect(values(ws, 1, header.length + 1)).toEqual([...header, null]);
		});

		it('has every cell of every row exactly as stored ("* " lines too), in table order', async () => {
			await expectSheetAsStored(wb, JH, YEAR);
		});

		it('says it is a draft on the sheet about the export and has the answers on "Frågor"', () => {
			const about = wb.getWorksheet('Om exporten')!;
			expect(String(about.getCell('B4').value)).toMatch(/^Utkast – exporterad \d+ \p{L}+ \d{4} kl\. \d\d:\d\d$/u);
			const q = wb.getWorksheet('Frågor')!;
			const rows: Array<Array<string | null>> = [];
			q.eachRow((row) => rows.push(values(q, row.number, 6)));
			expect(rows).toContainEqual([null, 'Processledning/koordinering', 'Maria Kumpula: 0,1\nMalin Nyqvist Ljungberg: 0,3\nProjektledare: 0,15', '0,55', null, null]);
			expect(rows).toContainEqual([null, 'Investeringar kopplat till dagligvarubutiker', null, null, 'X', 'Fler ansökningar om semiobemannat.']);
			expect(rows).toContainEqual([null, ANSWERS['xq-spaning'].text, null, null, null, null]);
		});
	});

	describe('a plan without service types (rsp-2024, no rows yet)', () => {
		it('has two header rows and an empty table per area in the DOCX, and no X columns in the XLSX', async () => {
			const docx = await get(`${JH}/2024.docx`, coordToken);
			expect(docx.status).toBe(200);
			const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
			const t = await templateOf(JH, '2024');
			const areas = (await regionOf(JH)).areas;
			const tables = tablesOf(xml).slice(0, areas.length);
			for (const table of tables) {
				expect(table).toHaveLength(3);
				expect(table[1].slice(1).map(texts)).toEqual(t.columns.map((c) => [c.title, c.help]));
				expect(table[2].map(texts)).toEqual([['Inga insatser.']]);
			}
			const xlsx = await get(`${JH}/2024.xlsx`, coordToken);
			const wb = new Workbook();
			await wb.xlsx.load(await xlsx.arrayBuffer());
			const ws = wb.getWorksheet('Handlingsplan')!;
			expect(ws.getRow(1).values).toEqual([undefined, 'Prioriterat område', 'Insats', ...t.columns.map((c) => c.title)]);
			expect(ws.actualRowCount).toBe(1);
		});
	});

	describe('the 2025-sized plan (tests/fixtures: 14 rows on rsp-2024, long cells, "* " lists)', () => {
		beforeAll(async () => {
			// A year of its own, made like the 2024 one (rsp-2024, the questionnaire, no answers).
			await yearDoc(JH, YEAR_2025).set((await yearDoc(JH, '2024').get()).data()!);
			await writeWarningsPlan(JH, YEAR_2025, P.coordJH.uid);
		});

		it('has every cell of the XLSX exactly as stored', async () => {
			const wb = new Workbook();
			await wb.xlsx.load(await (await get(`${JH}/${YEAR_2025}.xlsx`, coordToken)).arrayBuffer());
			await expectSheetAsStored(wb, JH, YEAR_2025);
			expect(wb.getWorksheet('Handlingsplan')!.actualRowCount).toBe(warningsPlan.rows.length + 1);
		});

		it.skipIf(!SOFFICE)(`is a DOCX of at most ${MAX_PAGES} pages in LibreOffice, its first two pages written as PNG`, { timeout: 120_000 }, async () => {
			const dir = await mkdtemp(join(tmpdir(), 'planbordet-export-'));
			try {
				const { pages, pdf } = await docxToPdf(dir, `handlingsplan-${JH}-${YEAR_2025}`, await (await get(`${JH}/${YEAR_2025}.docx`, coordToken)).arrayBuffer());
				console.log(`[export.spec] the ${warningsPlan.rows.length}-row 2025-sized plan's DOCX is ${pages} A4 landscape pages in LibreOffice (at most ${MAX_PAGES})`);
				expect(pages).toBeGreaterThan(1);
				expect(pages).toBeLessThanOrEqual(MAX_PAGES);
				if (!POPPLER) return;
				const [first] = (await rowsInOrder(JH, YEAR_2025))[0].rows;
				expect(pageText(pdf, 1)).toContain(String(first.fields.action).split(/\s+/).slice(0, 3).join(' '));
				await mkdir(SCREENSHOTS, { recursive: true });
				for (const page of [1, 2]) {
					const out = join(SCREENSHOTS, `docx-page-${page}`);
					const run = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, out], { encoding: 'utf8' });
					expect(run.status, run.stderr).toBe(0);
					expect((await stat(`${out}.png`)).size).toBeGreaterThan(5_000);
				}
			} finally {
				await rm(dir, { recursive: true, force: true });
			}
		});
	});

	describe('after the plan is submitted', () => {
		const at = new Date('2024-01-30T15:02:00Z');

		beforeAll(async () => {
			const rows: SubmittedRow[] = await storedRows(JH, YEAR);
			const submission = submissionRecord({ rows, areas: (await regionOf(JH)).areas, by: { uid: P.coordJH.uid, name: P.coordJH.name }, at, contentHash: contentHash(rows) });
			await yearDoc(JH, YEAR).update({ status: 'submitted', submission });
		});

		it('says who submitted it and when, in the DOCX and the XLSX', async () => {
			const line = `Inlämnad av Malin Samordnare ${swedishDateTime(at)} – exporterad `;
			expect(line).toContain('30 januari 2024 kl. 16:02');
			const docx = await get(`${JH}/${YEAR}.docx`, readerToken);
			const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
			const lines = paragraphsOf(xml).map((p) => p.text);
			expect(lines.some((l) => l.startsWith(line))).toBe(true);
			expect(lines.some((l) => l.startsWith('Utkast'))).toBe(false);
			const xlsx = await get(`${JH}/${YEAR}.xlsx`, coordToken);
			const wb = new Workbook();
			await wb.xlsx.load(await xlsx.arrayBuffer());
			expect(String(wb.getWorksheet('Om exporten')!.getCell('B4').value)).toContain(line);
		});
	});
});
