// The submitted plan's fingerprint (content-hash.ts): SHA-256 of the domain's canonical text, and
// the same hex digits the hand-written SHA-256 produced before node:crypto replaced it.
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, matchesSubmission } from './content-hash';
import { canonicalContent, CONTENT_FORMAT, submissionRecord, type SubmittedRow } from '../../../src/lib/domain/submission';
import type { PriorityArea, RowFields } from '../../../src/lib/domain/schemas';

const areas: PriorityArea[] = [
	{ number: 1, title: 'Medborgarnas tillgång' },
	{ number: 2, title: 'Stöd och rådgivning' },
	{ number: 3, title: 'Samordning' }
];
const by = { uid: 'uid-karin', name: 'Karin Krokom' };
const at = new Date('2027-01-20T10:15:00Z');

const rows: SubmittedRow[] = [
	{ id: 'r-b', area: 1, position: 2048, fields: { action: 'Dialog', goal: '1.1', serviceTypes: ['ombud', 'dagligvaror'], status: 'klar' } },
	{ id: 'r-a', area: 1, position: 1024, fields: { action: 'Kartläggning åäö', status: 'fortsatter' } },
	{ id: 'r-c', area: 3, position: 1024, fields: { resources: 'Länsstyrelsen', action: 'Samverkan' } }
];

type SeedRow = { id: string; area: number; fields: RowFields };
const seedPath = join(import.meta.dirname, '..', '..', '..', 'seed', 'plans', 'jamtland-harjedalen-2023.json');
const seedRows = (JSON.parse(readFileSync(seedPath, 'utf8')) as { rows: SeedRow[] }).rows.map((r, i) => ({ ...r, position: (i + 1) * 1024 }));

describe('contentHash', () => {
	it('is the SHA-256 of the UTF-8 canonical content', () => {
		expect(contentHash(rows)).toBe(createHash('sha256').update(canonicalContent(rows), 'utf8').digest('hex'));
		expect(contentHash(rows)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('is stable: a known value for a known input', () => {
		expect(contentHash([])).toBe(createHash('sha256').update(`{"format":"${CONTENT_FORMAT}","rows":[]}`).digest('hex'));
	});

	it('gives the hashes stored before node:crypto, byte for byte', () => {
		// Computed by the hand-written SHA-256 (src/lib/domain/sha256.ts, since removed); submissions
		// already stored carry these, and must keep matching their rows.
		expect(contentHash([])).toBe('a55f2d4ff39dd49ccc4c6d21993bb1896f252e255ab31e30ade9439be9b5650d');
		expect(contentHash(rows)).toBe('ba64120672da9cb5cbd26a6e5248689ec1dd73e8bd7017c9c9b7dd5477ba8cac');
		expect(contentHash(seedRows)).toBe('ed7d076ceebbcee12f92a636f1e11ebbbcab83437f6ef9fb48bf14a7b254e63d');
	});

	it('hashes the seed plan deterministically, whatever order the rows are read in', () => {
		expect(contentHash([...seedRows].reverse())).toBe(contentHash(seedRows));
	});
});

describe('matchesSubmission', () => {
	it('lets a test recompute the hash from stored rows', () => {
		const record = submissionRecord({ rows, areas, by, at, contentHash: contentHash(rows) });
		const stored = rows.map((r) => ({ ...r, revs: { action: 2 }, updatedAt: new Date(0) }));
		expect(createHash('sha256').update(canonicalContent(stored)).digest('hex')).toBe(record.contentHash);
		expect(matchesSubmission(stored, record)).toBe(true);
		expect(matchesSubmission(stored.slice(1), record)).toBe(false);
	});
});
