// Sign-off per organisation in two headless Chromium contexts: the region's coordinator (Region
// Jämtland Härjedalen) and Krokom's member each say "Vi står bakom planen"; both pages show the
// states live; an edit makes the sign-offs stale ("godkänd före senaste ändringar"), the submit
// checklist names the stale organisation (warning, then blocking once the settings say so), and
// the DOCX downloaded from the page lists the sign-offs. axe-core with the section open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { APP_URL, admin, clearInbox, client, waitForMail } from '../support/emulators';
import { cell, editCell, expectNoAxeViolations, signIn, twoPeople } from '../support/pages';
import { plan } from '../../src/lib/domain/schemas';

const JH = 'jamtland-harjedalen';
const YEAR = '2023';
const PLAN = `${APP_URL}/plan/${JH}/${YEAR}`;
const COORD = { email: 'samordnare@region-jh.example', orgId: 'region-jh', name: 'Malin Samordnare' };
const KROKOM = { email: 'krokom@kommun.example', orgId: 'krokom', name: 'Karin Krokom' };

let browser: Browser;
let pageA: Page;
let pageB: Page;

const panel = (page: Page) => page.locator('[data-sign-off-panel]');
const stateOf = (page: Page, orgId: string) => panel(page).locator(`tr[data-sign-off-org="${orgId}"]`).getAttribute('data-sign-off-state');
const signButton = (page: Page) => panel(page).getByRole('button', { name: 'Vi står bakom planen' });

/** Opens the "Godkännande" section (a disclosure, closed by default) once its table is there. */
async function openPanel(page: Page) {
	await panel(page).locator('summary').click();
	await panel(page).locator('tr[data-sign-off-org]').first().waitFor();
}

/** The state on both pages; a callable's first call waits for its cold start (longer under load). */
async function expectState(orgId: string, state: 'approved' | 'stale' | 'none', timeout = 20_000) {
	for (const p of [pageA, pageB]) await expect.poll(() => stateOf(p, orgId), { timeout }).toBe(state);
}

