// `npm run bench`: builds, starts the development inbox and the Emulator Suite once, and runs the
// benchmarks in bench/ inside it; each prints its figures. `npm run bench -- propagation` runs one
// (`-- merge` runs the merge benchmark alone, without the build or the emulators; `-- meeting` starts
// its own suites).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, runInSuite } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
// Pure computations (no build, no emulators) run first and on their own.
const pure = ['merge'];
// bench/meeting starts the suite itself, twice: the functions' setting it compares is fixed when the suite starts.
const ownSuites = ['meeting'];
const all = [...pure, 'propagation', 'browser', 'cold-load', 'blocking', 'bundle', ...ownSuites];
const chosen = process.argv.slice(2).filter((a) => all.includes(a));
const picked = chosen.length ? chosen : all;
for (const b of picked.filter((x) => pure.includes(x))) await run('npx', ['tsx', `bench/${b}.ts`], { cwd: root });
const benches = picked.filter((x) => !pure.includes(x) && !ownSuites.includes(x));
const own = picked.filter((x) => ownSuites.includes(x));
if (benches.length === 0 && own.length === 0) process.exit(0);
// The app's build is for the suite's Hosting (browser, bundle); every suite needs the functions' bundle.
if (benches.length > 0) {
	ensureChromium();
	await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'], { cwd: root });
}
await run('node', ['functions/build.mjs'], { cwd: root });
// The cold-load floor page goes into build/ after the app's build (which empties it).
if (benches.includes('cold-load')) await run('node', ['bench/cold-floor/build.mjs'], { cwd: root });
let code = 0;
// bench/browser compares with the floor bench/propagation measures in this run, never an older one.
rmSync(resolve(root, 'test-results', 'bench', 'propagation.json'), { force: true });
if (benches.length > 0) {
	const inner = benches.map((b) => `npx tsx bench/${b}.ts`).join(' && ');
	code = await runInSuite(root, emulatorEnv(), inner, 'auth,firestore,functions,hosting');
}
for (const b of own) {
	try {
		await run('npx', ['tsx', `bench/${b}.ts`], { cwd: root });
	} catch (err) {
		console.error(String(err));
		code = 1;
	}
}
process.exit(code);
