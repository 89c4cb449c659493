// A coordinator runs the region's network from /natverk/jamtland-harjedalen in headless Chromium:
// adds an organisation, invites a newcomer who signs in through the development inbox and edits the
// 2024 plan, changes a role, removes members whose plan pages are open (one with an unsent edit),
// creates the 2025 plan from 2024's continuing rows and sets its reminders; axe-core on the page with
// every section and with each dialog open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPerson } from '../support/browser';
import { APP_URL, admin, signInLinkOf, waitForMail } from '../support/emulators';
import { cell, editCell, expectNoAxeViolations, signIn, signInFromMail, twoPeople } from '../support/pages';

const JH = 'jamtland-harjedalen';
const NETWORK = `${APP_URL}/natverk/${JH}`;
const PLAN_2024 = `${APP_URL}/plan/${JH}/2024`;
const COORDINATOR = { email: 'samordnare@region-jh.example', name: 'Malin Samordnare', uid: 'u-samordnare-jh' };
const NEWCOMER = { email: 'nora.nyman@energikontoret.example', name: 'Nora Nyman' };
const EDITOR = { email: 'ostersund@kommun.example', name: 'Östen Östersund', uid: 'u-ostersund' };
const REMOVED_TEXT = (region: string) => `Du har inte längre tillgång till ${region}. En samordnare har tagit bort dig från nätverket.`;

let browser: Browser;
let pageA: Page;
let pageB: Page;
let newcomerUid = '';
let newRowId = '';

const log = (page: Page) => page.locator('[data-audit-log]');
const memberRow = (page: Page, uid: string) => page.locator(`tr[data-member-uid="${uid}"]`);
const inviteForm = (page: Page) => page.locator('[data-invite-form]');

async function memberDoc(uid: string) {
	return (await admin().db.doc(`regions/${JH}/members/${uid}`).get()).data();
}

async function auditCount(): Promise<number> {
	return (await admin().db.collection(`regions/${JH}/audit`).get()).size;
}

