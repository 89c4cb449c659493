// The network meeting in three Chromium contexts: the region's coordinator starts a
// meeting on the 2023 plan and leads it, two kommuner follow: the banner, the leader stepping a row
// and the followers' tables scrolling there, a follower typing on undisturbed, "follow" switched off,
// hands raised and lowered, the lead handed over, the end; axe-core in meeting mode. Then a second
// meeting in which the coordinator edits a cell: its minutes show the edit, and download as DOCX.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, admin, clearInbox, resetDemo } from '../support/emulators';
import { cell, editCell, expectNoAxeViolations, signIn } from '../support/pages';
import { JH, P } from '../support/plans';

const PLAN = `${APP_URL}/plan/${JH}/2023`;
const MEETINGS = `regions/${JH}/years/2023/meetings`;

let browser: Browser;
/** The coordinator (leads first), Östersund and Krokom (follow). */
let lead: Page;
let ost: Page;
let kro: Page;

const banner = (page: Page) => page.locator('[data-meeting-banner]');
const row = (page: Page, rowId: string) => page.locator(`tr[data-row-id="${rowId}"]`);
/** The row's number in its head: a click there focuses the head (not one of its buttons). */
const rowHead = (page: Page, rowId: string) => row(page, rowId).locator('th.row-head .row-number');

async function theMeeting() {
	const snap = await admin().db.collection(MEETINGS).get();
	expect(snap.size).toBe(1);
	return { id: snap.docs[0].id, data: snap.docs[0].data() };
}

/** Whether the whole row is inside the window (the page's viewport). */
async function inView(page: Page, rowId: string): Promise<boolean> {
	const box = await row(page, rowId).boundingBox();
	const vp = page.viewportSize();
	return !!box && !!vp && box.y >= 0 && box.y + box.height <= vp.height;
}

