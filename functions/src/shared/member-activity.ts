// Who a history entry names, and a member's last activity (members/{uid}.lastActiveAt, shown in the
// member list): both history triggers read the writer's membership once for the entry's name and
// organisation, and move lastActiveAt only for a writer that read found to be a member.
import type { Firestore } from 'firebase-admin/firestore';
import { memberRef } from './callable';
import { member, staff } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';
import { activityDue } from '../../../src/lib/domain/membership';

export interface Actor {
	by: string;
	byName: string;
	orgId: string | null;
}

export interface MemberActor extends Actor {
	lastActiveAt: Date | null;
}

/** A string Firestore takes as one document id (the Admin SDK throws for a slash or an empty one). */
const documentId = (uid: string) => uid.length > 0 && !uid.includes('/');

/** The region member `uid` as an entry names them, with their recorded last activity; null for a non-member. */
export async function memberActor(fs: Firestore, regionId: string, uid: string): Promise<MemberActor | null> {
	// A stored uid with a slash would name a path, not a document: no one's membership (and no throw).
	if (!documentId(uid)) return null;
	const m = member.safeParse((await memberRef(fs, regionId, uid).get()).data());
	return m.success ? { by: uid, byName: m.data.name, orgId: m.data.orgId, lastActiveAt: m.data.lastActiveAt } : null;
}

/** The name and organisation shown with an entry: the member (with their lastActiveAt), else staff, else the uid itself. */
export async function actorOf(fs: Firestore, regionId: string, uid: string): Promise<Actor & { lastActiveAt?: Date | null }> {
	const m = await memberActor(fs, regionId, uid);
	if (m) return m;
	const s = documentId(uid) ? staff.safeParse((await fs.doc(paths.staffMember(uid)).get()).data()) : null;
	if (s?.success) return { by: uid, byName: s.data.name, orgId: s.data.orgId };
	return { by: uid, byName: uid, orgId: null };
}

const NOT_FOUND = 5;

/**
 * Moves a member's lastActiveAt to `at` when a quarter of an hour has passed (activityDue; sign-in sets
 * it too, in beforeUserSignedIn). Only an existing membership is touched (an actor without
 * lastActiveAt was no member when read): a removed member's late edit must not bring it back.
 */
export async function touchMember(fs: Firestore, regionId: string, actor: Actor & { lastActiveAt?: Date | null }, at: Date): Promise<void> {
	if (actor.lastActiveAt === undefined || !activityDue(actor.lastActiveAt, at)) return;
	try {
		await memberRef(fs, regionId, actor.by).update({ lastActiveAt: at });
	} catch (err) {
		if ((err as { code?: unknown }).code !== NOT_FOUND) throw err;
	}
}
