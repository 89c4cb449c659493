// What a build or deploy for a real Firebase project must be given: the build modes that talk to the
// local Emulator Suite, the web app's production config (VITE_*), and the functions' parameters.
// Shared by vite.config.ts (a production build fails fast) and scripts/predeploy.mjs.

/** Modes whose build connects to the emulators (demo-planbordet). Every other mode is a real project. */
export const EMULATOR_MODES = ['emulator', 'development', 'test'];

/** @param {string} mode */
export const isEmulatorMode = (mode) => EMULATOR_MODES.includes(mode);

/** The web app's config for a real project; the App Check site key is a reCAPTCHA Enterprise key. */
export const WEB_CONFIG_KEYS = [
	'VITE_FIREBASE_API_KEY',
	'VITE_FIREBASE_AUTH_DOMAIN',
	'VITE_FIREBASE_PROJECT_ID',
	'VITE_FIREBASE_APP_ID',
	'VITE_APPCHECK_SITE_KEY'
];

/**
 * The problems of a production web config (empty when complete); `env` is what Vite loaded for the mode.
 * @param {Record<string, string | undefined>} env
 */
export function webConfigProblems(env) {
	const problems = WEB_CONFIG_KEYS.filter((key) => !env[key]?.trim()).map((key) => `${key} saknas (missing)`);
	const projectId = env.VITE_FIREBASE_PROJECT_ID?.trim();
	// demo-* ids exist only in the Emulator Suite: a production build for one would reach nothing.
	if (projectId?.startsWith('demo-')) problems.push(`VITE_FIREBASE_PROJECT_ID=${projectId} is an emulator-only demo project`);
	return problems;
}

/** @param {string} mode @param {string[]} problems */
export function webConfigMessage(mode, problems) {
	return [
		`[planbordet] A ${mode} build is for a real Firebase project and needs its web config:`,
		...problems.map((p) => `  - ${p}`),
		'Put them in .env.production (never committed; see docs/deploy.md, step 4),',
		'or build for the local Emulator Suite instead: npx vite build --mode emulator'
	].join('\n');
}

/**
 * The problems of the functions' deploy parameters for a project: every declared string param
 * without a default must have a value in functions/.env or .env.<projectId>, APP_URL must be https.
 * `params` are firebase-functions' declaredParams ({ name, options.default, constructor.name }); secrets
 * are listed separately because only `firebase functions:secrets:set` can give them.
 *
 * @typedef {{ default?: unknown, label?: string, description?: string }} DeclaredParamOptions
 *   A value param's options (a default among them) or a secret's (a label and description only).
 */
export function functionsConfigProblems(/** @type {ReadonlyArray<{ name: string, options?: DeclaredParamOptions }>} */ params, /** @type {Record<string, string>} */ values) {
	/** @type {string[]} */
	const problems = [];
	for (const p of params) {
		if (isSecret(p)) continue;
		const value = values[p.name];
		if (value === undefined && p.options?.default === undefined) problems.push(`${p.name} saknas (missing)`);
	}
	const appUrl = values.APP_URL;
	if (appUrl !== undefined && !/^https:\/\/[^/]+/.test(appUrl)) problems.push(`APP_URL must be the app's https:// address (is "${appUrl}")`);
	if (appUrl !== undefined && /127\.0\.0\.1|localhost/.test(appUrl)) problems.push(`APP_URL points at this machine ("${appUrl}")`);
	return problems;
}

/** @param {object} param */
export const isSecret = (param) => param.constructor.name === 'SecretParam';

/** Parses a dotenv file's KEY=VALUE lines (comments and blanks skipped; quotes around a value removed). */
export function parseDotenv(/** @type {string} */ text) {
	/** @type {Record<string, string>} */
	const values = {};
	for (const line of text.split(/\r?\n/)) {
		const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
		if (!m || line.trim().startsWith('#')) continue;
		values[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
	}
	return values;
}
