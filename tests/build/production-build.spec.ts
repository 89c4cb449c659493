// A build for a real project (any mode but the emulator ones, vite.config.ts): without the web config
// it stops before building and says what is missing; with one it carries no emulator host, port or
// demo id, and its pages' Content-Security-Policy allows no emulator and no inline script.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
// Inside the tree (kit's output must resolve node_modules) but apart from the shared build/ and .svelte-kit/.
// (.planbordet/ does not exist yet in a fresh clone.)
mkdirSync(join(root, '.planbordet'), { recursive: true });
const out = mkdtempSync(join(root, '.planbordet', 'build-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// A mode with no .env.<mode> file, so a developer's own .env.production cannot change the outcome.
const MODE = 'buildtest';
const FAKE = {
	VITE_FIREBASE_API_KEY: 'AIzaFakeKeyOfTheBuildTest',
	VITE_FIREBASE_AUTH_DOMAIN: 'planbordet-buildtest.firebaseapp.com',
	VITE_FIREBASE_PROJECT_ID: 'planbordet-buildtest',
	VITE_FIREBASE_APP_ID: '1:1234567890:web:buildtest',
	VITE_APPCHECK_SITE_KEY: '6LbuildtestSiteKey'
};

function build(extra: Record<string, string>) {
	// Without vitest's NODE_ENV=test, which would make Svelte compile in development mode.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITE_') && key !== 'NODE_ENV'));
	return spawnSync('npx', ['vite', 'build', '--mode', MODE, '--logLevel', 'warn'], {
		cwd: root,
		env: { ...env, ...extra, PLANBORDET_BUILD_OUT: out },
		encoding: 'utf8'
	});
}

function filesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name));
}

describe('a production build', () => {
	it('without the web config stops before building and lists what is missing', () => {
		const started = Date.now();
		const { status, stderr } = build({ VITE_FIREBASE_PROJECT_ID: FAKE.VITE_FIREBASE_PROJECT_ID });
		expect(status).not.toBe(0);
		for (const key of ['VITE_FIREBASE_API_KEY', 'VITE_FIREBASE_AUTH_DOMAIN', 'VITE_FIREBASE_APP_ID', 'VITE_APPCHECK_SITE_KEY']) expect(stderr).toContain(key);
		expect(stderr).not.toContain('VITE_FIREBASE_PROJECT_ID saknas');
		expect(stderr).toContain('npx vite build --mode emulator');
		// It failed in buildStart, before the client bundle was written.
		expect(() => readdirSync(join(out, 'build'))).toThrow();
		expect(Date.now() - started).toBeLessThan(60_000);
	});

	it('refuses an emulator-only demo project id', () => {
		const { status, stderr } = build({ ...FAKE, VITE_FIREBASE_PROJECT_ID: 'demo-planbordet' });
		expect(status).not.toBe(0);
		expect(stderr).toContain('emulator-only demo project');
	});

	it('with a complete config carries it and nothing of the emulators', () => {
		const { status, stderr } = build(FAKE);
		expect(status, stderr).toBe(0);
		const files = filesIn(join(out, 'build')).filter((f) => /\.(js|html)$/.test(f));
		const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
		/** Each match with a little context, so a failure shows where rather than the whole bundle. */
		const found = (pattern: RegExp) => [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => text.slice(Math.max(0, m.index - 60), m.index + 60));
		expect(text).toContain(FAKE.VITE_FIREBASE_PROJECT_ID);
		expect(text).toContain(FAKE.VITE_APPCHECK_SITE_KEY);
		expect(found(/127\.0\.0\.1/)).toEqual([]);
		// The Auth SDK keeps a bare "http://localhost" of its own (a redirect URI outside browsers); no host:port is ours.
		expect(found(/localhost:\d/)).toEqual([]);
		expect(found(/\b(9099|8080|5001|8085|4400)\b/)).toEqual([]);
		expect(found(/demo-planbordet|demo-api-key/)).toEqual([]);
		// The emulator wiring itself is gone, not merely unused.
		expect(found(/connectFirestoreEmulator|useEmulator|emulator-config/)).toEqual([]);
	});

	it("serves a Content-Security-Policy with its one inline script's hash and only Google's endpoints", async () => {
		const html = readFileSync(join(out, 'build', '200.html'), 'utf8');
		const csp = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
		const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
		expect(directives.get('default-src')).toEqual(["'self'"]);
		expect(directives.get('object-src')).toEqual(["'none'"]);
		// Inline code never runs: only the hashed script; inline styles only as attributes (vite.config.ts).
		expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
		expect(directives.get('style-src')).toEqual(["'self'"]);
		expect(csp).not.toContain('unsafe-eval');
		expect(csp).not.toContain('http:');
		const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
		const { createHash } = await import('node:crypto');
		expect(directives.get('script-src')).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
		expect(directives.get('connect-src')).toEqual(expect.arrayContaining(['https://firestore.googleapis.com', 'https://content-firebaseappcheck.googleapis.com']));
	});
});
