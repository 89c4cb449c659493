// `npm start`: builds the app and functions, starts the development inbox and the Firebase Emulator
// Suite (state imported from <stateDir>/emulator-data), seeds the demo data, prints the URLs — and keeps
// what the emulators acknowledged: a periodic atomic export, a supervisor that stops everything (after
// saving) when one emulator dies, the exit export on Ctrl-C/SIGTERM, and the ending of its own leftovers
// after a crash. `--dev` also runs Vite's dev server. For the fault tests: `--no-build`, `--no-seed`,
// PLANBORDET_STATE_DIR, PLANBORDET_EMULATORS (e.g. auth,firestore), PLANBORDET_EXPORT_INTERVAL_MS.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { emulatorEnv, stateDir } from './emulator-env.mjs';
import { exportOnce, exportPaths, hashDir, recoverExport } from './export-store.mjs';
import { descendants, endProcesses, identify, isSameProcess, listeners } from './proc.mjs';
import { ALL_EMULATORS, MAIL, portInUse, privateTmpDir, run, startMaildev, suitePorts, waitForPort } from './processes.mjs';
import { watchEmulators } from './supervisor.mjs';

const root = resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const build = !process.argv.includes('--no-build');
const seed = !process.argv.includes('--no-seed');
const only = process.env.PLANBORDET_EMULATORS ?? ALL_EMULATORS;
const exportEveryMs = Number(process.env.PLANBORDET_EXPORT_INTERVAL_MS ?? 30_000);
const ports = suitePorts(root, only);
const recordFile = join(stateDir, 'processes.json');
const shownDir = relative(root, exportPaths(stateDir).current) || exportPaths(stateDir).current;
mkdirSync(stateDir, { recursive: true });

const say = (line) => console.log(`[planbordet] ${line}`);
const warn = (line) => console.error(`[planbordet] ${line}`);
const clock = (ms) => new Date(ms).toTimeString().slice(0, 8);

// 1. The previous run: still running → refuse; crashed → end what it left (by recorded pid + start time).
let endedLeftovers = false;
const previous = readRecord();
if (previous) {
	const self = previous.processes.find((p) => p.role === 'npm start');
	if (self && isSameProcess(self)) {
		warn(`npm start körs redan (pid ${self.pid}) — already running with ${stateDir}. Stoppa den först (Ctrl-C).`);
		process.exit(1);
	}
	const left = previous.processes.filter(isSameProcess);
	if (left.length) {
		say(
			`Avslutar ${left.length} kvarlämnade processer från förra körningen — ending leftovers of the previous run: ` +
				left.map((p) => `${p.pid} (${p.role})`).join(', ')
		);
		await endProcesses(left);
		endedLeftovers = true;
	}
	rmSync(recordFile, { force: true });
}

// 2. Every port free, or a message naming who holds it. Ports of leftovers just ended are given a few
// seconds: a killed JVM's listening socket can outlive the process the record named (a loaded machine).
const needed = [...ports.emulators.map((e) => e.port), ports.hub, ports.logging, MAIL.smtpPort, MAIL.webPort];
const portsFreeBy = Date.now() + (endedLeftovers ? 10_000 : 0);
let held = [];
for (;;) {
	held = [];
	for (const port of needed) if (await portInUse(port)) held.push(port);
	if (held.length === 0 || Date.now() >= portsFreeBy) break;
	await new Promise((r) => setTimeout(r, 250));
}
if (held.length) {
	const owners = listeners(held);
	for (const port of held) {
		const pid = owners.get(port);
		const who = pid ? `pid ${pid}: ${identify(pid, '')?.cmd ?? '?'}` : 'en annan process (another process, not visible here)';
		warn(`Port ${port} används redan av ${who} — port ${port} is already in use.`);
	}
	warn('Stoppa den processen eller frigör porten och starta igen — stop that process or free the port, then start again.');
	process.exit(1);
}

// From here on this run is the one a second `npm start` must refuse to run beside.
writeFileSync(recordFile, JSON.stringify({ processes: [identify(process.pid, 'npm start')] }));

// 3. Saved state: finish an interrupted swap, so the import always gets a whole export.
const importDir = recoverExport(stateDir);
let savedHash = importDir ? hashDir(importDir) : null;
let lastSavedAt = Date.now(); // the emulators hold exactly the saved state until they take writes

