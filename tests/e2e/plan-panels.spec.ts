// The side panels beside the plan at 1366×768 (docked: no page overflow, the table still edited, the
// "Gäller" select inside the panel), as a drawer when narrower (Esc closes, focus goes back), the
// @ list by keyboard, and projector mode (axe-clean, remembered over a reload). One person, one browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, resetDemo } from '../support/emulators';
import { writeWarningsPlan } from '../support/plan-fixture';
import { cell, expectNoAxeViolations, signIn } from '../support/pages';

const JH = 'jamtland-harjedalen';
const YEAR = '2024';
const PLAN = `${APP_URL}/plan/${JH}/${YEAR}`;
const ROW = 'jh25-1-01';
const OTHER = 'jh25-1-02';

let browser: Browser;
let page: Page;

const panel = () => page.locator('[data-comments-panel]');
const commentsButton = (rowId: string) => page.locator(`tr[data-row-id="${rowId}"] button[data-action="comments"]`);
const composer = () => panel().getByLabel('Kommentar', { exact: true });

type Box = { left: number; right: number; top: number; bottom: number; width: number };
const box = (selector: string) =>
	page.locator(selector).first().evaluate((el) => {
		const r = el.getBoundingClientRect();
		return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width } as Box;
	});
const pageOverflow = () => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement === document.querySelector(s), selector);

