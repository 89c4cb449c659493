// Discussing rows and tracing cells, in two headless Chromium contexts: a comment with a mention
// reaches the other page live and the other person's inbox; resolving shows on both pages; a cell's
// history shows both people's edits and a restore reaches the other page; markup renders as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { APP_URL, admin, inbox, signInLinkOf, waitForMail } from '../support/emulators';
import { newPerson } from '../support/browser';
import { cell, expectNoAxeViolations, signIn, twoPeople } from '../support/pages';

const PLAN = `${APP_URL}/plan/jamtland-harjedalen/2023`;
const YEAR = 'regions/jamtland-harjedalen/years/2023';
const ROW = 'jh23-1-01';
const A = { email: 'samordnare@region-jh.example', name: 'Malin Samordnare', uid: 'u-samordnare-jh' };
const B = { email: 'krokom@kommun.example', name: 'Karin Krokom', uid: 'u-krokom' };
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

let browser: Browser;
let pageA: Page;
let pageB: Page;

const rowButton = (page: Page, rowId: string, action: string) => page.locator(`tr[data-row-id="${rowId}"] button[data-action="${action}"]`);
const panel = (page: Page) => page.locator('[data-comments-panel]');

/** The comments panel with every row's threads (it may be open on one row already). */
async function openAllComments(page: Page) {
	if ((await panel(page).count()) === 0) await page.locator('button[data-toggle="comments"]').click();
	await panel(page).waitFor();
	const allRows = panel(page).getByRole('button', { name: 'Visa alla rader', exact: true });
	if ((await allRows.count()) > 0) await allRows.click();
}

async function edit(page: Page, rowId: string, field: string, text: string) {
	await cell(page, rowId, field).click();
	await page.keyboard.press('Enter');
	const box = cell(page, rowId, field).locator('textarea');
	await box.fill(text);
	await page.keyboard.press('Tab');
	await page.waitForFunction(
		({ rowId, field, text }) => document.querySelector(`td[data-row-id="${rowId}"][data-field="${field}"]`)?.textContent?.includes(text),
		{ rowId, field, text }
	);
}

async function storedValue(rowId: string, field: string): Promise<unknown> {
	return (await admin().db.doc(`${YEAR}/rows/${rowId}`).get()).get(`fields.${field}`);
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`timed out waiting for ${what}`);
}

