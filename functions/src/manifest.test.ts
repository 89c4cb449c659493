// The built functions as `firebase deploy` reads them and as they answer: every export of both
// bundles (functions/lib, functions-blocking/lib; `node functions/build.mjs`, which npm test runs
// first) declares, in the __endpoint manifest firebase-functions attaches, the one region and a
// generation firebase-functions deploys there; the schedules are 2nd gen in Stockholm time; and with
// the production configuration every callable and HTTP export refuses a request without an App
// Check token (only unsubscribeReminders, reached from mails, is exempt by name).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION } from './shared/region';

const require = createRequire(import.meta.url);
const MAIN = fileURLToPath(new URL('../lib/index.js', import.meta.url));
const BLOCKING = fileURLToPath(new URL('../../functions-blocking/lib/index.js', import.meta.url));
const FIREBASE_JSON = JSON.parse(readFileSync(fileURLToPath(new URL('../../firebase.json', import.meta.url)), 'utf8')) as {
	functions: Array<{ source: string; codebase: string }>;
	hosting: { rewrites: Array<{ source: string; function?: { functionId: string; region: string } }> };
};
const V1_REGIONS: readonly string[] = (require('firebase-functions/v1') as { SUPPORTED_REGIONS: readonly string[] }).SUPPORTED_REGIONS;

/** HTTP exports that do not demand App Check, and why: see options.ts PUBLIC_HTTP. */
const WITHOUT_APP_CHECK = ['unsubscribeReminders'];

interface Endpoint {
	platform: string;
	region: string[];
	callableTrigger?: object;
	httpsTrigger?: object;
	eventTrigger?: { eventType: string; region?: string; eventFilters?: Record<string, string> };
	scheduleTrigger?: { schedule: string; timeZone?: string };
	blockingTrigger?: { eventType: string };
}
type Handler = ((req: unknown, res: unknown) => unknown) & { __endpoint: Endpoint };
type Bundle = Record<string, Handler>;

