// The JavaScript the plan page loads: every script response while a signed-in person opens the
// 2023 plan in Chromium, gzipped (level 9) and summed. Target: at most 250 kB.
import { gzipSync } from 'node:zlib';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { APP_URL, clearInbox } from '../tests/support/emulators';
import { signIn } from '../tests/support/pages';
import { seed } from '../scripts/seed';

const TARGET_KB = 250;
await seed({ quiet: true });
await clearInbox();
const browser = await launchBrowser();
const { context, page } = await newPerson(browser);
await signIn(page, 'lansstyrelsen@lst-jamtland.example');

// A fresh page in the signed-in context: a cold load of the plan URL, as opening a link does.
const plan = await context.newPage();
const scripts = new Map<string, Buffer>();
plan.on('response', async (res) => {
	if (res.request().resourceType() !== 'script' || !res.url().startsWith(APP_URL)) return;
	scripts.set(res.url(), await res.body());
});
await plan.goto(`${APP_URL}/plan/jamtland-harjedalen/2023`);
await plan.locator('td[data-row-id="jh23-3-06"][data-field="action"]').waitFor();
await plan.waitForTimeout(1000);

let raw = 0;
let gz = 0;
const rows = [...scripts].map(([url, body]) => {
	const g = gzipSync(body, { level: 9 }).length;
	raw += body.length;
	gz += g;
	return { file: new URL(url).pathname, raw: body.length, gz: g };
});
rows.sort((a, b) => b.gz - a.gz);
console.log(`\nbench/bundle — JavaScript loaded by the plan page: ${rows.length} files`);
for (const r of rows.slice(0, 8)) console.log(`  ${(r.gz / 1024).toFixed(1).padStart(7)} kB gz  ${(r.raw / 1024).toFixed(1).padStart(7)} kB  ${r.file}`);
console.log(`  total: ${(gz / 1024).toFixed(1)} kB gzip (${(raw / 1024).toFixed(1)} kB raw); target ≤ ${TARGET_KB} kB: ${gz / 1024 <= TARGET_KB ? 'met' : 'NOT met'}`);
await browser.close();
process.exit(0);
