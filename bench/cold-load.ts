// A cold load of a plan link in Chromium until its first row is visible, beside the floor: the same
// load of a page that only initialises the Firebase SDK as the app does and reads the same rows
// (bench/cold-floor). Each round clears the browser's HTTP cache and opens both in a fresh tab of the
// signed-in context, in turn (the order alternating), so a slow moment of the machine falls on both.
// Target: the app within 1.5× the floor (p50).
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { APP_URL, clearInbox } from '../tests/support/emulators';
import { signIn } from '../tests/support/pages';
import { seed } from '../scripts/seed';
import { fmt, summary } from './stats';

const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 12);
const ROW = 'td[data-row-id="jh23-1-02"][data-field="action"]';
const TARGETS = { app: `${APP_URL}/plan/jamtland-harjedalen/2023`, floor: `${APP_URL}/bench-floor/index.html?region=jamtland-harjedalen&year=2023` } as const;
type Kind = keyof typeof TARGETS;

await seed({ quiet: true });
await clearInbox();
const browser = await launchBrowser();
const { context, page } = await newPerson(browser);
await signIn(page, 'lansstyrelsen@lst-jamtland.example');

async function coldLoad(ctx: BrowserContext, kind: Kind): Promise<number> {
	const tab = await ctx.newPage();
	const cdp = await ctx.newCDPSession(tab);
	await cdp.send('Network.clearBrowserCache');
	const started = Date.now();
	await tab.goto(TARGETS[kind], { waitUntil: 'commit' });
	await tab.locator(ROW).waitFor({ state: 'visible', timeout: 60_000 });
	const ms = Date.now() - started;
	await tab.close();
	return ms;
}

// One load of each first: the first ever load compiles and caches what later rounds would not.
for (const kind of ['app', 'floor'] as const) await coldLoad(context, kind);
const times: Record<Kind, number[]> = { app: [], floor: [] };
for (let r = 0; r < ROUNDS; r++) {
	const order: Kind[] = r % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
	for (const kind of order) times[kind].push(await coldLoad(context, kind));
}
await browser.close();

const app = summary(times.app);
const floor = summary(times.floor);
console.log(`\nbench/cold-load — a plan link opened cold (HTTP cache cleared) until its first row shows, ${ROUNDS} rounds`);
const line = (s: ReturnType<typeof summary>) => `p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)}`;
console.log(`  app:   ${line(app)}`);
console.log(`  floor: ${line(floor)}  (Firebase SDK initialised as the app does, the same rows read, no framework)`);
const ratio = app.p50 / floor.p50;
console.log(`  ratio p50 ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'}), p95 ${(app.p95 / floor.p95).toFixed(2)}×`);
process.exit(0);
