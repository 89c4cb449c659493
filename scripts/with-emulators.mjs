// Runs a command inside `firebase emulators:exec` with this machine's emulator binaries:
//   node scripts/with-emulators.mjs [--only auth,firestore] -- <command…>
import { spawn } from 'node:child_process';
import { emulatorEnv } from './emulator-env.mjs';

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const opts = sep === -1 ? [] : args.slice(0, sep);
const command = sep === -1 ? args : args.slice(sep + 1);
const onlyIndex = opts.indexOf('--only');
const only = onlyIndex === -1 ? 'auth,firestore,functions,pubsub,hosting' : opts[onlyIndex + 1];

const child = spawn(
	'npx',
	['firebase', 'emulators:exec', '--project', 'demo-planbordet', '--only', only, command.join(' ')],
	{ stdio: 'inherit', env: emulatorEnv() }
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
