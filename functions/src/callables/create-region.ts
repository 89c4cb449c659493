// createRegion({ regionId, name, areas, organization, coordinator }): a Tillväxtverket admin adds a
// region: its document with the priority areas numbered 1..n, the region's own organisation
// (organizations/{regionId}, kind 'region') and the audit entry, in one transaction, then invites the
// first coordinator into that organisation (invitation.ts). An existing region or organisation id is
// refused and nothing is written.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, parseInput, requireMay } from '../shared/callable';
import { invite } from '../shared/invitation';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { createRegionInput, organization, region } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export const createRegion = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const input = parseInput(createRegionInput, request.data);
	const fs = db();
	const admin = await requireMay(fs, uid, null, 'manage-regions');
	const { regionId } = input;
	const regionData = region.parse({ name: input.name, areas: input.areas.map((title, i) => ({ number: i + 1, title })) });
	const orgData = organization.parse({ ...input.organization, kind: 'region', regionId });
	const regionRef = fs.doc(paths.region(regionId));
	const orgRef = fs.doc(paths.organization(regionId));
	const now = new Date();
	const outcome = await fs.runTransaction(async (tx) => {
		const [regionSnap, orgSnap] = await Promise.all([tx.get(regionRef), tx.get(orgRef)]);
		if (regionSnap.exists) return 'region-exists' as const;
		if (orgSnap.exists) return 'organization-exists' as const;
		tx.create(regionRef, regionData);
		tx.create(orgRef, orgData);
		recordAudit(fs, tx, regionId, {
			kind: 'region-created',
			by: uid,
			byName: admin.name,
			target: regionId,
			targetName: regionData.name,
			details: { areas: regionData.areas.map((a) => a.title), organization: { id: regionId, name: orgData.name }, coordinator: input.coordinator.email },
			at: now
		});
		return 'created' as const;
	});
	if (outcome !== 'created') throw new HttpsError('already-exists', outcome, { reason: outcome, regionId });
	const { email, name } = input.coordinator;
	const invited = await invite(fs, { regionId, email, name, orgId: regionId, role: 'coordinator' }, regionData.name, { uid, name: admin.name }, APP_URL.value(), now);
	return { ok: true, regionId, orgId: regionId, coordinatorUid: invited.uid };
});
