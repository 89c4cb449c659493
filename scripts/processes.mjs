// Child processes shared by start and test: the development mail inbox (maildev, loopback only)
// and waiting for a port to answer.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';

export const MAIL = { smtpPort: 1025, webPort: 1080, host: '127.0.0.1' };

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
export async function runInSuite(root, env, inner, only = 'auth,firestore,functions,pubsub,hosting') {
	const maildev = await startMaildev(root, { quiet: true });
	try {
		await run('npx', ['firebase', 'emulators:exec', '--project', 'demo-planbordet', '--only', only, inner], { cwd: root, env });
		return 0;
	} catch (err) {
		console.error(String(err));
		return 1;
	} finally {
		maildev.kill('SIGINT');
	}
}
