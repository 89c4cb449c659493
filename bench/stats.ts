// Percentiles and the one-line report format every benchmark prints, and where bench/propagation
// leaves its floor for the benchmarks run after it.
import { resolve } from 'node:path';

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i];
}

export function summary(samples: number[]) {
	const s = [...samples].sort((a, b) => a - b);
	return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export function fmt(ms: number): string {
	return `${ms.toFixed(1)} ms`;
}

/** Where bench/propagation leaves its floor (git-ignored test-results/); scripts/bench.mjs removes it before a run. */
const FLOOR_DIR = resolve(import.meta.dirname, '..', 'test-results', 'bench');
export const FLOOR_FILE = { dir: FLOOR_DIR, path: resolve(FLOOR_DIR, 'propagation.json') };
