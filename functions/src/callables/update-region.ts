// updateRegion({ regionId, name, areas }): a Tillväxtverket admin renames a region and its priority
// areas or adds areas. Fewer areas than before is allowed only while no row of any of the region's
// years is in an area beyond the new count (firestore.rules check a row's area against the count),
// checked in the transaction that writes the region, so a row created meanwhile is seen.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, parseInput, requireMay } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { region, storedRow, updateRegionInput } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

type Outcome = { ok: true } | { ok: false; reason: 'region-not-found' } | { ok: false; reason: 'area-in-use'; year: string; area: number };

export const updateRegion = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const input = parseInput(updateRegionInput, request.data);
	const fs = db();
	const admin = await requireMay(fs, uid, null, 'manage-regions');
	const { regionId } = input;
	const ref = fs.doc(paths.region(regionId));
	const next = region.parse({ name: input.name, areas: input.areas.map((title, i) => ({ number: i + 1, title })) });
	const now = new Date();
	const outcome = await fs.runTransaction(async (tx): Promise<Outcome> => {
		const snap = await tx.get(ref);
		if (!snap.exists) return { ok: false, reason: 'region-not-found' };
		const stored = region.parse(snap.data());
		if (next.areas.length < stored.areas.length) {
			const years = await tx.get(fs.collection(paths.years(regionId)));
			for (const y of years.docs) {
				const beyond = await tx.get(fs.collection(paths.rows(regionId, y.id)).where('area', '>', next.areas.length).orderBy('area', 'desc').limit(1));
				if (!beyond.empty) return { ok: false, reason: 'area-in-use', year: y.id, area: storedRow.parse(beyond.docs[0].data()).area };
			}
		}
		const details: Record<string, { from: unknown; to: unknown }> = {};
		if (stored.name !== next.name) details.name = { from: stored.name, to: next.name };
		const titles = (r: typeof stored) => r.areas.map((a) => a.title);
		if (titles(stored).join('\u0000') !== titles(next).join('\u0000')) details.areas = { from: titles(stored), to: titles(next) };
		if (Object.keys(details).length === 0) return { ok: true };
		tx.update(ref, { name: next.name, areas: next.areas });
		recordAudit(fs, tx, regionId, { kind: 'region-changed', by: uid, byName: admin.name, target: regionId, targetName: next.name, details, at: now });
		return { ok: true };
	});
	if (outcome.ok) return { ok: true, regionId };
	if (outcome.reason === 'region-not-found') throw new HttpsError('not-found', outcome.reason, { reason: outcome.reason });
	throw new HttpsError('failed-precondition', outcome.reason, { reason: outcome.reason, year: outcome.year, area: outcome.area });
});
