// Two people in two headless Chromium contexts sign in through the development inbox and co-edit
// the 2023 plan: live edits, two cells of one row, presence, one cell written at once (merged, or the
// conflict dialog for the same words), an open editor taking the other's change in, rows added and
// moved at once, offline edits replayed through the merge; axe-core on the sign-in, plan and dialog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { APP_URL, admin } from '../support/emulators';
import { cell, conflictDialog, editCell, expectNoAxeViolations, laterWriter, noticeTexts, rowMenuAction, signIn, twoPeople } from '../support/pages';

const PLAN = `${APP_URL}/plan/jamtland-harjedalen/2023`;
const ROWS = 'regions/jamtland-harjedalen/years/2023/rows';
const A = { email: 'samordnare@region-jh.example', name: 'Malin Samordnare', uid: 'u-samordnare-jh' };
const B = { email: 'ostersund@kommun.example', name: 'Östen Östersund', uid: 'u-ostersund' };

let browser: Browser;
let pageA: Page;
let pageB: Page;

async function storedValue(rowId: string, field: string): Promise<unknown> {
	const snap = await admin().db.doc(`${ROWS}/${rowId}`).get();
	return snap.get(`fields.${field}`);
}

/** What a closed cell shows. */
const cellText = (page: Page, rowId: string, field: string) => cell(page, rowId, field).locator('.text').textContent();

/** The text of one version in the conflict dialog: "theirs", "mine" or "proposal". */
const versionText = (dialog: Locator, version: string) => dialog.locator(`[data-version="${version}"] .cell-text`).textContent();

/** The notice above the table holding the version a conflict choice did not keep. */
const setAsideNotice = (page: Page, text: string) =>
	page.locator('[data-notice="setAside"]').filter({ has: page.locator('.saved-text', { hasText: text }) });

async function dismissNotices(page: Page) {
	while ((await page.locator('[data-notice]').count()) > 0) await page.locator('[data-notice]').first().getByRole('button', { name: 'Stäng meddelandet' }).click();
}

const anyNotice = async () => (await noticeTexts(pageA)).length + (await noticeTexts(pageB)).length > 0;


/** Both people open the same cell, then write their own text and leave it at the same moment. */
async function saveAtOnce(rowId: string, field: string, texts: [string, string]) {
	const editors = [pageA, pageB].map((page) => cell(page, rowId, field).locator('textarea'));
	for (const [i, page] of [pageA, pageB].entries()) {
		await cell(page, rowId, field).click();
		await editors[i].waitFor();
	}
	await Promise.all(
		editors.map(async (editor, i) => {
			await editor.fill(texts[i]);
			await editor.evaluate((el) => (el as HTMLTextAreaElement).blur());
		})
	);
}

/** The rows in table order as a page shows them. */
const rowOrder = (page: Page) => page.locator('tr[data-row-id]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-row-id') ?? ''));

/** The stored rows in the one table order: area, then position key by code units, then id. */
async function storedRows() {
	const snap = await admin().db.collection(ROWS).get();
	return snap.docs.map((d) => ({ id: d.id, area: d.get('area') as number, position: d.get('position') as unknown }));
}
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
async function storedOrder(): Promise<string[]> {
	const rows = await storedRows();
	for (const r of rows) expect(typeof r.position).toBe('string');
	return rows.sort((a, b) => a.area - b.area || byCodeUnits(String(a.position), String(b.position)) || byCodeUnits(a.id, b.id)).map((r) => r.id);
}

async function expectSameOrderEverywhere() {
	const stored = await storedOrder();
	for (const page of [pageA, pageB]) await expect.poll(() => rowOrder(page), { timeout: 15_000 }).toEqual(stored);
}

