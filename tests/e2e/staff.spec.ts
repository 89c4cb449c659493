// Tillväxtverket in headless Chromium: a staff reader sees every seeded region × year on the national
// overview with the figures the seed files give (and the networks' sign-offs, live), filters it and
// downloads it as XLSX, and is refused
// the administration; a staff admin publishes a new version of a template with an extra column, sees
// it in the preview, cannot save a duplicate key, and finds a template in use read-only; and creates
// a region with its first coordinator, changes a region's areas and invites another coordinator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { missingFields } from '../../src/lib/domain/completeness';
import { defaultDeadline, swedishDate, swedishDateTime } from '../../src/lib/domain/deadline';
import { template } from '../../src/lib/domain/schemas';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, admin, resetDemo, waitForMail } from '../support/emulators';
import { expectNoAxeViolations, signIn } from '../support/pages';
import { storedRows } from '../support/plans';
import { contentHash } from '../../functions/src/shared/content-hash';

const READER = 'handlaggare@tillvaxtverket.example';
const ADMIN = 'admin@tillvaxtverket.example';
const seedDir = join(import.meta.dirname, '..', '..', 'seed');
const readSeed = (file: string) => JSON.parse(readFileSync(join(seedDir, file), 'utf8'));

/* ---------- what the seed files say the overview must show ---------- */

const demo = readSeed('demo.json') as {
	regions: Record<string, { name: string }>;
	plans: Array<{ regionId: string; year: number; templateId: string; rowsFile: string | null }>;
};
const templates = ['rsp-2023', 'rsp-2024'].map((id) => ({ id, data: template.parse(readSeed(`templates/${id}.json`)) }));
const years = [...new Set([...demo.plans.map((p) => p.year), ...templates.filter((t) => t.data.published).flatMap((t) => t.data.years)])].sort((a, b) => b - a);
const regionIds = Object.keys(demo.regions);

interface Expected {
	status: 'Ej påbörjad' | 'Utkast';
	completeness: string;
}

/** A seeded plan is a draft; its completeness is its rows' required cells against its template. */
function expected(regionId: string, year: number): Expected {
	const p = demo.plans.find((x) => x.regionId === regionId && x.year === year);
	if (!p) return { status: 'Ej påbörjad', completeness: 'Ingen plan' };
	if (!p.rowsFile) return { status: 'Utkast', completeness: 'Inga insatser ännu' };
	const rows = (readSeed(p.rowsFile).rows as Array<{ id: string; area: number; fields: Record<string, string | string[]> }>).map((r, i) => ({
		...r,
		position: i
	}));
	const t = templates.find((x) => x.id === p.templateId)!.data;
	const incomplete = new Set(missingFields(t, rows).map((m) => m.rowId)).size;
	const complete = rows.length - incomplete;
	return { status: 'Utkast', completeness: `${complete} av ${rows.length} insatser kompletta (${Math.floor((100 * complete) / rows.length)} %)` };
}

const rowOf = (page: Page, regionId: string, year: number | string) => page.locator(`tr[data-region="${regionId}"][data-year="${year}"]`);

let browser: Browser;

