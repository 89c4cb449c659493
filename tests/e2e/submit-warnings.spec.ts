// A plan with only warnings is handed in from the browser: the start page names the region from its
// first frame, the checklist lists the six warned-about cells of the 2025-shaped plan (and no
// blocking ones) beside "Lämna in", and the submitted banner says how many were left empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, admin, resetDemo } from '../support/emulators';
import { writeWarningsPlan } from '../support/plan-fixture';
import { cell, expectNoAxeViolations, signIn } from '../support/pages';
import { plan } from '../../src/lib/domain/schemas';

const JH = 'jamtland-harjedalen';
const YEAR = '2024';
const PLAN = `${APP_URL}/plan/${JH}/${YEAR}`;

let browser: Browser;
let page: Page;

describe('submitting a plan that has warnings', () => {
	beforeAll(async () => {
		await resetDemo();
		await writeWarningsPlan(JH, YEAR, 'u-samordnare-jh');
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows the region by name, never its id, from the first frame of the start page', async () => {
		await signIn(page, 'samordnare@region-jh.example');
		const section = page.locator(`[data-region-id="${JH}"]`);
		await section.waitFor();
		// Read at once, without waiting for the live readers: the names come with the profile.
		const heading = (await section.locator('h2, h3').first().textContent())?.trim();
		expect(heading).toBe('Region Jämtland Härjedalen');
		expect(await section.getByText('Hämtar planerna …').count()).toBe(0);
		expect(await section.locator('tr[data-year]').count()).toBeGreaterThan(0);
	});

	it('lists six warnings and no blockers, offers "Lämna in", and the submission keeps the warnings', async () => {
		await page.goto(PLAN);
		await cell(page, 'jh25-3-06', 'action').waitFor();
		await page.getByRole('button', { name: 'Lämna in planen', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'Lämna in planen' });
		await dialog.waitFor();
		await dialog.locator('[data-missing-level="warn"]').first().waitFor();
		expect(await dialog.locator('[data-missing-level="warn"]').count()).toBe(6);
		expect(await dialog.locator('[data-missing-level="block"]').count()).toBe(0);
		await dialog.getByRole('heading', { name: 'Bör fyllas i (hindrar inte inlämning)' }).waitFor();
		await dialog.getByText('Insats 2.3: Status', { exact: true }).waitFor();
		await expectNoAxeViolations(page);

		await dialog.getByRole('button', { name: 'Lämna in', exact: true }).click();
		await page.locator('[data-submitted-warnings="6"]').waitFor();
		const stored = plan.parse((await admin().db.doc(`regions/${JH}/years/${YEAR}`).get()).data());
		expect(stored.status).toBe('submitted');
		expect(stored.submission?.warnings).toHaveLength(6);
	});
});
