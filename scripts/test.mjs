// `npm test`: unit tests, then — with one start of the Emulator Suite and the development inbox —
// the rules, functions and end-to-end tests. Installs Chromium first when it is missing.
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, runInSuite } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const extra = process.argv.slice(2);
ensureChromium();
await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });
await run('npx', ['vitest', 'run', '--project', 'unit', ...extra], { cwd: root });

const inner = ['npx vitest run --project rules --project functions --project e2e', ...extra].join(' ');
process.exit(await runInSuite(root, emulatorEnv(), inner));