describe('a coordinator runs the network', () => {
	beforeAll(async () => {
		({ browser, pageA, pageB } = await twoPeople());
		await signIn(pageA, COORDINATOR.email);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('reaches the network page from the start page and sees members, organisations, plans and log, free of axe violations', async () => {
		await pageA.getByRole('link', { name: 'Nätverk och medlemmar, Region Jämtland Härjedalen' }).click();
		await pageA.waitForURL(NETWORK);
		for (const name of ['Medlemmar', 'Organisationer', 'Planer', 'Logg']) await pageA.getByRole('heading', { level: 2, name, exact: true }).waitFor();
		await memberRow(pageA, EDITOR.uid).getByText('Aktiv', { exact: true }).waitFor();
		await memberRow(pageA, EDITOR.uid).getByText('Aldrig').waitFor();
		await pageA.locator('tr[data-org-id="krokom"]').getByText('Krokoms kommun').waitFor();
		await pageA.locator('tr[data-year="2024"]').getByRole('link', { name: /Öppna plan 2024/ }).waitFor();
		await pageA.getByText('Inga ändringar har registrerats ännu.').waitFor();
		// The only coordinator can be neither demoted nor removed.
		expect(await pageA.getByRole('button', { name: 'Ta bort Malin Samordnare från nätverket' }).count()).toBe(0);
		expect(await pageA.getByRole('combobox', { name: 'Roll för Malin Samordnare' }).count()).toBe(0);
		await expectNoAxeViolations(pageA);
	});

	it('catches a malformed address beside its field and sends nothing', async () => {
		const before = await auditCount();
		const form = inviteForm(pageA);
		await form.getByLabel('Namn', { exact: true }).fill('Nora Nyman');
		await form.getByLabel('E-postadress', { exact: true }).fill('nora.nyman@');
		await form.getByRole('button', { name: 'Skicka inbjudan' }).click();
		const email = form.getByLabel('E-postadress', { exact: true });
		await form.getByText('E-postadressen ser inte ut att stämma. Skriv den som namn@exempel.se.').waitFor();
		await form.getByText('Välj en organisation.').waitFor();
		expect(await email.getAttribute('aria-invalid')).toBe('true');
		expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
		const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
		expect(await pageA.locator(`[id="${describedBy}"]`).textContent()).toContain('E-postadressen ser inte ut att stämma');
		await expectNoAxeViolations(pageA);
		await pageA.waitForTimeout(500);
		expect(await auditCount()).toBe(before);
		expect((await admin().db.collection(`regions/${JH}/members`).where('name', '==', 'Nora Nyman').get()).size).toBe(0);
	});

	it('adds an organisation with its colour in a dialog, which the invite form then offers', async () => {
		await pageA.getByRole('button', { name: 'Lägg till organisation' }).click();
		const dialog = pageA.getByRole('dialog', { name: 'Lägg till organisation' });
		await dialog.waitFor();
		await dialog.getByLabel('Namn', { exact: true }).fill('Energikontoret Mitt');
		await dialog.getByLabel('Kortnamn').fill('Energi');
		await dialog.getByLabel('Typ').selectOption('annan');
		await dialog.getByLabel('Färg som hexkod').fill('#0B6E4F');
		await expectNoAxeViolations(pageA);
		await dialog.getByRole('button', { name: 'Spara' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await pageA.getByText('Energikontoret Mitt är sparad.').waitFor();
		const row = pageA.locator('tr', { hasText: 'Energikontoret Mitt' });
		await row.getByText('#0b6e4f').waitFor();
		await inviteForm(pageA).getByLabel('Organisation').locator('option', { hasText: 'Energikontoret Mitt' }).waitFor({ state: 'attached' });
		await log(pageA).getByText('Malin Samordnare lade till organisationen Energikontoret Mitt.').waitFor();
	});

	it('invites a newcomer: the invitation mail arrives and the list shows them as invited', async () => {
		const form = inviteForm(pageA);
		await form.getByLabel('E-postadress', { exact: true }).fill(NEWCOMER.email);
		await form.getByLabel('Organisation').selectOption({ label: 'Energikontoret Mitt' });
		await form.getByLabel('Roll', { exact: true }).selectOption('editor');
		await form.getByRole('button', { name: 'Skicka inbjudan' }).click();
		await form.getByText(`Inbjudan har skickats till ${NEWCOMER.name} (${NEWCOMER.email}).`, { exact: false }).waitFor();
		newcomerUid = (await admin().auth.getUserByEmail(NEWCOMER.email)).uid;
		const row = memberRow(pageA, newcomerUid);
		await row.getByText(/^Inbjuden – giltig till \d+ \S+ \d{4}$/).waitFor();
		await row.getByRole('button', { name: `Skicka ny inbjudan till ${NEWCOMER.name}` }).waitFor();
		await log(pageA).getByText(`Malin Samordnare bjöd in ${NEWCOMER.name} (redigerare, Energikontoret Mitt).`).waitFor();
		const mail = await waitForMail((m) => m.to === NEWCOMER.email && m.subject === 'Inbjudan till Planbordet – Region Jämtland Härjedalen');
		expect(signInLinkOf(mail)).toContain('/logga-in/bekrafta?');
	});

	it('lets the newcomer sign in through the mailed link in another browser, into exactly that region', async () => {
		const mail = await waitForMail((m) => m.to === NEWCOMER.email && m.subject.startsWith('Inbjudan till Planbordet'));
		await signInFromMail(pageB, signInLinkOf(mail), NEWCOMER.email);
		await pageB.getByTestId('signed-in-name').getByText(NEWCOMER.name).waitFor();
		await pageB.locator(`section[data-region-id="${JH}"]`).waitFor();
		expect(await pageB.locator('section[data-region-id]').evaluateAll((s) => s.map((x) => x.getAttribute('data-region-id')))).toEqual([JH]);
		// An editor is not offered the network page; opened anyway, it shows the lists without controls.
		expect(await pageB.getByRole('link', { name: /Nätverk och medlemmar/ }).count()).toBe(0);
		await pageB.goto(NETWORK);
		await pageB.getByText('Bara regionens samordnare kan ändra nätverket. Du kan se det men inte ändra.').waitFor();
		await memberRow(pageB, COORDINATOR.uid).getByText('Samordnare', { exact: true }).waitFor();
		await pageB.getByText('Loggen visas för regionens samordnare och Tillväxtverket.').waitFor();
		expect(await pageB.locator('[data-invite-form], [data-create-plan]').count()).toBe(0);
		expect(await pageB.getByRole('button', { name: /Ta bort|Ändra/ }).count()).toBe(0);
		await expectNoAxeViolations(pageB);
	});

	it('lets the newcomer edit a cell of the 2024 plan, and the coordinator sees them as active', async () => {
		await pageB.goto(PLAN_2024);
		await pageB.getByRole('button', { name: 'Lägg till insats i prioriterat område 1' }).click();
		const first = pageB.locator('td[data-row-id][data-field="action"]').first();
		await first.waitFor();
		newRowId = (await first.getAttribute('data-row-id')) ?? '';
		await cell(pageB, newRowId, 'action').click();
		const editor = cell(pageB, newRowId, 'action').locator('textarea');
		await editor.fill('Energirådgivning för butiker på landsbygden');
		await editor.evaluate((el) => (el as HTMLTextAreaElement).blur());
		await expect
			.poll(async () => (await admin().db.doc(`regions/${JH}/years/2024/rows/${newRowId}`).get()).get('fields.action'), { timeout: 15_000 })
			.toBe('Energirådgivning för butiker på landsbygden');

		const row = memberRow(pageA, newcomerUid);
		await row.getByText('Aktiv', { exact: true }).waitFor();
		expect(await row.getAttribute('data-member-status')).toBe('active');
		expect(await row.getByText('Aldrig').count()).toBe(0);
		await log(pageA).getByText(`${NEWCOMER.name} loggade in för första gången och är nu aktiv.`).waitFor();
	});

	it('changes a role through the list, and the region keeps its last coordinator', async () => {
		const lars = memberRow(pageA, 'u-lansstyrelsen');
		await lars.getByRole('combobox', { name: 'Roll för Lars Länsstyrelsen' }).selectOption('coordinator');
		await lars.getByRole('button', { name: 'Ändra roll för Lars Länsstyrelsen' }).click();
		await pageA.getByText('Lars Länsstyrelsen är nu samordnare.').waitFor();
		expect((await memberDoc('u-lansstyrelsen'))?.role).toBe('coordinator');
		// With two coordinators, Malin may be changed too; back to one, she may not.
		await pageA.getByRole('button', { name: 'Ta bort Malin Samordnare från nätverket' }).waitFor();
		await log(pageA).getByText('Malin Samordnare ändrade rollen för Lars Länsstyrelsen från redigerare till samordnare.').waitFor();
		await lars.getByRole('combobox', { name: 'Roll för Lars Länsstyrelsen' }).selectOption('editor');
		await lars.getByRole('button', { name: 'Ändra roll för Lars Länsstyrelsen' }).click();
		await pageA.getByText('Lars Länsstyrelsen är nu redigerare.').waitFor();
		expect((await memberDoc('u-lansstyrelsen'))?.role).toBe('editor');
		await pageA.getByRole('button', { name: 'Ta bort Malin Samordnare från nätverket' }).waitFor({ state: 'detached' });
	});

	it("removes a member whose plan page is open: that page says so at once, and they leave everyone's presence", async () => {
		const coordinatorPlan = await pageA.context().newPage();
		await coordinatorPlan.goto(PLAN_2024);
		await coordinatorPlan.locator(`[data-presence-uid="${newcomerUid}"]`).waitFor({ timeout: 20_000 });

		await memberRow(pageA, newcomerUid).getByRole('button', { name: `Ta bort ${NEWCOMER.name} från nätverket` }).click();
		const dialog = pageA.getByRole('dialog', { name: `Ta bort ${NEWCOMER.name} från nätverket?` });
		await dialog.getByText(/förlorar tillgången till Region Jämtland Härjedalen direkt/).waitFor();
		await dialog.getByText(/Namnet finns kvar på ändringar och kommentarer/).waitFor();
		await expectNoAxeViolations(pageA);
		await dialog.getByRole('button', { name: 'Ta bort från nätverket' }).click();

		const started = Date.now();
		await pageB.getByText(REMOVED_TEXT('Region Jämtland Härjedalen')).waitFor({ timeout: 10_000 });
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(await pageB.locator('td[data-row-id]').count()).toBe(0);
		await pageB.getByRole('link', { name: 'Till startsidan' }).waitFor();
		await expectNoAxeViolations(pageB);
		await coordinatorPlan.locator(`[data-presence-uid="${newcomerUid}"]`).waitFor({ state: 'detached', timeout: 10_000 });
		await pageA.getByText(`${NEWCOMER.name} har tagits bort från nätverket.`).waitFor();
		expect(await memberDoc(newcomerUid)).toBeUndefined();
		await log(pageA).getByText(`Malin Samordnare tog bort ${NEWCOMER.name} från nätverket.`).waitFor();
		await coordinatorPlan.close();
	});

	it('tells a removed member whose edit was still unsent that it could not be saved, with its text', async () => {
		let context: BrowserContext | null = null;
		try {
			const person = await newPerson(browser);
			context = person.context;
			const page = person.page;
			await signIn(page, EDITOR.email);
			await page.goto(PLAN_2024);
			await cell(page, newRowId, 'goal').waitFor();
			await context.setOffline(true);
			await page.getByText(/Du är offline/).waitFor();
			await editCell(page, newRowId, 'goal', 'Mål som inte hann sparas');
			await page.getByText('Du är offline. 1 ändring väntar på att skickas.').waitFor();

			await memberRow(pageA, EDITOR.uid).getByRole('button', { name: `Ta bort ${EDITOR.name} från nätverket` }).click();
			await pageA.getByRole('dialog', { name: `Ta bort ${EDITOR.name} från nätverket?` }).getByRole('button', { name: 'Ta bort från nätverket' }).click();
			await memberRow(pageA, EDITOR.uid).waitFor({ state: 'detached' });

			await context.setOffline(false);
			await page.getByText(REMOVED_TEXT('Region Jämtland Härjedalen')).waitFor({ timeout: 30_000 });
			const unsaved = page.locator('[data-unsaved-edits]');
			await unsaved.getByText('En ändring hann inte sparas och kan inte sparas nu.', { exact: false }).waitFor();
			await unsaved.getByText('Mål som inte hann sparas').waitFor();
			expect((await admin().db.doc(`regions/${JH}/years/2024/rows/${newRowId}`).get()).get('fields.goal') ?? '').toBe('');
		} finally {
			await context?.close();
		}
	});

	it('creates the 2025 plan from 2024 with its continuing rows, and it opens', async () => {
		// The newcomer's row continues into 2025 (set directly: choosing a status is the plan table's business).
		await admin().db.doc(`regions/${JH}/years/2024/rows/${newRowId}`).update({ 'fields.status': 'fortsatter', 'revs.status': 1 });
		await pageA.reload();
		const form = pageA.locator('[data-create-plan]');
		await expect.poll(() => form.getByLabel('Verksamhetsår').inputValue()).toBe('2025');
		await expect.poll(() => form.getByLabel('Formulär').inputValue()).toBe('rsp-2024');
		await form.getByLabel('Börja från förra årets fortsättande insatser').check();
		await expectNoAxeViolations(pageA);
		await form.getByRole('button', { name: 'Skapa planen' }).click();
		await pageA.waitForURL(`${APP_URL}/plan/${JH}/2025`);
		await pageA.getByText('Verksamhetsår 2025 · Utkast').waitFor();
		await pageA.locator('td[data-field="action"]').getByText('Energirådgivning för butiker på landsbygden').waitFor();
		const plan = (await admin().db.doc(`regions/${JH}/years/2025`).get()).data();
		expect(plan?.templateId).toBe('rsp-2024');
	});

	it('says a plan exists with a link to it, and refuses a year without a template without sending it', async () => {
		await pageA.getByRole('link', { name: 'Nätverk och medlemmar' }).click();
		await pageA.waitForURL(NETWORK);
		await log(pageA).getByText('Malin Samordnare skapade planen för 2025 på formuläret rsp-2024, med fortsättande insatser från 2024.').waitFor();
		const form = pageA.locator('[data-create-plan]');
		await form.getByLabel('Verksamhetsår').fill('2024');
		await form.getByRole('button', { name: 'Skapa planen' }).click();
		await form.getByText('Planen för 2024 finns redan.').waitFor();
		await form.getByRole('link', { name: 'Öppna planen för 2024' }).waitFor();

		await form.getByLabel('Verksamhetsår').fill('2031');
		await form.getByText('Tillväxtverket har inte publicerat något formulär för 2031.').waitFor();
		await form.getByRole('button', { name: 'Skapa planen' }).click();
		expect(await form.getByLabel('Formulär').getAttribute('aria-invalid')).toBe('true');
		await pageA.waitForTimeout(500);
		expect((await admin().db.doc(`regions/${JH}/years/2031`).get()).exists).toBe(false);
	});

	it("sets a year's reminder days in the plan page's own dialog, and the log says so", async () => {
		await pageA.getByRole('button', { name: 'Påminnelser och sista dag för 2025' }).click();
		const dialog = pageA.getByRole('dialog', { name: 'Påminnelser och sista dag' });
		await dialog.waitFor();
		await expectNoAxeViolations(pageA);
		await dialog.getByLabel('30 dagar före', { exact: true }).uncheck();
		await dialog.getByRole('button', { name: 'Spara' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await pageA.getByText('Sista dag och påminnelser för 2025 är sparade.').waitFor();
		expect((await admin().db.doc(`regions/${JH}/years/2025`).get()).get('reminderOffsets')).toEqual([14, 7, 2, 1]);
		await log(pageA).getByText('Malin Samordnare ändrade planen för 2025: påminnelser 14 dagar före, 7 dagar före, 2 dagar före och 1 dag före.').waitFor();
		await expectNoAxeViolations(pageA);
	});
});
