// Submitting locks the plan live on every open page; reopening with a reason unlocks it. A
// coordinator and an editor in two headless Chromium contexts; axe-core on the dialogs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { missingFields } from '../../src/lib/domain/completeness';
import { row as rowSchema, template as templateSchema } from '../../src/lib/domain/schemas';
import { APP_URL, admin, waitForMail } from '../support/emulators';
import { cell, expectNoAxeViolations, signIn, twoPeople } from '../support/pages';

const PLAN = `${APP_URL}/plan/jamtland-harjedalen/2023`;
const YEAR = 'regions/jamtland-harjedalen/years/2023';
const A = { email: 'samordnare@region-jh.example', name: 'Malin Samordnare' };
const B = { email: 'krokom@kommun.example', name: 'Karin Krokom' };

let browser: Browser;
let pageA: Page;
let pageB: Page;

async function storedMissing() {
	const { db } = admin();
	const t = templateSchema.parse((await db.doc('templates/rsp-2023').get()).data());
	const rows = (await db.collection(`${YEAR}/rows`).get()).docs.map((d) => ({ id: d.id, ...rowSchema.parse(d.data()) }));
	return missingFields(t, rows);
}

describe('submitting and reopening a plan', () => {
	beforeAll(async () => {
		({ browser, pageA, pageB } = await twoPeople());
		await signIn(pageA, A.email);
		await signIn(pageB, B.email);
		await Promise.all([pageA.goto(PLAN), pageB.goto(PLAN)]);
		for (const p of [pageA, pageB]) await cell(p, 'jh23-3-06', 'action').waitFor();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows the deadline banner, and the coordinator\'s reminder settings without axe violations', async () => {
		await pageA.locator('[data-deadline-banner]').getByText('31 januari 2024').waitFor();
		await pageA.getByRole('button', { name: 'Påminnelser och sista dag', exact: true }).click();
		const dialog = pageA.getByRole('dialog', { name: 'Påminnelser och sista dag' });
		await dialog.waitFor();
		await expectNoAxeViolations(pageA);
		await pageA.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		expect(await pageB.getByRole('button', { name: 'Påminnelser och sista dag', exact: true }).count()).toBe(0);
	});

	it("lists what is missing with the function's own completeness check, each item leading to its cell", async () => {
		const missing = await storedMissing();
		expect(missing.length).toBeGreaterThan(0);
		await pageA.getByRole('button', { name: 'Lämna in planen', exact: true }).click();
		const dialog = pageA.getByRole('dialog', { name: 'Lämna in planen' });
		await dialog.waitFor();
		for (const m of missing) await dialog.locator(`[data-missing-row="${m.rowId}"][data-missing-field="${m.field}"]`).waitFor();
		expect(await dialog.locator('[data-missing-row]').count()).toBe(missing.length);
		expect(await dialog.getByRole('button', { name: 'Lämna in', exact: true }).count()).toBe(0);
		await expectNoAxeViolations(pageA);
		const first = missing[0];
		await dialog.locator(`[data-missing-row="${first.rowId}"][data-missing-field="${first.field}"]`).click();
		await dialog.waitFor({ state: 'hidden' });
		const focused = await pageA.evaluate(() => {
			const td = document.activeElement?.closest('td');
			return td ? `${td.getAttribute('data-row-id')}/${td.getAttribute('data-field')}` : null;
		});
		expect(focused).toBe(`${first.rowId}/${first.field}`);
	});

	it('shows a row that cannot be read to the coordinator with what is wrong, tells the editor whom to ask, and repairs and deletes it', async () => {
		const { db } = admin();
		// What an older client or a console edit could leave: a NaN position and a number for a text,
		// and a row under an id that is no id.
		await db.doc(`${YEAR}/rows/e2e-trasig`).set({
			area: 1, position: NaN, fields: { action: 'Trasig insats från konsolen', goal: 42 }, revs: {},
			createdBy: 'u-krokom', updatedBy: 'u-krokom', updatedAt: new Date()
		});
		await db.doc(`${YEAR}/rows/rad med mellanslag`).set({
			area: 2, position: 1024, fields: { action: 'Insats med ogiltigt id' }, revs: {}, createdBy: 'u-krokom', updatedBy: 'u-krokom', updatedAt: new Date()
		});
		const block = pageA.locator('section[data-broken-rows]');
		const nan = block.locator('[data-broken-row="e2e-trasig"]');
		await nan.getByText('platsen i tabellen saknas eller är ogiltig').waitFor();
		await nan.getByText('fältet ”Mål” har ett värde av fel sort').waitFor();
		await nan.getByText('Trasig insats från konsolen').waitFor();
		await block.locator('[data-broken-row="rad med mellanslag"]').getByText('insatsens id är ogiltigt', { exact: false }).waitFor();
		await pageB.locator('[data-broken-rows]').getByText('Be regionens samordnare (Malin Samordnare)', { exact: false }).waitFor();
		expect(await pageB.getByRole('button', { name: 'Reparera', exact: true }).count()).toBe(0);
		await expectNoAxeViolations(pageA);

		// Repaired from the keyboard: the row comes back into the table, the goal emptied, the action kept.
		await nan.getByRole('button', { name: 'Reparera', exact: true }).focus();
		await pageA.keyboard.press('Enter');
		await cell(pageA, 'e2e-trasig', 'action').getByText('Trasig insats från konsolen').waitFor();
		await cell(pageB, 'e2e-trasig', 'action').getByText('Trasig insats från konsolen').waitFor();
		await nan.waitFor({ state: 'detached' });

		await block.locator('[data-broken-row="rad med mellanslag"]').getByRole('button', { name: 'Ta bort', exact: true }).click();
		const confirm = pageA.getByRole('dialog', { name: 'Ta bort insatsen?' });
		await confirm.getByRole('button', { name: 'Ta bort', exact: true }).click();
		await block.waitFor({ state: 'detached' });
		await pageB.locator('[data-broken-rows]').waitFor({ state: 'detached' });
		expect((await db.doc(`${YEAR}/rows/rad med mellanslag`).get()).exists).toBe(false);
		expect(rowSchema.parse((await db.doc(`${YEAR}/rows/e2e-trasig`).get()).data())).toMatchObject({ area: 1, fields: { action: 'Trasig insats från konsolen' }, updatedBy: 'u-samordnare-jh' });
		// The repaired row lacks the required cells: it goes, so the plan is as the next cases expect it.
		await db.doc(`${YEAR}/rows/e2e-trasig`).delete();
		await cell(pageA, 'e2e-trasig', 'action').waitFor({ state: 'detached' });
	});

	it('submits, and every open page turns read-only live, keeping an editor\'s unsaved text visible', async () => {
		const { db } = admin();
		for (const m of await storedMissing()) {
			await db.doc(`${YEAR}/rows/${m.rowId}`).update({ [`fields.${m.field}`]: m.field === 'status' ? 'klar' : 'Ifyllt inför inlämning' });
		}
		await pageA.reload();
		await cell(pageA, 'jh23-3-06', 'action').waitFor();

		// An open plan explains its keyboard use and the yellow of unsaved cells.
		await pageA.locator('[data-unsent-legend]').waitFor();
		expect(await pageA.getByText('Tabellen styrs med tangentbordet', { exact: false }).count()).toBe(1);

		await pageA.getByRole('button', { name: 'Lämna in planen', exact: true }).click();
		const dialog = pageA.getByRole('dialog', { name: 'Lämna in planen' });
		const confirm = dialog.getByRole('button', { name: 'Lämna in', exact: true });
		await confirm.waitFor();

		// The editor is still typing (never pausing long enough for the idle save) when the
		// coordinator submits; the typing ends when the lock takes the editor away.
		await cell(pageB, 'jh23-1-01', 'goal').click();
		const editor = cell(pageB, 'jh23-1-01', 'goal').locator('textarea');
		await editor.waitFor();
		await editor.pressSequentially(' Osparad');
		const typing = editor.pressSequentially(' rad som skrivs medan planen lämnas in och lite till', { delay: 120, timeout: 15_000 }).catch(() => undefined);
		await confirm.click();
		await typing;

		for (const p of [pageA, pageB]) await p.locator('[data-submitted-banner]').getByText(`Inlämnad av ${A.name}`).waitFor();
		await pageB.locator('[data-readonly="submitted"]').waitFor();
		// A locked plan cannot be edited: no keyboard help about editing, no legend for unsaved cells.
		for (const p of [pageA, pageB]) {
			await p.locator('[data-unsent-legend]').waitFor({ state: 'detached' });
			expect(await p.getByText('Tabellen styrs med tangentbordet', { exact: false }).count()).toBe(0);
		}
		expect(await pageB.locator('td[data-row-id] textarea').count()).toBe(0);
		await pageB.getByText('Planen lämnades in medan du skrev.').waitFor();
		await pageB.getByText(/Osparad rad/).first().waitFor();
		const year = (await db.doc(YEAR).get()).data();
		expect(year?.status).toBe('submitted');
		expect(year?.submission?.byName).toBe(A.name);

		const receipt = await waitForMail((m) => m.to === B.email && /inlämnad/i.test(m.subject));
		expect(receipt.parsed.text).toContain(A.name);
	});

	it('reopens with a reason of at least 10 characters, shown on every page and mailed to the members', async () => {
		await pageA.getByRole('button', { name: 'Öppna planen igen', exact: true }).click();
		const dialog = pageA.getByRole('dialog', { name: 'Öppna planen igen' });
		await dialog.waitFor();
		await expectNoAxeViolations(pageA);
		await dialog.getByLabel('Varför öppnas planen igen?').fill('Kort');
		await dialog.getByRole('button', { name: 'Öppna igen', exact: true }).click();
		await dialog.getByText('Skriv minst 10 tecken om varför planen öppnas igen.').waitFor();
		expect((await admin().db.doc(YEAR).get()).get('status')).toBe('submitted');

		const reason = 'Länsstyrelsen behöver komplettera område 2.';
		await dialog.getByLabel('Varför öppnas planen igen?').fill(reason);
		await dialog.getByRole('button', { name: 'Öppna igen', exact: true }).click();
		for (const p of [pageA, pageB]) await p.locator('[data-reopened-banner]').getByText(reason, { exact: false }).waitFor();
		await cell(pageB, 'jh23-1-02', 'nextYear').click();
		await cell(pageB, 'jh23-1-02', 'nextYear').locator('textarea').waitFor();
		const mail = await waitForMail((m) => m.to === B.email && (m.parsed.text ?? '').includes(reason));
		expect(mail.parsed.text).toContain(A.name);
	});
});
