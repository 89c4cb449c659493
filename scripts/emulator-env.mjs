// Resolves the emulator binaries on this machine (the Cloud CLI's Firestore jar behind a
// launcher jar, the Cloud CLI's Pub/Sub emulator) and returns the environment firebase-tools needs,
// after writing the functions' development secrets (functions/.secret.local, never in git).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// PLANBORDET_STATE_DIR lets the fault tests run `npm start` against a private copy of the saved state.
export const stateDir = process.env.PLANBORDET_STATE_DIR ? resolve(process.env.PLANBORDET_STATE_DIR) : join(root, '.planbordet');

const FIRESTORE_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const PUBSUB_BIN = '/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

function fail(message) {
	console.error(`\n[planbordet] ${message}\n`);
	process.exit(1);
}

function checkJava() {
	const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
	if (probe.error || probe.status !== 0) {
		fail(
			'Java 11 eller senare saknas (Java is missing). Firestore-emulatorn behöver Java.\n' +
				'  Debian/Ubuntu: apt-get install openjdk-17-jre-headless\n' +
				'  macOS: brew install openjdk@17'
		);
	}
	const match = /version "(\d+)/.exec(probe.stderr);
	if (match && Number(match[1]) < 11) fail(`Java ${match[1]} is too old: the Firestore emulator needs Java 11+.`);
}

/** Builds (once) a launcher jar whose manifest names the Cloud CLI jar's main class and class path. */
function launcherJar() {
	const dir = join(root, '.planbordet', 'bin'); // machine-wide, whatever the state dir
	const jar = join(dir, 'firestore-launcher.jar');
	if (existsSync(jar)) return jar;
	mkdirSync(dir, { recursive: true });
	const manifest = join(dir, 'MANIFEST.MF');
	writeFileSync(manifest, `Manifest-Version: 1.0\nMain-Class: ${MAIN_CLASS}\nClass-Path: ${FIRESTORE_JAR}\n`);
	const empty = join(dir, 'empty');
	mkdirSync(empty, { recursive: true });
	try {
		execFileSync('jar', ['cfm', jar, manifest, '-C', empty, '.'], { stdio: 'inherit' });
	} catch {
		fail('Could not build the Firestore launcher jar: `jar` (from a JDK) is needed. apt-get install openjdk-17-jdk-headless');
	}
	return jar;
}

/** The environment for every firebase-tools invocation of this project. */
/**
 * The development UNSUBSCRIBE_SECRET: random, made on first start or test and kept in .planbordet/
 * (machine-wide, whatever the state dir), so no secret, not even a dev one, is ever committed.
 */
export function devUnsubscribeSecret() {
	const file = join(root, '.planbordet', 'dev-unsubscribe-secret');
	if (!existsSync(file)) {
		mkdirSync(join(root, '.planbordet'), { recursive: true });
		try {
			writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
		} catch (err) {
			if (err.code !== 'EEXIST') throw err; // another suite made it first: use theirs
		}
	}
	return readFileSync(file, 'utf8').trim();
}

/** functions/.secret.local: where the Functions emulator reads the functions' secrets (gitignored). */
function writeDevSecrets() {
	const file = join(root, 'functions', '.secret.local');
	const content = `SMTP_PASSWORD=\nUNSUBSCRIBE_SECRET=${devUnsubscribeSecret()}\n`;
	if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content, { mode: 0o600 });
}

export function emulatorEnv(base = process.env) {
	checkJava();
	writeDevSecrets();
	// The Functions emulator gives a codebase 10 s to load by default; a busy 2-core machine loading the
	// 3 MB bundle can need more, and a codebase that misses it is silently absent.
	const env = { FUNCTIONS_DISCOVERY_TIMEOUT: '60', ...base, FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true' };
	if (existsSync(FIRESTORE_JAR)) {
		env.FIRESTORE_EMULATOR_BINARY_PATH = launcherJar();
	} else if (!base.FIRESTORE_EMULATOR_BINARY_PATH) {
		console.warn(
			'[planbordet] The Cloud CLI Firestore emulator jar is not installed ' +
				`(${FIRESTORE_JAR}); firebase-tools will try to download its own. Offline, install ` +
				'the Debian package google-cloud-cli-firestore-emulator.'
		);
	}
	if (existsSync(PUBSUB_BIN)) {
		env.PUBSUB_EMULATOR_BINARY_PATH = PUBSUB_BIN;
	} else if (!base.PUBSUB_EMULATOR_BINARY_PATH) {
		console.warn(
			'[planbordet] The Cloud CLI Pub/Sub emulator is not installed; firebase-tools will try to ' +
				'download its own. Offline, install the Debian package google-cloud-cli-pubsub-emulator.'
		);
	}
	return env;
}
