// What every callable checks first, with the same structured errors: a signed-in caller
// (`unauthenticated`), an input that parses with its zod schema (`invalid-argument`, details.issues),
// and the caller's right as authorization.ts answers it (`permission-denied`, details.reason).
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type * as z from 'zod/mini';
import { actorOf, isStatusAction, may, mayInSomeStatus, type Action, type Actor, type PlainAction, type StatusAction } from '../../../src/lib/domain/authorization';
import { member, staff, type Member, type Staff } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export function callerUid(request: CallableRequest): string {
	const uid = request.auth?.uid;
	if (!uid) throw new HttpsError('unauthenticated', 'sign-in-required', { reason: 'sign-in-required' });
	return uid;
}

export function parseInput<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
	const parsed = schema.safeParse(data);
	if (!parsed.success) throw new HttpsError('invalid-argument', 'invalid-input', { issues: parsed.error.issues });
	return parsed.data;
}

export const memberRef = (db: Firestore, regionId: string, uid: string) => db.doc(paths.member(regionId, uid));
export const yearRef = (db: Firestore, regionId: string, year: string) => db.doc(paths.year(regionId, year));

export function notCoordinator(): HttpsError {
	return new HttpsError('permission-denied', 'not-a-coordinator', { reason: 'not-a-coordinator' });
}

export function planNotFound(): HttpsError {
	return new HttpsError('not-found', 'plan-not-found', { reason: 'plan-not-found' });
}

export function notStaffAdmin(): HttpsError {
	return new HttpsError('permission-denied', 'not-staff-admin', { reason: 'not-staff-admin' });
}

export function notAMember(): HttpsError {
	return new HttpsError('permission-denied', 'not-a-member', { reason: 'not-a-member' });
}

/** The actions a callable does, and the reason its refusal names (tests/functions assert them; the app's texts key on them). */
const REFUSAL = {
	'submit-plan': notCoordinator,
	'reopen-plan': notCoordinator,
	'repair-row': notCoordinator,
	'set-plan-settings': notCoordinator,
	'create-plan': notCoordinator,
	'manage-network': notCoordinator,
	'manage-regions': notStaffAdmin,
	'manage-templates': notStaffAdmin,
	'erase-person': notStaffAdmin,
	'set-own-reminders': notAMember,
	'mail-minutes': notCoordinator
} satisfies Partial<Record<Action, () => HttpsError>>;
export type CallableAction = keyof typeof REFUSAL;

/** The permission-denied a refusal of `action` answers with. */
export function refusal(action: CallableAction): HttpsError {
	return REFUSAL[action]();
}

/**
 * Who calls, as authorization.ts asks about them: their membership of the region and their staff
 * record, each parsed (one that does not parse counts as none), and the actor built from both.
 */
export interface Caller {
	uid: string;
	member: Member | null;
	staff: Staff | null;
	actor: Actor;
	/** The name audit entries and mails give them: their active membership's, else their staff record's, else the uid. */
	name: string;
}

/** The caller from their stored membership (undefined: none) and staff record (undefined: none). */
export function callerOf(uid: string, memberData: unknown, staffData: unknown): Caller {
	const m = member.safeParse(memberData);
	const s = staff.safeParse(staffData);
	const asMember = m.success ? m.data : null;
	const asStaff = s.success ? s.data : null;
	const actor = actorOf(uid, asMember, asStaff);
	const name = (actor.memberRole !== null ? asMember?.name : undefined) ?? asStaff?.name ?? uid;
	return { uid, member: asMember, staff: asStaff, actor, name };
}

/** Reads the caller's membership of the region (none when regionId is null: a staff-wide action) and staff record. */
export async function readCaller(db: Firestore, uid: string, regionId: string | null): Promise<Caller> {
	const [m, s] = await Promise.all([regionId === null ? null : memberRef(db, regionId, uid).get(), db.doc(paths.staffMember(uid)).get()]);
	return callerOf(uid, m?.data(), s.data());
}

/** The same inside a transaction: the membership is read, and so locked, with the plan it acts on. */
export async function readCallerIn(tx: Transaction, db: Firestore, uid: string, regionId: string): Promise<Caller> {
	const [m, s] = await Promise.all([tx.get(memberRef(db, regionId, uid)), tx.get(db.doc(paths.staffMember(uid)))]);
	return callerOf(uid, m.data(), s.data());
}

/**
 * Throws the action's permission-denied unless authorization.ts lets the caller do it. For an action
 * that depends on the plan's status this is the first check, before the plan is read: may they in
 * some status (the callable then refuses a wrong status as a failed precondition).
 */
export async function requireMay(db: Firestore, uid: string, regionId: string | null, action: CallableAction & (PlainAction | StatusAction)): Promise<Caller> {
	const caller = await readCaller(db, uid, regionId);
	const allowed = isStatusAction(action) ? mayInSomeStatus(caller.actor, action) : may(caller.actor, action);
	if (!allowed) throw refusal(action);
	return caller;
}
