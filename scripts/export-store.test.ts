// The saved emulator state: swapped in whole, recovered after an interrupted swap, and compared by content.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportPaths, forgetExport, hashDir, METADATA, recoverExport, swapIn, whenComplete } from './export-store.mjs';

let state: string;
let paths: { current: string; next: string; old: string };
beforeEach(() => {
	state = mkdtempSync(join(tmpdir(), 'export-store-'));
	paths = exportPaths(state);
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

/** A whole export: its data and firebase-tools' metadata file. */
function exportAt(dir: string, data: string, stamp = '1') {
	mkdirSync(join(dir, 'firestore_export'), { recursive: true });
	writeFileSync(join(dir, 'firestore_export', 'output-0'), data);
	writeFileSync(join(dir, 'firestore_export', 'x.export_metadata'), stamp);
	writeFileSync(join(dir, METADATA), '{}');
}
const data = (dir: string) => readFileSync(join(dir, 'firestore_export', 'output-0'), 'utf8');

describe('swapIn', () => {
	test('puts the new export in place and drops the previous one', () => {
		exportAt(paths.current, 'v1');
		exportAt(paths.next, 'v2');
		swapIn(state);
		expect(data(paths.current)).toBe('v2');
		expect(existsSync(paths.next) || existsSync(paths.old)).toBe(false);
	});
	test('works for the first export too', () => {
		exportAt(paths.next, 'v1');
		swapIn(state);
		expect(data(paths.current)).toBe('v1');
	});
});

describe('recoverExport', () => {
	test('keeps a whole current export and drops an interrupted .next beside it', () => {
		exportAt(paths.current, 'v1');
		mkdirSync(paths.next); // the hub had started writing
		expect(recoverExport(state)).toBe(paths.current);
		expect(data(paths.current)).toBe('v1');
		expect(existsSync(paths.next)).toBe(false);
	});
	test('a crash between the renames: .next was whole, so it becomes the export', () => {
		exportAt(paths.old, 'v1');
		exportAt(paths.next, 'v2');
		expect(recoverExport(state)).toBe(paths.current);
		expect(data(paths.current)).toBe('v2');
		expect(existsSync(paths.old)).toBe(false);
	});
	test('a crash after the renames: .old is dropped', () => {
		exportAt(paths.current, 'v2');
		exportAt(paths.old, 'v1');
		recoverExport(state);
		expect(data(paths.current)).toBe('v2');
		expect(existsSync(paths.old)).toBe(false);
	});
	test('nothing saved, or a folder without metadata: nothing to import', () => {
		expect(recoverExport(state)).toBeNull();
		mkdirSync(paths.current);
		expect(recoverExport(state)).toBeNull();
	});
});

test('hashDir tells data apart but not the export timestamps', () => {
	exportAt(paths.current, 'v1', 'stamp-a');
	exportAt(paths.next, 'v1', 'stamp-b');
	exportAt(paths.old, 'v2', 'stamp-a');
	expect(hashDir(paths.current)).toBe(hashDir(paths.next));
	expect(hashDir(paths.current)).not.toBe(hashDir(paths.old));
});

test('forgetExport removes the export and its siblings', () => {
	exportAt(paths.current, 'v1');
	exportAt(paths.next, 'v2');
	forgetExport(state);
	expect([paths.current, paths.next, paths.old].some((p) => existsSync(p))).toBe(false);
});

test('whenComplete waits for the Firestore emulator to write its overall metadata last', async () => {
	mkdirSync(paths.next, { recursive: true });
	writeFileSync(join(paths.next, METADATA), JSON.stringify({ firestore: { metadata_file: 'firestore_export/x.overall_export_metadata' } }));
	let done = false;
	const waiting = whenComplete(paths.next, { timeoutMs: 5000 }).then(() => (done = true));
	await new Promise((r) => setTimeout(r, 300));
	expect(done).toBe(false);
	mkdirSync(join(paths.next, 'firestore_export'));
	writeFileSync(join(paths.next, 'firestore_export', 'x.overall_export_metadata'), '');
	await waiting;
	expect(done).toBe(true);
	await expect(whenComplete(paths.old, { timeoutMs: 10 })).rejects.toThrow(); // no export at all
});
