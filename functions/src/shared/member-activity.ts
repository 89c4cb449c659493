// Who a history entry names, and a member's last activity (members/{uid}.lastActiveAt, shown in the
// member list): both history triggers read the writer's membership once for the entry's name and
// organisation, and move lastActiveAt only for a writer that read found to be a member.
import type { Firestore } from 'firebase-admin/firestore';
import { memberRef } from './callable';
import { member, staff } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';
import { ACTIVITY_STEP_MS, activityDue } from '../../../src/lib/domain/membership';

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

/** The environment variable a time-compressed benchmark (bench/meeting.ts) sets for the Functions emulator. */
export const BENCH_ACTIVITY_STEP_VAR = 'PLANBORDET_BENCH_ACTIVITY_STEP_MS';

/**
 * The step touchMember keeps between two lastActiveAt writes: ACTIVITY_STEP_MS, except in the Functions
 * emulator (FUNCTIONS_EMULATOR=true, its own marker) when BENCH_ACTIVITY_STEP_VAR names a whole number of
 * milliseconds: the meeting benchmark compresses two hours into minutes while the server's clock stays
 * real, so its quarter of an hour must shrink by the same factor (0 there is the old behaviour, every
 * edit). A deployed function never reads the variable.
 */
export function activityStep(env: Record<string, string | undefined>): number {
	if (env.FUNCTIONS_EMULATOR !== 'true') return ACTIVITY_STEP_MS;
	const raw = env[BENCH_ACTIVITY_STEP_VAR];
	return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : ACTIVITY_STEP_MS;
}

/** Decided once at load, like options.ts APP_CHECK_ENFORCED. */
const STEP_MS = activityStep(process.env);

/**
 * Moves a member's lastActiveAt to `at` when a quarter of an hour has passed (activityDue; sign-in sets
 * it too, in beforeUserSignedIn). Only an existing membership is touched (an actor without
 * lastActiveAt was no member when read): a removed member's late edit must not bring it back.
 */
export async function touchMember(fs: Firestore, regionId: string, actor: Actor & { lastActiveAt?: Date | null }, at: Date, stepMs = STEP_MS): Promise<void> {
	if (actor.lastActiveAt === undefined || !activityDue(actor.lastActiveAt, at, stepMs)) return;
	try {
		await memberRef(fs, regionId, actor.by).update({ lastActiveAt: at });
	} catch (err) {
		if ((err as { code?: unknown }).code !== NOT_FOUND) throw err;
	}
}
