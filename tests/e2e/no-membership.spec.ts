// People without membership: an account whose membership was removed after it signed in sees a clear
// Swedish message and no plan data, also when opening a plan's address; and an account with no
// membership at all cannot sign in again (beforeUserSignedIn), which the confirm page says in Swedish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { confirmLink } from '../../src/lib/domain/sign-in-link';
import { launchBrowser, newPerson } from '../support/browser';
import { APP_URL, admin, resetDemo } from '../support/emulators';
import { expectNoAxeViolations } from '../support/pages';

const FORMER = 'tidigare@kommun.example';
const JH = 'jamtland-harjedalen';
let browser: Browser;
let page: Page;

async function openSignInLink(p: Page, address = FORMER): Promise<void> {
	const link = await admin().auth.generateSignInWithEmailLink(address, { url: `${APP_URL}/logga-in/bekrafta`, handleCodeInApp: true });
	await p.goto(`${APP_URL}/logga-in`);
	await p.evaluate((email) => localStorage.setItem('planbordet.signInEmail', email), address);
	await p.goto(confirmLink(link, APP_URL));
	await p.getByRole('button', { name: 'Logga in', exact: true }).click();
}

describe('a signed-in person whose membership was removed', () => {
	beforeAll(async () => {
		await resetDemo();
		const { auth, db } = admin();
		await auth.createUser({ uid: 'u-tidigare', email: FORMER, displayName: 'Tidigare Medlem', emailVerified: true });
		const member = db.doc(`regions/${JH}/members/u-tidigare`);
		await member.set({ email: FORMER, name: 'Tidigare Medlem', orgId: 'krokom', role: 'editor' });
		browser = await launchBrowser();
		page = (await newPerson(browser)).page;
		await openSignInLink(page);
		await page.waitForURL(`${APP_URL}/`);
		await page.locator(`[data-region-id="${JH}"]`).waitFor();
		// Removed behind the page's back, without removeMember: the page must not rely on being told.
		await member.delete();
		await page.reload();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('is told in Swedish that their account is not a member of any region', async () => {
		await page.getByText('Ditt konto är inte medlem i någon region i Planbordet. Kontakta regionens samordnare.').waitFor();
		expect(await page.locator('td[data-row-id]').count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('sees no plan data when opening a plan address directly', async () => {
		await page.goto(`${APP_URL}/plan/${JH}/2023`);
		await page.getByText(/Ditt konto är inte medlem i någon region|Du har inte behörighet att se den här planen/).first().waitFor();
		await page.waitForTimeout(1000);
		expect(await page.locator('td[data-row-id]').count()).toBe(0);
		expect(await page.getByText('Vara aktiv i dialog vid förändringar').count()).toBe(0);
	});

	it('cannot sign in again, and the confirm page says why in Swedish', async () => {
		const { page: fresh } = await newPerson(browser);
		await openSignInLink(fresh);
		await fresh.getByText('Adressen är inte inbjuden till Planbordet. Kontakta regionens samordnare.').waitFor();
		expect(fresh.url()).toContain('/logga-in/bekrafta');
		await expectNoAxeViolations(fresh);
	});

	it('with an invitation that ran out cannot sign in, and is told to ask for a new one', async () => {
		const late = 'sen@kommun.example';
		const { auth, db } = admin();
		await auth.createUser({ uid: 'u-sen', email: late, displayName: 'Sen Inbjuden' });
		const invitedAt = new Date(Date.now() - 20 * 86_400_000);
		await db.doc(`regions/${JH}/members/u-sen`).set({
			email: late,
			name: 'Sen Inbjuden',
			orgId: 'krokom',
			role: 'editor',
			status: 'invited',
			invitedAt,
			invitedBy: 'u-samordnare-jh',
			invitationExpiresAt: new Date(invitedAt.getTime() + 14 * 86_400_000),
			lastActiveAt: null
		});
		const { page: fresh } = await newPerson(browser);
		await openSignInLink(fresh, late);
		await fresh.getByText('Din inbjudan har gått ut (den gällde i 14 dagar). Be regionens samordnare att bjuda in dig igen.').waitFor();
		expect((await db.doc(`regions/${JH}/members/u-sen`).get()).get('status')).toBe('invited');
	});
});