async function expectDistinctPositions() {
	const rows = await storedRows();
	expect(new Set(rows.map((r) => `${r.area}/${String(r.position)}`)).size).toBe(rows.length);
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

	it("takes someone else's saved text into an open editor at once, so replacing it is one's own edit and no conflict", async () => {
		await cell(pageB, 'jh23-1-05', 'nextYear').click();
		const editor = cell(pageB, 'jh23-1-05', 'nextYear').locator('textarea');
		await editor.waitFor();
		await editCell(pageA, 'jh23-1-05', 'nextYear', 'Samordnarens version');
		await cell(pageB, 'jh23-1-05', 'nextYear').getByText(`${A.name} redigerar`).waitFor({ state: 'detached' });
		await expect.poll(() => storedValue('jh23-1-05', 'nextYear'), { timeout: 10_000 }).toBe('Samordnarens version');
		// B's editor, still open and untouched, shows A's text without B doing anything.
		await expect.poll(() => editor.inputValue(), { timeout: 10_000 }).toBe('Samordnarens version');

		await editor.fill('Östersunds version');
		await editor.evaluate((el) => (el as HTMLTextAreaElement).blur());
		await cell(pageA, 'jh23-1-05', 'nextYear').getByText('Östersunds version').waitFor();
		expect(await storedValue('jh23-1-05', 'nextYear')).toBe('Östersunds version');
		expect(await conflictDialog(pageB).count()).toBe(0);
	});

	it('keeps both lines when two people append a line to the same cell at once, without a dialog', async () => {
		const [row, field] = ['jh23-1-04', 'outputs'];
		const base = String(await storedValue(row, field));
		const lines = ['Länsstyrelsen: två möten med kommunerna.', 'Östersund: en workshop om hemsändning.'];
		await saveAtOnce(row, field, [`${base}\n${lines[0]}`, `${base}\n${lines[1]}`]);

		// Both lines, each once, on a line of its own after the text both started from (the first stored
		// first); nothing was set aside or reported unsaved on either page.
		const bothIn = (v: unknown) => typeof v === 'string' && lines.every((l) => v.includes(l));
		await expect.poll(async () => bothIn(await storedValue(row, field)) || (await anyNotice()), { timeout: 20_000 }).toBe(true);
		for (const page of [pageA, pageB]) expect(await noticeTexts(page)).toEqual([]);
		const stored = String(await storedValue(row, field));
		expect([`${base}\n${lines[0]}\n${lines[1]}`, `${base}\n${lines[1]}\n${lines[0]}`]).toContain(stored);
		for (const page of [pageA, pageB]) await expect.poll(() => cellText(page, row, field), { timeout: 15_000 }).toBe(stored);
		for (const page of [pageA, pageB]) expect(await conflictDialog(page).count()).toBe(0);
		// Nothing is left to send that could change it again.
		for (const page of [pageA, pageB]) await expect.poll(() => page.locator('td.unsent').count(), { timeout: 15_000 }).toBe(0);
		expect(await storedValue(row, field)).toBe(stored);
	});

	it('asks the later of two people who changed the same word at once; the proposal keeps both words', async () => {
		const [row, field] = ['jh23-1-02', 'outputs'];
		const base = String(await storedValue(row, field));
		expect(base).toContain('yttrande');
		const words = ['remissvar', 'synpunkter'];
		const texts = words.map((w) => base.replace('yttrande', w)) as [string, string];
		await saveAtOnce(row, field, texts);

		const late = await laterWriter([pageA, pageB]);
		const [latePage, earlyPage] = late === 0 ? [pageA, pageB] : [pageB, pageA];
		const [mine, theirs] = [texts[late], texts[1 - late]];
		const dialog = conflictDialog(latePage);
		expect(await versionText(dialog, 'theirs')).toBe(theirs);
		expect(await versionText(dialog, 'mine')).toBe(mine);
		const proposal = await versionText(dialog, 'proposal');
		for (const w of words) expect(proposal).toContain(w);
		expect(await storedValue(row, field)).toBe(theirs);
		await expectNoAxeViolations(latePage);

		await dialog.getByRole('button', { name: 'Använd förslaget' }).click();
		await expect.poll(() => storedValue(row, field), { timeout: 15_000 }).toBe(proposal);
		for (const page of [earlyPage, latePage]) await expect.poll(() => cellText(page, row, field), { timeout: 15_000 }).toBe(proposal);
		expect(await conflictDialog(earlyPage).count()).toBe(0);
	});

	it("keeps one's own text when chosen, with the other's in a notice above the table", async () => {
		const [row, field] = ['jh23-3-02', 'outputs'];
		const base = String(await storedValue(row, field));
		expect(base).toContain('påbörjat');
		const texts: [string, string] = [base.replace('påbörjat', 'inlett'), base.replace('påbörjat', 'startat')];
		await saveAtOnce(row, field, texts);

		const late = await laterWriter([pageA, pageB]);
		const [latePage, earlyPage] = late === 0 ? [pageA, pageB] : [pageB, pageA];
		const [mine, theirs] = [texts[late], texts[1 - late]];
		await conflictDialog(latePage).getByRole('button', { name: 'Behåll min text' }).click();
		await expect.poll(() => storedValue(row, field), { timeout: 15_000 }).toBe(mine);
		for (const page of [earlyPage, latePage]) await expect.poll(() => cellText(page, row, field), { timeout: 15_000 }).toBe(mine);
		// The other's text was not lost: it is in the notice on the page of the person who chose.
		await setAsideNotice(latePage, theirs).waitFor();
		expect(await noticeTexts(latePage)).toHaveLength(1);
		expect(await conflictDialog(earlyPage).count()).toBe(0);
		await dismissNotices(latePage);
	});

	it("takes someone else's change of another part of a cell into one's open editor while one types, caret kept", async () => {
		const [row, field] = ['jh23-3-06', 'outputs'];
		const base = String(await storedValue(row, field));
		expect(base.startsWith('Fortsatt dialog')).toBe(true);
		await cell(pageA, row, field).click();
		const editorA = cell(pageA, row, field).locator('textarea');
		await editorA.waitFor();
		const theirs = base.replace('Fortsatt dialog', 'Löpande dialog');
		const bSaved = editCell(pageB, row, field, theirs);

		// A types at the end, one key every 100 ms (a save waits for a 1.5 s pause), until B's change has
		// shown in A's editor and ten keys more.
		const words = ' Regionen bjuder in till tre träffar under hösten och vintern.';
		let typed = '';
		let keysAfter = -1;
		while (keysAfter < 10) {
			const key = words[typed.length % words.length];
			await pageA.keyboard.type(key);
			typed += key;
			await pageA.waitForTimeout(100);
			if (keysAfter >= 0) keysAfter += 1;
			else if ((await editorA.inputValue()).startsWith('Löpande dialog')) keysAfter = 0;
			if (typed.length > 400) throw new Error("B's change never reached A's open editor");
		}
		await bSaved;
		// Every key A pressed, before and after B's change came in, landed at A's caret, at the end.
		expect(await editorA.inputValue()).toBe(theirs + typed);
		await editorA.evaluate((el) => (el as HTMLTextAreaElement).blur());
		await expect.poll(() => storedValue(row, field), { timeout: 15_000 }).toBe(theirs + typed);
		await expect.poll(() => cellText(pageB, row, field), { timeout: 15_000 }).toBe(theirs + typed);
		for (const page of [pageA, pageB]) expect(await conflictDialog(page).count()).toBe(0);
	});

	it('gives rows added by two people at once their own positions, and every page the stored order after each moves one', async () => {
		const before = await rowOrder(pageA);
		const button = (page: Page) => page.getByRole('button', { name: 'Lägg till insats i prioriterat område 2' });
		await Promise.all([button(pageA).click(), button(pageB).click()]);
		// Each page shows both new rows, in the stored order, and no two rows share a position.
		await expect.poll(async () => (await storedOrder()).length, { timeout: 15_000 }).toBe(before.length + 2);
		const added = (await storedOrder()).filter((id) => !before.includes(id));
		await expectSameOrderEverywhere();
		await expectDistinctPositions();
		const byWho = await Promise.all(added.map(async (id) => (await admin().db.doc(`${ROWS}/${id}`).get()).get('createdBy') as string));
		expect(new Set(byWho)).toEqual(new Set([A.uid, B.uid]));
		const mineOf = (uid: string) => added[byWho.indexOf(uid)];

		// Each moves their own new row up, at once.
		const positionsOf = async () => new Map((await storedRows()).filter((r) => added.includes(r.id)).map((r) => [r.id, r.position]));
		const afterAdd = await positionsOf();
		await Promise.all([rowMenuAction(pageA, mineOf(A.uid), 'up'), rowMenuAction(pageB, mineOf(B.uid), 'up')]);
		// Both moves landed: each new row has a new key.
		await expect.poll(async () => [...(await positionsOf())].filter(([id, p]) => afterAdd.get(id) !== p).length, { timeout: 15_000 }).toBe(2);
		await expectSameOrderEverywhere();
		await expectDistinctPositions();

		// A move after the race moves exactly one place, on both pages.
		const order = await storedOrder();
		const moved = mineOf(B.uid);
		const at = order.indexOf(moved);
		const expected = [...order];
		expected.splice(at - 1, 2, moved, order[at - 1]);
		await rowMenuAction(pageA, moved, 'up');
		await expect.poll(() => storedOrder(), { timeout: 15_000 }).toEqual(expected);
		await expectSameOrderEverywhere();
		await expectDistinctPositions();
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

	it('replays offline edits after the page is reopened through the merge: an appended line merges, the same word asks', async () => {
		const context = pageB.context();
		const same = { row: 'jh23-3-05', field: 'outputs' };
		const append = { row: 'jh23-3-04', field: 'outputs' };
		const sameBase = String(await storedValue(same.row, same.field));
		const appendBase = String(await storedValue(append.row, append.field));
		expect(sameBase).toContain('medverkat');
		const offlineText = sameBase.replace('medverkat', 'deltagit');
		const overtaking = sameBase.replace('medverkat', 'varit med');
		const lines = ['Samordnaren: en dragning till i december.', 'Östersund: planeringsdag i januari.'];

		// The previous test's edit has been confirmed and left the journal: nothing is waiting.
		await expect.poll(() => pageB.locator('td.unsent').count(), { timeout: 15_000 }).toBe(0);
		await context.setOffline(true);
		await pageB.getByText(/Du är offline/).waitFor();
		await editCell(pageB, same.row, same.field, offlineText);
		await editCell(pageB, append.row, append.field, `${appendBase}\n${lines[1]}`);
		await pageB.getByText('Du är offline. 2 ändringar väntar på att skickas.').waitFor();
		await pageB.close();
		await editCell(pageA, same.row, same.field, overtaking);
		await editCell(pageA, append.row, append.field, `${appendBase}\n${lines[0]}`);
		await expect.poll(() => storedValue(same.row, same.field), { timeout: 10_000 }).toBe(overtaking);
		await expect.poll(() => storedValue(append.row, append.field), { timeout: 10_000 }).toBe(`${appendBase}\n${lines[0]}`);

		await context.setOffline(false);
		pageB = await context.newPage();
		await pageB.goto(PLAN);
		// The appended line merges in on its own, after the line stored meanwhile…
		const merged = `${appendBase}\n${lines[0]}\n${lines[1]}`;
		await expect.poll(async () => (await storedValue(append.row, append.field)) === merged || (await noticeTexts(pageB)).length > 0, { timeout: 30_000 }).toBe(true);
		expect(await noticeTexts(pageB)).toEqual([]);
		expect(await storedValue(append.row, append.field)).toBe(merged);
		await expect.poll(() => cellText(pageA, append.row, append.field), { timeout: 15_000 }).toBe(merged);
		// …and the word both changed asks.
		const dialog = conflictDialog(pageB);
		await dialog.waitFor({ timeout: 30_000 });
		expect(await versionText(dialog, 'mine')).toBe(offlineText);
		expect(await versionText(dialog, 'theirs')).toBe(overtaking);
		expect(await storedValue(same.row, same.field)).toBe(overtaking);
		await dialog.getByRole('button', { name: 'Använd deras text' }).click();
		// Their text stays; one's own offline text is in the notice, to copy from.
		await setAsideNotice(pageB, offlineText).waitFor();
		await pageA.waitForTimeout(1000);
		expect(await storedValue(same.row, same.field)).toBe(overtaking);
		expect(await cellText(pageB, same.row, same.field)).toBe(overtaking);
		expect(await cellText(pageB, append.row, append.field)).toBe(merged);
		expect(await conflictDialog(pageA).count()).toBe(0);
	});
});
