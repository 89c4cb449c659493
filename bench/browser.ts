// Browser-to-browser latency: a cell saved in one Chromium page until the text shows in another,
// 50 edits, through the built app on the Hosting emulator.
import type { Page } from 'playwright-core';
import { launchBrowser, newPerson } from '../tests/support/browser';
import { APP_URL, clearInbox } from '../tests/support/emulators';
import { cell, signIn } from '../tests/support/pages';
import { seed } from '../scripts/seed';
import { FLOOR_FILE, fmt, summary } from './stats';
import { existsSync, readFileSync } from 'node:fs';

const EDITS = Number(process.env.BENCH_BROWSER_EDITS ?? 50);
const PLAN = `${APP_URL}/plan/jamtland-harjedalen/2023`;
const ROW = 'jh23-1-02';
const FIELD = 'nextYear';

await seed({ reset: true, quiet: true });
await clearInbox();
const browser = await launchBrowser();
const writer = (await newPerson(browser)).page;
const reader = (await newPerson(browser)).page;
await signIn(writer, 'samordnare@region-jh.example');
await signIn(reader, 'krokom@kommun.example');
await Promise.all([writer.goto(PLAN), reader.goto(PLAN)]);
const cellOf = (page: Page) => cell(page, ROW, FIELD);
await cellOf(writer).waitFor();
await cellOf(reader).waitFor();

// The reader's page records when each text first appears in the cell (its own clock, shared below).
await reader.evaluate(
	({ row, field }) => {
		const w = window as unknown as { seen: Record<string, number> };
		w.seen = {};
		const observer = new MutationObserver(() => {
			const text = document.querySelector(`td[data-row-id="${row}"][data-field="${field}"]`)?.textContent ?? '';
			const m = /bench-(\d+)-end/.exec(text);
			if (m && !(m[1] in w.seen)) w.seen[m[1]] = performance.timeOrigin + performance.now();
		});
		observer.observe(document.body, { subtree: true, childList: true, characterData: true });
	},
	{ row: ROW, field: FIELD }
);

const samples: number[] = [];
for (let i = 0; i < EDITS; i++) {
	await cellOf(writer).click();
	const editor = cellOf(writer).locator('textarea');
	await editor.waitFor();
	await editor.fill(`Mätning bench-${i}-end`);
	const savedAt = await editor.evaluate((el) => {
		(el as HTMLTextAreaElement).blur();
		return performance.timeOrigin + performance.now();
	});
	await reader.waitForFunction((n) => n in (window as unknown as { seen: Record<string, number> }).seen, String(i), { timeout: 15_000 });
	const seenAt = await reader.evaluate((n) => (window as unknown as { seen: Record<string, number> }).seen[n], String(i));
	samples.push(seenAt - savedAt);
}
const s = summary(samples);
console.log(`\nbench/browser — ${s.n} edits, cell saved in one Chromium page → text shown in another`);
console.log(`  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}`);
// The floor is bench/propagation's (a bare updateDoc to SDK listeners, allow-all rules), measured
// in the same run when both run (`npm run bench`, or `-- propagation browser`).
if (existsSync(FLOOR_FILE.path)) {
	const { at, floor } = JSON.parse(readFileSync(FLOOR_FILE.path, 'utf8')) as { at: string; floor: { p50: number; p99: number } };
	const ratio = s.p99 / floor.p99;
	console.log(`  p99 / the propagation floor's p99 (${fmt(floor.p99)}, measured ${at}) = ${ratio.toFixed(2)} (target ≤ 3: ${ratio <= 3 ? 'met' : 'NOT met'})`);
} else console.log('  (no propagation floor measured in this run: `npm run bench -- propagation browser` prints the ratio)');
await browser.close();
process.exit(0);
