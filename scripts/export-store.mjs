// The saved emulator state under <stateDir>/emulator-data: exports asked of the Emulator Hub over HTTP
// (not through firebase-tools' $TMPDIR locator file, which another suite can rewrite or delete), written
// into a sibling folder and swapped in by rename, so the folder the next start imports is always whole.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';

export const METADATA = 'firebase-export-metadata.json';

export function exportPaths(stateDir) {
	const current = join(stateDir, 'emulator-data');
	return { current, next: `${current}.next`, old: `${current}.old` };
}

/**
 * Asks the hub to export every running emulator into `dir` (firebase-tools' hub.js: POST /_admin/export
 * { path }; HubExport writes to a temp folder and moves it to `dir`). Resolves when the export is complete.
 * node:http rather than fetch: the hub refuses requests carrying an Origin header.
 */
export function hubExport(dir, { host = '127.0.0.1', port = 4400, timeoutMs = 120_000 } = {}) {
	const body = JSON.stringify({ path: dir, initiatedBy: 'planbordet' });
	return new Promise((resolve, reject) => {
		const req = request(
			{ host, port, path: '/_admin/export', method: 'POST', timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
			(res) => {
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`hub export answered ${res.statusCode}: ${text}`))));
			}
		);
		req.on('timeout', () => req.destroy(new Error(`hub export timed out after ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * Waits until the Firestore part of the export at `dir` is written: the Firestore emulator answers its
 * export call (and so the hub answers ours) before the files are on disk — measured: seconds later — and
 * writes its overall metadata file last. Without Firestore in the export there is nothing to wait for.
 */
export async function whenComplete(dir, { timeoutMs = 120_000 } = {}) {
	const meta = JSON.parse(readFileSync(join(dir, METADATA), 'utf8'));
	if (!meta.firestore) return;
	const marker = join(dir, meta.firestore.metadata_file);
	const until = Date.now() + timeoutMs;
	while (!existsSync(marker)) {
		if (Date.now() > until) throw new Error(`the Firestore export did not finish within ${timeoutMs} ms (${marker} missing)`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * A hash of a folder's file names and contents, to tell whether a new export differs from the saved one.
 * The Firestore emulator's `*.export_metadata` files hold the export's own timestamps, so they are left out:
 * the same data then hashes the same (its `output-*` files are byte-identical from export to export).
 */
export function hashDir(dir) {
	const hash = createHash('sha256');
	const walk = (d) => {
		for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const p = join(d, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (!entry.name.endsWith('export_metadata')) hash.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
		}
	};
	walk(dir);
	return hash.digest('hex');
}

/**
 * Puts the complete export at `next` in place: current → .old, .next → current, then .old is removed.
 * A crash between the renames leaves .old and .next, which `recoverExport` resolves.
 */
export function swapIn(stateDir) {
	const { current, next, old } = exportPaths(stateDir);
	rmSync(old, { recursive: true, force: true });
	if (existsSync(current)) renameSync(current, old);
	renameSync(next, current);
	rmSync(old, { recursive: true, force: true });
}

/**
 * Run before a start: leaves a whole export at `current` (or none) and no siblings. A `.next` is whole only
 * when `.old` exists too (the swap starts after the export finished); a lone `.next` is an interrupted export.
 * Returns the path to import, or null.
 */
export function recoverExport(stateDir) {
	const { current, next, old } = exportPaths(stateDir);
	if (!existsSync(current) && existsSync(old)) renameSync(existsSync(next) ? next : old, current);
	rmSync(next, { recursive: true, force: true });
	rmSync(old, { recursive: true, force: true });
	return existsSync(join(current, METADATA)) ? current : null;
}

/** Forgets the saved state (demo:reset), siblings included. */
export function forgetExport(stateDir) {
	for (const p of Object.values(exportPaths(stateDir))) rmSync(p, { recursive: true, force: true });
}

/**
 * One export cycle: export into .next; when it equals the saved export, drop it, else swap it in.
 * `saved` is the hash of the saved export (or null). Returns { changed, hash, ms }.
 */
export async function exportOnce(stateDir, saved, hub = {}) {
	const { next } = exportPaths(stateDir);
	const started = Date.now();
	rmSync(next, { recursive: true, force: true });
	await hubExport(next, hub);
	await whenComplete(next);
	const hash = hashDir(next);
	if (hash === saved) {
		rmSync(next, { recursive: true, force: true });
		return { changed: false, hash, ms: Date.now() - started };
	}
	swapIn(stateDir);
	return { changed: true, hash, ms: Date.now() - started };
}
