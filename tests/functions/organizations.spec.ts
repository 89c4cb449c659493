// saveOrganization: a coordinator of the region (or a staff admin) adds organisations to the region's
// network and changes them; short names are unique within a region, another region's organisation is
// out of reach, and every refused call changes no organisation and records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, callError, resetDemo, type Client } from '../support/emulators';
import { clientPool, JH, P, VN } from '../support/plans';
import { auditEntry, organization } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const ADMIN = { uid: 'u-tvv-admin', email: 'admin@tillvaxtverket.example', name: 'Anna Admin' };
const ENERGI = { regionId: JH, name: 'Energikontoret Jämtland', shortName: 'Energikontoret', kind: 'annan', color: '#2a9d8f' };

const orgDoc = (id: string) => admin().db.doc(paths.organization(id));
async function auditOf(regionId: string) {
	const snap = await admin().db.collection(paths.audit(regionId)).get();
	return snap.docs.map((d) => auditEntry.parse(d.data())).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Every organisation and both regions' audit logs, to show that a refusal changed nothing. */
async function state() {
	const orgs = await admin().db.collection(paths.organizations()).get();
	return {
		orgs: orgs.docs.map((d) => [d.id, d.data()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
		audit: [(await auditOf(JH)).length, (await auditOf(VN)).length]
	};
}

async function refused(c: Client, data: unknown) {
	const before = await state();
	const err = await callError(c.call('saveOrganization', data));
	expect(await state()).toEqual(before);
	return err;
}

describe('saveOrganization', () => {
	const pool = clientPool();
	let coord: Client;
	beforeAll(async () => {
		await resetDemo();
		await admin().db.doc(paths.staffMember(ADMIN.uid)).set({ email: ADMIN.email, name: ADMIN.name, orgId: 'tillvaxtverket', role: 'admin' });
		coord = await pool.as(P.coordJH.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	it('adds an organisation to the region under `{regionId}-{slug}`, with its audit entry', async () => {
		const answer = await coord.call('saveOrganization', ENERGI);
		expect(answer).toEqual({ ok: true, orgId: 'jamtland-harjedalen-energikontoret', created: true, changed: true });
		expect(organization.parse((await orgDoc('jamtland-harjedalen-energikontoret').get()).data())).toEqual({
			name: 'Energikontoret Jämtland',
			shortName: 'Energikontoret',
			kind: 'annan',
			regionId: JH,
			color: '#2a9d8f'
		});
		const added = (await auditOf(JH)).filter((e) => e.kind === 'organization-added');
		expect(added).toHaveLength(1);
		expect(added[0]).toMatchObject({ by: P.coordJH.uid, byName: P.coordJH.name, target: 'jamtland-harjedalen-energikontoret', targetName: 'Energikontoret Jämtland' });
		expect(Math.abs(added[0].at.getTime() - Date.now())).toBeLessThan(60_000);
	});

	it('gives a new organisation whose slug is taken the next free id', async () => {
		const answer = await coord.call('saveOrganization', { ...ENERGI, name: 'Energikontoret Syd', shortName: 'Energikontoret Ö!' });
		expect(answer).toMatchObject({ orgId: 'jamtland-harjedalen-energikontoret-o' });
		const third = await coord.call('saveOrganization', { ...ENERGI, name: 'Energi-kontoret', shortName: 'Energikontoret!' });
		expect(third).toMatchObject({ orgId: 'jamtland-harjedalen-energikontoret-2', created: true });
	});

	it('refuses a short name the region already has, whatever its case and spacing', async () => {
		for (const shortName of ['Energikontoret', ' energikontoret ', 'LST', 'östersund']) {
			const err = await refused(coord, { ...ENERGI, name: 'Någon annan', shortName });
			expect(err, shortName).toMatchObject({ code: 'functions/already-exists', details: { reason: 'organization-exists' } });
		}
	});

	it('compares short names in their normalised form: an invisible character beside RJH is the same RJH', async () => {
		for (const shortName of ['RJH\u2060', '\u200BRJH', 'R\u00ADJH', 'rjh\uFEFF', 'ＲＪＨ']) {
			const err = await refused(coord, { ...ENERGI, name: 'Region JH igen', shortName });
			expect(err, JSON.stringify(shortName)).toMatchObject({ code: 'functions/already-exists', details: { reason: 'organization-exists' } });
		}
		for (const name of ['Energi\u202Ekontoret', 'Energi\u2066kontoret\u2069']) {
			const err = await refused(coord, { ...ENERGI, name, shortName: 'Nytt' });
			expect(err, JSON.stringify(name)).toMatchObject({ code: 'functions/invalid-argument' });
			expect(err.details).toMatchObject({ issues: [expect.objectContaining({ path: ['name'], message: 'invisible-character' })] });
		}
	});

	it('stores a new organisation in its normalised spelling', async () => {
		const answer = await coord.call<{ orgId: string }>('saveOrganization', { ...ENERGI, name: ' Vindkraft\u00A0 Jämtland\u200B', shortName: 'Vind\u2060kraft' });
		expect(organization.parse((await orgDoc(answer.orgId).get()).data())).toMatchObject({ name: 'Vindkraft Jämtland', shortName: 'Vindkraft' });
	});

	it("allows a short name another region's organisation has", async () => {
		expect(await coord.call('saveOrganization', { ...ENERGI, name: 'RVN i Jämtland', shortName: 'RVN' })).toMatchObject({ created: true });
	});

	it('renames an organisation of the region and records what changed', async () => {
		const answer = await coord.call('saveOrganization', { regionId: JH, orgId: 'berg', name: 'Bergs kommun (Svenstavik)', shortName: 'Berg', kind: 'kommun', color: '#336699' });
		expect(answer).toEqual({ ok: true, orgId: 'berg', created: false, changed: true });
		expect(organization.parse((await orgDoc('berg').get()).data())).toMatchObject({ name: 'Bergs kommun (Svenstavik)', shortName: 'Berg', color: '#336699', regionId: JH });
		const changed = (await auditOf(JH)).filter((e) => e.kind === 'organization-changed');
		expect(changed).toHaveLength(1);
		expect(changed[0]).toMatchObject({
			target: 'berg',
			targetName: 'Bergs kommun (Svenstavik)',
			by: P.coordJH.uid,
			details: { name: { from: 'Bergs kommun', to: 'Bergs kommun (Svenstavik)' }, color: { from: '#2e6b30', to: '#336699' } }
		});
		expect(Object.keys(changed[0].details).sort()).toEqual(['color', 'name']);
	});

	it('saving the same values again changes and records nothing', async () => {
		const before = await state();
		const answer = await coord.call('saveOrganization', { regionId: JH, orgId: 'berg', name: 'Bergs kommun (Svenstavik)', shortName: 'Berg', kind: 'kommun', color: '#336699' });
		expect(answer).toEqual({ ok: true, orgId: 'berg', created: false, changed: false });
		expect(await state()).toEqual(before);
	});

	it('keeps its own short name in a rename, but refuses taking another organisation’s', async () => {
		expect(await coord.call('saveOrganization', { regionId: JH, orgId: 'berg', name: 'Bergs kommun', shortName: ' berg', kind: 'kommun', color: '#336699' })).toMatchObject({ changed: true });
		const err = await refused(coord, { regionId: JH, orgId: 'berg', name: 'Bergs kommun', shortName: 'Bräcke', kind: 'kommun', color: '#336699' });
		expect(err).toMatchObject({ code: 'functions/already-exists', details: { reason: 'organization-exists' } });
	});

	it("refuses another region's organisation, staff's and one that does not exist", async () => {
		for (const orgId of ['region-vn', 'tillvaxtverket', 'finns-inte']) {
			const err = await refused(coord, { ...ENERGI, orgId });
			expect(err, orgId).toMatchObject({ code: 'functions/not-found', details: { reason: 'unknown-organization' } });
		}
	});

	it('refuses editors, another region’s coordinator, staff readers and anonymous callers', async () => {
		for (const uid of [P.lst.uid, P.coordVN.uid, P.reader.uid]) {
			expect(await refused(await pool.as(uid), { ...ENERGI, shortName: 'Nytt' }), uid).toMatchObject({
				code: 'functions/permission-denied',
				details: { reason: 'not-a-coordinator' }
			});
			expect((await refused(await pool.as(uid), { regionId: JH, orgId: 'bracke', name: 'X', shortName: 'X', kind: 'kommun', color: '#000000' })).code).toBe('functions/permission-denied');
		}
		expect((await refused(pool.anonymous(), ENERGI)).code).toBe('functions/unauthenticated');
		expect((await refused(coord, { ...ENERGI, regionId: VN })).code).toBe('functions/permission-denied');
	});

	it('refuses malformed input', async () => {
		for (const data of [
			{ ...ENERGI, color: 'red' },
			{ ...ENERGI, kind: 'företag' },
			{ ...ENERGI, shortName: '   ' },
			{ ...ENERGI, name: 'x'.repeat(201) },
			{ ...ENERGI, orgId: 'inte giltig' },
			{ ...ENERGI, regionId: undefined },
			{ ...ENERGI, extra: true }
		]) {
			const err = await refused(coord, data);
			expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
			expect(err.details).toMatchObject({ issues: expect.any(Array) });
		}
	});

	it('lets a staff admin add an organisation to any region, under their name', async () => {
		const staffAdmin = await pool.as(ADMIN.uid);
		const answer = await staffAdmin.call('saveOrganization', { ...ENERGI, regionId: VN, name: 'Energikontoret Västernorrland' });
		expect(answer).toMatchObject({ orgId: 'vasternorrland-energikontoret', created: true });
		expect((await auditOf(VN)).find((e) => e.kind === 'organization-added')).toMatchObject({ by: ADMIN.uid, byName: ADMIN.name });
		const err = await refused(staffAdmin, { ...ENERGI, regionId: 'finns-inte' });
		expect(err).toMatchObject({ code: 'functions/not-found', details: { reason: 'region-not-found' } });
	});
});
