// saveOrganization({ regionId, orgId?, name, shortName, kind, color }): a coordinator of the region (or a
// staff admin) adds an organisation to the region's network (no orgId; its id is
// `{regionId}-{slug of the short name}`, made unique) or changes one of the region's. Short names are
// unique within a region (they label presence and history). The change and its audit entry are one transaction.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, parseInput } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { requireManager, requireRegion } from '../shared/region-manager';
import { firstFreeId, idCandidates, organizationIdBase, sameShortName } from '../../../src/lib/domain/organizations';
import { organization, saveOrganizationInput, type Organization } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** How many ids (base, base-2, …) a new organisation tries before giving up. */
const ID_ATTEMPTS = 20;

type Outcome = { ok: true; orgId: string; created: boolean; changed: boolean } | { ok: false; error: 'unknown-organization' | 'organization-exists' | 'no-free-id' };

async function regionOrganizations(tx: Transaction, fs: Firestore, regionId: string): Promise<Array<{ id: string; org: Organization }>> {
	const snap = await tx.get(fs.collection(paths.organizations()).where('regionId', '==', regionId));
	return snap.docs.flatMap((d) => {
		const o = organization.safeParse(d.data());
		return o.success ? [{ id: d.id, org: o.data }] : [];
	});
}

export const saveOrganization = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, orgId, ...values } = parseInput(saveOrganizationInput, request.data);
	const fs = db();
	const manager = await requireManager(fs, regionId, uid);
	await requireRegion(fs, regionId);
	const now = new Date();
	const audit = { by: uid, byName: manager.name, at: now };

	const outcome = await fs.runTransaction(async (tx): Promise<Outcome> => {
		const orgs = await regionOrganizations(tx, fs, regionId);
		const current = orgs.find((o) => o.id === orgId);
		if (orgId !== undefined && !current) return { ok: false, error: 'unknown-organization' };
		if (orgs.some((o) => o.id !== orgId && sameShortName(o.org.shortName, values.shortName))) return { ok: false, error: 'organization-exists' };

		if (orgId === undefined || !current) {
			const candidates = idCandidates(organizationIdBase(regionId, values.shortName), ID_ATTEMPTS);
			// Organisation ids are global (other regions' and staff's too), so the candidates are read, not guessed.
			const taken = new Set((await tx.getAll(...candidates.map((c) => fs.doc(paths.organization(c))))).filter((d) => d.exists).map((d) => d.id));
			const id = firstFreeId(candidates, taken);
			if (id === null) return { ok: false, error: 'no-free-id' };
			const data = organization.parse({ ...values, regionId });
			tx.create(fs.doc(paths.organization(id)), data);
			recordAudit(fs, tx, regionId, { ...audit, kind: 'organization-added', target: id, targetName: data.name, details: { ...values } });
			return { ok: true, orgId: id, created: true, changed: true };
		}

		const changes: Record<string, { from: string; to: string }> = {};
		for (const key of ['name', 'shortName', 'kind', 'color'] as const) {
			if (current.org[key] !== values[key]) changes[key] = { from: current.org[key], to: values[key] };
		}
		if (Object.keys(changes).length === 0) return { ok: true, orgId, created: false, changed: false };
		tx.update(fs.doc(paths.organization(orgId)), { ...values });
		recordAudit(fs, tx, regionId, { ...audit, kind: 'organization-changed', target: orgId, targetName: values.name, details: changes });
		return { ok: true, orgId, created: false, changed: true };
	});

	if (outcome.ok) return outcome;
	switch (outcome.error) {
		case 'unknown-organization':
			throw new HttpsError('not-found', 'unknown-organization', { reason: 'unknown-organization' });
		case 'organization-exists':
			throw new HttpsError('already-exists', 'organization-exists', { reason: 'organization-exists' });
		case 'no-free-id':
			throw new HttpsError('resource-exhausted', 'no-free-id', { reason: 'no-free-id' });
	}
});
