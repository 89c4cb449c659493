// The hand-in, in two headless Chromium contexts: the follow-up questions co-edited live (one answer
// written by both at once: merged, or the conflict dialog for the same words) with last year's
// answers beside them and the FTE total, locked with the plan; the plan downloaded as DOCX and XLSX
// through Hosting; next year's draft offered from this year's plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { APP_URL, admin } from '../support/emulators';
import { conflictDialog, expectNoAxeViolations, laterWriter, noticeTexts, signIn, twoPeople } from '../support/pages';

const JH = 'jamtland-harjedalen';
const PLAN = `${APP_URL}/plan/${JH}/2023`;
const A = { email: 'samordnare@region-jh.example' };
const B = { email: 'krokom@kommun.example' };

let browser: Browser;
let pageA: Page;
let pageB: Page;

const question = (page: Page, n: number) => page.locator('[data-question]').nth(n - 1);
const swedishNumber = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.'));

/** Question 5 starts empty in the seed: the answer two people write at once here. */
const Q5 = `regions/${JH}/years/2023/answers/q5-genomforande`;
const q5 = (page: Page) => question(page, 5).locator('textarea');
const storedQ5 = async (): Promise<unknown> => (await admin().db.doc(Q5).get()).get('fields.text');

const anyNotice = async () => (await noticeTexts(pageA)).length + (await noticeTexts(pageB)).length > 0;

/** Types into question 5 at its start or end (well within a save's typing pause), then leaves it. */
async function typeAt(page: Page, where: 'start' | 'end', text: string) {
	const box = q5(page);
	await box.focus();
	await box.evaluate((el, atEnd) => {
		const t = el as HTMLTextAreaElement;
		const at = atEnd ? t.value.length : 0;
		t.setSelectionRange(at, at);
	}, where === 'end');
	await box.pressSequentially(text);
	await box.blur();
}

/** The questions load when scrolled near (they sit below the table). */
async function openQuestions(page: Page) {
	const slot = page.locator('[data-questionnaire-slot]');
	await slot.or(page.locator('[data-question]').first()).first().waitFor();
	if ((await slot.count()) > 0) await slot.scrollIntoViewIfNeeded();
	await page.locator('[data-question]').first().waitFor();
}

async function staffTotal(page: Page): Promise<number> {
	const text = (await page.locator('[data-staff-total]').textContent()) ?? '';
	const m = /Totalt: ([\d,]+)/.exec(text);
	if (!m) throw new Error(`no total in "${text}"`);
	return swedishNumber(m[1]);
}

