// Sign-off states per organisation: approved while the hash holds, stale after an edit, none without.
import { describe, expect, it } from 'vitest';
import { networkOrganizations, notSignedOff, planKey, planSignOffCounts, requestOutcome, requestSignOffResult, signOffCounts, signOffRecord, signOffState, signOffsByOrganisation, submissionSignOffs } from './sign-off';
import type { SignOff } from './schemas';

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const so = (orgId: string, contentHash: string): SignOff => ({ orgId, uid: `u-${orgId}`, name: 'Namn', at: new Date('2026-03-10T10:00:00Z'), contentHash });

describe('signOffState', () => {
	it('approved for the same hash, stale for another, none without a sign-off', () => {
		expect(signOffState(so('berg', H1), H1)).toBe('approved');
		expect(signOffState(so('berg', H1), H2)).toBe('stale');
		expect(signOffState(null, H1)).toBe('none');
		expect(signOffState(undefined, H1)).toBe('none');
	});
});

describe('per organisation', () => {
	const orgs = [
		{ id: 'ostersund', data: { name: 'Östersunds kommun', regionId: 'jh' } },
		{ id: 'are', data: { name: 'Åre kommun', regionId: 'jh' } },
		{ id: 'berg', data: { name: 'Bergs kommun', regionId: 'jh' } },
		{ id: 'tvv', data: { name: 'Tillväxtverket', regionId: null } },
		{ id: 'vn', data: { name: 'Region Västernorrland', regionId: 'vn' } }
	];

	it('the network is the region’s organisations only', () => {
		expect(networkOrganizations(orgs, 'jh').map((o) => o.id)).toEqual(['ostersund', 'are', 'berg']);
	});

	it('lists every organisation of the network with its state, by Swedish name; a stray sign-off is left out', () => {
		const list = signOffsByOrganisation(networkOrganizations(orgs, 'jh'), [{ id: 'berg', data: so('berg', H1) }, { id: 'are', data: so('are', H2) }, { id: 'vn', data: so('vn', H1) }], H1);
		expect(list.map((o) => [o.orgId, o.state])).toEqual([
			['berg', 'approved'],
			['are', 'stale'],
			['ostersund', 'none']
		]);
		expect(notSignedOff(list).map((o) => o.orgId)).toEqual(['are', 'ostersund']);
	});
});

describe('signOffRecord', () => {
	it('builds the stored document and refuses a hash that is no SHA-256', () => {
		expect(signOffRecord({ orgId: 'berg', uid: 'u1', name: 'Nora', at: new Date(0), contentHash: H1 })).toEqual({ orgId: 'berg', uid: 'u1', name: 'Nora', at: new Date(0), contentHash: H1 });
		expect(() => signOffRecord({ orgId: 'berg', uid: 'u1', name: 'Nora', at: new Date(0), contentHash: 'abc' })).toThrow();
	});
});

describe('the catalogue', () => {
	it('words every sign-off state', async () => {
		const sv = await import('../i18n/sv');
		const states: Record<import('./sign-off').SignOffState, string> = sv.signOff.states;
		expect(Object.keys(states).sort()).toEqual(['approved', 'none', 'stale']);
	});
});

describe('currentContentHash', () => {
	it('is the functions’ content hash (node:crypto) for the same rows, and changes with an edit', async () => {
		const { contentHash } = await import('../../../functions/src/shared/content-hash');
		const { currentContentHash } = await import('./sign-off');
		const rows: import('./submission').SubmittedRow[] = [
			{ id: 'r2', area: 1, position: 'a1', fields: { action: 'Hemsändning', serviceTypes: ['ombud', 'dagligvaror'] } },
			{ id: 'r1', area: 1, position: 'a0', fields: { action: 'Servicepunkter i glesbygd åäö', status: '' } }
		];
		expect(await currentContentHash(rows)).toBe(contentHash(rows));
		expect(await currentContentHash(rows)).toMatch(/^[0-9a-f]{64}$/);
		const edited = [{ ...rows[0], fields: { ...rows[0].fields, action: 'Hemsändning av varor' } }, rows[1]];
		expect(await currentContentHash(edited)).not.toBe(await currentContentHash(rows));
		expect(signOffState({ contentHash: contentHash(rows) }, await currentContentHash(edited))).toBe('stale');
	});
});

