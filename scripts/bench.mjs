// `npm run bench`: builds, starts the development inbox and the Emulator Suite once, and runs the
// benchmarks in bench/ inside it; each prints its figures. `npm run bench -- propagation` runs one.
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, startMaildev } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const all = ['propagation', 'browser', 'bundle'];
const chosen = process.argv.slice(2).filter((a) => all.includes(a));
const benches = chosen.length ? chosen : all;
ensureChromium();
await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });
const maildev = await startMaildev(root, { quiet: true });
let code = 0;
try {
	const inner = benches.map((b) => `npx tsx bench/${b}.ts`).join(' && ');
	await run('npx', ['firebase', 'emulators:exec', '--project', 'demo-planbordet', '--only', 'auth,firestore,functions,hosting', inner], {
		cwd: root,
		env: emulatorEnv()
	});
} catch (err) {
	console.error(String(err));
	code = 1;
} finally {
	maildev.kill('SIGINT');
}
process.exit(code);
