// exportOverview through Hosting's /api/export/overview.xlsx rewrite (ahead of /api/export/**): the
// national overview of the demo's two regions as an XLSX, read back with exceljs cell by cell. The
// expected figures are worked out here from the seed files themselves (seed/demo.json, the templates,
// the transcribed 2023 plan), not by the overview code: every region × every year of a plan or a
// published template, status, deadline and days left in Stockholm, who submitted when, completeness
// and the plan's link; the year and status filters; 401, 403, 400 and 405.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workbook, type Worksheet } from 'exceljs';
import { admin, APP_URL, resetDemo } from '../support/emulators';
import { clientPool, JH, P, VN, yearDoc } from '../support/plans';
import { paths } from '../../src/lib/domain/paths';

const ADMIN_UID = 'u-tvv-admin';
const url = (query = '') => `${APP_URL}/api/export/overview.xlsx${query}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/* ---------- the seed, read as plain JSON ---------- */

const seedJson = (path: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'seed', path), 'utf8'));
interface SeedColumn {
	key: string;
	required?: 'always' | 'whenStatusSet' | 'never';
}
interface SeedTemplate {
	years: number[];
	published: boolean;
	columns: SeedColumn[];
}
const demo = seedJson('demo.json') as {
	regions: Record<string, { name: string }>;
	plans: Array<{ regionId: string; year: number; templateId: string; rowsFile: string | null }>;
};
const templates: Record<string, SeedTemplate> = { 'rsp-2023': seedJson('templates/rsp-2023.json'), 'rsp-2024': seedJson('templates/rsp-2024.json') };
const rowsOf = (file: string | null): Array<{ fields: Record<string, string | string[]> }> => (file ? seedJson(file).rows : []);

/** A cell is filled when it has non-blank text or at least one mark. */
const filled = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : (v ?? '').trim() !== '');
/** Required cells that are empty in a row, by the template's rule: always, or once the status is Klar or Fortsätter. */
function missingIn(t: SeedTemplate, fields: Record<string, string | string[]>): number {
	const statusSet = fields.status === 'klar' || fields.status === 'fortsatter';
	return t.columns.filter((c) => (c.required === 'always' || (c.required === 'whenStatusSet' && statusSet)) && !filled(fields[c.key])).length;
}

/** The Stockholm calendar date of an instant as days since 1970. */
const stockholmDay = (at: Date) => Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(at)) / 86_400_000;

/* ---------- expectations ---------- */

interface Expected {
	region: string;
	year: number;
	status: string;
	/** The deadline's Stockholm wall-clock time (31 January 23:59 of the year after). */
	deadline: Date;
	daysLeft: number | null;
	submittedBy: string | null;
	submittedAt: Date | null;
	reopenings: number;
	rows: number | null;
	completeRows: number | null;
	missing: number | null;
	percent: number | null;
	template: string | null;
	link: string | null;
}

const HEADERS = [
	'Region',
	'Verksamhetsår',
	'Status',
	'Sista dag',
	'Dagar kvar',
	'Inlämnad av',
	'Inlämnad',
	'Öppnad igen (antal)',
	'Insatser',
	'Kompletta insatser',
	'Saknade uppgifter',
	'Klart (%)',
	'Mall',
	'Länk till planen'
];

/** What each region × year should show, from the seed, the statuses set below, and today's date in Stockholm. */
function expectedRows(today: number, changes: Record<string, Partial<Expected>> = {}): Expected[] {
	const years = new Set<number>(demo.plans.map((p) => p.year));
	for (const t of Object.values(templates)) if (t.published) for (const y of t.years) years.add(y);
	const out: Expected[] = [];
	for (const year of [...years].sort((a, b) => b - a)) {
		for (const [regionId, r] of Object.entries(demo.regions)) {
			const p = demo.plans.find((x) => x.regionId === regionId && x.year === year);
			const deadline = new Date(Date.UTC(year + 1, 0, 31, 23, 59));
			const daysLeft = Date.UTC(year + 1, 0, 31) / 86_400_000 - today;
			if (!p) {
				out.push({ region: r.name, year, status: 'Ej påbörjad', deadline, daysLeft, submittedBy: null, submittedAt: null, reopenings: 0, rows: null, completeRows: null, missing: null, percent: null, template: null, link: null });
				continue;
			}
			const rows = rowsOf(p.rowsFile);
			const missing = rows.map((row) => missingIn(templates[p.templateId], row.fields));
			const completeRows = missing.filter((m) => m === 0).length;
			out.push({
				region: r.name,
				year,
				status: 'Utkast',
				deadline,
				daysLeft,
				submittedBy: null,
				submittedAt: null,
				reopenings: 0,
				rows: rows.length,
				completeRows,
				missing: missing.reduce((a, b) => a + b, 0),
				percent: rows.length === 0 ? null : Math.floor((100 * completeRows) / rows.length),
				template: p.templateId,
				link: `${APP_URL}/plan/${regionId}/${year}`,
				...changes[`${regionId}/${year}`]
			});
		}
	}
	const collator = new Intl.Collator('sv');
	return out.sort((a, b) => b.year - a.year || collator.compare(a.region, b.region));
}

/* ---------- reading the workbook ---------- */

const plainValue = (v: unknown): unknown => {
	if (v === undefined || v === null || v === '') return null;
	if (v instanceof Date) return new Date(Math.round(v.getTime() / 60_000) * 60_000);
	return v;
};

function sheetRows(ws: Worksheet): unknown[][] {
	const out: unknown[][] = [];
	ws.eachRow({ includeEmpty: false }, (row, n) => {
		if (n === 1) return;
		out.push(Array.from({ length: HEADERS.length }, (_, i) => plainValue(row.getCell(i + 1).value)));
	});
	return out;
}

const asCells = (e: Expected): unknown[] => [
	e.region,
	e.year,
	e.status,
	e.deadline,
	e.daysLeft,
	e.submittedBy,
	e.submittedAt,
	e.reopenings,
	e.rows,
	e.completeRows,
	e.missing,
	e.percent,
	e.template,
	e.link ? { text: e.link, hyperlink: e.link } : null
];

async function workbookOf(res: Response): Promise<Workbook> {
	const wb = new Workbook();
	await wb.xlsx.load(await res.arrayBuffer());
	return wb;
}

/** The "Om exporten" sheet as label → value pairs. */
function aboutOf(wb: Workbook): Map<string, unknown> {
	const out = new Map<string, unknown>();
	wb.getWorksheet('Om exporten')!.eachRow((row) => {
		const k = row.getCell(1).value;
		if (typeof k === 'string') out.set(k, plainValue(row.getCell(2).value));
	});
	return out;
}

describe('exportOverview', () => {
	const pool = clientPool();
	const tokenOf = async (uid: string) => (await pool.as(uid)).auth.currentUser!.getIdToken();
	let readerToken: string;
	/** A request with the reader's token unless another (or null: none) is given. */
	const get = (query: string, token: string | null = readerToken, init: RequestInit = {}) =>
		fetch(url(query), { ...init, headers: token === null ? {} : { Authorization: `Bearer ${token}` } });

	/** Fetches with the reader's token and the Stockholm date before and after (the same, but for a run across midnight). */
	async function download(query = '') {
		const before = stockholmDay(new Date());
		const res = await get(query);
		const after = stockholmDay(new Date());
		expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBe(200);
		expect(before).toBe(after);
		return { res, today: before, wb: await workbookOf(res) };
	}

	beforeAll(async () => {
		await resetDemo();
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

	it('shows the seeded plans of both regions and every year a published template lists, figures from the seed files', async () => {
		const { res, today, wb } = await download();
		expect(res.headers.get('content-type')).toBe(XLSX);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="oversikt.xlsx"');

		const ws = wb.getWorksheet('Översikt')!;
		expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

		const expected = expectedRows(today);
		// 2023–2027 (rsp-2023 and rsp-2024) × the two demo regions; three of them have plans.
		expect(expected).toHaveLength(10);
		expect(expected.filter((e) => e.status === 'Utkast')).toHaveLength(3);
		const jh2023 = expected.find((e) => e.region === demo.regions[JH].name && e.year === 2023)!;
		expect(jh2023.rows).toBe(14);
		expect(jh2023.missing).toBeGreaterThan(0);
		expect(sheetRows(ws)).toEqual(expected.map(asCells));

		const about = aboutOf(wb);
		expect([about.get('Verksamhetsår'), about.get('Status'), about.get('Rader')]).toEqual(['alla', 'alla', 10]);
		expect([about.get('Ej påbörjad'), about.get('Utkast'), about.get('Öppnad igen'), about.get('Inlämnad'), about.get('Totalt')]).toEqual([7, 3, 0, 0, 10]);
	});

	describe('once Jämtland Härjedalen has submitted 2024 and Västernorrland reopened 2023', () => {
		const SUBMITTED_AT = new Date('2025-01-20T14:30:00Z');
		const VN_SUBMITTED_AT = new Date('2024-01-25T09:15:00Z');
		const changes = {
			[`${JH}/2024`]: { status: 'Inlämnad', daysLeft: null, submittedBy: P.coordJH.name, submittedAt: new Date(Date.UTC(2025, 0, 20, 15, 30)) },
			[`${VN}/2023`]: { status: 'Öppnad igen', submittedBy: P.coordVN.name, submittedAt: new Date(Date.UTC(2024, 0, 25, 10, 15)), reopenings: 1 }
		} satisfies Record<string, Partial<Expected>>;

		beforeAll(async () => {
			const submission = (by: { uid: string; name: string }, at: Date) => ({ by: by.uid, byName: by.name, at, rowsPerArea: {}, rowCount: 0, contentHash: '0'.repeat(64) });
			await yearDoc(JH, '2024').update({ status: 'submitted', submission: submission(P.coordJH, SUBMITTED_AT) });
			await yearDoc(VN, '2023').update({
				status: 'draft',
				submission: submission(P.coordVN, VN_SUBMITTED_AT),
				reopenings: [{ by: P.coordVN.uid, byName: P.coordVN.name, at: new Date('2024-01-26T08:00:00Z'), reason: 'Ett mål saknade siffror.' }]
			});
		});

		it('shows who submitted and when in Stockholm time, no days left once submitted, and the reopened plan', async () => {
			const { today, wb } = await download();
			expect(sheetRows(wb.getWorksheet('Översikt')!)).toEqual(expectedRows(today, changes).map(asCells));
			const about = aboutOf(wb);
			expect([about.get('Ej påbörjad'), about.get('Utkast'), about.get('Öppnad igen'), about.get('Inlämnad'), about.get('Totalt')]).toEqual([7, 1, 1, 1, 10]);
		});

		it('filters by year, by status and by both; an empty value filters nothing', async () => {
			const cases: Array<[string, (e: Expected) => boolean, string]> = [
				['?year=2023', (e) => e.year === 2023, 'oversikt-2023.xlsx'],
				['?status=submitted', (e) => e.status === 'Inlämnad', 'oversikt-submitted.xlsx'],
				['?status=reopened', (e) => e.status === 'Öppnad igen', 'oversikt-reopened.xlsx'],
				['?year=2025&status=notStarted', (e) => e.year === 2025 && e.status === 'Ej påbörjad', 'oversikt-2025-notStarted.xlsx'],
				['?year=2024&status=draft', (e) => e.year === 2024 && e.status === 'Utkast', 'oversikt-2024-draft.xlsx'],
				['?year=&status=', () => true, 'oversikt.xlsx']
			];
			for (const [query, keep, file] of cases) {
				const { res, today, wb } = await download(query);
				expect(res.headers.get('content-disposition'), query).toBe(`attachment; filename="${file}"`);
				const expected = expectedRows(today, changes).filter(keep);
				expect(sheetRows(wb.getWorksheet('Översikt')!), query).toEqual(expected.map(asCells));
				expect(aboutOf(wb).get('Rader'), query).toBe(expected.length);
			}
			// The counts per status are the year's, whatever the status filter.
			const about = aboutOf((await download('?year=2024&status=draft')).wb);
			expect([about.get('Verksamhetsår'), about.get('Status')]).toEqual(['2024', 'Utkast']);
			expect([about.get('Ej påbörjad'), about.get('Utkast'), about.get('Öppnad igen'), about.get('Inlämnad'), about.get('Totalt')]).toEqual([1, 0, 0, 1, 2]);
		});
	});

	describe('who may download', () => {
		it('serves staff readers and admins', async () => {
			for (const token of [readerToken, await tokenOf(ADMIN_UID)]) {
				const res = await get('', token);
				expect(res.status).toBe(200);
				expect((await workbookOf(res)).getWorksheet('Översikt')).toBeDefined();
			}
		});

		it('answers no token, a malformed header and a garbage token with 401', async () => {
			await expectError(await get('', null), 401, 'unauthenticated');
			await expectError(await get('', 'not-a-token'), 401, 'unauthenticated');
			await expectError(await fetch(url(), { headers: { Authorization: readerToken } }), 401, 'unauthenticated');
		});

		it('answers coordinators and editors with 403', async () => {
			for (const uid of [P.coordJH.uid, P.lst.uid, P.coordVN.uid]) await expectError(await get('', await tokenOf(uid)), 403, 'permission-denied');
		});

		it('answers a malformed filter with 400', async () => {
			for (const query of ['?year=23', '?year=1999', '?status=late', '?region=jamtland-harjedalen', '?year=2023&year=2024']) {
				await expectError(await get(query), 400, 'invalid-query');
			}
		});

		it('answers other methods with 405', async () => {
			const res = await get('', readerToken, { method: 'POST' });
			expect(res.headers.get('allow')).toBe('GET');
			await expectError(res, 405, 'method-not-allowed');
		});

		it('leaves the plans’ own exports to exportPlan', async () => {
			const res = await fetch(`${APP_URL}/api/export/${JH}/2023.xlsx`, { headers: { Authorization: `Bearer ${readerToken}` } });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-disposition')).toBe(`attachment; filename="handlingsplan-${JH}-2023.xlsx"`);
		});
	});

	it('counts a region created later as not started in every year', async () => {
		await admin().db.doc(paths.region('abisko')).set({ name: 'Region Abisko', areas: [{ number: 1, title: 'Service' }] });
		const { wb } = await download('?year=2024');
		expect(sheetRows(wb.getWorksheet('Översikt')!).map((r) => [r[0], r[2]])).toEqual([
			['Region Abisko', 'Ej påbörjad'],
			[demo.regions[JH].name, 'Inlämnad'],
			[demo.regions[VN].name, 'Ej påbörjad']
		]);
	});
});