describe('the national overview, for a staff reader', () => {
	let page: Page;

	beforeAll(async () => {
		await resetDemo();
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
		await signIn(page, READER);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows every seeded region × year with its status, deadline and completeness, and passes axe-core', async () => {
		await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' }).click();
		await page.waitForURL(`${APP_URL}/oversikt`);
		await page.getByRole('heading', { level: 1, name: 'Nationell översikt' }).waitFor();
		await rowOf(page, 'jamtland-harjedalen', 2023).waitFor();
		// Two regions, the plans' years and the published templates' years: 2023–2027.
		expect(years).toEqual([2027, 2026, 2025, 2024, 2023]);
		expect(await page.locator('tr[data-region]').count()).toBe(regionIds.length * years.length);
		for (const regionId of regionIds) {
			for (const year of years) {
				const row = rowOf(page, regionId, year);
				const want = expected(regionId, year);
				const cells = row.locator('td');
				expect(await row.locator('th').textContent()).toBe(demo.regions[regionId].name);
				expect(await cells.nth(1).textContent(), `${regionId} ${year} status`).toBe(want.status);
				expect(await cells.nth(2).textContent()).toBe(swedishDate(defaultDeadline(year)));
				expect(await row.locator('[data-submitted]').textContent()).toBe('Inte inlämnad');
				expect((await row.locator('[data-completeness]').textContent())?.trim(), `${regionId} ${year} completeness`).toBe(want.completeness);
			}
		}
		// The figures of the transcribed 2023 plan, spelled out: 14 insatser, 10 of them complete.
		expect(expected('jamtland-harjedalen', 2023).completeness).toBe('10 av 14 insatser kompletta (71 %)');
		await page.locator('[data-summary]').getByText('Ej påbörjad: 7').waitFor();
		await page.locator('[data-summary]').getByText('Utkast: 3').waitFor();
		await page.getByText('Visar 10 av 10 planer.').waitFor();
		expect(await rowOf(page, 'jamtland-harjedalen', 2023).getByRole('link', { name: 'Öppna planen 2023, Region Jämtland Härjedalen' }).getAttribute('href')).toBe(
			'/plan/jamtland-harjedalen/2023'
		);
		expect(await rowOf(page, 'vasternorrland', 2024).getByRole('link').count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('shows how many organisations of the network signed off each plan, stale ones apart, live', async () => {
		const row = rowOf(page, 'jamtland-harjedalen', 2023);
		// Jämtland Härjedalen's network has ten organisations; nobody has signed off in the seed.
		expect(await row.locator('[data-sign-offs]').textContent()).toBe('0 av 10 godkänt');
		expect(await rowOf(page, 'vasternorrland', 2024).locator('td').nth(6).textContent()).toBe('Ingen plan');
		const at = new Date('2024-01-20T10:15:00Z');
		const signOffs = admin().db.collection('regions/jamtland-harjedalen/years/2023/signOffs');
		await signOffs.doc('krokom').set({ orgId: 'krokom', uid: 'u-krokom', name: 'Karin Krokom', at, contentHash: contentHash(await storedRows('jamtland-harjedalen', '2023')) });
		await signOffs.doc('lst-jamtland').set({ orgId: 'lst-jamtland', uid: 'u-lansstyrelsen', name: 'Lars Länsstyrelsen', at, contentHash: 'f'.repeat(64) });
		await row.locator('[data-sign-offs]').getByText('1 av 10 godkänt, 1 godkänd före senaste ändringar').waitFor({ timeout: 20_000 });
	});

	it('shows a hand-in live: who submitted and when', async () => {
		const at = new Date('2024-01-24T09:15:00Z');
		await admin()
			.db.doc('regions/vasternorrland/years/2023')
			.update({
				status: 'submitted',
				submission: { by: 'u-samordnare-vn', byName: 'Vera Samordnare', at, rowsPerArea: {}, rowCount: 0, contentHash: 'a'.repeat(64) }
			});
		const row = rowOf(page, 'vasternorrland', 2023);
		await row.locator('[data-submitted]').getByText(`Vera Samordnare, ${swedishDateTime(at)}`).waitFor();
		expect(await row.getAttribute('data-status')).toBe('submitted');
		expect(await row.locator('[data-days-left]').textContent()).toBe('Inlämnad');
		await page.locator('[data-summary]').getByText('Inlämnad: 1').waitFor();
	});

	it('filters by year and status, says how many it shows, and keeps the filter in the address', async () => {
		await page.getByLabel('År', { exact: true }).selectOption('2024');
		await page.getByText('Visar 2 av 2 planer.').waitFor();
		await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Ej påbörjad' });
		await page.getByText('Visar 1 av 2 planer.').waitFor();
		expect(await page.locator('tr[data-region]').count()).toBe(1);
		expect(await rowOf(page, 'vasternorrland', 2024).count()).toBe(1);
		await page.waitForURL(`${APP_URL}/oversikt?ar=2024&status=notStarted`);
		// The count is a polite status message, so screen readers hear it after each change.
		expect(await page.locator('[data-count]').getAttribute('role')).toBe('status');

		await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Utkast' });
		await page.getByText('Visar 1 av 2 planer.').waitFor();
		expect(await rowOf(page, 'jamtland-harjedalen', 2024).count()).toBe(1);
		await expectNoAxeViolations(page);
	});

	it('downloads the filtered overview as XLSX, with the rows on screen', async () => {
		await page.getByLabel('År', { exact: true }).selectOption('2023');
		await page.getByLabel('Status', { exact: true }).selectOption('');
		await page.getByText('Visar 2 av 2 planer.').waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera till Excel' }).click()]);
		expect(download.suggestedFilename()).toBe('oversikt-2023.xlsx');
		const wb = new Workbook();
		await wb.xlsx.readFile((await download.path()) ?? '');
		const sheet = wb.getWorksheet('Översikt');
		expect(sheet).toBeDefined();
		const values = (n: number) => (sheet!.getRow(n).values as unknown[]).slice(1);
		expect(values(1).slice(0, 3)).toEqual(['Region', 'Verksamhetsår', 'Status']);
		const rows = [2, 3].map(values);
		expect(sheet!.actualRowCount).toBe(3);
		expect(rows.map((r) => r.slice(0, 3))).toEqual([
			['Region Jämtland Härjedalen', 2023, 'Utkast'],
			['Region Västernorrland', 2023, 'Inlämnad']
		]);
		await page.getByText('Filen är nedladdad.').waitFor();
	});

	it('refuses the reader the administration with a clear message', async () => {
		expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).count()).toBe(0);
		await page.goto(`${APP_URL}/admin`);
		await page.getByText('Administrationen är till för Tillväxtverkets administratörer.', { exact: false }).waitFor();
		expect(await page.locator('[data-templates], [data-regions]').count()).toBe(0);
		await page.goto(`${APP_URL}/admin/mallar/rsp-2024`);
		await page.locator('[data-refused]').waitFor();
		expect(await page.locator('form.template-editor').count()).toBe(0);
	});
});

describe('regions and templates, for a staff admin', () => {
	let page: Page;

	beforeAll(async () => {
		await resetDemo();
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
		await signIn(page, ADMIN);
	});
	afterAll(async () => {
		await browser?.close();
	});

	const column = (key: string) => page.locator(`li[data-column-key="${key}"]`);

	it('lists regions and templates with their use, and passes axe-core', async () => {
		await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
		await page.waitForURL(`${APP_URL}/admin`);
		await page.locator('[data-region-entry="jamtland-harjedalen"] [data-coordinator="samordnare@region-jh.example"]').waitFor();
		expect(await page.locator('[data-region-entry="jamtland-harjedalen"] [data-area-count]').textContent()).toBe('3 prioriterade områden');
		const rsp2023 = page.locator('tr[data-template-id="rsp-2023"]');
		await rsp2023.locator('[data-used-by="2"]').getByText('2 planer').waitFor();
		await page.locator('tr[data-template-id="rsp-2024"] [data-used-by="1"]').waitFor();
		expect(await rsp2023.locator('[data-published]').textContent()).toBe('Publicerad');
		await expectNoAxeViolations(page);
	});

	it('creates a region with its areas, organisation and first coordinator, who is invited by mail', async () => {
		await page.getByRole('button', { name: 'Ny region' }).click();
		const form = page.locator('form[data-new-region-form]');
		await form.getByLabel('Regionens namn').fill('Region Norrbotten');
		// The id follows the name until it is typed in.
		expect(await form.getByLabel('Id', { exact: true }).inputValue()).toBe('norrbotten');
		expect(await form.getByLabel('Organisationens namn').inputValue()).toBe('Region Norrbotten');
		await form.getByLabel('Område 1', { exact: true }).fill('Tillgång till service');
		await form.getByRole('button', { name: 'Lägg till område' }).click();
		await page.keyboard.type('Stöd till servicegivare');
		await form.getByLabel('Kortnamn').fill('RN');
		await form.getByLabel('Färg', { exact: true }).fill('#0a4d68');
		await form.getByLabel('Namn', { exact: true }).fill('Nora Samordnare');
		await form.getByLabel('E-postadress').fill('nora@');
		await form.getByRole('button', { name: 'Skapa regionen' }).click();
		await form.getByText('E-postadressen ser inte ut att stämma. Skriv den som namn@exempel.se.').waitFor();
		expect(await form.getByLabel('E-postadress').evaluate((el) => el === document.activeElement)).toBe(true);
		expect((await admin().db.doc('regions/norrbotten').get()).exists).toBe(false);
		await expectNoAxeViolations(page);

		await form.getByLabel('E-postadress').fill('samordnare@norrbotten.example');
		await form.getByRole('button', { name: 'Skapa regionen' }).click();
		await page.getByText('Region Norrbotten är skapad. En inbjudan har skickats till samordnare@norrbotten.example.').waitFor();
		const entry = page.locator('[data-region-entry="norrbotten"]');
		await entry.locator('[data-coordinator="samordnare@norrbotten.example"]').getByText('Nora Samordnare (samordnare@norrbotten.example, inbjuden)').waitFor();
		expect(await entry.locator('[data-area-count]').textContent()).toBe('2 prioriterade områden');
		const mail = await waitForMail((m) => m.to === 'samordnare@norrbotten.example');
		expect(mail.subject).toBe('Inbjudan till Planbordet – Region Norrbotten');
		const { db } = admin();
		expect((await db.doc('regions/norrbotten').get()).get('areas')).toEqual([
			{ number: 1, title: 'Tillgång till service' },
			{ number: 2, title: 'Stöd till servicegivare' }
		]);
		expect((await db.doc('organizations/norrbotten').get()).data()).toMatchObject({ name: 'Region Norrbotten', shortName: 'RN', color: '#0a4d68', kind: 'region' });
	});

	it('refuses to remove an area that a plan uses, and adds one', async () => {
		const jh = page.locator('[data-region-entry="jamtland-harjedalen"]');
		await jh.getByRole('button', { name: 'Ändra Region Jämtland Härjedalen' }).click();
		const form = jh.locator('form[data-edit-region-form]');
		// Only the last area can go; area 3 has insatser in the 2023 plan.
		expect(await form.getByRole('button', { name: /^Ta bort område/ }).count()).toBe(1);
		await form.getByRole('button', { name: 'Ta bort område 3' }).click();
		await form.getByRole('button', { name: 'Spara', exact: true }).click();
		await form.getByText('Ett prioriterat område som används i en plan kan inte tas bort.').waitFor();
		expect((await admin().db.doc('regions/jamtland-harjedalen').get()).get('areas')).toHaveLength(3);
		await expectNoAxeViolations(page);
		await form.getByRole('button', { name: 'Avbryt' }).click();
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Ändra Region Jämtland Härjedalen');

		const vn = page.locator('[data-region-entry="vasternorrland"]');
		await vn.getByRole('button', { name: 'Ändra Region Västernorrland' }).click();
		await vn.getByRole('button', { name: 'Lägg till område' }).click();
		await page.keyboard.type('Samordning mellan offentliga aktörer');
		await vn.getByRole('button', { name: 'Spara', exact: true }).click();
		await vn.getByText('Region Västernorrland är sparad.').waitFor();
		await vn.locator('[data-area-count="3"]').waitFor();
		expect((await admin().db.doc('regions/vasternorrland').get()).get('areas')).toContainEqual({ number: 3, title: 'Samordning mellan offentliga aktörer' });
	});

	it("invites another coordinator into a region's organisation", async () => {
		const vn = page.locator('[data-region-entry="vasternorrland"]');
		await vn.getByRole('button', { name: 'Bjud in samordnare till Region Västernorrland' }).click();
		const form = vn.locator('form[data-invite-form]');
		await form.waitFor();
		expect(await form.getByLabel('Organisation').locator('option').allTextContents()).toEqual(['Region Västernorrland']);
		await form.getByLabel('Namn', { exact: true }).fill('Ville Västernorrland');
		await form.getByLabel('E-postadress').fill('ville@region-vn.example');
		await form.getByRole('button', { name: 'Skicka inbjudan' }).click();
		await vn.getByText('En inbjudan har skickats till ville@region-vn.example.').waitFor();
		await vn.locator('[data-coordinator="ville@region-vn.example"]').waitFor();
		const mail = await waitForMail((m) => m.to === 'ville@region-vn.example');
		expect(mail.subject).toBe('Inbjudan till Planbordet – Region Västernorrland');
	});

	it('starts a new version of rsp-2024 for 2028 with an extra column, shown in the preview', async () => {
		await page.goto(`${APP_URL}/admin`);
		await page.getByRole('link', { name: 'Ny version av rsp-2024' }).click();
		await page.waitForURL(`${APP_URL}/admin/mallar/ny?fran=rsp-2024`);
		await page.getByRole('heading', { level: 1, name: 'Ny version av rsp-2024' }).waitFor();
		expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('rsp-2024-v2');
		expect(await page.locator('li[data-column]').count()).toBe(7);
		await page.getByLabel('År som mallen gäller').fill('2028');

		await page.getByRole('button', { name: 'Lägg till kolumn' }).click();
		const added = page.locator('li[data-column]').last();
		// Focus goes to the new column's key, so it can be typed at once.
		await page.keyboard.type('kostnad');
		expect(await added.getByLabel('Nyckel', { exact: true }).inputValue()).toBe('kostnad');
		await added.getByLabel('Rubrik', { exact: true }).fill('Kostnad');
		await added.getByLabel('Hjälptext', { exact: true }).fill('Budget i kronor.');
		await added.getByLabel('Typ', { exact: true }).selectOption({ label: 'Kort text' });
		expect(await added.getByLabel('Del', { exact: true }).inputValue()).toBe('plan');
		// Moved up with the keyboard, four places, to follow Resurser: focus stays on the moved column's button.
		await added.getByRole('button', { name: 'Flytta upp kolumn 8: kostnad' }).focus();
		for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
		await page.getByRole('button', { name: 'Flytta upp kolumn 4: kostnad' }).waitFor();
		expect(await page.locator('li[data-column]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column-key')))).toEqual([
			'action',
			'goal',
			'resources',
			'kostnad',
			'outputs',
			'effects',
			'status',
			'nextYear'
		]);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Flytta upp kolumn 4: kostnad');

		const preview = page.locator('[data-template-preview]');
		await preview.locator('[data-preview-column="kostnad"]').getByText('Kostnad').waitFor();
		expect(await preview.locator('[data-preview-column="kostnad"] .meta').textContent()).toBe('Kort text · frivillig');
		expect(await preview.locator('[data-preview-part="plan"]').textContent()).toBe('Handlingsplan för verksamhetsår 2028');
		expect(await preview.locator('[data-preview-part="nextYear"]').textContent()).toBe('Till nästa år, 2029');
		// The plan part now spans its three columns and the new one, before the follow-up.
		expect(await preview.locator('[data-preview-part="plan"]').getAttribute('colspan')).toBe('4');
		const headers = await preview.locator('[data-preview-column]').evaluateAll((els) => els.map((e) => e.getAttribute('data-preview-column')));
		expect(headers).toEqual(['action', 'goal', 'resources', 'kostnad', 'outputs', 'effects', 'status', 'nextYear']);
		expect(await preview.locator('[data-preview-cell="kostnad"] input[type="text"]').isDisabled()).toBe(true);
		expect(await preview.locator('[data-preview-cell="status"] select option').allTextContents()).toEqual(['Ej angiven', 'Klar', 'Fortsätter']);
		await expectNoAxeViolations(page);
	});

	it('refuses a duplicate key in Swedish and saves nothing', async () => {
		await page.getByRole('button', { name: 'Lägg till kolumn' }).click();
		const dup = page.locator('li[data-column]').last();
		await dup.getByLabel('Nyckel', { exact: true }).fill('goal');
		await dup.getByLabel('Rubrik', { exact: true }).fill('Mål igen');
		await page.getByRole('button', { name: 'Publicera' }).click();
		await dup.getByText('Nyckeln ”goal” används redan av en annan kolumn. Varje kolumn behöver en egen nyckel.').waitFor();
		await page.getByText('En uppgift behöver rättas. Inget har sparats.').waitFor();
		expect(await dup.getByLabel('Nyckel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
		expect(await dup.getByLabel('Nyckel', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
		await page.waitForTimeout(500);
		expect((await admin().db.doc('templates/rsp-2024-v2').get()).exists).toBe(false);
		await expectNoAxeViolations(page);

		await dup.getByRole('button', { name: /^Ta bort kolumn 9/ }).click();
		expect(await page.locator('li[data-column]').count()).toBe(8);
	});

	it('publishes the new version', async () => {
		await page.getByRole('button', { name: 'Publicera' }).click();
		await page.waitForURL(`${APP_URL}/admin/mallar/rsp-2024-v2?sparad=publicerad`);
		await page.getByText('Mallen är publicerad.').waitFor();
		const stored = template.parse((await admin().db.doc('templates/rsp-2024-v2').get()).data());
		expect(stored.published).toBe(true);
		expect(stored.years).toEqual([2028]);
		expect(stored.keys).toEqual(['action', 'goal', 'resources', 'kostnad', 'outputs', 'effects', 'status', 'nextYear']);
		expect(stored.columns[3]).toEqual({ key: 'kostnad', part: 'plan', title: 'Kostnad', help: 'Budget i kronor.', type: 'shortText', choices: [], required: 'never', level: 'block' });
		expect(stored.types.kostnad).toBe('shortText');

		await page.goto(`${APP_URL}/admin`);
		const listed = page.locator('tr[data-template-id="rsp-2024-v2"]');
		await listed.locator('[data-used-by="0"]').getByText('Ingen plan').waitFor();
		expect(await listed.locator('[data-published]').textContent()).toBe('Publicerad');
	});

	it('shows a template in use read-only, with a way to a new version', async () => {
		await page.goto(`${APP_URL}/admin/mallar/rsp-2023`);
		await page.locator('[data-read-only]').getByText('Mallen används av 2 planer och kan inte ändras.', { exact: false }).waitFor();
		expect(await page.getByLabel('Namn', { exact: true }).isDisabled()).toBe(true);
		expect(await column('serviceTypes').getByLabel('Nyckel', { exact: true }).isDisabled()).toBe(true);
		expect(await page.locator('button[data-save]').count()).toBe(0);
		await page.locator('[data-template-preview] [data-preview-cell="serviceTypes:dagligvaror"] input[type="checkbox"]').waitFor();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Skapa ny version' }).click();
		await page.waitForURL(`${APP_URL}/admin/mallar/ny?fran=rsp-2023`);
		expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('rsp-2023-v2');
	});
});
