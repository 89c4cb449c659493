// createRegion and updateRegion against the Auth, Firestore and Functions emulators: a Tillväxtverket
// admin adds a region (its document, its own organisation, the audit entry), renames it and its
// priority areas and adds areas; fewer areas only while no row uses the ones that go. Staff readers,
// coordinators and anonymous callers are refused, and so is bad input, each changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, callError, resetDemo, waitForMail, type Client } from '../support/emulators';
import { clientPool, JH, P, VN } from '../support/plans';
import { addRowTo } from '../../src/lib/firebase/row-writes';
import { auditEntry, member, organization, region, type AuditEntry } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const ADMIN = { uid: 'u-tvv-admin', name: 'Anders Administratör' };
const NEW_REGION = 'vasterbotten';
const CREATE = {
	regionId: NEW_REGION,
	name: '  Region Västerbotten ',
	areas: ['Tillgång till service', ' Stöd till servicegivare '],
	organization: { name: 'Region Västerbotten', shortName: 'RVB', color: '#12664f' },
	coordinator: { email: 'Samordnare@Regionvasterbotten.example', name: 'Vilma Samordnare' }
};

async function auditOf(regionId: string): Promise<AuditEntry[]> {
	const snap = await admin().db.collection(paths.audit(regionId)).get();
	return snap.docs.map((d) => auditEntry.parse(d.data())).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The region and organisation documents and the region's audit log: what a refused call must leave alone. */
async function state(regionId: string) {
	const { db } = admin();
	const audit = await db.collection(paths.audit(regionId)).get();
	return {
		region: (await db.doc(paths.region(regionId)).get()).data() ?? null,
		organization: (await db.doc(paths.organization(regionId)).get()).data() ?? null,
		audit: audit.docs.map((d) => d.id).sort()
	};
}

describe('regions', () => {
	const pool = clientPool();
	let staffAdmin: Client;

	const refused = async (c: Client, name: string, data: unknown, regionId: string) => {
		const before = await state(regionId);
		const err = await callError(c.call(name, data));
		expect(await state(regionId)).toEqual(before);
		return err;
	};

	beforeAll(async () => {
		await resetDemo();
		staffAdmin = await pool.as(ADMIN.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
		await resetDemo();
	});

	describe('createRegion', () => {
		it('creates the region with its areas numbered 1..n, its own organisation, and an audit entry', async () => {
			const started = Date.now();
			const result = await staffAdmin.call<{ coordinatorUid: string }>('createRegion', CREATE);
			expect(result).toEqual({ ok: true, regionId: NEW_REGION, orgId: NEW_REGION, coordinatorUid: expect.any(String) });
			const finished = Date.now();
			const { db } = admin();
			expect(region.parse((await db.doc(paths.region(NEW_REGION)).get()).data())).toEqual({
				name: 'Region Västerbotten',
				areas: [
					{ number: 1, title: 'Tillgång till service' },
					{ number: 2, title: 'Stöd till servicegivare' }
				]
			});
			expect(organization.parse((await db.doc(paths.organization(NEW_REGION)).get()).data())).toEqual({
				name: 'Region Västerbotten',
				shortName: 'RVB',
				kind: 'region',
				regionId: NEW_REGION,
				color: '#12664f'
			});
			// The first coordinator is invited into the region's own organisation, under their Auth uid.
			const coordinator = member.parse((await db.doc(paths.member(NEW_REGION, result.coordinatorUid)).get()).data());
			expect(coordinator).toMatchObject({ email: 'samordnare@regionvasterbotten.example', name: 'Vilma Samordnare', orgId: NEW_REGION, role: 'coordinator', status: 'invited', invitedBy: ADMIN.uid });
			expect((await admin().auth.getUserByEmail('samordnare@regionvasterbotten.example')).uid).toBe(result.coordinatorUid);
			const mail = await waitForMail((m) => m.to === 'samordnare@regionvasterbotten.example' && m.subject.startsWith('Inbjudan till Planbordet'));
			expect(mail.parsed.text).toContain('Region Västerbotten');
			const audit = await auditOf(NEW_REGION);
			expect(audit.map((a) => a.kind)).toEqual(['region-created', 'member-invited']);
			const { at, ...entry } = audit[0];
			expect(entry).toEqual({
				kind: 'region-created',
				by: ADMIN.uid,
				byName: ADMIN.name,
				target: NEW_REGION,
				targetName: 'Region Västerbotten',
				details: {
					areas: ['Tillgång till service', 'Stöd till servicegivare'],
					organization: { id: NEW_REGION, name: 'Region Västerbotten' },
					coordinator: 'samordnare@regionvasterbotten.example'
				}
			});
			expect(at.getTime()).toBeGreaterThanOrEqual(started - 1000);
			expect(at.getTime()).toBeLessThanOrEqual(finished + 1000);
		});

		it('refuses an existing region with already-exists, changing nothing', async () => {
			for (const regionId of [JH, NEW_REGION]) {
				const err = await refused(staffAdmin, 'createRegion', { ...CREATE, regionId }, regionId);
				expect(err.code, regionId).toBe('functions/already-exists');
				expect(err.details).toEqual({ reason: 'region-exists', regionId });
			}
		});

		it('refuses an id that another organisation already has, creating no region', async () => {
			const err = await refused(staffAdmin, 'createRegion', { ...CREATE, regionId: 'ostersund' }, 'ostersund');
			expect(err.code).toBe('functions/already-exists');
			expect(err.details).toEqual({ reason: 'organization-exists', regionId: 'ostersund' });
		});

		it('refuses malformed input with invalid-argument and the zod issues, changing nothing', async () => {
			const base = { ...CREATE, regionId: 'norrbotten' };
			for (const data of [
				{ ...base, regionId: 'region bd' },
				{ ...base, name: '  ' },
				{ ...base, areas: [] },
				{ ...base, areas: ['Tillgång', ' '] },
				{ ...base, areas: Array.from({ length: 21 }, (_, i) => `Område ${i + 1}`) },
				{ ...base, organization: { ...CREATE.organization, color: 'grön' } },
				{ ...base, coordinator: { email: 'inte en adress', name: 'Vilma' } },
				{ ...base, extra: true }
			]) {
				const err = await refused(staffAdmin, 'createRegion', data, 'norrbotten');
				expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
				expect((err.details as { issues: unknown[] }).issues.length, JSON.stringify(data)).toBeGreaterThan(0);
			}
		});

		it('refuses a staff reader and a coordinator with permission-denied, and anonymous callers', async () => {
			for (const uid of [P.reader.uid, P.coordJH.uid]) {
				const err = await refused(await pool.as(uid), 'createRegion', { ...CREATE, regionId: 'norrbotten' }, 'norrbotten');
				expect(err.code, uid).toBe('functions/permission-denied');
				expect(err.details).toEqual({ reason: 'not-staff-admin' });
			}
			expect((await refused(pool.anonymous(), 'createRegion', { ...CREATE, regionId: 'norrbotten' }, 'norrbotten')).code).toBe('functions/unauthenticated');
		});
	});

	describe('updateRegion', () => {
		const JH_AREAS = ['Stärka tillgängligheten till kommersiell service för medborgare', 'Stärka förutsättningarna för servicegivare med stöd och rådgivning', 'Stärka samordningen mellan offentliga intressenter'];

		it('renames the region and an area and adds a fourth area, with the changes in the audit log', async () => {
			const areas = [...JH_AREAS.slice(0, 2), 'Samordning mellan offentliga aktörer', 'Digital service'];
			expect(await staffAdmin.call('updateRegion', { regionId: JH, name: 'Region Jämtland Härjedalen (RJH)', areas })).toEqual({ ok: true, regionId: JH });
			expect(region.parse((await admin().db.doc(paths.region(JH)).get()).data())).toEqual({
				name: 'Region Jämtland Härjedalen (RJH)',
				areas: areas.map((title, i) => ({ number: i + 1, title }))
			});
			const [entry] = (await auditOf(JH)).filter((a) => a.kind === 'region-changed');
			expect({ by: entry.by, byName: entry.byName, target: entry.target, targetName: entry.targetName, details: entry.details }).toEqual({
				by: ADMIN.uid,
				byName: ADMIN.name,
				target: JH,
				targetName: 'Region Jämtland Härjedalen (RJH)',
				details: { name: { from: 'Region Jämtland Härjedalen', to: 'Region Jämtland Härjedalen (RJH)' }, areas: { from: JH_AREAS, to: areas } }
			});
		});

		it('lets members put rows in the new area (the rules check the area against the count)', async () => {
			const editor = await pool.as(P.lst.uid);
			const { written } = addRowTo(editor.db, JH, '2024', 4, 'a0', P.lst.uid);
			await written;
		});

		it('refuses to drop an area a row of any year uses: failed-precondition area-in-use, changing nothing', async () => {
			const current = region.parse((await admin().db.doc(paths.region(JH)).get()).data()).areas.map((a) => a.title);
			// 2024 has the new row in area 4; 2023 has the demo's rows in area 3.
			let err = await refused(staffAdmin, 'updateRegion', { regionId: JH, name: 'Region Jämtland Härjedalen', areas: current.slice(0, 3) }, JH);
			expect(err.code).toBe('functions/failed-precondition');
			expect(err.details).toEqual({ reason: 'area-in-use', year: '2024', area: 4 });
			err = await refused(staffAdmin, 'updateRegion', { regionId: JH, name: 'Region Jämtland Härjedalen', areas: current.slice(0, 2) }, JH);
			expect(err.code).toBe('functions/failed-precondition');
			expect(err.details).toMatchObject({ reason: 'area-in-use' });
		});

		it('drops areas no row uses', async () => {
			// Västernorrland's 2023 has no rows at all.
			await staffAdmin.call('updateRegion', { regionId: VN, name: 'Region Västernorrland', areas: ['Tillgång till kommersiell service för invånare'] });
			expect(region.parse((await admin().db.doc(paths.region(VN)).get()).data()).areas).toEqual([{ number: 1, title: 'Tillgång till kommersiell service för invånare' }]);
			const [entry] = (await auditOf(VN)).filter((a) => a.kind === 'region-changed');
			expect(entry.details).toEqual({
				areas: { from: ['Tillgång till kommersiell service för invånare', 'Stöd och rådgivning till servicegivare'], to: ['Tillgång till kommersiell service för invånare'] }
			});
		});

		it('writes nothing when nothing changed', async () => {
			const before = await state(VN);
			await staffAdmin.call('updateRegion', { regionId: VN, name: 'Region Västernorrland', areas: ['Tillgång till kommersiell service för invånare'] });
			expect(await state(VN)).toEqual(before);
		});

		it('answers not-found for an unknown region, creating nothing', async () => {
			const err = await refused(staffAdmin, 'updateRegion', { regionId: 'norrbotten', name: 'Region Norrbotten', areas: ['Service'] }, 'norrbotten');
			expect(err.code).toBe('functions/not-found');
			expect(err.details).toEqual({ reason: 'region-not-found' });
		});

		it('refuses a staff reader and a coordinator with permission-denied, anonymous callers and malformed input, changing nothing', async () => {
			const data = { regionId: VN, name: 'Region Västernorrland X', areas: ['Service'] };
			for (const uid of [P.reader.uid, P.coordVN.uid]) {
				const err = await refused(await pool.as(uid), 'updateRegion', data, VN);
				expect(err.code, uid).toBe('functions/permission-denied');
				expect(err.details).toEqual({ reason: 'not-staff-admin' });
			}
			expect((await refused(pool.anonymous(), 'updateRegion', data, VN)).code).toBe('functions/unauthenticated');
			for (const bad of [{ ...data, areas: [] }, { ...data, name: '' }, { ...data, areas: 'Service' }, { regionId: VN, name: 'X' }]) {
				expect((await refused(staffAdmin, 'updateRegion', bad, VN)).code, JSON.stringify(bad)).toBe('functions/invalid-argument');
			}
		});
	});
});
