// A signed-in person who is a member of no region (their membership was removed after the account
// existed) sees a clear Swedish message and no plan data, also when opening a plan's address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { confirmLink } from '../../src/lib/domain/sign-in-link';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, admin, resetDemo } from '../support/emulators';
import { expectNoAxeViolations } from '../support/pages';

const FORMER = 'tidigare@kommun.example';
let browser: Browser;
let page: Page;

describe('a signed-in person without membership', () => {
	beforeAll(async () => {
		await resetDemo();
		const { auth } = admin();
		await auth.createUser({ uid: 'u-tidigare', email: FORMER, displayName: 'Tidigare Medlem', emailVerified: true });
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
		const link = await auth.generateSignInWithEmailLink(FORMER, { url: `${APP_URL}/logga-in/bekrafta`, handleCodeInApp: true });
		await page.goto(`${APP_URL}/logga-in`);
		await page.evaluate((email) => localStorage.setItem('planbordet.signInEmail', email), FORMER);
		await page.goto(confirmLink(link, APP_URL));
		await page.getByRole('button', { name: 'Logga in', exact: true }).click();
		await page.waitForURL(`${APP_URL}/`);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('is told in Swedish that their account is not a member of any region', async () => {
		await page.getByText('Ditt konto är inte medlem i någon region i Planbordet. Kontakta regionens samordnare.').waitFor();
		expect(await page.locator('td[data-row-id]').count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('sees no plan data when opening a plan address directly', async () => {
		await page.goto(`${APP_URL}/plan/jamtland-harjedalen/2023`);
		await page.getByText(/Ditt konto är inte medlem i någon region|Du har inte behörighet att se den här planen/).first().waitFor();
		await page.waitForTimeout(1000);
		expect(await page.locator('td[data-row-id]').count()).toBe(0);
		expect(await page.getByText('Vara aktiv i dialog vid förändringar').count()).toBe(0);
	});
});
