// The plan table on a laptop and a large screen: no page-level sideways scroll at three
// sizes, the row numbers and column headers sticky while the table scrolls in its box, long cells
// clamped with "Visa hela", the row menu by keyboard alone, axe with the menu open, and screenshots
// of the plan (test-results/screenshots/) for a person to look at. One person, one browser.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, resetDemo } from '../support/emulators';
import { writeWarningsPlan } from '../support/plan-fixture';
import { cell, expectNoAxeViolations, signIn } from '../support/pages';

const JH = 'jamtland-harjedalen';
/** The 2025-shaped 14-row plan (rsp-2024) is written into 2024; 2023 is the seed's plan (rsp-2023, X-mark columns). */
const PLAN = `${APP_URL}/plan/${JH}/2024`;
const PLAN_2023 = `${APP_URL}/plan/${JH}/2023`;
const SIZES = [
	{ width: 1366, height: 768 },
	{ width: 1440, height: 900 },
	{ width: 1920, height: 1080 }
] as const;
const SHOTS = 'test-results/screenshots';

let browser: Browser;
let page: Page;

/** How far the page itself scrolls sideways, and how the first table sits in its box. */
function measure(p: Page) {
	return p.evaluate(() => {
		const box = document.querySelector<HTMLElement>('.plan-table .scroll');
		const table = box?.querySelector('table');
		return {
			scrollWidth: document.documentElement.scrollWidth,
			innerWidth: window.innerWidth,
			boxClient: box?.clientWidth ?? -1,
			boxScroll: box?.scrollWidth ?? -1,
			tableWidth: table?.getBoundingClientRect().width ?? -1
		};
	});
}

const row = (rowId: string) => page.locator(`tr[data-row-id="${rowId}"]`);
const rowOrder = () => page.locator('tr[data-row-id]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-row-id') ?? ''));
const activeInfo = () =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { action: el?.dataset.action ?? null, row: el?.closest('tr')?.dataset.rowId ?? null, role: el?.getAttribute('role') ?? null, text: el?.textContent ?? '' };
	});

