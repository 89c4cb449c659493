// `npm start` under faults: a SIGKILL of it, a dead Firestore emulator and a vanished hub
// locator file never lose what it saved. Each test runs scripts/start.mjs (auth + firestore, no build, no
// seed) against a private state dir; scripts/test.mjs runs this project inside a private network
// namespace (`unshare -n`), so it can meet neither the shared emulator suite nor another on this machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { endProcesses, isSameProcess } from '../../scripts/proc.mjs';

const root = resolve(import.meta.dirname, '../..');
const skipReason =
	process.env.PLANBORDET_FAULTS_NETNS === '1'
		? null
		: 'not inside a private network namespace: scripts/test.mjs runs these through `unshare -n`, which is unavailable here (or the spec was run directly)';
if (skipReason) console.warn(`[faults] skipped — ${skipReason}`);

const FIRESTORE = 'http://127.0.0.1:8080/v1/projects/demo-planbordet/databases/(default)/documents';
const owner = { Authorization: 'Bearer owner', 'content-type': 'application/json' };

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
type Recorded = { pid: number; start: string; role: string; cmd: string };

const runs: Run[] = [];
const dirs: string[] = [];

function startSuite(stateDir: string, exportEveryMs: number): Run {
	let out = '';
	const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--no-seed'], {
		cwd: root,
		env: {
			...process.env,
			PLANBORDET_STATE_DIR: stateDir,
			PLANBORDET_EMULATORS: 'auth,firestore',
			PLANBORDET_EXPORT_INTERVAL_MS: String(exportEveryMs),
			PLANBORDET_WATCH_MS: '500'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (c) => (out += c));
	child.stderr!.on('data', (c) => (out += c));
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	const run = { child, output: () => out, exited };
	runs.push(run);
	return run;
}

// Generous: on a loaded 2-core machine a Firestore JVM can take minutes to start or to export the first time.
async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 300_000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

const up = (run: Run) =>
	until('npm start to be up', () => {
		if (run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}):\n${run.output()}`);
		return run.output().includes('körs lokalt');
	});

async function write(id: string, n: number) {
	const res = await fetch(`${FIRESTORE}/faults/${id}`, { method: 'PATCH', headers: owner, body: JSON.stringify({ fields: { n: { integerValue: String(n) } } }) });
	expect(res.status).toBe(200);
}

async function read(id: string): Promise<string | null> {
	const res = await fetch(`${FIRESTORE}/faults/${id}`, { headers: owner });
	if (res.status === 404) return null;
	return (await res.json()).fields.n.integerValue;
}

/** True when the saved export on disk holds document `id` (a key's path elements are stored as plain bytes). */
function savedHolds(stateDir: string, id: string): boolean {
	const dir = join(stateDir, 'emulator-data', 'firestore_export');
	if (!existsSync(dir)) return false;
	const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
	return files(dir).some((f) => readFileSync(f).includes(id));
}

function recorded(stateDir: string): { tmpDir: string; processes: Recorded[] } {
	return JSON.parse(readFileSync(join(stateDir, 'processes.json'), 'utf8'));
}

const firestoreJvm = (p: Recorded) => p.cmd.startsWith('java') && p.cmd.includes('--port 8080');

function privateStateDir() {
	const dir = mkdtempSync(join(tmpdir(), 'planbordet-faults-'));
	dirs.push(dir);
	return dir;
}

afterEach(async () => {
	// A failed test may leave a run up: stop it as a user would (its own exit path ends its processes).
	for (const run of runs.splice(0)) {
		if (run.child.exitCode === null && run.child.signalCode === null) {
			run.child.kill('SIGINT');
			await run.exited;
		}
	}
	// A test that failed after a crash leaves that run's processes: end them by their record, as npm start would.
	for (const dir of dirs.splice(0)) {
		if (existsSync(join(dir, 'processes.json'))) await endProcesses(recorded(dir).processes);
		rmSync(dir, { recursive: true, force: true });
	}
});

describe.skipIf(skipReason)('npm start keeps what it acknowledged', () => {
	test('(a) SIGKILL mid-session: the restart ends the leftovers and has every write older than the export interval', async () => {
		const state = privateStateDir();
		const first = startSuite(state, 3000);
		await up(first);
		await write('crash-older-x7q', 1);
		const writtenAt = Date.now();
		await until('a periodic export holding the write', () => savedHolds(state, 'crash-older-x7q'));
		console.log(`[faults] periodic export held the write ${Date.now() - writtenAt} ms after it (interval 3000 ms)`);
		const leftovers = recorded(state).processes.filter((p) => p.role !== 'npm start');
		// The Firestore JVM (firebase-tools also runs a short `java -version`, recorded and long gone).
		const jvms = leftovers.filter(firestoreJvm);
		expect(jvms).toHaveLength(1);

		first.child.kill('SIGKILL'); // only the top process, as a crash: its children keep running
		await first.exited;
		expect(jvms.every(isSameProcess)).toBe(true); // the Firestore JVM still holds port 8080

		const second = startSuite(state, 3000);
		await up(second);
		expect(second.output()).toContain('kvarlämnade processer');
		expect(leftovers.some(isSameProcess)).toBe(false);
		expect(await read('crash-older-x7q')).toBe('1');

		second.child.kill('SIGINT');
		expect(await second.exited).toBe(0);
	});

	test('(b) the Firestore emulator dies: npm start says so, keeps the last export, stops the rest and exits non-zero', async () => {
		const state = privateStateDir();
		const run = startSuite(state, 3000);
		await up(run);
		await write('death-before-k2w', 2);
		await until('a periodic export holding the write', () => savedHolds(state, 'death-before-k2w'));
		const processes = recorded(state).processes;
		const jvm = processes.find(firestoreJvm);
		expect(jvm).toBeDefined();

		process.kill(jvm!.pid, 'SIGKILL');
		const code = await run.exited;
		expect(code).not.toBe(0);
		expect(run.output()).toContain('Firestore-emulatorn (port 8080) har stannat');
		expect(run.output()).toContain('behålls');
		expect(processes.filter((p) => p.role !== 'npm start').some(isSameProcess)).toBe(false);
		expect(existsSync(join(state, 'processes.json'))).toBe(false);
		expect(savedHolds(state, 'death-before-k2w')).toBe(true);
	});

	test('(c) Ctrl-C after the hub locator file vanished: the exit export still happens', async () => {
		const state = privateStateDir();
		// A long interval: only the first save (at start) runs periodically, so the write below is saved by Ctrl-C alone.
		const run = startSuite(state, 600_000);
		await up(run);
		await until('the first save', () => run.output().includes('Data sparad'));
		await write('exit-locator-m9z', 3);
		const locator = join(recorded(state).tmpDir, 'hub-demo-planbordet.json');
		expect(existsSync(locator)).toBe(true);
		rmSync(locator);
		expect(savedHolds(state, 'exit-locator-m9z')).toBe(false);

		run.child.kill('SIGINT');
		expect(await run.exited).toBe(0);
		expect(savedHolds(state, 'exit-locator-m9z')).toBe(true);
	});
});
