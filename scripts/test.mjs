// `npm test`: the type check (scripts/typecheck.mjs), unit tests, the fault tests of `npm start`
// (each starts its own, in a private network namespace), then — with one start of the Emulator Suite
// and the development inbox — the rules, functions and end-to-end tests. Installs Chromium (and
// LibreOffice, which the export test opens the DOCX with, and poppler-utils, which reads the printed
// and converted PDFs) first when they are missing.
import { resolve } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureLibreOffice } from './ensure-libreoffice.mjs';
import { ensurePoppler } from './ensure-poppler.mjs';
import { emulatorEnv } from './emulator-env.mjs';
import { run, runFaults, runInSuite } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
const extra = process.argv.slice(2);
// Types first: a type error fails the run before minutes of builds and emulators.
await run('node', ['scripts/typecheck.mjs'], { cwd: root });
ensureChromium();
ensureLibreOffice();
ensurePoppler();
await run('npx', ['vite', 'build', '--mode', 'emulator', '--logLevel', 'warn'], { cwd: root });
await run('node', ['functions/build.mjs'], { cwd: root });
await run('npx', ['vitest', 'run', '--project', 'unit', '--project', 'build', ...extra], { cwd: root });
await runFaults(root);

const inner = ['npx vitest run --project rules --project functions --project e2e', ...extra].join(' ');
process.exit(await runInSuite(root, emulatorEnv(), inner));