describe('the plan table fits the screen', () => {
	beforeAll(async () => {
		await resetDemo();
		await writeWarningsPlan(JH, '2024', 'u-samordnare-jh');
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
		await signIn(page, 'samordnare@region-jh.example');
		mkdirSync(SHOTS, { recursive: true });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('has no page-level sideways scroll at 1366, 1440 and 1920 px, and the table fills its frame', async () => {
		const figures: string[] = [];
		for (const [url, name] of [
			[PLAN, '2024'],
			[PLAN_2023, '2023']
		] as const) {
			await page.goto(url);
			await page.locator('td[data-row-id]').first().waitFor();
			for (const size of SIZES) {
				await page.setViewportSize(size);
				await page.waitForTimeout(200);
				const m = await measure(page);
				figures.push(`${name} ${size.width}×${size.height}: page ${m.scrollWidth}/${m.innerWidth}, box ${m.boxScroll}/${m.boxClient}, table ${Math.round(m.tableWidth)}`);
				expect(m.scrollWidth, `${name} at ${size.width}`).toBeLessThanOrEqual(m.innerWidth);
				// The frame never runs past the table: the table is as wide as its box (or wider, scrolling inside).
				expect(Math.abs(m.boxScroll - Math.round(m.tableWidth))).toBeLessThanOrEqual(2);
				expect(m.boxScroll).toBeGreaterThanOrEqual(m.boxClient);
				if (size.width !== 1440) {
					// The first area's table at the top of the view, as a person scrolled to it sees it.
					await page.locator('section.area').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
					const suffix = name === '2024' ? '' : '-2023';
					await page.screenshot({ path: `${SHOTS}/plan${suffix}-${size.width}x${size.height}.png` });
					await page.evaluate(() => window.scrollTo(0, 0));
				}
			}
		}
		console.log(`[plan-layout] ${figures.join('\n[plan-layout] ')}`);
	});

	it('keeps the row number and the column headers in view when the table scrolls right and down in its box', async () => {
		// Narrow enough that the 2023 plan (X-mark columns) scrolls sideways inside its box, as beside a docked panel.
		await page.setViewportSize({ width: 1024, height: 700 });
		await page.goto(PLAN_2023);
		await page.locator('td[data-row-id]').first().waitFor();
		const box = page.locator('.plan-table .scroll').first();
		await box.scrollIntoViewIfNeeded();
		const scrolled = await box.evaluate((el) => {
			el.scrollLeft = el.scrollWidth;
			el.scrollTop = Math.min(400, el.scrollHeight - el.clientHeight);
			return { left: el.scrollLeft, top: el.scrollTop };
		});
		expect(scrolled.left).toBeGreaterThan(0);
		expect(scrolled.top).toBeGreaterThan(0);
		await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		const seen = await box.evaluate((el) => {
			const r = el.getBoundingClientRect();
			const x = r.left + 12;
			const header = document.elementFromPoint(r.left + r.width / 2, r.top + 6);
			// The row under the middle of the box's visible body (below the sticky header), and what is at its left edge.
			const headBottom = el.querySelector('thead')?.getBoundingClientRect().bottom ?? r.top;
			const bottom = Math.min(r.bottom, window.innerHeight);
			const midY = headBottom + (bottom - headBottom) / 2;
			const underLeft = document.elementFromPoint(x, midY);
			const rowUnder = document.elementFromPoint(r.left + r.width / 2, midY)?.closest('tr')?.dataset.rowId ?? null;
			return {
				at: `${underLeft?.tagName}.${underLeft?.className} @${Math.round(x)},${Math.round(midY)} box ${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}x${Math.round(r.height)}`,
				header: header?.closest('thead') !== null && header !== null,
				rowHead: underLeft?.closest('th.row-head') !== null && underLeft !== null,
				headRow: underLeft?.closest('tr')?.dataset.rowId ?? null,
				rowUnder,
				number: underLeft?.closest('th.row-head')?.querySelector('.row-number')?.textContent ?? null
			};
		});
		await page.screenshot({ path: `${SHOTS}/plan-2023-scrolled-1024x700.png` });
		expect(seen.header).toBe(true);
		expect(seen.rowHead, seen.at).toBe(true);
		expect(seen.headRow).toBe(seen.rowUnder);
		expect(seen.number).toMatch(/^\d+\.\d+$/);
		// The row number itself is inside the box's visible area.
		const numberBox = await row(seen.headRow ?? '').locator('.row-number').boundingBox();
		const boxRect = await box.boundingBox();
		expect(numberBox && boxRect && numberBox.x >= boxRect.x && numberBox.x + numberBox.width <= boxRect.x + boxRect.width).toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	});

	it('clamps a long cell and opens it in place with "Visa hela", by mouse and keyboard', async () => {
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(PLAN);
		const long = cell(page, 'jh25-1-01', 'effects');
		await long.locator('.text.clamped').waitFor();
		// A short cell has no button.
		expect(await cell(page, 'jh25-1-01', 'nextYear').locator('button.show-all').count()).toBe(0);
		const text = long.locator('.text');
		const closed = (await text.boundingBox())?.height ?? 0;
		// The whole text is in the DOM (screen readers read it): clamping is visual only.
		expect((await text.textContent())?.length).toBe(550);
		await long.getByRole('button', { name: 'Visa hela' }).click();
		await long.getByRole('button', { name: 'Visa mindre' }).waitFor();
		expect(await text.evaluate((el) => el.classList.contains('clamped'))).toBe(false);
		expect((await text.boundingBox())?.height ?? 0).toBeGreaterThan(closed + 20);
		// Opening did not start editing.
		expect(await long.locator('textarea').count()).toBe(0);
		await long.getByRole('button', { name: 'Visa mindre' }).click();
		await long.locator('.text.clamped').waitFor();

		// Keyboard: Tab from the cell reaches the button, Enter opens, Esc goes back to the cell.
		await long.focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('show-all'))).toBe(true);
		await page.keyboard.press('Enter');
		await long.getByRole('button', { name: 'Visa mindre' }).waitFor();
		await page.keyboard.press('Escape');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('effects');

		// The cell being edited shows all its text: the editor is at least as tall as the opened text.
		await page.keyboard.press('Enter');
		const editor = long.locator('textarea');
		await editor.waitFor();
		expect(await editor.evaluate((el) => el.scrollHeight <= el.clientHeight + 2)).toBe(true);
		await page.keyboard.press('Escape');
	});

	it('works the row menu by keyboard alone: open, move a row down, focus follows; Esc closes to the trigger', async () => {
		const before = await rowOrder();
		const at = before.indexOf('jh25-1-02');
		// Into the row head's tools with Enter, Tab on to the menu button.
		await row('jh25-1-02').locator('th.row-head').focus();
		await page.keyboard.press('Enter');
		expect((await activeInfo()).action).toBe('comments');
		await page.keyboard.press('Tab');
		expect((await activeInfo()).action).toBe('history');
		await page.keyboard.press('Tab');
		expect(await activeInfo()).toMatchObject({ action: 'menu', row: 'jh25-1-02' });

		// Esc closes and returns the focus to the trigger.
		await page.keyboard.press('ArrowDown');
		const menu = page.getByRole('menu');
		await menu.waitFor();
		await page.keyboard.press('Escape');
		await menu.waitFor({ state: 'detached' });
		expect(await activeInfo()).toMatchObject({ action: 'menu', row: 'jh25-1-02' });

		// Open with Enter; the first item has the focus; ArrowDown to "Flytta ned", Enter.
		await page.keyboard.press('Enter');
		await menu.waitFor();
		expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Flytta upp', 'Flytta ned', 'Ta bort']);
		expect(await activeInfo()).toMatchObject({ role: 'menuitem', action: 'up' });
		await page.keyboard.press('ArrowDown');
		expect(await activeInfo()).toMatchObject({ role: 'menuitem', action: 'down' });
		await page.keyboard.press('Enter');
		await menu.waitFor({ state: 'detached' });
		const expected = [...before];
		expected.splice(at, 2, before[at + 1], 'jh25-1-02');
		await expect.poll(rowOrder, { timeout: 15_000 }).toEqual(expected);
		// Focus followed the row to its new place, on its menu button, and its row is the current one.
		await expect.poll(activeInfo, { timeout: 5_000 }).toMatchObject({ action: 'menu', row: 'jh25-1-02' });
		expect(await row('jh25-1-02').evaluate((tr) => tr.classList.contains('current'))).toBe(true);
	});

	it('has no axe violations with the row menu open', async () => {
		await page.keyboard.press('ArrowDown');
		await page.getByRole('menu').waitFor();
		await expectNoAxeViolations(page);
		await page.keyboard.press('Escape');
		await page.getByRole('menu').waitFor({ state: 'detached' });
	});
});
