// `npm test`: unit tests, then — with one start of the Emulator Suite and the development inbox —
// the rules, functions and end-to-end tests. Installs Chromium first when it is missing.
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, startMaildev } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const extra = process.argv.slice(2);
ensureChromium();
await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });
await run('npx', ['vitest', 'run', '--project', 'unit', ...extra], { cwd: root });

const maildev = await startMaildev(root, { quiet: true });
let code = 0;
try {
	await run(
		'npx',
		[
			'firebase',
			'emulators:exec',
			'--project',
			'demo-planbordet',
			'--only',
			'auth,firestore,functions,pubsub,hosting',
			['npx vitest run --project rules --project functions --project e2e', ...extra].join(' ')
		],
		{ cwd: root, env: emulatorEnv() }
	);
} catch (err) {
	console.error(String(err));
	code = 1;
} finally {
	maildev.kill('SIGINT');
}
process.exit(code);