async function openSubmit(page: Page) {
	await page.getByRole('button', { name: 'Lämna in planen', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Lämna in planen' });
	await dialog.waitFor();
	return dialog;
}

/**
 * The first mail after the emulators start waits for sendMail's cold start, whose secret lookup only
 * gives up after a network timeout inside a network namespace: longer than signIn waits for its link.
 * One mail to a third person first (signIn's quota per address is left alone).
 */
async function warmUpMail() {
	const c = client();
	try {
		await c.call('requestSignInLink', { email: WARM_UP });
		await waitForMail((m) => m.to === WARM_UP, 150_000);
	} finally {
		await c.close();
	}
	await clearInbox();
}
const WARM_UP = 'ostersund@kommun.example';

describe('sign-off per organisation', () => {
	beforeAll(async () => {
		({ browser, pageA, pageB } = await twoPeople());
		await warmUpMail();
		await signIn(pageA, COORD.email);
		await signIn(pageB, KROKOM.email);
		await Promise.all([pageA.goto(PLAN), pageB.goto(PLAN)]);
		for (const p of [pageA, pageB]) await openPanel(p);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('lists every organisation of the network as not signed off, and passes axe-core with the section open', async () => {
		// Jämtland Härjedalen's network has ten organisations (seed/demo.json), none signed off yet.
		for (const p of [pageA, pageB]) {
			expect(await panel(p).locator('tr[data-sign-off-org]').count()).toBe(10);
			expect(await panel(p).locator('tr[data-sign-off-state="none"]').count()).toBe(10);
		}
		await panel(pageA).getByText('0 av 10 godkänt').waitFor();
		// Only the coordinator asks for sign-off and sees when each organisation was asked.
		await panel(pageA).getByRole('button', { name: 'Be om godkännande' }).waitFor();
		expect(await panel(pageB).getByRole('button', { name: 'Be om godkännande' }).count()).toBe(0);
		expect(await panel(pageB).locator('[data-sign-off-requested]').count()).toBe(0);
		await expectNoAxeViolations(pageA);
		await expectNoAxeViolations(pageB);
	});

	it('the coordinator signs off for the region: both pages show it approved, with who and when', async () => {
		await signButton(pageA).click();
		await expectState(COORD.orgId, 'approved', 90_000);
		for (const p of [pageA, pageB]) {
			const row = panel(p).locator(`tr[data-sign-off-org="${COORD.orgId}"]`);
			expect(await row.textContent()).toContain('godkänd');
			expect(await row.textContent()).toContain(COORD.name);
		}
		await panel(pageA).getByText('Er organisation har godkänt planen.').waitFor();
		// Approved and fresh: the action is gone for the region's own members.
		await signButton(pageA).waitFor({ state: 'detached' });
		expect(await signButton(pageB).count()).toBe(1);
	});

	it('Krokom signs off too; the coordinator asks the others and sees when those with members were asked', async () => {
		await signButton(pageB).click();
		await expectState(KROKOM.orgId, 'approved');
		await panel(pageA).getByText('2 av 10 godkänt').waitFor();

		await panel(pageA).getByRole('button', { name: 'Be om godkännande' }).click();
		await panel(pageA).locator('[data-sign-off-status]').getByText('2 organisationer har fått en förfrågan om godkännande.').waitFor({ timeout: 90_000 });
		// The six kommuner without members in the demo are named: nobody there to mail.
		await panel(pageA).locator('[data-sign-off-status]').getByText(/^Ingen förfrågan kunde skickas till Bergs kommun, /).waitFor();
		const stored = plan.parse((await admin().db.doc(`regions/${JH}/years/${YEAR}`).get()).data());
		// Only organisations with active members get a mail, and only they are recorded as asked.
		expect(Object.keys(stored.signOffRequests).sort()).toEqual(['lst-jamtland', 'ostersund']);
		for (const orgId of Object.keys(stored.signOffRequests)) {
			await expect.poll(() => panel(pageA).locator(`tr[data-sign-off-org="${orgId}"] [data-sign-off-requested]`).textContent(), { timeout: 15_000 }).not.toBe('Inte tillfrågad');
		}
	});

	it('an edit makes the sign-offs stale on both pages; the checklist names the stale organisation', async () => {
		await cell(pageA, 'jh23-1-01', 'goal').waitFor();
		await editCell(pageA, 'jh23-1-01', 'goal', 'Ett nytt mål efter godkännandet.');
		await expectState(KROKOM.orgId, 'stale');
		await expectState(COORD.orgId, 'stale');
		for (const p of [pageA, pageB]) {
			expect(await panel(p).locator(`tr[data-sign-off-org="${KROKOM.orgId}"]`).textContent()).toContain('godkänd före senaste ändringar');
		}
		// Stale: the action is back for both organisations; the coordinator signs off again.
		await signButton(pageB).waitFor();
		await signButton(pageA).click();
		await expectState(COORD.orgId, 'approved');

		const dialog = await openSubmit(pageA);
		const krokom = dialog.locator(`[data-sign-off-missing="${KROKOM.orgId}"]`);
		await krokom.waitFor();
		expect((await krokom.textContent())?.trim()).toBe('Krokoms kommun: godkänd före senaste ändringar');
		expect(await krokom.getAttribute('data-sign-off-level')).toBe('warn');
		expect(await dialog.locator(`[data-sign-off-missing="${COORD.orgId}"]`).count()).toBe(0);
		await dialog.getByRole('heading', { name: 'Har inte godkänt planen (hindrar inte inlämning)' }).waitFor();
		await expectNoAxeViolations(pageA);
		await dialog.getByRole('button', { name: 'Avbryt' }).click();
	});

	it('with "Stoppar inlämning" chosen in the settings, the checklist blocks the hand-in', async () => {
		await pageA.getByRole('button', { name: 'Påminnelser och sista dag' }).click();
		const settings = pageA.getByRole('dialog', { name: 'Påminnelser och sista dag' });
		await settings.getByLabel('Varnar').waitFor();
		expect(await settings.getByLabel('Varnar').isChecked()).toBe(true);
		await expectNoAxeViolations(pageA);
		await settings.getByLabel('Stoppar inlämning').check();
		await settings.getByRole('button', { name: 'Spara' }).click();
		await settings.waitFor({ state: 'detached' });
		await expect
			.poll(async () => plan.parse((await admin().db.doc(`regions/${JH}/years/${YEAR}`).get()).data()).signOffRequirement, { timeout: 15_000 })
			.toBe('block');

		const dialog = await openSubmit(pageA);
		await dialog.locator(`[data-sign-off-missing="${KROKOM.orgId}"][data-sign-off-level="block"]`).waitFor();
		await dialog.getByRole('heading', { name: 'Måste godkänna planen före inlämning' }).waitFor();
		await dialog.locator('[data-sign-off-blocks]').waitFor();
		expect(await dialog.getByRole('button', { name: 'Lämna in', exact: true }).count()).toBe(0);
		await expectNoAxeViolations(pageA);
		await dialog.getByRole('button', { name: 'Avbryt' }).click();
	});

	it('the DOCX downloaded from the page lists the sign-offs: state, who and when', async () => {
		const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.locator('button[data-export="docx"]').click()]);
		const zip = await JSZip.loadAsync(await readFile((await download.path()) ?? ''));
		const xml = await zip.file('word/document.xml')!.async('string');
		const rows = [...xml.matchAll(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|'));
		const row = (org: string) => rows.find((r) => r.startsWith(`${org}|`));
		expect(xml).toContain('Organisationernas godkännande');
		expect(row('Krokoms kommun')).toMatch(new RegExp(`^Krokoms kommun\\|godkänd före senaste ändringar\\|${KROKOM.name}\\|\\d`));
		expect(row('Region Jämtland Härjedalen')).toMatch(new RegExp(`^Region Jämtland Härjedalen\\|godkänd\\|${COORD.name}\\|\\d`));
		expect(row('Bergs kommun')).toBe('Bergs kommun|inte godkänd');
	});
});
