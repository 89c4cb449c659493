// `npm start`: builds the app and functions, starts the development inbox and the Firebase Emulator
// Suite (state imported from and exported to .planbordet/), seeds the demo data, prints the URLs.
// `--dev` also runs Vite's dev server with hot reload against the same emulators.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emulatorEnv, stateDir } from './emulator-env.mjs';
import { MAIL, run, startMaildev, waitForPort } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const dataDir = join(stateDir, 'emulator-data');
mkdirSync(stateDir, { recursive: true });

const env = emulatorEnv();
if (!dev) await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
else if (!existsSync(join(root, 'build', '200.html'))) await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });

const maildev = await startMaildev(root);
const importArgs = existsSync(join(dataDir, 'firebase-export-metadata.json')) ? ['--import', dataDir] : [];
// The firebase and vite binaries are spawned directly (not through npx) so Ctrl-C reaches them.
const bin = (name) => join(root, 'node_modules', '.bin', name);
const firebase = spawn(
	bin('firebase'),
	['emulators:start', '--project', 'demo-planbordet', ...importArgs, '--export-on-exit', dataDir],
	{ cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }
);
let ready = false;
firebase.stdout.on('data', (chunk) => {
	if (!ready) return;
	process.stdout.write(chunk);
});

const children = [maildev];
let vite = null;
let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	console.log('\n[planbordet] Stoppar — sparar emulatorernas data i .planbordet/ …');
	vite?.kill('SIGINT');
	firebase.kill('SIGINT');
	await new Promise((r) => firebase.once('exit', r));
	for (const c of children) c.kill('SIGINT');
	process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
firebase.on('exit', (code) => {
	if (!stopping) {
		console.error(`[planbordet] The emulators exited (${code}).`);
		for (const c of children) c.kill('SIGINT');
		process.exit(code ?? 1);
	}
});

await Promise.all([9099, 8080, 5001, 5000].map((p) => waitForPort(p, '127.0.0.1', 180_000)));
await run('npx', ['tsx', 'scripts/seed.ts'], { cwd: root, env: { ...process.env, GCLOUD_PROJECT: 'demo-planbordet' } });
if (dev) {
	vite = spawn(bin('vite'), ['dev'], { cwd: root, stdio: 'inherit' });
	children.push(vite);
}
ready = true;

console.log(`
  Planbordet körs lokalt (Firebase Emulator Suite, projekt demo-planbordet)

  App:            http://127.0.0.1:5000${dev ? '\n  App (Vite dev): http://127.0.0.1:5173' : ''}
  E-post (inkorg): http://127.0.0.1:${MAIL.webPort}   (REST: /api/email, SMTP 127.0.0.1:${MAIL.smtpPort})
  Emulatorer:     auth 9099 · firestore 8080 · functions 5001 · pubsub 8085 · hosting 5000

  Demoanvändarna står ovan: logga in med e-postlänk, länken kommer till inkorgen.

  Ctrl-C stoppar och sparar data i .planbordet/ · npm run demo:reset återställer demodata
`);
