// The caller of a network callable (members and organisations), when authorization.ts lets them
// manage the region's network (an active coordinator or a staff admin; everyone else gets
// permission-denied, not-a-coordinator), with the name they act under. Also the shared region lookup.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { requireMay } from './callable';
import { region, type Region } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** The caller, as audit entries and mails name them. */
export interface Manager {
	uid: string;
	name: string;
}

export async function requireManager(db: Firestore, regionId: string, uid: string): Promise<Manager> {
	const caller = await requireMay(db, uid, regionId, 'manage-network');
	// A coordinator acts under their name in the region; an admin who is not one under their staff name.
	const name = caller.actor.memberRole === 'coordinator' && caller.member ? caller.member.name : (caller.staff?.name ?? uid);
	return { uid, name };
}

/** The region's document; not-found (region-not-found) when there is none (only a staff admin gets this far). */
export async function requireRegion(db: Firestore, regionId: string): Promise<Region> {
	const r = region.safeParse((await db.doc(paths.region(regionId)).get()).data());
	if (!r.success) throw new HttpsError('not-found', 'region-not-found', { reason: 'region-not-found' });
	return r.data;
}
