// Runs a command inside one start of the Emulator Suite (and the development inbox, as `npm test` does)
// with this machine's emulator binaries:
//   node scripts/with-emulators.mjs [--only auth,firestore] -- <command…>
// To run beside another suite on the same machine, give it its own network and temp directory:
//   unshare -n sh -c 'ip link set lo up && TMPDIR=$(mktemp -d) node scripts/with-emulators.mjs -- …'
import { resolve } from 'node:path';
import { emulatorEnv } from './emulator-env.mjs';
import { runInSuite } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const sep = args.indexOf('--');
const opts = sep === -1 ? [] : args.slice(0, sep);
const command = sep === -1 ? args : args.slice(sep + 1);
const onlyIndex = opts.indexOf('--only');
const only = onlyIndex === -1 ? undefined : opts[onlyIndex + 1];

process.exit(await runInSuite(root, emulatorEnv(), command.join(' '), only));