/** What has the focus: its tag, the cell it is in, and its value when it is an editor. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLTextAreaElement | null;
		const td = el?.closest<HTMLElement>('td[data-row-id]');
		return { tag: el?.tagName ?? null, rowId: td?.dataset.rowId ?? null, field: td?.dataset.field ?? null, value: el?.tagName === 'TEXTAREA' ? el.value : null };
	});

const scrollTop = (page: Page) => page.evaluate(() => window.scrollY);

describe('a network meeting on the 2023 plan', () => {
	beforeAll(async () => {
		await resetDemo();
		await clearInbox();
		browser = await launchBrowser();
		[lead, ost, kro] = await Promise.all([0, 1, 2].map(async () => (await newPerson(browser)).page));
		await signIn(lead, P.coordJH.email);
		await signIn(ost, P.ostersund.email);
		await signIn(kro, P.krokom.email);
		await Promise.all([lead, ost, kro].map((p) => p.goto(PLAN)));
		for (const p of [lead, ost, kro]) await cell(p, 'jh23-3-06', 'action').waitFor();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('the coordinator starts it; everyone sees the banner naming the leader and who takes part', async () => {
		// Only coordinators are offered the start.
		expect(await ost.locator('[data-meeting-action="start"]').count()).toBe(0);
		await lead.locator('[data-meeting-action="start"]').click();
		for (const p of [lead, ost, kro]) {
			await expect.poll(() => banner(p).textContent(), { timeout: 20_000 }).toContain('Mötesledare: Malin Samordnare');
			expect(await banner(p).getAttribute('role')).toBe('status');
		}
		// Everyone joined: the participants' documents, and the banner names them.
		for (const name of [P.coordJH.name, P.ostersund.name, P.krokom.name]) await expect.poll(() => banner(kro).textContent(), { timeout: 20_000 }).toContain(name);
		const m = await theMeeting();
		// The banner names the leader before her own page has joined (the join is its own write after
		// it sees the meeting): wait for the three participant documents, not only for the names.
		const joined = async () => (await admin().db.collection(`${MEETINGS}/${m.id}/participants`).get()).docs.map((d) => d.id).sort();
		await expect.poll(joined, { timeout: 20_000 }).toEqual([P.ostersund.uid, P.coordJH.uid, P.krokom.uid].sort());
		expect(await lead.locator('section.meeting').getAttribute('data-meeting-role')).toBe('leader');
		expect(await ost.locator('section.meeting').getAttribute('data-meeting-role')).toBe('participant');
		expect(await ost.locator('[data-toggle="follow"]').getAttribute('aria-pressed')).toBe('true');
		// Only the leader steps.
		expect(await ost.locator('[data-meeting-step]').count()).toBe(0);
	});

	it('the leader steps to the next row: the followers see it marked and scrolled into view', async () => {
		for (const p of [ost, kro]) await p.evaluate(() => window.scrollTo(0, 0));
		expect(await inView(ost, 'jh23-3-06')).toBe(false);
		// The leader's focus follows their active cell; then "Nästa rad" (two moves within the throttle: the last wins).
		await rowHead(lead, 'jh23-3-05').click();
		await lead.getByRole('button', { name: 'Nästa rad' }).click();
		await expect.poll(async () => (await theMeeting()).data.focus?.rowId, { timeout: 15_000 }).toBe('jh23-3-06');
		for (const p of [ost, kro]) {
			await expect.poll(() => row(p, 'jh23-3-06').getAttribute('class'), { timeout: 15_000 }).toContain('meeting-focus');
			await expect.poll(() => inView(p, 'jh23-3-06'), { timeout: 10_000 }).toBe(true);
			expect(await row(p, 'jh23-3-06').locator('[data-meeting-tag]').textContent()).toContain('Malin Samordnare');
		}
		expect(await row(ost, 'jh23-3-05').getAttribute('class')).not.toContain('meeting-focus');
	});

	it('a follower typing in a cell keeps the focus and the text while the leader moves', async () => {
		await cell(kro, 'jh23-3-06', 'nextYear').click();
		const editor = cell(kro, 'jh23-3-06', 'nextYear').locator('textarea');
		await editor.waitFor();
		await editor.fill('Krokom skriver');
		// The leader moves by keyboard (Alt+Page Up, three rows up) while Krokom types on.
		for (let i = 0; i < 3; i++) await lead.keyboard.press('Alt+PageUp');
		await expect.poll(async () => (await theMeeting()).data.focus?.rowId, { timeout: 15_000 }).toBe('jh23-3-03');
		await expect.poll(() => row(kro, 'jh23-3-03').getAttribute('class'), { timeout: 15_000 }).toContain('meeting-focus');
		await kro.keyboard.type(' vidare');
		expect(await focused(kro)).toEqual({ tag: 'TEXTAREA', rowId: 'jh23-3-06', field: 'nextYear', value: 'Krokom skriver vidare' });
		await kro.keyboard.press('Escape');
	});

	it('"Följ mötesledaren" switched off: the leader moves, the table stays', async () => {
		const toggle = kro.locator('[data-toggle="follow"]');
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		await kro.evaluate(() => window.scrollTo(0, 0));
		const before = await scrollTop(kro);
		await rowHead(lead, 'jh23-3-06').click();
		await expect.poll(() => row(kro, 'jh23-3-06').getAttribute('class'), { timeout: 15_000 }).toContain('meeting-focus');
		// Östersund, following, went there; Krokom did not.
		await expect.poll(() => inView(ost, 'jh23-3-06'), { timeout: 10_000 }).toBe(true);
		expect(await scrollTop(kro)).toBe(before);
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
	});

	it('hands: raised on a row, the leader sees the queue in order, lowered by oneself and by the leader', async () => {
		await rowHead(ost, 'jh23-2-01').click();
		await ost.getByRole('button', { name: 'Jag vill säga något om 2.1' }).click();
		// Östersund's hand is stored first (two browsers' writes reach the server in no set order).
		const m = await theMeeting();
		const hands = admin().db.collection(`${MEETINGS}/${m.id}/hands`);
		await expect.poll(async () => (await hands.get()).docs.map((d) => [d.id, d.get('rowId')]), { timeout: 15_000 }).toEqual([[P.ostersund.uid, 'jh23-2-01']]);
		await rowHead(kro, 'jh23-1-03').click();
		await kro.locator('[data-hand="raise"]').click();
		const queue = lead.locator('[data-meeting-hands] li');
		await expect.poll(() => queue.allTextContents(), { timeout: 15_000 }).toEqual([
			expect.stringContaining('1. Insats 2.1 – Östen Östersund'),
			expect.stringContaining('2. Insats 1.3 – Karin Krokom')
		]);
		// Krokom lowers their own; the leader lowers Östersund's.
		await kro.locator('[data-hand="lower"]').click();
		await expect.poll(() => queue.count(), { timeout: 15_000 }).toBe(1);
		await expectNoAxeViolations(lead);
		await lead.getByRole('button', { name: 'Ta ner Östen Östersunds hand' }).click();
		await expect.poll(() => queue.count(), { timeout: 15_000 }).toBe(0);
		await expect.poll(async () => (await hands.get()).size, { timeout: 15_000 }).toBe(0);
	});

	it('the leader hands the lead to Östersund, who then steps; axe finds nothing in meeting mode', async () => {
		await lead.locator('[data-meeting-handover]').selectOption(P.ostersund.uid);
		await lead.getByRole('button', { name: 'Lämna över', exact: true }).click();
		await expect.poll(() => ost.locator('section.meeting').getAttribute('data-meeting-role'), { timeout: 15_000 }).toBe('leader');
		await expect.poll(() => lead.locator('section.meeting').getAttribute('data-meeting-role'), { timeout: 15_000 }).toBe('participant');
		expect((await theMeeting()).data.leaderUid).toBe(P.ostersund.uid);
		for (const p of [lead, kro]) await expect.poll(() => banner(p).textContent(), { timeout: 15_000 }).toContain('Mötesledare: Östen Östersund');
		await ost.getByRole('button', { name: 'Föregående rad' }).click();
		await expect.poll(async () => (await theMeeting()).data.focus?.rowId, { timeout: 15_000 }).toBe('jh23-3-05');
		await expect.poll(() => row(lead, 'jh23-3-05').getAttribute('class'), { timeout: 15_000 }).toContain('meeting-focus');
		await expectNoAxeViolations(ost);
		await expectNoAxeViolations(kro);
	});

	it('the coordinator ends the meeting: the banner goes everywhere', async () => {
		await lead.locator('[data-meeting-action="end"]').click();
		for (const p of [lead, ost, kro]) await expect.poll(() => banner(p).count(), { timeout: 15_000 }).toBe(0);
		const m = await theMeeting();
		expect(m.data.endedAt).not.toBeNull();
		expect(m.data.focus).toBeNull();
		expect(await lead.locator('tr.meeting-focus').count()).toBe(0);
		await lead.locator('[data-meeting-action="start"]').waitFor();
	});

	it('minutes: a cell edited in a meeting shows before → after once it has ended, and the DOCX holds it', async () => {
		const NEW = 'Informera servicegivarna på nätverksmötet.';
		await lead.locator('[data-meeting-action="start"]').click();
		await banner(lead).waitFor({ timeout: 20_000 });
		await editCell(lead, 'jh23-3-06', 'action', NEW);
		const history = admin().db.collection(`regions/${JH}/years/2023/history`);
		await expect.poll(async () => (await history.where('rowId', '==', 'jh23-3-06').where('new', '==', NEW).get()).size, { timeout: 20_000 }).toBe(1);
		await lead.locator('[data-meeting-action="end"]').click();
		await expect.poll(() => banner(lead).count(), { timeout: 15_000 }).toBe(0);
		// The banner goes with the page's own write; the server has it a moment later.
		const latest = async () => (await admin().db.collection(MEETINGS).orderBy('startedAt', 'desc').limit(1).get()).docs[0];
		await expect.poll(async () => (await latest()).get('endedAt'), { timeout: 15_000 }).not.toBeNull();
		const ended = await latest();

		// "Tidigare möten" lists both meetings, the newest first; its minutes open from the keyboard.
		await expect.poll(() => lead.locator('[data-ended-meeting]').count(), { timeout: 15_000 }).toBe(2);
		expect(await lead.locator('[data-ended-meeting]').first().getAttribute('data-ended-meeting')).toBe(ended.id);
		await lead.locator(`[data-open-minutes="${ended.id}"]`).focus();
		await lead.keyboard.press('Enter');
		const minutes = lead.getByRole('dialog', { name: 'Minnesanteckningar' });
		const change = minutes.locator('[data-change-row="jh23-3-06"][data-change-field="action"]');
		await change.waitFor({ timeout: 20_000 });
		expect(await change.locator('.byline').textContent()).toContain('Insats 3.6, Planerade insatser – Ändrat av Malin Samordnare');
		expect(await change.locator('del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('proaktivt')]));
		expect((await change.locator('ins').allTextContents()).join(' ')).toContain('servicegivarna på nätverksmötet');
		expect(await minutes.locator('[data-minutes-participants]').textContent()).toContain('Malin Samordnare');
		await expectNoAxeViolations(lead);

		const [download] = await Promise.all([lead.waitForEvent('download'), minutes.locator('[data-minutes-download]').click()]);
		expect(download.suggestedFilename()).toMatch(/^minnesanteckningar-jamtland-harjedalen-2023-\d{4}-\d{2}-\d{2}\.docx$/);
		const zip = await JSZip.loadAsync(await readFile((await download.path()) ?? ''));
		const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
		expect(xml).toContain(NEW);
		expect(xml).toContain('Arbeta proaktivt');
	});
});
