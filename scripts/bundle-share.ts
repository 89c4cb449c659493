// Whose bytes a browser script is: each script's gzip size shared out over the sources its source map
// names, in proportion to the bytes each produced, and grouped as the Firebase SDK, the Svelte and
// SvelteKit runtime, or the app (its own code and its other libraries). bench/bundle prints the result.
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

export type Share = 'firebase' | 'framework' | 'app';

/** The package a source path comes from ("@firebase/auth", "svelte"), or null for the app's own files. */
export function packageOf(source: string): string | null {
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
	return m ? m[1] : null;
}

/** Firebase's packages and what only they pull in; Svelte and SvelteKit's runtime; the rest is the app's. */
export function shareOf(pkg: string | null): Share {
	if (pkg === null) return 'app';
	if (pkg === 'firebase' || pkg.startsWith('@firebase/') || pkg === 'idb' || pkg === 're2js' || pkg === 'tslib') return 'firebase';
	if (pkg === 'svelte' || pkg === '@sveltejs/kit' || pkg === 'devalue' || pkg === 'esm-env' || pkg === 'clsx') return 'framework';
	return 'app';
}

/**
 * Raw bytes per source of one generated script: each mapping's span (to the next mapping) counts for its
 * source; bytes before the first mapping or without a source count as '(unmapped)'.
 */
export function bytesBySource(code: string, map: RawSourceMap): Map<string, number> {
	const consumer = new SourceMapConsumer(map);
	const lineStart: number[] = [];
	let offset = 0;
	for (const line of code.split('\n')) {
		lineStart.push(offset);
		offset += line.length + 1;
	}
	const spans: { at: number; source: string }[] = [];
	consumer.eachMapping((m) => spans.push({ at: lineStart[m.generatedLine - 1] + m.generatedColumn, source: m.source ?? '(unmapped)' }), null, SourceMapConsumer.GENERATED_ORDER);
	const out = new Map<string, number>();
	const add = (source: string, n: number) => n > 0 && out.set(source, (out.get(source) ?? 0) + n);
	add('(unmapped)', spans.length ? spans[0].at : code.length);
	spans.forEach((s, i) => add(s.source, (i + 1 < spans.length ? spans[i + 1].at : code.length) - s.at));
	return out;
}

/** A script's gzip size shared out by group: unmapped bytes (chunk glue) count as the app's. */
export function sharesOf(code: string, map: RawSourceMap | null, gzipBytes: number): Record<Share, number> {
	const out: Record<Share, number> = { firebase: 0, framework: 0, app: 0 };
	if (!map) {
		out.app += gzipBytes;
		return out;
	}
	const bySource = bytesBySource(code, map);
	const total = [...bySource.values()].reduce((a, b) => a + b, 0);
	for (const [source, n] of bySource) out[shareOf(source === '(unmapped)' ? null : packageOf(source))] += (gzipBytes * n) / total;
	return out;
}
