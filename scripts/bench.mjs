// `npm run bench`: builds, starts the development inbox and the Emulator Suite once, and runs the
// benchmarks in bench/ inside it; each prints its figures. `npm run bench -- propagation` runs one.
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, runInSuite } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const all = ['propagation', 'browser', 'bundle', 'blocking'];
const chosen = process.argv.slice(2).filter((a) => all.includes(a));
const benches = chosen.length ? chosen : all;
ensureChromium();
await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });
const inner = benches.map((b) => `npx tsx bench/${b}.ts`).join(' && ');
process.exit(await runInSuite(root, emulatorEnv(), inner, 'auth,firestore,functions,hosting'));
