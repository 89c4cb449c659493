// Bundles the cold-load floor page (main.ts) into build/bench-floor/ for the Hosting emulator, minified
// as the app's own build is. Only `npm run bench` builds it; a deploy never carries it (build/ is rebuilt).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const out = new URL('../../build/bench-floor/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
await build({ entryPoints: [new URL('./main.ts', import.meta.url).pathname], outfile: `${out}main.js`, bundle: true, format: 'esm', minify: true, target: 'es2022', logLevel: 'warning' });
writeFileSync(
	`${out}index.html`,
	'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Floor</title><script type="module" src="./main.js"></script></head><body><table><tbody></tbody></table></body></html>\n'
);