const env = emulatorEnv();
if (build && (!dev || !existsSync(join(root, 'build', '200.html')))) await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'], { cwd: root });
if (build) await run('node', ['functions/build.mjs'], { cwd: root });

const maildev = await startMaildev(root);
const tmp = privateTmpDir();
// The firebase and vite binaries are spawned directly (not through npx) so signals reach them. firebase gets
// its own process group: Ctrl-C reaches only this script, which exports first and then stops the emulators.
const bin = (name) => join(root, 'node_modules', '.bin', name);
const firebase = spawn(
	bin('firebase'),
	['emulators:start', '--project', 'demo-planbordet', '--only', only, ...(importDir ? ['--import', importDir] : [])],
	{ cwd: root, env: { ...env, TMPDIR: tmp.dir }, stdio: ['ignore', 'pipe', 'inherit'], detached: true }
);
let ready = false;
let pending = '';
let startupLog = ''; // shown only if the suite fails to come up
firebase.stdout.on('data', (chunk) => {
	if (!ready) {
		startupLog = (startupLog + chunk).slice(-20_000);
		return;
	}
	// The periodic exports are this script's business; firebase-tools' lines about each are dropped.
	const lines = (pending + chunk).split('\n');
	pending = lines.pop();
	for (const line of lines) if (!/Received export request|Export complete|Env variable override detected/.test(line)) process.stdout.write(line + '\n');
});

let processes = [identify(process.pid, 'npm start'), identify(firebase.pid, 'firebase-tools'), identify(maildev.pid, 'maildev')].filter(Boolean);
function record() {
	// A process seen between fork and exec still shows its parent's command line: refresh the command of
	// every recorded process that still runs (same pid and start time), so the record names what it became.
	processes = processes.map((p) => (isSameProcess(p) ? { ...p, cmd: identify(p.pid, p.role)?.cmd ?? p.cmd } : p));
	const known = new Set(processes.map((p) => p.pid));
	const found = descendants(firebase.pid).filter((pid) => !known.has(pid)).map((pid) => identify(pid, 'emulator'));
	processes = [...processes, ...found.filter(Boolean)];
	const text = JSON.stringify({ tmpDir: tmp.dir, processes }, null, 2);
	writeFileSync(`${recordFile}.tmp`, text);
	renameSync(`${recordFile}.tmp`, recordFile);
}
record();
// Until the suite is up, the emulators' processes appear one by one: record them as they do, so a start
// that fails half-way (or a crash) still leaves every pid to end.
const recording = setInterval(() => firebase.exitCode === null && record(), 500);

function readRecord() {
	try {
		return JSON.parse(readFileSync(recordFile, 'utf8'));
	} catch {
		return null;
	}
}

// Exports run one at a time: the periodic one, the exit one.
let chain = Promise.resolve();
function save() {
	const done = chain.then(async () => {
		const r = await exportOnce(stateDir, savedHash, { port: ports.hub });
		savedHash = r.hash;
		lastSavedAt = Date.now();
		return r;
	});
	chain = done.catch(() => {});
	return done;
}

let exportTimer;
async function periodic() {
	try {
		const r = await save();
		if (r.changed) say(`Data sparad i ${shownDir} (${r.ms} ms) — saved.`);
		record(); // the functions emulator starts workers as they are needed
	} catch (err) {
		warn(`Den periodiska sparningen misslyckades — the periodic export failed: ${err.message}`);
	}
	if (!stopping) exportTimer = setTimeout(periodic, exportEveryMs);
}

const children = [maildev];
let vite = null;
let watcher = null;
let stopping = false;
const sv = { auth: 'Auth', firestore: 'Firestore', functions: 'Functions', pubsub: 'Pub/Sub', hosting: 'Hosting' };