describe('submissionSignOffs', () => {
	it('every organisation with its state, and who, when and which hash for the signed ones', () => {
		const orgs = [
			{ id: 'berg', data: { name: 'Bergs kommun' } },
			{ id: 'are', data: { name: 'Åre kommun' } },
			{ id: 'ostersund', data: { name: 'Östersunds kommun' } }
		];
		const list = signOffsByOrganisation(orgs, [{ id: 'are', data: so('are', H1) }, { id: 'ostersund', data: so('ostersund', H2) }], H1);
		expect(submissionSignOffs(list)).toEqual([
			{ orgId: 'berg', orgName: 'Bergs kommun', state: 'none', uid: null, name: null, at: null, contentHash: null },
			{ orgId: 'are', orgName: 'Åre kommun', state: 'approved', uid: 'u-are', name: 'Namn', at: new Date('2026-03-10T10:00:00Z'), contentHash: H1 },
			{ orgId: 'ostersund', orgName: 'Östersunds kommun', state: 'stale', uid: 'u-ostersund', name: 'Namn', at: new Date('2026-03-10T10:00:00Z'), contentHash: H2 }
		]);
	});
});

describe('the page’s summary and the request’s answer', () => {
	it('counts the organisations per state', () => {
		expect(signOffCounts([{ state: 'approved' }, { state: 'stale' }, { state: 'approved' }, { state: 'none' }])).toEqual({ approved: 2, stale: 1, none: 1, total: 4 });
		expect(signOffCounts([])).toEqual({ approved: 0, stale: 0, none: 0, total: 0 });
	});

	it('parses requestSignOff’s answer and tells asked organisations from those with nobody to mail', () => {
		const result = requestSignOffResult.parse({
			ok: true,
			organizations: [
				{ orgId: 'berg', name: 'Bergs kommun', state: 'none', recipients: 2 },
				{ orgId: 'are', name: 'Åre kommun', state: 'stale', recipients: 0 },
				{ orgId: 'krokom', name: 'Krokoms kommun', state: 'stale', recipients: 1 }
			]
		});
		expect(requestOutcome(result)).toEqual({ asked: 2, nobody: ['Åre kommun'] });
	});

	it('refuses an answer that is not requestSignOff’s', () => {
		expect(requestSignOffResult.safeParse({ ok: true, organizations: [{ orgId: 'berg', name: 'B', state: 'approved', recipients: 1 }] }).success).toBe(false);
		expect(requestSignOffResult.safeParse({ ok: true, organizations: [{ orgId: 'berg', name: 'B', state: 'none', recipients: -1 }] }).success).toBe(false);
		expect(requestSignOffResult.safeParse({ ok: true }).success).toBe(false);
	});
});

describe('the overview’s figures per plan', () => {
	it('counts each plan’s network against that plan’s hash; plans without a hash are left out', () => {
		const orgs = [
			{ id: 'berg', data: { name: 'Bergs kommun', regionId: 'jh' } },
			{ id: 'are', data: { name: 'Åre kommun', regionId: 'jh' } },
			{ id: 'sundsvall', data: { name: 'Sundsvalls kommun', regionId: 'vn' } }
		];
		const signOffs = [
			{ regionId: 'jh', year: '2026', id: 'berg', data: so('berg', H1) },
			{ regionId: 'jh', year: '2026', id: 'are', data: so('are', H2) },
			// Another year's sign-off does not count for 2026.
			{ regionId: 'jh', year: '2025', id: 'are', data: so('are', H1) }
		];
		const counts = planSignOffCounts({ orgs, signOffs, hashes: new Map([[planKey('jh', '2026'), H1], [planKey('jh', '2025'), H1], [planKey('vn', '2026'), H1]]) });
		expect(counts.get('jh/2026')).toEqual({ approved: 1, stale: 1, none: 0, total: 2 });
		expect(counts.get('jh/2025')).toEqual({ approved: 1, stale: 0, none: 1, total: 2 });
		expect(counts.get('vn/2026')).toEqual({ approved: 0, stale: 0, none: 1, total: 1 });
		expect(counts.has('vn/2025')).toBe(false);
	});
});
