// Who may manage a region's network (members and organisations): an active coordinator of the
// region or a Tillväxtverket staff admin (membership.ts canManageMembers). Everyone else gets
// permission-denied with reason not-a-coordinator. Also the region lookup those callables share.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { memberRef, notCoordinator, staffAdmin } from './callable';
import { canManageMembers } from '../../../src/lib/domain/membership';
import { member, region, type Region } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** The caller, as audit entries and mails name them. */
export interface Manager {
	uid: string;
	name: string;
}

export async function requireManager(db: Firestore, regionId: string, uid: string): Promise<Manager> {
	const [m, s] = await Promise.all([memberRef(db, regionId, uid).get().then((d) => member.safeParse(d.data())), staffAdmin(db, uid)]);
	const asMember = m.success ? m.data : null;
	if (!canManageMembers({ member: asMember, staff: s })) throw notCoordinator();
	// A coordinator acts under their name in the region; an admin who is not one under their staff name.
	const name = asMember && canManageMembers({ member: asMember, staff: null }) ? asMember.name : (s?.name ?? uid);
	return { uid, name };
}

/** The region's document; not-found (region-not-found) when there is none (only a staff admin gets this far). */
export async function requireRegion(db: Firestore, regionId: string): Promise<Region> {
	const r = region.safeParse((await db.doc(paths.region(regionId)).get()).data());
	if (!r.success) throw new HttpsError('not-found', 'region-not-found', { reason: 'region-not-found' });
	return r.data;
}