/** Saves (when the suite is up), stops every process of this run, and exits with `code`. */
async function stop({ code = 0, dead = [] } = {}) {
	if (stopping) {
		say('Sparar och stoppar redan, vänta — already saving and stopping, please wait.');
		return;
	}
	stopping = true;
	clearInterval(recording);
	if (firebase.exitCode === null) record();
	watcher?.stop();
	clearTimeout(exportTimer);
	if (dead.length) {
		const port = (n) => ports.emulators.find((e) => e.name === n)?.port;
		const named = dead.map((n) => (sv[n] ? `${sv[n]}-emulatorn (port ${port(n)})` : n));
		warn(`\n  ${named.join(', ')} har stannat — the ${dead.join(', ')} emulator stopped.`);
		warn('  Sparar det som går, stoppar resten och avslutar — saving what can be saved, stopping the rest.\n');
	} else {
		console.log('');
		say(`Stoppar — sparar emulatorernas data i ${shownDir} …`);
	}
	if (ready) {
		try {
			const r = await save();
			say(r.changed ? `Data sparad i ${shownDir} (${r.ms} ms) — saved.` : `Inget ändrat sedan senaste sparningen — nothing changed since the last save.`);
		} catch (err) {
			warn(`Kunde inte spara (${err.message}) — the export failed.`);
			warn(
				`Senaste sparade data (${clock(lastSavedAt)}) behålls i ${shownDir}; ändringar efter den är förlorade — ` +
					`keeping the last export, from ${clock(lastSavedAt)}; changes after it are lost.`
			);
		}
	} else {
		if (code !== 0) process.stderr.write(startupLog);
		say('Sviten var inte igång än: sparad data lämnas orörd — the suite was not up yet; the saved data is left as it was.');
	}
	vite?.kill('SIGINT');
	if (firebase.exitCode === null && firebase.signalCode === null) {
		firebase.kill('SIGINT');
		await Promise.race([new Promise((r) => firebase.once('exit', r)), new Promise((r) => setTimeout(r, 20_000))]);
	}
	for (const c of children) c.kill('SIGINT');
	await endProcesses(processes.filter((p) => p.pid !== process.pid), { graceMs: 3000 });
	rmSync(recordFile, { force: true });
	tmp.remove();
	process.exit(code);
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
process.on('SIGHUP', () => stop());
// Whatever else fails in this script, the suite is stopped (after saving) rather than left running unwatched.
const crash = (err) => {
	warn(`Oväntat fel — unexpected error: ${err?.stack ?? err}`);
	stop({ code: 1 });
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
firebase.on('exit', (code) => {
	if (!stopping) stop({ code: code || 1, dead: ['firebase-tools'] });
});

try {
	await Promise.all([...ports.emulators.map((e) => e.port), ports.hub].map((p) => waitForPort(p, '127.0.0.1', 180_000)));
} catch (err) {
	warn(`Emulatorerna startade inte — the emulators did not start: ${err.message}`);
	await stop({ code: 1 });
}
if (stopping) await new Promise(() => {}); // stop() exits
clearInterval(recording);
record();
if (seed) {
	try {
		await run('npx', ['tsx', 'scripts/seed.ts'], { cwd: root, env: { ...process.env, GCLOUD_PROJECT: 'demo-planbordet' } });
	} catch (err) {
		warn(`Demodata kunde inte läggas in — seeding failed: ${err.message}`);
		await stop({ code: 1 });
	}
}
if (dev) {
	vite = spawn(bin('vite'), ['dev'], { cwd: root, stdio: 'inherit' });
	children.push(vite);
	processes.push(...[identify(vite.pid, 'vite')].filter(Boolean));
}
ready = true;
watcher = watchEmulators(ports.emulators, {
	intervalMs: Number(process.env.PLANBORDET_WATCH_MS ?? 1000),
	onDeath: (dead) => stop({ code: 1, dead })
});
// The first save runs at once: the Firestore emulator's first export is slow (class loading; tens of
// seconds on a loaded machine), and is better paid now than at Ctrl-C or after a crash.
exportTimer = setTimeout(periodic, 0);

const has = (name) => ports.emulators.some((e) => e.name === name);
console.log(`
  Planbordet körs lokalt (Firebase Emulator Suite, projekt demo-planbordet)
${has('hosting') ? `\n  App:            http://127.0.0.1:5000` : ''}${dev ? '\n  App (Vite dev): http://127.0.0.1:5173' : ''}
  E-post (inkorg): http://127.0.0.1:${MAIL.webPort}   (REST: /api/email, SMTP 127.0.0.1:${MAIL.smtpPort})
  Emulatorer:     ${ports.emulators.map((e) => `${e.name} ${e.port}`).join(' · ')}

  Demoanvändarna står ovan: logga in med e-postlänk, länken kommer till inkorgen.

  Data sparas var ${Math.round(exportEveryMs / 1000)}:e sekund när något ändrats, och när du stoppar.
  Ctrl-C stoppar och sparar data i ${shownDir} · npm run demo:reset återställer demodata
`);
