// Cold start of beforeUserSignedIn, which Identity Platform waits at most 7 s for: in a fresh Node
// process, the time to load the bundle and the time until the first sign-in is answered (a seeded
// member, against the Firestore emulator) — for the blocking codebase's own bundle
// (functions/src/blocking.ts), for the function inside the whole functions bundle (as it was before
// it got a codebase of its own), and for the floor: a bundle holding one blocking function that does
// nothing. Cloud Run's own container start comes on top and is the same for all three. Each variant
// runs RUNS times, interleaved; medians are reported, and each as a ratio to the floor.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { seed } from '../scripts/seed';
import { fmt, summary } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = resolve(import.meta.dirname, '..');
// Under node_modules so the bundles resolve the Firebase SDKs as the deployed packages do.
const dir = join(root, 'node_modules/.cache/planbordet-bench-blocking');
mkdirSync(dir, { recursive: true });
process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';

const entries: Record<string, string> = {
	floor: `import { beforeUserSignedIn } from 'firebase-functions/v2/identity';\nexport const f = beforeUserSignedIn({ region: 'europe-north1' }, async () => {});\n`,
	blocking: `export { beforeUserSignedIn as f } from ${JSON.stringify(join(root, 'functions/src/blocking.ts'))};\n`,
	whole: `export * from ${JSON.stringify(join(root, 'functions/src/index.ts'))};\nexport { beforeUserSignedIn as f } from ${JSON.stringify(join(root, 'functions/src/blocking.ts'))};\n`
};

const bundles: Record<string, string> = {};
for (const [name, source] of Object.entries(entries)) {
	const entry = join(dir, `${name}-entry.ts`);
	writeFileSync(entry, source);
	bundles[name] = join(dir, `${name}.js`);
	await build({ entryPoints: [entry], outfile: bundles[name], bundle: true, platform: 'node', target: 'node22', format: 'cjs', external: ['firebase-admin', 'firebase-functions', 'nodemailer'], logLevel: 'warning' });
}

// The child: load, then answer one sign-in; prints both times in ms.
const child = `
const t0 = performance.now();
const m = require(process.argv[1]);
const t1 = performance.now();
m.f.run({ data: { email: 'ostersund@kommun.example' } }).then(() => {
	console.log(JSON.stringify({ load: t1 - t0, answer: performance.now() - t0 }));
	process.exit(0);
}, (e) => { console.error(e); process.exit(1); });
`;

await seed({ quiet: true });
const samples: Record<string, { load: number[]; answer: number[] }> = {};
for (const name of Object.keys(bundles)) samples[name] = { load: [], answer: [] };
for (let i = 0; i < RUNS; i++) {
	for (const [name, file] of Object.entries(bundles)) {
		const out = execFileSync(process.execPath, ['-e', child, file], { env: { ...process.env, GCLOUD_PROJECT: 'demo-planbordet' }, encoding: 'utf8' });
		const { load, answer } = JSON.parse(out.trim().split('\n').at(-1) as string) as { load: number; answer: number };
		samples[name].load.push(load);
		samples[name].answer.push(answer);
	}
}

const floor = { load: summary(samples.floor.load).p50, answer: summary(samples.floor.answer).p50 };
console.log(`\nbench/blocking — beforeUserSignedIn cold start in a fresh Node process, median of ${RUNS} (Identity Platform allows 7 s)`);
for (const name of Object.keys(bundles)) {
	const load = summary(samples[name].load).p50;
	const answer = summary(samples[name].answer).p50;
	const kb = (statSync(bundles[name]).size / 1024).toFixed(0);
	console.log(
		`  ${name.padEnd(8)} ${kb.padStart(6)} kB  load ${fmt(load).padStart(9)} (${(load / floor.load).toFixed(1)}× floor)  first answer ${fmt(answer).padStart(9)} (${(answer / floor.answer).toFixed(1)}× floor)`
	);
}
process.exit(0);
