// The Hosting emulator serves firebase.json's headers on every page and asset of the built app, as
// Hosting will: the fixed security headers everywhere, `no-cache` on the app shell and every route
// that falls back to it, a year's cache only on the hashed assets. The page's own CSP (script hash,
// endpoints) is in the built HTML, and must match its inline script.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL } from '../support/emulators';

const buildDir = resolve(import.meta.dirname, '../../build');
const assets = readdirSync(buildDir, { recursive: true, withFileTypes: true })
	.filter((d) => d.isFile())
	.map((d) => `/${relative(buildDir, join(d.parentPath, d.name))}`);
// The app's routes (src/routes), which Hosting answers with 200.html.
const routes = ['/', '/logga-in', '/logga-in/bekrafta', '/admin', '/oversikt', '/natverk/jamtland-harjedalen', '/plan/jamtland-harjedalen/2024', '/finns-inte'];

function expectSecurityHeaders(path: string, headers: Headers) {
	const csp = headers.get('content-security-policy') ?? '';
	expect(csp, path).toContain("frame-ancestors 'none'");
	expect(csp, path).toContain("object-src 'none'");
	expect(csp, path).toContain("base-uri 'self'");
	expect(headers.get('x-frame-options'), path).toBe('DENY');
	expect(headers.get('x-content-type-options'), path).toBe('nosniff');
	expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
	expect(headers.get('permissions-policy'), path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
}

describe('Hosting headers', () => {
	it('the files of the build, with a year of cache only for the hashed ones', async () => {
		expect(assets).toContain('/200.html');
		for (const path of assets) {
			const res = await fetch(`${APP_URL}${path}`);
			expect(res.status, path).toBe(200);
			expectSecurityHeaders(path, res.headers);
			const immutable = path.startsWith('/_app/immutable/');
			expect(res.headers.get('cache-control'), path).toBe(immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
			await res.arrayBuffer();
		}
	});

	it.each(routes)('the route %s: the shell, never cached, with its CSP', async (path) => {
		const res = await fetch(`${APP_URL}${path}`);
		expect(res.status).toBe(200);
		expectSecurityHeaders(path, res.headers);
		expect(res.headers.get('cache-control')).toBe('no-cache');
		const html = await res.text();
		const policy = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
		const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1].split(' ') ?? [];
		const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		expect(inline).toHaveLength(1);
		expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`);
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(policy).toContain("style-src 'self';");
		expect(policy).toMatch(/default-src 'self'/);
	});
});
