// `firebase deploy`'s predeploy hook (firebase.json): builds what is uploaded, for the project being
// deployed to, and stops with a list of what is missing before anything leaves the machine.
//   node scripts/predeploy.mjs hosting    — the production web build (config from .env.production)
//   node scripts/predeploy.mjs functions [dir] — the functions bundles and the deploy parameters of
//                                           one codebase (its source dir, $RESOURCE_DIR; default functions/)
// firebase-tools runs hooks with GCLOUD_PROJECT set to the target project (docs/deploy.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { loadEnv } from 'vite';
import { functionsConfigProblems, isSecret, parseDotenv, webConfigMessage, webConfigProblems } from './predeploy-checks.mjs';

const root = resolve(import.meta.dirname, '..');
const target = process.argv[2];
const projectId = process.env.GCLOUD_PROJECT;

function fail(lines) {
	console.error(['', '[planbordet] predeploy stopped: nothing was deployed.', ...lines, 'See docs/deploy.md.', ''].join('\n'));
	process.exit(1);
}

if (!projectId) fail(['GCLOUD_PROJECT is not set: run this through `firebase deploy --project <id>`.']);
if (projectId.startsWith('demo-')) fail([`${projectId} is an emulator-only demo project and cannot be deployed to.`]);

if (target === 'hosting') {
	const env = loadEnv('production', root, 'VITE_');
	const problems = webConfigProblems(env);
	if (env.VITE_FIREBASE_PROJECT_ID && env.VITE_FIREBASE_PROJECT_ID !== projectId) {
		problems.push(`.env.production is for project ${env.VITE_FIREBASE_PROJECT_ID}, but this deploy goes to ${projectId}`);
	}
	if (problems.length > 0) fail([webConfigMessage('production', problems)]);
	execFileSync('npx', ['vite', 'build', '--mode', 'production', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
} else if (target === 'functions') {
	const source = resolve(root, process.argv[3] ?? 'functions');
	const name = relative(root, source);
	execFileSync('node', ['functions/build.mjs'], { cwd: root, stdio: 'inherit' });
	// The parameters the built functions declare (firebase-functions/params), read from the bundle itself.
	const require = createRequire(join(source, 'package.json'));
	require(join(source, require(join(source, 'package.json')).main));
	const params = require('firebase-functions/params').declaredParams;
	// The CLI reads <codebase>/.env, then .env.<projectId>, and sets them on the functions (docs/deploy.md).
	const values = {};
	for (const file of ['.env', `.env.${projectId}`]) {
		const path = join(source, file);
		if (existsSync(path)) Object.assign(values, parseDotenv(readFileSync(path, 'utf8')));
	}
	const problems = functionsConfigProblems(params, values);
	if (problems.length > 0) fail([`The parameters of ${name} for ${projectId} (${name}/.env.${projectId}):`, ...problems.map((p) => `  - ${p}`)]);
	const secrets = params.filter(isSecret).map((p) => p.name);
	if (secrets.length > 0) {
		console.log(
			`[planbordet] Secrets ${name} needs in ${projectId} (firebase deploy checks they exist):\n` +
				secrets.map((secret) => `  - ${secret}: npx firebase functions:secrets:set ${secret} --project ${projectId}`).join('\n')
		);
	}
} else {
	fail([`Unknown predeploy target "${target}" (hosting or functions).`]);
}