/** Loads a bundle afresh with the given environment, as a function instance starts with it. */
function load(path: string, env: Record<string, string | undefined>): Bundle {
	const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
	for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
	else process.env[k] = v;
	try {
		delete require.cache[path];
		return require(path) as Bundle;
	} finally {
		for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
}

/** A deployed instance's environment: no emulator marker, even if APP_CHECK=false slipped into an .env file. */
const PRODUCTION = { FUNCTIONS_EMULATOR: undefined, APP_CHECK: 'false', GCLOUD_PROJECT: 'manifest-test' };
const EMULATOR = { FUNCTIONS_EMULATOR: 'true', APP_CHECK: 'false', GCLOUD_PROJECT: 'demo-manifest-test' };

const main = load(MAIN, PRODUCTION);
const blocking = load(BLOCKING, PRODUCTION);
const all = { ...main, ...blocking };
const names = (b: Bundle, has: (e: Endpoint) => boolean) => Object.keys(b).filter((n) => has(b[n].__endpoint));

describe('the built manifest', () => {
	it('has both bundles, the blocking functions only in their own codebase', () => {
		expect(Object.keys(main).length).toBeGreaterThan(20);
		expect(Object.keys(blocking).sort()).toEqual(['beforeUserCreated', 'beforeUserSignedIn']);
		expect(Object.keys(main).filter((n) => n in blocking)).toEqual([]);
		expect(FIREBASE_JSON.functions.map((f) => [f.codebase, f.source])).toEqual([
			['default', 'functions'],
			['blocking', 'functions-blocking']
		]);
	});

	it.each(Object.keys(all))('%s runs in the one region, in a generation firebase-functions deploys there', (name) => {
		const e = all[name].__endpoint;
		expect(e.region).toEqual([REGION]);
		expect(['gcfv1', 'gcfv2']).toContain(e.platform);
		if (e.platform === 'gcfv1') expect(V1_REGIONS).toContain(REGION);
	});

	it('declares the schedules as 2nd gen, in Stockholm time', () => {
		const schedules = Object.fromEntries(names(main, (e) => !!e.scheduleTrigger).map((n) => [n, main[n].__endpoint]));
		expect(Object.keys(schedules).sort()).toEqual(['sendDeadlineReminders', 'sendMentionDigests']);
		expect(schedules.sendDeadlineReminders.scheduleTrigger).toMatchObject({ schedule: 'every day 08:00', timeZone: 'Europe/Stockholm' });
		expect(schedules.sendMentionDigests.scheduleTrigger).toMatchObject({ schedule: 'every 2 minutes', timeZone: 'Europe/Stockholm' });
		for (const e of Object.values(schedules)) expect(e.platform).toBe('gcfv2');
	});

	it('leaves the Firestore triggers’ Eventarc location to the database (firebase-tools sets it from eur3)', () => {
		const triggers = names(main, (e) => !!e.eventTrigger?.eventType.startsWith('google.cloud.firestore.'));
		expect(triggers.length).toBeGreaterThanOrEqual(4);
		for (const n of triggers) {
			expect(main[n].__endpoint.platform).toBe('gcfv2');
			expect(main[n].__endpoint.eventTrigger?.region).toBeUndefined();
			expect(main[n].__endpoint.eventTrigger?.eventFilters?.database).toBe('(default)');
		}
	});

	it('rewrites Hosting paths only to HTTP exports in the one region', () => {
		const rewrites = FIREBASE_JSON.hosting.rewrites.flatMap((r) => (r.function ? [r.function] : []));
		expect(rewrites.length).toBeGreaterThan(0);
		for (const f of rewrites) {
			expect(f.region).toBe(REGION);
			expect(main[f.functionId]?.__endpoint.httpsTrigger).toBeDefined();
		}
	});
});

/** Serves the bundle's HTTP and callable exports at /<name>, as Cloud Run does (express, JSON bodies). */
async function serve(b: Bundle) {
	const app = express();
	app.use(express.json());
	for (const n of names(b, (e) => !!e.callableTrigger || !!e.httpsTrigger)) app.use(`/${n}`, (req, res) => b[n](req, res));
	const server = app.listen(0, '127.0.0.1');
	await new Promise((r) => server.once('listening', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { url, close: () => new Promise((r) => server.close(r)) };
}

/** A callable request as the SDK sends it, without an ID token and without an App Check token. */
const callBare = (url: string, name: string, data: unknown) =>
	fetch(`${url}/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });

// Loading a bundle and its first requests take seconds on a busy machine.
describe('App Check with the production configuration', { timeout: 30_000 }, () => {
	let server: Awaited<ReturnType<typeof serve>>;
	beforeAll(async () => {
		server = await serve(main);
	});
	afterAll(() => server.close());

	it.each(names(main, (e) => !!e.callableTrigger))('callable %s refuses a call without an App Check token', async (name) => {
		const res = await callBare(server.url, name, { email: 'a@b.se' });
		expect(res.status).toBe(401);
		// The SDK's own App Check refusal, not one of ours (ours name a details.reason).
		expect(await res.json()).toEqual({ error: { message: 'Unauthenticated', status: 'UNAUTHENTICATED' } });
	});

	it.each(names(main, (e) => !!e.httpsTrigger).filter((n) => !WITHOUT_APP_CHECK.includes(n)))(
		'HTTP export %s refuses a request without the X-Firebase-AppCheck header',
		async (name) => {
			const res = await fetch(`${server.url}/${name}/jamtland-harjedalen/2024.xlsx`, { headers: { authorization: 'Bearer x' } });
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({ error: 'app-check' });
		}
	);

	it('lets unsubscribeReminders answer a mail’s link without a token (its signed token is the check)', async () => {
		const res = await fetch(`${server.url}/unsubscribeReminders?token=forged`);
		expect(res.status).toBe(400);
	});
});

describe('App Check switched off in the emulator (APP_CHECK=false)', { timeout: 30_000 }, () => {
	it('lets a call without a token through to the function, which then checks its input', async () => {
		const server = await serve(load(MAIN, EMULATOR));
		try {
			const res = await callBare(server.url, 'requestSignInLink', { email: 'inte-en-adress' });
			expect(res.status).toBe(400);
			expect(((await res.json()) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
		} finally {
			await server.close();
		}
	});
});
