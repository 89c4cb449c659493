// A cold load of a plan link until its first row is visible, beside the floor (bench/cold-floor: the
// Firebase SDK as the app initialises it, reading the same rows), in turns with the HTTP cache cleared,
// each load broken down by the page's own clock; docs/benchmarks.md says how. Target: ≤ 1.5× (p50).
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { APP_URL, clearInbox } from '../tests/support/emulators';
import { signIn } from '../tests/support/pages';
import { seed } from '../scripts/seed';
import { fmt, summary } from './stats';
import { rowAt, watchRow } from './row-clock';
import { LOAD_MARKS } from '../src/lib/load-marks';

const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 12);
const ROW = 'td[data-row-id="jh23-1-02"][data-field="action"]';
const TARGETS = { app: `${APP_URL}/plan/jamtland-harjedalen/2023`, floor: `${APP_URL}/bench-floor/index.html?region=jamtland-harjedalen&year=2023` } as const;
type Kind = keyof typeof TARGETS;

await seed({ quiet: true });
await clearInbox();
const browser = await launchBrowser();
const { context, page } = await newPerson(browser);
await signIn(page, 'lansstyrelsen@lst-jamtland.example');
// No other tab of the person keeps the app open: with the multi-tab cache, a tab already running
// Firestore would serve the new tab's listeners, which a cold open of a link from a mail does not have.
await page.goto('about:blank');

/** Milestones of one load, in ms from navigation start by the page's clock. */
interface Stages {
	scripts: number;
	auth: number;
	profile: number;
	planSession: number;
	row: number;
}
const STAGES = ['scripts', 'auth', 'profile', 'planSession', 'row'] as const;
const STAGE_LABEL: Record<(typeof STAGES)[number], string> = {
	scripts: 'first paint\'s last script arrived',
	auth: 'signed-in user known (app)',
	profile: 'profile read (app)',
	planSession: 'plan session started (app)',
	row: 'row in the DOM'
};

await watchRow(context, ROW);

async function coldLoad(ctx: BrowserContext, kind: Kind, stages?: Stages[]): Promise<number> {
	const tab = await ctx.newPage();
	const cdp = await ctx.newCDPSession(tab);
	await cdp.send('Network.clearBrowserCache');
	const started = Date.now();
	await tab.goto(TARGETS[kind], { waitUntil: 'commit' });
	await tab.locator(ROW).waitFor({ state: 'visible', timeout: 60_000 });
	const ms = Date.now() - started;
	// No named functions inside: tsx would wrap them in a helper the page does not have.
	const row = await rowAt(tab);
	const stage = await tab.evaluate(({ marks, paintedAt }) => {
		const at = Object.fromEntries(Object.entries(marks).map(([k, name]) => [k, performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN]));
		// The scripts of the first paint: those that arrived before the row showed (the rest load when idle).
		const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
			(e) => (e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name)) && e.responseEnd <= paintedAt
		);
		return { scripts: scripts.length && Number.isFinite(paintedAt) ? Math.max(...scripts.map((e) => e.responseEnd)) : NaN, auth: at.auth, profile: at.profile, planSession: at.planSession, row: paintedAt };
	}, { marks: LOAD_MARKS, paintedAt: row });
	stages?.push(stage);
	// Closed, not navigated away: a page left for about:blank stays alive in the back/forward cache
	// holding Firestore's multi-tab lease, and every next tab waited ~5 s for it (measured: p50 5.3 s).
	await tab.close();
	return ms;
}

// One load of each first: the first ever load compiles and caches what later rounds would not.
for (const kind of ['app', 'floor'] as const) await coldLoad(context, kind);
const times: Record<Kind, number[]> = { app: [], floor: [] };
const stages: Record<Kind, Stages[]> = { app: [], floor: [] };
for (let r = 0; r < ROUNDS; r++) {
	const order: Kind[] = r % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
	for (const kind of order) times[kind].push(await coldLoad(context, kind, stages[kind]));
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
console.log('  where the time goes (p50 by the page\'s clock, from navigation):   app · floor');
for (const k of STAGES) {
	const median = (kind: Kind) => summary(stages[kind].map((s) => s[k]).filter((x) => Number.isFinite(x))).p50;
	const show = (x: number) => (Number.isFinite(x) ? fmt(x) : '—');
	console.log(`    ${STAGE_LABEL[k].padEnd(38)} ${show(median('app')).padStart(10)} · ${show(median('floor'))}`);
}
process.exit(0);