describe('side panels and projector mode at laptop size', () => {
	beforeAll(async () => {
		await resetDemo();
		await writeWarningsPlan(JH, YEAR, 'u-samordnare-jh');
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
		await page.setViewportSize({ width: 1366, height: 768 });
		await signIn(page, 'samordnare@region-jh.example');
		await page.goto(PLAN);
		await cell(page, ROW, 'action').waitFor();
		// Each test starts with projector mode off, whatever an earlier run left in this profile.
		await page.evaluate(() => localStorage.removeItem('planbordet:projector'));
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('docks the comments panel at 1366×768: no page overflow, the select inside, the table still edited', async () => {
		await commentsButton(ROW).click();
		await panel().waitFor();
		const select = panel().getByLabel('Gäller', { exact: true });
		await select.waitFor();

		// Docked, not a drawer: in the page's flow, beside the table, which keeps room to work.
		expect(await panel().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
		const aside = await box('[data-comments-panel]');
		const main = await box('.plan-main');
		expect(main.right).toBeLessThanOrEqual(aside.left);
		expect(main.width).toBeGreaterThanOrEqual(880);
		const { scrollWidth, innerWidth } = await pageOverflow();
		console.log(`plan-panels: 1366×768 docked scrollWidth ${scrollWidth}, innerWidth ${innerWidth}, table area ${Math.round(main.width)} px, panel ${Math.round(aside.width)} px`);
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

		// Every column title fits: choose the longest and the select still sits inside the panel's frame.
		const longest = await select.evaluate((el: HTMLSelectElement) => [...el.options].sort((a, b) => b.text.length - a.text.length)[0].value);
		await select.selectOption(longest);
		const sel = await box('[data-comments-panel] select');
		expect(sel.left).toBeGreaterThanOrEqual(aside.left);
		expect(sel.right).toBeLessThanOrEqual(aside.right);
		expect(await panel().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

		// The table beside it: a cell is clicked, edited and saved while the panel stays open.
		await cell(page, OTHER, 'goal').click();
		await page.keyboard.press('Enter');
		const editor = cell(page, OTHER, 'goal').locator('textarea');
		await editor.fill('Mål skrivet med panelen öppen');
		await page.keyboard.press('Tab');
		await page.waitForFunction(
			({ rowId }) => document.querySelector(`td[data-row-id="${rowId}"][data-field="goal"]`)?.textContent?.includes('Mål skrivet med panelen öppen'),
			{ rowId: OTHER }
		);
		expect(await panel().count()).toBe(1);

		await expectNoAxeViolations(page);
	});

	it('takes a name from the @ list by keyboard: one space after it, Esc closes only the list', async () => {
		const area = composer();
		await area.click();
		await area.pressSequentially('Hej @');
		const options = panel().locator('[role="listbox"] [role="option"]');
		await options.first().waitFor();
		const names = (await options.locator('.name').allTextContents()).map((n) => n.trim());
		expect(names.length).toBeGreaterThan(1);
		// The text area names the highlighted option (aria-activedescendant), and ArrowDown moves it.
		const active = () => area.evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.querySelector('.name')?.textContent?.trim() ?? null);
		await expect.poll(active).toBe(names[0]);
		await page.keyboard.press('ArrowDown');
		await expect.poll(active).toBe(names[1]);
		await expectNoAxeViolations(page);
		await page.keyboard.press('Enter');
		expect(await area.inputValue()).toBe(`Hej @${names[1]}`);
		await expect.poll(() => panel().locator('[role="listbox"]').count()).toBe(0);
		await page.keyboard.type(' och ');
		expect(await area.inputValue()).toBe(`Hej @${names[1]} och `);

		// Tab takes the highlighted name too, and the space typed after it is the only one.
		await page.keyboard.type('@');
		await options.first().waitFor();
		await page.keyboard.press('Tab');
		expect(await area.inputValue()).toBe(`Hej @${names[1]} och @${names[0]}`);
		await page.keyboard.type(' ');
		expect(await area.inputValue()).toBe(`Hej @${names[1]} och @${names[0]} `);
		expect(await area.inputValue()).not.toContain('  ');

		// A click on a name takes it as well, and leaves the focus in the text.
		await page.keyboard.type('@');
		await options.nth(1).click();
		expect(await area.inputValue()).toBe(`Hej @${names[1]} och @${names[0]} @${names[1]}`);
		expect(await area.evaluate((el) => document.activeElement === el)).toBe(true);
		await page.keyboard.type(' ');

		// Esc with the list open closes the list, and the panel stays; Esc again closes the panel.
		await page.keyboard.type('@');
		await options.first().waitFor();
		await page.keyboard.press('Escape');
		await expect.poll(() => panel().locator('[role="listbox"]').count()).toBe(0);
		expect(await panel().count()).toBe(1);
		expect(await area.inputValue()).toBe(`Hej @${names[1]} och @${names[0]} @${names[1]} @`);
		await page.keyboard.press('Escape');
		await panel().waitFor({ state: 'detached' });
		// The focus is back on the row's comment button that opened the panel.
		await expect.poll(() => focusedIs(`tr[data-row-id="${ROW}"] button[data-action="comments"]`)).toBe(true);
	});

	it('is a drawer over the table when the window is narrower: no overflow, Esc closes, focus returns', async () => {
		if ((await panel().count()) > 0) await panel().getByRole('button', { name: 'Stäng kommentarerna' }).click();
		await page.setViewportSize({ width: 1100, height: 768 });
		const toggle = page.locator('button[data-toggle="comments"]');
		await toggle.focus();
		await page.keyboard.press('Enter');
		await panel().waitFor();
		expect(await panel().evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
		const aside = await box('[data-comments-panel]');
		const { scrollWidth, innerWidth } = await pageOverflow();
		expect(aside.right).toBeLessThanOrEqual(innerWidth);
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
		await panel().getByRole('button', { name: 'Stäng kommentarerna' }).waitFor();
		// The focus went into the drawer, so Esc there closes it and gives the focus back to the toggle.
		await expect.poll(() => panel().evaluate((el) => el.contains(document.activeElement))).toBe(true);
		await page.keyboard.press('Escape');
		await panel().waitFor({ state: 'detached' });
		await expect.poll(() => focusedIs('button[data-toggle="comments"]')).toBe(true);

		// The activity panel behaves the same.
		await page.locator('button[data-toggle="activity"]').click();
		await page.locator('[data-activity-panel]').waitFor();
		await expect.poll(() => page.locator('[data-activity-panel]').evaluate((el) => el.contains(document.activeElement))).toBe(true);
		await page.keyboard.press('Escape');
		await page.locator('[data-activity-panel]').waitFor({ state: 'detached' });
		await expect.poll(() => focusedIs('button[data-toggle="activity"]')).toBe(true);
		await page.setViewportSize({ width: 1366, height: 768 });
	});

	it('projector mode: larger text, the current row marked, axe-clean with the panel docked, kept over a reload', async () => {
		await page.setViewportSize({ width: 1366, height: 768 });
		const toggle = page.locator('button[data-toggle="projector"]');
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
		expect(after / before).toBeCloseTo(1.25, 2);

		// The row of the active cell stands out from the other rows.
		await cell(page, OTHER, 'goal').click();
		const current = page.locator(`tr.current[data-row-id="${OTHER}"]`);
		await current.waitFor();
		const bg = (rowId: string) => cell(page, rowId, 'goal').evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(await bg(OTHER)).not.toBe(await bg(ROW));

		await commentsButton(OTHER).click();
		await panel().waitFor();
		expect(await panel().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
		const { scrollWidth, innerWidth } = await pageOverflow();
		const main = await box('.plan-main');
		console.log(`plan-panels: projector 1366×768 docked scrollWidth ${scrollWidth}, innerWidth ${innerWidth}, table area ${Math.round(main.width)} px`);
		expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
		await expectNoAxeViolations(page);

		await page.reload();
		await cell(page, ROW, 'action').waitFor();
		expect(await page.locator('button[data-toggle="projector"]').getAttribute('aria-pressed')).toBe('true');
		expect(await page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(true);
		await page.locator('button[data-toggle="projector"]').click();
		expect(await page.evaluate(() => [document.documentElement.classList.contains('projector'), localStorage.getItem('planbordet:projector')])).toEqual([false, null]);
	});
});
