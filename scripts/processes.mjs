// Child processes shared by start and test: the development mail inbox (maildev, loopback only),
// waiting for a port to answer, the emulators' ports, and a private temp directory per started suite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAIL = { smtpPort: 1025, webPort: 1080, host: '127.0.0.1' };
export const ALL_EMULATORS = 'auth,firestore,functions,pubsub,hosting';

/** The { name, port } of each emulator in `only` and of the hub, as firebase.json configures them. */
export function suitePorts(root, only = ALL_EMULATORS) {
	const config = JSON.parse(readFileSync(join(root, 'firebase.json'), 'utf8')).emulators;
	return { emulators: only.split(',').map((name) => ({ name, port: config[name].port })), hub: config.hub.port, logging: config.logging.port };
}

/**
 * A temp directory for one suite, given to firebase-tools as TMPDIR: its hub locator file
 * ($TMPDIR/hub-demo-planbordet.json) is then this suite's alone, and no other suite can rewrite or delete it.
 */
export function privateTmpDir() {
	const dir = mkdtempSync(join(tmpdir(), 'planbordet-suite-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function waitForPort(port, host = '127.0.0.1', timeoutMs = 120_000) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const attempt = () => {
			const socket = createConnection({ port, host });
			socket.once('connect', () => {
				socket.end();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() - started > timeoutMs) reject(new Error(`port ${host}:${port} did not open within ${timeoutMs} ms`));
				else setTimeout(attempt, 250);
			});
		};
		attempt();
	});
}

export function portInUse(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const socket = createConnection({ port, host });
		socket.once('connect', () => {
			socket.end();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Starts maildev bound to 127.0.0.1 (SMTP 1025, web and REST API 1080). */
export async function startMaildev(root, { quiet = false } = {}) {
	if (await portInUse(MAIL.smtpPort)) throw new Error(`Port ${MAIL.smtpPort} is already in use: is another Planbordet (or maildev) running?`);
	const bin = join(root, 'node_modules', '.bin', 'maildev');
	const child = spawn(
		bin,
		['--ip', MAIL.host, '--web-ip', MAIL.host, '--smtp', String(MAIL.smtpPort), '--web', String(MAIL.webPort)],
		{ stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'] }
	);
	await waitForPort(MAIL.webPort);
	await waitForPort(MAIL.smtpPort);
	return child;
}

export function run(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
	});
}

/** Runs `inner` inside one start of the Emulator Suite with the development inbox beside it. */
export async function runInSuite(root, env, inner, only = ALL_EMULATORS) {
	const maildev = await startMaildev(root, { quiet: true });
	const tmp = privateTmpDir();
	try {
		await run('npx', ['firebase', 'emulators:exec', '--project', 'demo-planbordet', '--only', only, inner], { cwd: root, env: { ...env, TMPDIR: tmp.dir } });
		return 0;
	} catch (err) {
		console.error(String(err));
		return 1;
	} finally {
		maildev.kill('SIGINT');
		tmp.remove();
	}
}

/**
 * The fault tests of `npm start` (vitest project `faults`) start and kill whole suites on the fixed ports,
 * so they run in a private network namespace (`unshare -n`, loopback up), where they can meet no other
 * suite. Where unshare is unavailable they run unshared and skip, saying why (tests/faults/start.spec.ts).
 */
export async function runFaults(root) {
	const probe = spawnSync('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
	if (probe.status === 0) {
		await run('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec npx vitest run --project faults'], {
			cwd: root,
			env: { ...process.env, PLANBORDET_FAULTS_NETNS: '1' }
		});
	} else await run('npx', ['vitest', 'run', '--project', 'faults'], { cwd: root });
}
