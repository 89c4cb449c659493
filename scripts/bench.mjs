// `npm run bench`: builds, starts the development inbox and the Emulator Suite once, and runs the
// benchmarks in bench/ inside it; each prints its figures. `npm run bench -- propagation` runs one
// (`-- merge` runs the merge benchmark alone, without the build or the emulators).
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, runInSuite } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
// Pure computations (no build, no emulators) run first and on their own.
const pure = ['merge'];
const all = [...pure, 'propagation', 'browser', 'bundle', 'cold-load', 'blocking'];
const chosen = process.argv.slice(2).filter((a) => all.includes(a));
const picked = chosen.length ? chosen : all;
for (const b of picked.filter((x) => pure.includes(x))) await run('npx', ['tsx', `bench/${b}.ts`], { cwd: root });
const benches = picked.filter((x) => !pure.includes(x));
if (benches.length === 0) process.exit(0);
ensureChromium();
await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });
// The cold-load floor page goes into build/ after the app's build (which empties it).
if (benches.includes('cold-load')) await run('node', ['bench/cold-floor/build.mjs'], { cwd: root });
const inner = benches.map((b) => `npx tsx bench/${b}.ts`).join(' && ');
process.exit(await runInSuite(root, emulatorEnv(), inner, 'auth,firestore,functions,hosting'));
