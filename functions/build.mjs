// Bundles functions/src with the shared domain code into lib/index.js, so the package deploys
// alone; the Firebase SDKs and nodemailer stay external (functions/package.json installs them).
import { build } from 'esbuild';

await build({
	entryPoints: [new URL('./src/index.ts', import.meta.url).pathname],
	outfile: new URL('./lib/index.js', import.meta.url).pathname,
	bundle: true,
	platform: 'node',
	target: 'node22',
	format: 'cjs',
	sourcemap: true,
	external: ['firebase-admin', 'firebase-functions', 'nodemailer'],
	logLevel: 'warning'
});