describe('comments, mentions and the history of a cell', () => {
	beforeAll(async () => {
		({ browser, pageA, pageB } = await twoPeople());
		await signIn(pageA, A.email);
		await signIn(pageB, B.email);
		await Promise.all([pageA.goto(PLAN), pageB.goto(PLAN)]);
		for (const p of [pageA, pageB]) await cell(p, ROW, 'action').waitFor();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('A comments on a row mentioning B through the @ list; B sees the thread live and gets the mail', async () => {
		await rowButton(pageA, ROW, 'comments').click();
		const composer = panel(pageA).getByLabel('Kommentar', { exact: true });
		await composer.waitFor();
		await composer.pressSequentially('Kan du se över målet, @Kar');
		const option = panel(pageA).getByRole('option', { name: /Karin Krokom/ });
		await option.waitFor();
		await pageA.keyboard.press('Enter');
		// The name goes in without a trailing space, and the list stays closed on it: the space typed
		// next is the only one.
		expect(await composer.inputValue()).toBe('Kan du se över målet, @Karin Krokom');
		expect(await panel(pageA).locator('ul[role="listbox"]').isHidden()).toBe(true);
		await composer.pressSequentially(' – läs mer på https://example.org/plan.');
		expect(await composer.inputValue()).toBe('Kan du se över målet, @Karin Krokom – läs mer på https://example.org/plan.');
		await panel(pageA).getByRole('button', { name: 'Skicka', exact: true }).click();

		// B: the row's button counts the open thread, and the panel lists it with an unread marker.
		await pageB.locator(`tr[data-row-id="${ROW}"] button[data-action="comments"][data-open-threads="1"]`).waitFor();
		await openAllComments(pageB);
		const thread = panel(pageB).locator(`[data-row="${ROW}"]`);
		await thread.getByText('Kan du se över målet').waitFor();
		await thread.locator('[data-unread]').waitFor();
		expect(await thread.locator('[data-mention-uid="u-krokom"]').textContent()).toBe('@Karin Krokom');
		expect(await thread.locator('a[href="https://example.org/plan"]').count()).toBe(1);
		await expectNoAxeViolations(pageB);

		const mail = await waitForMail((m) => m.to === B.email && m.subject.includes('nämnt'), 30_000);
		const text = mail.parsed.text ?? '';
		expect(text).toContain('Kan du se över målet, @Karin Krokom');
		expect(text).toContain(`${PLAN}?rad=${ROW}`);

		// The mail's link opens the plan with the row's threads beside it.
		const link = text.split(/\s+/).find((w) => w.startsWith(`${PLAN}?rad=${ROW}`));
		expect(link).toBeTruthy();
		await pageB.goto(link ?? '');
		await panel(pageB).getByText(/Visar bara trådar på insats 1\.1/).waitFor();
		await panel(pageB).getByText('Kan du se över målet').waitFor();

		// Opened in a browser where B is not signed in, the link still leads to the row after signing in.
		const { context, page: fresh } = await newPerson(browser);
		await fresh.goto(link ?? '');
		await fresh.waitForURL(`${APP_URL}/logga-in`);
		await fresh.getByLabel('E-postadress').fill(B.email);
		const earlier = new Set((await inbox()).map((m) => m.id));
		await fresh.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
		await fresh.getByText(`Vi har skickat en inloggningslänk till ${B.email}`).waitFor();
		const signInMail = await waitForMail((m) => m.to === B.email && m.subject.includes('inloggningslänk') && !earlier.has(m.id));
		await fresh.goto(signInLinkOf(signInMail));
		await fresh.getByRole('button', { name: 'Logga in', exact: true }).click();
		await fresh.waitForURL(link ?? '');
		await panel(fresh).getByText('Kan du se över målet').waitFor();
		await context.close();
	});

	it('a reply and a resolution show on both pages', async () => {
		// The mail's link opened B's page on this thread, already open.
		const threadB = panel(pageB).locator(`[data-row="${ROW}"]`);
		await threadB.getByRole('button', { name: 'Dölj tråden' }).waitFor();
		await expect.poll(() => threadB.locator('[data-unread]').count(), { timeout: 10_000 }).toBe(0);
		await threadB.getByRole('button', { name: 'Svara', exact: true }).click();
		await threadB.getByLabel('Svar', { exact: true }).fill('Ja, jag tittar på det i morgon.');
		await threadB.getByRole('button', { name: 'Skicka svar', exact: true }).click();

		// A started the thread, so it is open on A's page: the reply arrives in it live.
		const threadA = panel(pageA).locator(`[data-row="${ROW}"]`);
		await threadA.getByText('Ja, jag tittar på det i morgon.').waitFor();
		// The table filtered to rows with open threads: this row and the demo discussion's row.
		const filter = pageB.getByLabel('Visa bara insatser med öppna trådar');
		await filter.check();
		await expect.poll(() => pageB.locator('tbody tr[data-row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')).sort())).toEqual([
			ROW,
			'jh23-2-01'
		]);
		await filter.uncheck();
		await cell(pageB, 'jh23-3-06', 'action').waitFor();

		await threadA.getByRole('button', { name: 'Markera som löst', exact: true }).click();

		// Resolved: no open thread on either page; B finds it under "Lösta" with who resolved it.
		for (const p of [pageA, pageB]) await p.locator(`tr[data-row-id="${ROW}"] button[data-action="comments"][data-open-threads="0"]`).waitFor();
		await panel(pageB).getByLabel('Lösta', { exact: true }).check();
		await panel(pageB).locator(`[data-row="${ROW}"] [data-resolved]`).getByText(/Löst av Malin Samordnare/).waitFor();
		await expectNoAxeViolations(pageB);
	});

	it("a cell's history shows both people's edits, and restoring one updates the other page", async () => {
		await edit(pageA, ROW, 'goal', 'Mål enligt Malin');
		await waitUntil(async () => (await storedValue(ROW, 'goal')) === 'Mål enligt Malin', 'A’s edit to be stored');
		await cell(pageB, ROW, 'goal').getByText('Mål enligt Malin').waitFor();
		await edit(pageB, ROW, 'goal', 'Mål enligt Karin');
		await waitUntil(async () => (await storedValue(ROW, 'goal')) === 'Mål enligt Karin', 'B’s edit to be stored');

		await cell(pageB, ROW, 'goal').click();
		await rowButton(pageB, ROW, 'history').click();
		const dialog = pageB.getByRole('dialog', { name: /Historik för insats 1\.1/ });
		await dialog.waitFor();
		expect(await dialog.getByLabel('Kolumn').inputValue()).toBe('goal');
		const byA = dialog.locator(`[data-history-entry][data-by="${A.uid}"]`);
		const byB = dialog.locator(`[data-history-entry][data-by="${B.uid}"]`);
		await byA.first().waitFor();
		await byB.first().waitFor();
		await byA.first().locator('ins').getByText('Malin').waitFor();
		await expectNoAxeViolations(pageB);

		await byA.first().getByRole('button', { name: /Återställ det här värdet från/ }).click();
		await cell(pageA, ROW, 'goal').getByText('Mål enligt Malin').waitFor();
		await waitUntil(async () => (await storedValue(ROW, 'goal')) === 'Mål enligt Malin', 'the restore to be stored');
		// The restore is itself a change in the history, by B, shown live in the open dialog.
		await expect.poll(() => byB.count(), { timeout: 15_000 }).toBe(2);
		await pageB.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
	});

	it('markup in comments, member names and cell values is shown as text, never run', async () => {
		const { db } = admin();
		await db.doc('regions/jamtland-harjedalen/members/u-ostersund').update({ name: `Östen ${XSS}` });
		await db.doc(`${YEAR}/rows/${ROW}`).update({ 'fields.resources': `Resurser ${XSS}` });
		await pageA.reload();
		await cell(pageA, ROW, 'resources').getByText(`Resurser ${XSS}`).waitFor();

		await rowButton(pageA, ROW, 'comments').click();
		const composer = panel(pageA).getByLabel('Kommentar', { exact: true });
		await composer.fill(`Farligt? ${XSS} javascript:alert(1) `);
		await composer.pressSequentially('@Öst');
		await panel(pageA).getByRole('option', { name: /Östen/ }).waitFor();
		await pageA.keyboard.press('Enter');
		await panel(pageA).getByRole('button', { name: 'Skicka', exact: true }).click();

		await openAllComments(pageB);
		await panel(pageB).getByLabel('Öppna', { exact: true }).check();
		const shown = panel(pageB).locator('[data-comment-text]').filter({ hasText: 'Farligt?' });
		await shown.waitFor();
		expect((await shown.textContent())?.trim()).toBe(`Farligt? ${XSS} javascript:alert(1) @Östen ${XSS}`);
		expect(await shown.locator('[data-mention-uid="u-ostersund"]').textContent()).toBe(`@Östen ${XSS}`);
		for (const p of [pageA, pageB]) {
			expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
			expect(await p.locator('main img[src="x"], main script').count()).toBe(0);
			expect(await p.locator('a[href^="javascript:"]').count()).toBe(0);
		}
	});

	it("the activity feed lists the plan's latest changes and comments, newest first, and pages further", async () => {
		await pageA.locator('button[data-toggle="activity"]').click();
		const feed = pageA.locator('[data-activity-panel]');
		await feed.getByText('Karin Krokom ändrade mål i insats 1.1').first().waitFor();
		await feed.getByText('Malin Samordnare kommenterade insats 1.1').first().waitFor();
		const times = await feed.locator('li time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
		expect(times.length).toBeGreaterThanOrEqual(30);
		for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);
		await expectNoAxeViolations(pageA);
		await feed.getByRole('button', { name: 'Visa fler', exact: true }).click();
		await expect.poll(() => feed.locator('li').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(times.length + 30);
	});
});
