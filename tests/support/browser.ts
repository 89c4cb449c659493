// Headless Debian Chromium driven by playwright-core, each test person in a fresh context (its own
// profile, storage and IndexedDB), plus axe-core run inside the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']
	});
}

/** Content-Security-Policy violations seen in any page of any person since the last take (csp-guard.ts fails the test on them). */
const cspViolations: string[] = [];
export const takeCspViolations = (): string[] => cspViolations.splice(0);

/** Records every CSP violation in the context's pages: the page's own event, and Chromium's console report. */
async function watchCsp(context: BrowserContext) {
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
		});
	});
	context.on('console', (msg) => {
		const text = msg.text();
		if (text.startsWith('[csp-violation]') || /Content Security Policy/i.test(text)) cspViolations.push(`${msg.page()?.url() ?? '?'}: ${text}`);
	});
}

export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1400, height: 900 } });
	await watchCsp(context);
	const page = await context.newPage();
	page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
	return { context, page };
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: Array<{ target: string[]; html: string }>;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
	// Evaluated through DevTools, not as an inline <script> (addScriptTag), which the page's CSP refuses.
	await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
		const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
	});
}

export function describeViolations(violations: AxeViolation[]): string {
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join('\n  ')}`).join('\n');
}
