// Page-level steps shared by the end-to-end tests and the browser benchmark: signing in through
// the development inbox, and asserting axe-core finds nothing (plain throws: no test runner needed).
import type { Browser, Page } from 'playwright-core';
import { axe, describeViolations, launchBrowser, newPerson } from './browser';
import { APP_URL, admin, clearInbox, resetDemo, signInLinkOf, waitForMail } from './emulators';

export async function expectNoAxeViolations(page: Page) {
	const violations = await axe(page);
	if (violations.length > 0) throw new Error(`axe-core found ${violations.length} violations:\n${describeViolations(violations)}`);
}

export async function signIn(page: Page, email: string, checkA11y = false) {
	await page.goto(`${APP_URL}/logga-in`);
	await page.getByLabel('E-postadress').fill(email);
	if (checkA11y) await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
	await page.getByText(`Vi har skickat en inloggningslänk till ${email}`).waitFor();
	const mail = await waitForMail((m) => m.to === email);
	const before = (await admin().auth.getUserByEmail(email)).metadata.lastSignInTime;
	await page.goto(signInLinkOf(mail));
	await page.getByText(`Logga in som ${email}`).waitFor();
	if (checkA11y) {
		// Opening the link signs nobody in (link scanners open links): no new sign-in after a moment.
		await page.waitForTimeout(1500);
		const after = (await admin().auth.getUserByEmail(email)).metadata.lastSignInTime;
		if (after !== before) throw new Error(`opening the link signed ${email} in (${before} → ${after})`);
		await expectNoAxeViolations(page);
	}
	await page.getByRole('button', { name: 'Logga in', exact: true }).click();
	await page.waitForURL(`${APP_URL}/`);
}


/** Opens a mailed link (an invitation) in a browser that did not ask for it: the confirm page asks for the address. */
export async function signInFromMail(page: Page, link: string, email: string) {
	await page.goto(link);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByRole('button', { name: 'Logga in', exact: true }).click();
	await page.waitForURL(`${APP_URL}/`);
}

/** The table cell of one field of one row (its editor, when open, is inside it). */
export function cell(page: Page, rowId: string, field: string) {
	return page.locator(`td[data-row-id="${rowId}"][data-field="${field}"]`);
}

/** Chooses "Flytta upp", "Flytta ned" or "Ta bort" in a row's menu (RowMenu.svelte) with the mouse. */
/** Opens a cell's editor and types `text` (then saves by leaving it, unless `save` is false). */
export async function editCell(page: Page, rowId: string, field: string, text: string, save = true) {
	const editor = cell(page, rowId, field).locator('textarea');
	// A click that lands while the table re-renders (going offline changes every row's snapshot
	// metadata) can miss its cell, or the editor it opened can close again before one types, as a
	// person's would: click again, as they would, for up to 30 s.
	for (let tries = 0; ; tries++) {
		await cell(page, rowId, field).click();
		try {
			await editor.waitFor({ timeout: 5_000 });
			await editor.fill(text, { timeout: 5_000 });
			break;
		} catch (err) {
			if (tries >= 5) throw err;
		}
	}
	if (save) await editor.evaluate((el) => (el as HTMLTextAreaElement).blur());
}

export async function rowMenuAction(page: Page, rowId: string, action: 'up' | 'down' | 'delete') {
	await page.locator(`tr[data-row-id="${rowId}"] button[data-action="menu"]`).click();
	const item = page.getByRole('menu').locator(`[data-action="${action}"]`);
	await item.click();
	await item.waitFor({ state: 'detached' });
}

/** A fresh demo, an empty inbox, and one browser with two people in their own contexts. */
export async function twoPeople(): Promise<{ browser: Browser; pageA: Page; pageB: Page }> {
	await resetDemo();
	await clearInbox();
	const browser = await launchBrowser();
	const pageA = (await newPerson(browser)).page;
	const pageB = (await newPerson(browser)).page;
	return { browser, pageA, pageB };
}

/** The conflict dialog (ConflictDialog.svelte) on a page. */
export function conflictDialog(page: Page) {
	return page.getByRole('dialog', { name: 'Någon annan har ändrat cellen' });
}

/**
 * After two people saved the same field at once: which of them (0 or 1) got the conflict dialog —
 * the one whose write landed second. Fails if neither does within the timeout, or if both do.
 */
export async function laterWriter(pages: readonly [Page, Page], timeout = 20_000): Promise<0 | 1> {
	const counts = () => Promise.all(pages.map((p) => conflictDialog(p).count()));
	const until = Date.now() + timeout;
	for (;;) {
		const [a, b] = await counts();
		if (a + b > 1) throw new Error('both people got the conflict dialog');
		if (a === 1) return 0;
		if (b === 1) return 1;
		if (Date.now() > until) throw new Error('no conflict dialog on either page');
		await pages[0].waitForTimeout(100);
	}
}

/** The texts of the notices on a page (the plan's above the table, the questionnaire's above its questions). */
export function noticeTexts(page: Page): Promise<string[]> {
	return page.locator('[data-notice]').allTextContents();
}