describe('the questionnaire, the exports and next year', () => {
	beforeAll(async () => {
		({ browser, pageA, pageB } = await twoPeople());
		await signIn(pageA, A.email);
		await signIn(pageB, B.email);
		await Promise.all([pageA.goto(PLAN), pageB.goto(PLAN)]);
		for (const p of [pageA, pageB]) await openQuestions(p);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it("shows the 2023 answers transcribed from the form, and they pass axe-core", async () => {
		await expect.poll(() => question(pageA, 2).locator('textarea').inputValue(), { timeout: 15_000 }).toContain('Stort fokus på semiobemannat');
		expect(await question(pageA, 1).locator('input[type="radio"]:checked').count()).toBe(5);
		await expectNoAxeViolations(pageA);
	});

	it('two people co-edit an answer live', async () => {
		const boxA = question(pageA, 2).locator('textarea');
		await boxA.focus();
		// Presence works in the questions as in the table: B sees who is in the field.
		await question(pageB, 2).locator('[data-answer-editor="u-samordnare-jh"]').getByText('Malin Samordnare skriver här').waitFor();
		await boxA.fill('Ny framtidsspaning: fler obemannade butiker.');
		await boxA.blur();
		await question(pageB, 2).locator('[data-answer-editor]').waitFor({ state: 'detached' });
		await expect
			.poll(() => question(pageB, 2).locator('textarea').inputValue(), { timeout: 15_000 })
			.toBe('Ny framtidsspaning: fler obemannade butiker.');

		// B changes a trend with the keyboard; A sees the choice move.
		const group = question(pageB, 1).getByRole('radiogroup').first();
		await group.getByLabel('Minskar', { exact: true }).check();
		await expect.poll(() => question(pageA, 1).getByRole('radiogroup').first().getByLabel('Minskar', { exact: true }).isChecked(), { timeout: 15_000 }).toBe(true);
	});

	it('two people writing one answer at once both keep their words without a dialog: appended at one place, or at two', async () => {
		await q5(pageA).fill('Första meningen.');
		await q5(pageA).blur();
		await expect.poll(() => storedQ5(), { timeout: 15_000 }).toBe('Första meningen.');
		await expect.poll(() => q5(pageB).inputValue(), { timeout: 15_000 }).toBe('Första meningen.');

		// Both append a sentence at the end at the same moment: both kept, the one stored first first.
		const added = [' Regionen ordnar träffar.', ' Krokom bjuder in.'];
		await Promise.all([typeAt(pageA, 'end', added[0]), typeAt(pageB, 'end', added[1])]);
		const either = [`Första meningen.${added[0]}${added[1]}`, `Första meningen.${added[1]}${added[0]}`];
		await expect.poll(async () => either.includes(String(await storedQ5())) || (await anyNotice()), { timeout: 20_000 }).toBe(true);
		for (const p of [pageA, pageB]) expect(await noticeTexts(p)).toEqual([]);
		const appended = String(await storedQ5());
		for (const p of [pageA, pageB]) await expect.poll(() => q5(p).inputValue(), { timeout: 15_000 }).toBe(appended);

		// One writes at the start while the other writes at the end.
		await Promise.all([typeAt(pageA, 'start', 'Inledning: '), typeAt(pageB, 'end', ' Sista meningen.')]);
		const both = `Inledning: ${appended} Sista meningen.`;
		await expect.poll(async () => (await storedQ5()) === both || (await anyNotice()), { timeout: 20_000 }).toBe(true);
		for (const p of [pageA, pageB]) expect(await noticeTexts(p)).toEqual([]);
		expect(await storedQ5()).toBe(both);
		for (const p of [pageA, pageB]) await expect.poll(() => q5(p).inputValue(), { timeout: 15_000 }).toBe(both);
		for (const p of [pageA, pageB]) expect(await conflictDialog(p).count()).toBe(0);
	});

	it('an answer both changed in the same word asks the later writer, and either choice keeps the other text in a notice', async () => {
		for (const [i, choice] of (['Behåll min text', 'Använd deras text'] as const).entries()) {
			const base = String(await storedQ5());
			const word = i === 0 ? 'Första' : /^Inledning: (\S+)/.exec(base)?.[1] ?? '';
			expect(base).toContain(word);
			const texts = [base.replace(word, `Malins${i}`), base.replace(word, `Karins${i}`)];
			await Promise.all([pageA, pageB].map(async (p, k) => {
				await q5(p).fill(texts[k]);
				await q5(p).blur();
			}));
			const late = await laterWriter([pageA, pageB]);
			const [latePage, earlyPage] = late === 0 ? [pageA, pageB] : [pageB, pageA];
			const [mine, theirs] = [texts[late], texts[1 - late]];
			const dialog = conflictDialog(latePage);
			await dialog.locator('[data-version="theirs"]').getByText(theirs, { exact: true }).waitFor();
			await dialog.locator('[data-version="mine"]').getByText(mine, { exact: true }).waitFor();
			expect(await storedQ5()).toBe(theirs);
			await dialog.getByRole('button', { name: choice }).click();

			const [kept, setAside] = choice === 'Behåll min text' ? [mine, theirs] : [theirs, mine];
			await expect.poll(() => storedQ5(), { timeout: 15_000 }).toBe(kept);
			for (const p of [pageA, pageB]) await expect.poll(() => q5(p).inputValue(), { timeout: 15_000 }).toBe(kept);
			// The version not chosen is on the chooser's page, to copy from.
			const notice = latePage.locator('[data-notice="setAside"]').filter({ has: latePage.locator('.saved-text', { hasText: setAside }) });
			await notice.waitFor();
			expect(await noticeTexts(latePage)).toHaveLength(1);
			expect(await conflictDialog(earlyPage).count()).toBe(0);
			await notice.getByRole('button', { name: 'Stäng meddelandet' }).click();
		}
	});

	it("a question's history shows the changes, and restoring one reaches the other page", async () => {
		await question(pageB, 2).locator('button[data-question-history]').click();
		const dialog = pageB.getByRole('dialog', { name: 'Historik för fråga 2' });
		const byA = dialog.locator('[data-answer-history-entry][data-by="u-samordnare-jh"]');
		await byA.filter({ hasText: 'Ny framtidsspaning' }).first().waitFor();
		const seeded = byA.filter({ hasText: 'Stort fokus på semiobemannat' }).filter({ hasNotText: 'Ny framtidsspaning' });
		await expectNoAxeViolations(pageB);

		await seeded.first().getByRole('button', { name: /Återställ det här värdet från/ }).click();
		await expect.poll(() => question(pageA, 2).locator('textarea').inputValue(), { timeout: 15_000 }).toContain('Stort fokus på semiobemannat');
		// The restore is a change of its own, by B, and A's text can come back the same way.
		await dialog.locator('[data-answer-history-entry][data-by="u-krokom"]').first().waitFor();
		await byA.filter({ hasText: 'Ny framtidsspaning' }).first().getByRole('button', { name: /Återställ det här värdet från/ }).click();
		await expect
			.poll(() => question(pageA, 2).locator('textarea').inputValue(), { timeout: 15_000 })
			.toBe('Ny framtidsspaning: fler obemannade butiker.');
		await pageB.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
	});

	it('adds a person with a Swedish decimal comma and both pages show the new FTE total', async () => {
		const before = await staffTotal(pageA);
		const staff = question(pageA, 3);
		await staff.getByRole('button', { name: /Lägg till person/ }).first().click();
		const names = staff.locator('fieldset').first().locator('tr[data-person]');
		const last = names.last();
		await last.getByLabel(/^Namn/).fill('Testa Testsson');
		await last.getByLabel(/^Årsarbetskrafter/).fill('0,25');
		await last.getByLabel(/^Årsarbetskrafter/).blur();
		await expect.poll(() => staffTotal(pageA), { timeout: 10_000 }).toBeCloseTo(before + 0.25, 5);
		await expect.poll(() => staffTotal(pageB), { timeout: 15_000 }).toBeCloseTo(before + 0.25, 5);

		await last.getByLabel(/^Årsarbetskrafter/).fill('en kvart');
		await staff.getByText('Skriv årsarbetskrafter som ett tal').waitFor();
	});

	it('locks the answers on every page when the plan is submitted', async () => {
		const { db } = admin();
		await db.doc(`regions/${JH}/years/2023`).update({
			status: 'submitted',
			submission: { by: 'u-samordnare-jh', byName: 'Malin Samordnare', at: new Date(), rowsPerArea: { '1': 14 }, rowCount: 14, contentHash: 'a'.repeat(64) }
		});
		for (const p of [pageA, pageB]) {
			await p.locator('[data-answers-readonly]').waitFor();
			expect(await question(p, 2).locator('textarea').getAttribute('readonly')).not.toBeNull();
			expect(await question(p, 1).locator('input[type="radio"]').first().isDisabled()).toBe(true);
		}
		await db.doc(`regions/${JH}/years/2023`).update({ status: 'draft' });
		await pageA.locator('[data-answers-readonly]').waitFor({ state: 'hidden' });
	});

	it("shows last year's answers beside next year's questions", async () => {
		await pageB.goto(`${APP_URL}/plan/${JH}/2024`);
		await openQuestions(pageB);
		await question(pageB, 2).getByText('Svar 2023:').waitFor();
		await question(pageB, 2).locator('.last-year').getByText('Ny framtidsspaning: fler obemannade butiker.').waitFor();
		await expectNoAxeViolations(pageB);
	});

	it('downloads the plan as DOCX and XLSX through the app', async () => {
		for (const format of ['docx', 'xlsx'] as const) {
			const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.locator(`button[data-export="${format}"]`).click()]);
			expect(download.suggestedFilename()).toBe(`handlingsplan-${JH}-2023.${format}`);
			const bytes = await readFile((await download.path()) ?? '');
			expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
		}
		await pageA.getByText('Filen är nedladdad.').waitFor();
	});

	it("offers to open next year's plan when it exists already", async () => {
		await pageA.locator('button[data-next-year]').click();
		const dialog = pageA.getByRole('dialog', { name: 'Skapa planen för 2024' });
		await dialog.getByText('Planen för 2024 finns redan.').waitFor();
		await expectNoAxeViolations(pageA);
		await dialog.getByRole('link', { name: 'Öppna planen för 2024' }).click();
		await pageA.waitForURL(`${APP_URL}/plan/${JH}/2024`);
		await openQuestions(pageA);
	});
});
