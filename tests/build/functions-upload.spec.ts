// What `firebase deploy` uploads of each functions codebase, packaged by firebase-tools' own
// prepareFunctionsUpload with firebase.json's ignore list: the bundle and package.json only — no
// .local file (the emulators' secrets), no .env file (the CLI reads them itself and sets them on
// the functions), no source map, no sources.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { devUnsubscribeSecret } from '../../scripts/emulator-env.mjs';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(join(root, 'node_modules', 'firebase-tools', 'package.json'));
const { prepareFunctionsUpload } = require('./lib/deploy/functions/prepareFunctionsUpload.js') as {
	prepareFunctionsUpload(sourceDir: string, config: { ignore?: string[] }): Promise<{ pathToSource: string }>;
};

interface Codebase {
	source: string;
	codebase: string;
	ignore?: string[];
}
const codebases = (JSON.parse(readFileSync(join(root, 'firebase.json'), 'utf8')) as { functions: Codebase[] }).functions;
const scratch = mkdtempSync(join(tmpdir(), 'planbordet-upload-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The file names in the zip firebase-tools would upload for `dir` under `codebase`'s settings. */
async function uploadOf(dir: string, codebase: Codebase): Promise<string[]> {
	// The CLI appends its own names to the list it is given: a copy keeps firebase.json's as read.
	const { pathToSource } = await prepareFunctionsUpload(dir, { ...codebase, ignore: codebase.ignore && [...codebase.ignore] });
	const zip = await JSZip.loadAsync(readFileSync(pathToSource));
	rmSync(pathToSource, { force: true });
	return Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
}

/** A copy of a codebase with every kind of file that must stay home planted beside the real ones. */
function plantedCopy(codebase: Codebase): string {
	const dir = join(scratch, codebase.codebase);
	cpSync(join(root, codebase.source), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
	mkdirSync(join(dir, 'lib'), { recursive: true });
	mkdirSync(join(dir, 'src'), { recursive: true });
	mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
	const planted = {
		'.secret.local': 'UNSUBSCRIBE_SECRET=planted\n',
		'.env.local': 'X=1\n',
		'.env': 'X=1\n',
		'.env.demo-planbordet': 'X=1\n',
		'.env.planbordet-prod': 'APP_URL=https://planbordet.example.se\n',
		'.env.another-region': 'APP_URL=https://other.example.se\n',
		'lib/index.js.map': '{}',
		'lib/extra.js.map': '{}',
		'src/index.ts': '',
		'node_modules/x/index.js': '',
		'firebase-debug.log': '',
		'debug.log': ''
	};
	for (const [name, text] of Object.entries(planted)) writeFileSync(join(dir, name), text);
	return dir;
}

const mustStayHome = (name: string) =>
	/(^|\/)\.env(\.|$)/.test(name) || name.endsWith('.local') || name.endsWith('.map') || /^(src|node_modules)\//.test(name) || name.endsWith('.log') || name === 'build.mjs';

describe.each(codebases)('the upload of codebase $codebase ($source)', (codebase) => {
	it('keeps the planted dev files, env files, maps and sources home', async () => {
		const files = await uploadOf(plantedCopy(codebase), codebase);
		expect(files.filter(mustStayHome)).toEqual([]);
		expect(files).toContain('package.json');
		expect(files).toContain('lib/index.js');
	});

	it('as the tree stands is exactly the bundle and package.json', async () => {
		const dir = join(root, codebase.source);
		const lib = readdirSync(join(dir, 'lib')).filter((name) => !name.endsWith('.map'));
		const files = await uploadOf(dir, codebase);
		expect(files).toEqual(['package.json', ...lib.map((name) => `lib/${name}`)].sort());
		const text = files.map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
		// Not even the emulators' generated secret travels inside a file.
		expect(text).not.toContain(devUnsubscribeSecret());
	});
});
