// bundle-share.ts: packages are told apart by path, and a script's bytes follow its source map.
import { describe, expect, it } from 'vitest';
import { SourceMapGenerator } from 'source-map-js';
import { bytesBySource, packageOf, shareOf, sharesOf } from './bundle-share';

describe('bundle shares', () => {
	it('names the package of a source, and the app for its own files', () => {
		expect(packageOf('../../node_modules/@firebase/firestore/dist/index.esm.js')).toBe('@firebase/firestore');
		expect(packageOf('../node_modules/svelte/src/internal/client/index.js')).toBe('svelte');
		expect(packageOf('../../src/lib/domain/schemas.ts')).toBeNull();
		expect(shareOf('@firebase/auth')).toBe('firebase');
		expect(shareOf('@sveltejs/kit')).toBe('framework');
		expect(shareOf('zod')).toBe('app');
		expect(shareOf(null)).toBe('app');
	});

	it('counts each mapped span for its source and shares the gzip size out in proportion', () => {
		// One line: 10 bytes of Firebase, then 30 of the app.
		const code = 'a'.repeat(10) + 'b'.repeat(30);
		const gen = new SourceMapGenerator({ file: 'x.js' });
		gen.addMapping({ generated: { line: 1, column: 0 }, original: { line: 1, column: 0 }, source: 'node_modules/@firebase/app/index.js' });
		gen.addMapping({ generated: { line: 1, column: 10 }, original: { line: 1, column: 0 }, source: 'src/lib/a.ts' });
		const map = JSON.parse(gen.toString());
		expect(Object.fromEntries(bytesBySource(code, map))).toEqual({ 'node_modules/@firebase/app/index.js': 10, 'src/lib/a.ts': 30 });
		expect(sharesOf(code, map, 400)).toEqual({ firebase: 100, framework: 0, app: 300 });
		expect(sharesOf(code, null, 400)).toEqual({ firebase: 0, framework: 0, app: 400 });
	});
});
