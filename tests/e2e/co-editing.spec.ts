// Two people in two headless Chromium contexts sign in through the development inbox and co-edit
// the 2023 plan: live edits, two cells of one row, presence, a same-cell conflict, an offline edit;
// axe-core on the sign-in, confirm and plan pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { APP_URL, admin } from '../support/emulators';
import { cell, expectNoAxeViolations, signIn, twoPeople } from '../support/pages';

const PLAN = `${APP_URL}/plan/jamtland-harjedalen/2023`;
const ROWS = 'regions/jamtland-harjedalen/years/2023/rows';
const A = { email: 'samordnare@region-jh.example', name: 'Malin Samordnare', uid: 'u-samordnare-jh' };
const B = { email: 'ostersund@kommun.example', name: 'Östen Östersund', uid: 'u-ostersund' };

let browser: Browser;
let pageA: Page;
let pageB: Page;

async function editCell(page: Page, rowId: string, field: string, text: string, save = true) {
	const editor = cell(page, rowId, field).locator('textarea');
	// A click that lands while the table re-renders (going offline changes every row's snapshot
	// metadata) can miss its cell, as a person's would: click again, as they would, for up to 30 s.
	for (let tries = 0; ; tries++) {
		await cell(page, rowId, field).click();
		try {
			await editor.waitFor({ timeout: 5_000 });
			break;
		} catch (err) {
			if (tries >= 5) throw err;
		}
	}
	await editor.fill(text);
	if (save) await editor.evaluate((el) => (el as HTMLTextAreaElement).blur());
}

async function storedValue(rowId: string, field: string): Promise<unknown> {
	const snap = await admin().db.doc(`${ROWS}/${rowId}`).get();
	return snap.get(`fields.${field}`);
}

