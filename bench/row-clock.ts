// When a row first enters a page's DOM, by the page's own clock (ms from navigation start): a
// MutationObserver installed before any of the page's scripts. bench/bundle and bench/cold-load use it.
import type { BrowserContext, Page } from 'playwright-core';

/** Every page of `target` opened from now on notes when `selector` first matches. */
export async function watchRow(target: Page | BrowserContext, selector: string): Promise<void> {
	await target.addInitScript((sel: string) => {
		const w = window as unknown as { __rowAt?: number };
		new MutationObserver((_m, obs) => {
			if (w.__rowAt === undefined && document.querySelector(sel)) {
				w.__rowAt = performance.now();
				obs.disconnect();
			}
		}).observe(document, { childList: true, subtree: true });
	}, selector);
}

/** When the watched row entered `page`'s DOM; NaN when it has not. */
export function rowAt(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as { __rowAt?: number }).__rowAt ?? NaN);
}
