// The SvelteKit single-page app (adapter-static; every route falls back to 200.html on Hosting)
// and the vitest projects: unit tests beside the code, emulator and browser tests under tests/.
import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';
import { isEmulatorMode, webConfigMessage, webConfigProblems } from './scripts/predeploy-checks.mjs';

// The build mode decides, at build time, whether the app talks to the local Emulator Suite
// (`--mode emulator`, the dev server, tests) or to a real project (every other mode, `vite build`'s
// default `production` included): the emulator wiring and its CSP only exist in the former.
export default defineConfig(({ mode }) => {
	const emulators = isEmulatorMode(mode);
	// A build outside the shared tree (the production-build test) gets its own output directories.
	const out = process.env.PLANBORDET_BUILD_OUT;
	return {
		define: { __PLANBORDET_EMULATORS__: JSON.stringify(emulators) },
		plugins: [
			{
				// In buildStart, not in this config: SvelteKit's post-build step reloads the config in mode `production`.
				name: 'planbordet-production-config',
				apply: 'build',
				buildStart() {
					if (emulators) return;
					const problems = webConfigProblems(loadEnv(mode, process.cwd(), 'VITE_'));
					if (problems.length > 0) this.error(webConfigMessage(mode, problems));
				}
			},
			{
				// The Firestore SDK's RE2 engine serves only regex pipeline expressions the app never uses (no-regex-pipelines.ts).
				name: 'planbordet-no-re2js',
				apply: 'build',
				enforce: 'pre',
				resolveId(source, importer) {
					if (source === 're2js' && importer?.includes('@firebase/firestore')) return this.resolve('/src/lib/firebase/no-regex-pipelines.ts', importer);
				}
			},
			sveltekit({
				compilerOptions: {
					runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
				},
				adapter: adapter({ fallback: '200.html', ...(out ? { pages: `${out}/build`, assets: `${out}/build` } : {}) }),
				...(out ? { outDir: `${out}/.svelte-kit` } : {}),
				csp: { mode: 'hash', directives: contentSecurityPolicy(emulators) }
			})
		],
		// An emulator build writes source maps beside its scripts (not linked from them): bench/bundle reads
		// them to tell the Firebase SDK's bytes from the app's. A production build ships none.
		build: { sourcemap: emulators ? ('hidden' as const) : false },
		server: { host: '127.0.0.1', port: 5173, strictPort: true },
		test: {
			projects: [
				{
					extends: true,
					test: { name: 'unit', include: ['src/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts', 'functions/src/**/*.test.ts', 'tests/support/**/*.test.ts'], environment: 'node' }
				},
				{
					// The global setup prints the rules coverage figure after the rules specs (tests/support/rules-coverage-setup.ts).
					// extends: the convergence spec runs the app's edit session (a .svelte.ts rune class).
					extends: true,
					test: { name: 'rules', include: ['tests/rules/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 30_000, hookTimeout: 60_000, globalSetup: ['tests/support/rules-coverage-setup.ts'] }
				},
				{
					test: { name: 'functions', include: ['tests/functions/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 }
				},
				{
					test: { name: 'e2e', include: ['tests/e2e/**/*.spec.ts'], setupFiles: ['tests/support/csp-guard.ts'], environment: 'node', fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 }
				},
				{
					// Builds and packages as a deploy would (a production vite build, the functions upload): no emulators.
					test: { name: 'build', include: ['tests/build/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 420_000 }
				},
				{
					// `npm start` under faults (crash, dead emulator, vanished hub locator); scripts/test.mjs runs it in a private network namespace.
					test: { name: 'faults', include: ['tests/faults/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 900_000, hookTimeout: 120_000 }
				}
			]
		}
	};
});

/**
 * The page's Content-Security-Policy, emitted by SvelteKit as a <meta> in every page with the hash of
 * its one inline script (so no 'unsafe-inline' script). It lives in the build, not in firebase.json,
 * because it differs by build: only an emulator build may connect to the emulators on this machine.
 * firebase.json adds what a <meta> cannot carry (frame-ancestors) for every response.
 */
type CspDirectives = NonNullable<NonNullable<NonNullable<Parameters<typeof sveltekit>[0]>['csp']>['directives']>;

function contentSecurityPolicy(emulators: boolean): CspDirectives {
	// Auth 9099, Firestore 8080, Functions 5001, as firebase.json's emulators block says.
	const emulatorHosts = [
		'http://127.0.0.1:9099',
		'http://127.0.0.1:8080',
		'http://127.0.0.1:5001',
		'http://localhost:9099',
		'http://localhost:8080',
		'http://localhost:5001'
	] as const;
	const recaptcha = ['https://www.google.com/recaptcha/', 'https://www.gstatic.com/recaptcha/'] as const;
	return {
		'default-src': ['self'],
		'script-src': emulators ? ['self'] : ['self', ...recaptcha],
		'style-src': ['self'],
		// Style attributes only (app.html's root, Svelte's style="…" bindings): no <style> element, no
		// selectors, and what they can load is still bound by img-src/font-src. Scripts stay hash-only.
		'style-src-attr': ['unsafe-inline'],
		// Firestore's WebChannel loads this pixel to test the network after a failed request (offline).
		'img-src': ['self', 'data:', 'https://www.google.com/images/cleardot.gif'],
		'font-src': ['self'],
		'connect-src': emulators
			? ['self', ...emulatorHosts]
			: [
					'self',
					'https://firestore.googleapis.com',
					'https://identitytoolkit.googleapis.com',
					'https://securetoken.googleapis.com',
					'https://content-firebaseappcheck.googleapis.com',
					'https://*.cloudfunctions.net',
					'https://www.google.com/recaptcha/'
				],
		'frame-src': emulators ? ['none'] : ['https://www.google.com/recaptcha/', 'https://recaptcha.google.com/recaptcha/'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	};
}