describe('two people co-edit the 2023 plan', () => {
	beforeAll(async () => {
		({ browser, pageA, pageB } = await twoPeople());
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('signs in through the mailed link, with the sign-in and confirm pages free of axe violations', async () => {
		await signIn(pageA, A.email, true);
		await pageA.getByText(A.name).first().waitFor();
		await signIn(pageB, B.email);
		await pageB.getByText(B.name).first().waitFor();
	});

	it('shows the plan as the form, with both people present, and no axe violations', async () => {
		await Promise.all([pageA.goto(PLAN), pageB.goto(PLAN)]);
		for (const page of [pageA, pageB]) {
			await page.getByRole('heading', { name: /Prioriterat område 1\. Stärka tillgängligheten/ }).waitFor();
			await cell(page, 'jh23-3-06', 'action').getByText('Arbeta proaktivt i spridande av information').waitFor();
		}
		expect(new Set(await pageA.locator('td[data-row-id]').evaluateAll((tds) => tds.map((t) => t.getAttribute('data-row-id')))).size).toBe(14);
		await pageB.locator(`[data-presence-uid="${A.uid}"]`).waitFor();
		await pageA.locator(`[data-presence-uid="${B.uid}"]`).waitFor();
		await expectNoAxeViolations(pageA);
	});

	it("shows one person's saved edit on the other's page without reloading", async () => {
		await editCell(pageA, 'jh23-1-03', 'nextYear', 'Ny text från samordnaren');
		await cell(pageB, 'jh23-1-03', 'nextYear').getByText('Ny text från samordnaren').waitFor();
		expect(await storedValue('jh23-1-03', 'nextYear')).toBe('Ny text från samordnaren');
	});

	it('shows who is editing which cell', async () => {
		await cell(pageA, 'jh23-2-01', 'effects').click();
		await cell(pageB, 'jh23-2-01', 'effects').getByText(`${A.name} redigerar`).waitFor();
		await pageA.keyboard.press('Escape');
		await cell(pageB, 'jh23-2-01', 'effects').getByText(`${A.name} redigerar`).waitFor({ state: 'detached' });
	});

	it('keeps both texts when two people edit different cells of one row at once', async () => {
		await editCell(pageA, 'jh23-1-04', 'goal', 'Mål enligt samordnaren', false);
		await editCell(pageB, 'jh23-1-04', 'resources', 'Resurser enligt Östersund', false);
		await Promise.all([
			cell(pageA, 'jh23-1-04', 'goal').locator('textarea').evaluate((el) => (el as HTMLTextAreaElement).blur()),
			cell(pageB, 'jh23-1-04', 'resources').locator('textarea').evaluate((el) => (el as HTMLTextAreaElement).blur())
		]);
		for (const page of [pageA, pageB]) {
			await cell(page, 'jh23-1-04', 'goal').getByText('Mål enligt samordnaren').waitFor();
			await cell(page, 'jh23-1-04', 'resources').getByText('Resurser enligt Östersund').waitFor();
		}
		expect(await storedValue('jh23-1-04', 'goal')).toBe('Mål enligt samordnaren');
		expect(await storedValue('jh23-1-04', 'resources')).toBe('Resurser enligt Östersund');
	});

	it('shows a same-cell conflict to the person whose write was based on the old revision, and keeps their choice', async () => {
		await cell(pageB, 'jh23-1-05', 'nextYear').click();
		await cell(pageB, 'jh23-1-05', 'nextYear').locator('textarea').waitFor();
		await editCell(pageA, 'jh23-1-05', 'nextYear', 'Samordnarens version');
		await cell(pageB, 'jh23-1-05', 'nextYear').getByText(`${A.name} redigerar`).waitFor({ state: 'detached' });
		await expect.poll(() => storedValue('jh23-1-05', 'nextYear'), { timeout: 10_000 }).toBe('Samordnarens version');

		const editor = cell(pageB, 'jh23-1-05', 'nextYear').locator('textarea');
		expect(await editor.inputValue()).not.toBe('Samordnarens version');
		await editor.fill('Östersunds version');
		await editor.evaluate((el) => (el as HTMLTextAreaElement).blur());

		const dialog = pageB.getByRole('dialog', { name: 'Någon annan har ändrat cellen' });
		await dialog.waitFor();
		await dialog.getByText('Samordnarens version').waitFor();
		await dialog.getByText('Östersunds version').waitFor();
		expect(await storedValue('jh23-1-05', 'nextYear')).toBe('Samordnarens version');
		await expectNoAxeViolations(pageB);
		await dialog.getByRole('button', { name: 'Behåll min text' }).click();
		await cell(pageA, 'jh23-1-05', 'nextYear').getByText('Östersunds version').waitFor();
		expect(await storedValue('jh23-1-05', 'nextYear')).toBe('Östersunds version');
	});

	it('keeps an edit made offline, shows it as waiting, and delivers it on reconnect', async () => {
		const context = pageB.context();
		await context.setOffline(true);
		await pageB.getByText(/Du är offline/).waitFor();
		await editCell(pageB, 'jh23-2-02', 'nextYear', 'Skrivet utan nät');
		await pageB.getByText('Du är offline. 1 ändring väntar på att skickas.').waitFor();
		await pageA.waitForTimeout(1000);
		expect(await storedValue('jh23-2-02', 'nextYear')).not.toBe('Skrivet utan nät');
		await context.setOffline(false);
		await cell(pageA, 'jh23-2-02', 'nextYear').getByText('Skrivet utan nät').waitFor({ timeout: 30_000 });
		await pageB.getByText(/Du är offline/).waitFor({ state: 'detached' });
		expect(await storedValue('jh23-2-02', 'nextYear')).toBe('Skrivet utan nät');
	});

	it('keeps an offline edit across closing the page: the next page of the same browser sends it', async () => {
		const context = pageB.context();
		await expect.poll(() => pageB.locator('td.unsent').count(), { timeout: 15_000 }).toBe(0);
		await context.setOffline(true);
		await pageB.getByText(/Du är offline/).waitFor();
		await editCell(pageB, 'jh23-2-03', 'nextYear', 'Skrivet utan nät, sidan stängd');
		await pageB.getByText('Du är offline. 1 ändring väntar på att skickas.').waitFor();
		await pageB.close();
		expect(await storedValue('jh23-2-03', 'nextYear')).not.toBe('Skrivet utan nät, sidan stängd');

		await context.setOffline(false);
		pageB = await context.newPage();
		await pageB.goto(PLAN);
		await cell(pageA, 'jh23-2-03', 'nextYear').getByText('Skrivet utan nät, sidan stängd').waitFor({ timeout: 30_000 });
		expect(await storedValue('jh23-2-03', 'nextYear')).toBe('Skrivet utan nät, sidan stängd');
		await cell(pageB, 'jh23-2-03', 'nextYear').getByText('Skrivet utan nät, sidan stängd').waitFor();
	});

	it('shows an offline edit that someone overtook meanwhile as a conflict after the page is reopened', async () => {
		const context = pageB.context();
		// The previous test's edit has been confirmed and left the journal: nothing is waiting.
		await expect.poll(() => pageB.locator('td.unsent').count(), { timeout: 15_000 }).toBe(0);
		await context.setOffline(true);
		await pageB.getByText(/Du är offline/).waitFor();
		await editCell(pageB, 'jh23-3-01', 'nextYear', 'Östersunds offlinetext');
		await pageB.getByText('Du är offline. 1 ändring väntar på att skickas.').waitFor();
		await pageB.close();
		await editCell(pageA, 'jh23-3-01', 'nextYear', 'Samordnarens text under tiden');
		await expect.poll(() => storedValue('jh23-3-01', 'nextYear'), { timeout: 10_000 }).toBe('Samordnarens text under tiden');

		await context.setOffline(false);
		pageB = await context.newPage();
		await pageB.goto(PLAN);
		const dialog = pageB.getByRole('dialog', { name: 'Någon annan har ändrat cellen' });
		await dialog.waitFor({ timeout: 30_000 });
		await dialog.getByText('Östersunds offlinetext').waitFor();
		await dialog.getByText('Samordnarens text under tiden').waitFor();
		expect(await storedValue('jh23-3-01', 'nextYear')).toBe('Samordnarens text under tiden');
		await dialog.getByRole('button', { name: 'Behåll min text' }).click();
		await cell(pageA, 'jh23-3-01', 'nextYear').getByText('Östersunds offlinetext').waitFor();
	});
});
