// `npm run demo:reset`: forgets the saved emulator state; if the emulators are running, it also
// wipes them and seeds the demo data again at once.
import { resolve } from 'node:path';
import { stateDir } from './emulator-env.mjs';
import { forgetExport } from './export-store.mjs';
import { portInUse, run } from './processes.mjs';

const root = resolve(import.meta.dirname, '..');
forgetExport(stateDir);
console.log('[planbordet] Removed .planbordet/emulator-data');
if ((await portInUse(8080)) && (await portInUse(9099))) {
	await run('npx', ['tsx', 'scripts/seed.ts', '--reset'], { cwd: root });
	console.log('[planbordet] The running emulators hold the demo data again.');
} else {
	console.log('[planbordet] The next `npm start` seeds the demo data.');
}
