// Bundles functions/src with the shared domain code into two deployable packages, each alone:
// - functions/lib/index.js: every function but the blocking ones (codebase "default");
// - functions-blocking/lib/index.js: beforeUserCreated and beforeUserSignedIn only (codebase
//   "blocking"), small so their cold start stays far inside Identity Platform's 7 s.
// The Firebase SDKs and nodemailer stay external (each package.json installs them). Prints the sizes.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const at = (p) => new URL(p, import.meta.url).pathname;
export const BUNDLES = [
	{ name: 'functions', entry: at('./src/index.ts'), outfile: at('./lib/index.js') },
	{ name: 'blocking', entry: at('./src/blocking.ts'), outfile: at('../functions-blocking/lib/index.js') }
];

for (const b of BUNDLES) {
	await build({
		entryPoints: [b.entry],
		outfile: b.outfile,
		bundle: true,
		platform: 'node',
		target: 'node22',
		format: 'cjs',
		sourcemap: true,
		external: ['firebase-admin', 'firebase-functions', 'nodemailer'],
		logLevel: 'warning'
	});
	console.log(`functions/build: ${b.name.padEnd(9)} ${(statSync(b.outfile).size / 1024).toFixed(0).padStart(6)} kB  ${b.outfile.replace(at('../'), '')}`);
}
