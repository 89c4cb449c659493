// `npm run typecheck` (and the first step of `npm test`): svelte-check for the app, `tsc --noEmit` for
// the rest (tsconfig.node.json: tests, scripts, bench, seed; tsconfig.functions.json: functions/src).
// Fails when any of them reports an error.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const started = Date.now();

// Once, before the checks: it writes the $app/tsconfig every project extends.
if (spawnSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

// Incremental, so a run after a small change takes about half the time: svelte-check keeps its cache
// in .svelte-kit/.svelte-check, tsc its build info under node_modules/.cache (both git-ignored).
const cache = 'node_modules/.cache/planbordet-typecheck';
const tsc = (/** @type {string} */ project) => ['tsc', '--noEmit', '-p', `${project}.json`, '--incremental', '--tsBuildInfoFile', `${cache}/${project}.tsbuildinfo`];
const checks = [
	{ name: 'app (svelte-check)', cmd: ['svelte-check', '--tsconfig', './tsconfig.json', '--incremental'] },
	{ name: 'tests, scripts, bench (tsc)', cmd: tsc('tsconfig.node') },
	{ name: 'functions (tsc)', cmd: tsc('tsconfig.functions') }
];

// In parallel, each one's output kept whole (not interleaved) and printed when it ends.
const results = await Promise.all(
	checks.map(
		(c) =>
			new Promise((done) => {
				const child = spawn('npx', c.cmd, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
				let output = '';
				child.stdout.on('data', (d) => (output += d));
				child.stderr.on('data', (d) => (output += d));
				child.on('close', (code) => {
					process.stdout.write(output.trim() ? `--- ${c.name}\n${output.trimEnd()}\n` : '');
					done({ name: c.name, ok: code === 0 });
				});
			})
	)
);

const failed = results.filter((r) => !r.ok);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failed.length > 0) {
	console.error(`typecheck: type errors in ${failed.map((r) => r.name).join(', ')} (${seconds} s)`);
	process.exit(1);
}
console.log(`typecheck: no type errors in ${checks.map((c) => c.name).join(', ')} (${seconds} s)`);
