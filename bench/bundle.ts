// The JavaScript the plan page loads when a signed-in person opens a plan link in Chromium: every
// script response, gzipped (level 9), split into what arrived before the first row was visible (the
// first paint) and what loaded after it (idle or on use), and shared out by source map (an emulator
// build writes them; scripts/bundle-share.ts) into the Firebase SDK, Svelte/SvelteKit and the app.
// Targets (issue: fast when the room is full): the first paint's JavaScript ≤ 230 kB; everything but
// the Firebase SDK ≤ 40 kB. APP_BUDGET_KB is the app's own share as last measured: growing past it
// fails the bench (exit 1), so a change that adds to the first paint is seen at once.
import { gzipSync } from 'node:zlib';
import type { RawSourceMap } from 'source-map-js';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { APP_URL, clearInbox } from '../tests/support/emulators';
import { signIn } from '../tests/support/pages';
import { seed } from '../scripts/seed';
import { sharesOf, type Share } from '../scripts/bundle-share';
import { rowAt, watchRow } from './row-clock';

const TARGET_KB = 230;
const NON_FIREBASE_TARGET_KB = 40;
/** The app's own share of the first paint (its code and libraries, without Firebase, Svelte, SvelteKit): 86.4 kB measured 2026-12-03, +3 %. */
const APP_BUDGET_KB = 89;
const ROW = 'td[data-row-id="jh23-3-06"][data-field="action"]';

await seed({ quiet: true });
await clearInbox();
const browser = await launchBrowser();
const { context, page } = await newPerson(browser);
await signIn(page, 'lansstyrelsen@lst-jamtland.example');

// A fresh page in the signed-in context: a cold load of the plan URL, as opening a link does. The page
// notes when the row first enters the DOM (its own clock): a script it started fetching before that
// is the first paint's; one fetched after (when idle, or on use) is not.
const plan = await context.newPage();
await watchRow(plan, ROW);
const bodies = new Map<string, Buffer>();
plan.on('response', async (res) => {
	if (res.request().resourceType() !== 'script' || !res.url().startsWith(APP_URL)) return;
	bodies.set(res.url(), await res.body());
});
await plan.goto(`${APP_URL}/plan/jamtland-harjedalen/2023`);
await plan.locator(ROW).waitFor();
await plan.waitForTimeout(6000); // what loads when the browser is idle after the paint
const paintedAt = await rowAt(plan);
const timing = {
	rowAt: Number.isFinite(paintedAt) ? paintedAt : Infinity,
	started: await plan.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ url: e.name, at: e.startTime })))
};
const startedAt = new Map(timing.started.map((e) => [e.url, e.at]));
const scripts = [...bodies].map(([url, body]) => ({ url, body, firstPaint: (startedAt.get(url) ?? 0) < timing.rowAt }));

/** The script's source map beside it, or null (Hosting answers a missing file with the app's page). */
async function mapOf(url: string): Promise<RawSourceMap | null> {
	const res = await fetch(`${new URL(url).origin}${new URL(url).pathname}.map`);
	const text = res.ok ? await res.text() : '';
	return text.startsWith('{') ? (JSON.parse(text) as RawSourceMap) : null;
}

type Sum = Record<Share, number> & { total: number; files: number; unmapped: number };
const empty = (): Sum => ({ firebase: 0, framework: 0, app: 0, total: 0, files: 0, unmapped: 0 });
const sums = { firstPaint: empty(), later: empty() };
const rows: { file: string; gz: number; firstPaint: boolean }[] = [];
for (const s of scripts) {
	const gz = gzipSync(s.body, { level: 9 }).length;
	const map = await mapOf(s.url);
	const shares = sharesOf(s.body.toString('utf8'), map, gz);
	const sum = s.firstPaint ? sums.firstPaint : sums.later;
	for (const k of ['firebase', 'framework', 'app'] as const) sum[k] += shares[k];
	sum.total += gz;
	sum.files += 1;
	if (!map) {
		sum.unmapped += 1;
		console.log(`  (no source map for ${s.url})`);
	}
	rows.push({ file: new URL(s.url).pathname, gz, firstPaint: s.firstPaint });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
rows.sort((a, b) => b.gz - a.gz);
console.log(`\nbench/bundle — JavaScript of the plan page (cold load of a plan link), gzip level 9`);
for (const r of rows.slice(0, 8)) console.log(`  ${kb(r.gz).padStart(9)}  ${r.firstPaint ? 'first paint' : 'later      '}  ${r.file}`);
for (const [name, s] of [
	['first paint', sums.firstPaint],
	['loaded after it', sums.later]
] as const) {
	console.log(
		`  ${name}: ${kb(s.total)} in ${s.files} files — Firebase SDK ${kb(s.firebase)}, Svelte + SvelteKit ${kb(s.framework)}, the app ${kb(s.app)}` +
			(s.unmapped ? ` (${s.unmapped} files without a source map, counted as the app's)` : '')
	);
}
const fp = sums.firstPaint;
const nonFirebase = fp.framework + fp.app;
console.log(`  target: first paint ≤ ${TARGET_KB} kB: ${kb(fp.total)} — ${met(fp.total / 1024 <= TARGET_KB)}`);
console.log(`  target: everything but the Firebase SDK ≤ ${NON_FIREBASE_TARGET_KB} kB: ${kb(nonFirebase)} — ${met(nonFirebase / 1024 <= NON_FIREBASE_TARGET_KB)}`);
console.log(`  budget: the app's own share ≤ ${APP_BUDGET_KB} kB (as last measured): ${kb(fp.app)}`);
await browser.close();
if (fp.app / 1024 > APP_BUDGET_KB) {
	console.error(`bench/bundle: FAILED — the app's share of the first paint grew past its budget (${kb(fp.app)} > ${APP_BUDGET_KB} kB)`);
	process.exit(1);
}
process.exit(0);
