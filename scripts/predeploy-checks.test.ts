// The predeploy checks against firebase-functions' own param objects and Vite-style env maps.
import { defineSecret, defineString } from 'firebase-functions/params';
import { describe, expect, it } from 'vitest';
import { functionsConfigProblems, isEmulatorMode, isSecret, parseDotenv, webConfigProblems } from './predeploy-checks.mjs';

const HOST = defineString('TEST_SMTP_HOST');
const PORT = defineString('TEST_SMTP_PORT', { default: '587' });
const APP_URL = defineString('APP_URL');
const SECRET = defineSecret('TEST_SECRET');
const params = [HOST, PORT, APP_URL, SECRET];

describe('functionsConfigProblems', () => {
	it('names every param without a value or default, never a secret', () => {
		expect(functionsConfigProblems(params, {})).toEqual(['TEST_SMTP_HOST saknas (missing)', 'APP_URL saknas (missing)']);
		expect(isSecret(SECRET)).toBe(true);
		expect(isSecret(HOST)).toBe(false);
	});

	it('wants APP_URL to be an https address that is not this machine', () => {
		const base = { TEST_SMTP_HOST: 'smtp.example.se' };
		expect(functionsConfigProblems(params, { ...base, APP_URL: 'https://planbordet.example.se' })).toEqual([]);
		expect(functionsConfigProblems(params, { ...base, APP_URL: 'http://planbordet.example.se' })).toHaveLength(1);
		expect(functionsConfigProblems(params, { ...base, APP_URL: 'https://localhost:5000' })).toHaveLength(1);
	});
});

describe('webConfigProblems', () => {
	const complete = {
		VITE_FIREBASE_API_KEY: 'k',
		VITE_FIREBASE_AUTH_DOMAIN: 'p.firebaseapp.com',
		VITE_FIREBASE_PROJECT_ID: 'p',
		VITE_FIREBASE_APP_ID: '1:2:web:3',
		VITE_APPCHECK_SITE_KEY: 's'
	};
	it('is empty for a complete config and names each missing or blank key', () => {
		expect(webConfigProblems(complete)).toEqual([]);
		expect(webConfigProblems({ ...complete, VITE_APPCHECK_SITE_KEY: ' ' })).toEqual(['VITE_APPCHECK_SITE_KEY saknas (missing)']);
	});
	it('refuses a demo project', () => {
		expect(webConfigProblems({ ...complete, VITE_FIREBASE_PROJECT_ID: 'demo-planbordet' })).toHaveLength(1);
	});
});

it('only the emulator, development and test modes talk to the emulators', () => {
	expect(['emulator', 'development', 'test'].every(isEmulatorMode)).toBe(true);
	expect(['production', 'staging', 'buildtest'].some(isEmulatorMode)).toBe(false);
});

it('parseDotenv reads KEY=VALUE lines, skipping comments and unquoting', () => {
	expect(parseDotenv('# c\nA=1\n B = "x y" \nC=\n')).toEqual({ A: '1', B: 'x y', C: '' });
});
