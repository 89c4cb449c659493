// What every plan callable checks first, with the same structured errors: a signed-in caller
// (`unauthenticated`), an input that parses with its zod schema (`invalid-argument`, details.issues),
// and for plan changes a coordinator of the region (`permission-denied`, details.reason).
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type * as z from 'zod/mini';
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

/** Only an active coordinator: an invitation to coordinate gives no rights until its first sign-in. */
function coordinatorOf(data: unknown): Member | null {
	const m = member.safeParse(data);
	return m.success && m.data.role === 'coordinator' && m.data.status === 'active' ? m.data : null;
}

/** The caller's membership when they coordinate the region; throws permission-denied otherwise. */
export async function requireCoordinator(db: Firestore, regionId: string, uid: string): Promise<Member> {
	const m = coordinatorOf((await memberRef(db, regionId, uid).get()).data());
	if (!m) throw notCoordinator();
	return m;
}

/** The same check inside a transaction (membership read and locked with the plan); null when not a coordinator. */
export async function coordinatorIn(tx: Transaction, db: Firestore, regionId: string, uid: string): Promise<Member | null> {
	return coordinatorOf((await tx.get(memberRef(db, regionId, uid))).data());
}

export function notStaffAdmin(): HttpsError {
	return new HttpsError('permission-denied', 'not-staff-admin', { reason: 'not-staff-admin' });
}

/** The caller's staff record when they are a Tillväxtverket admin; null otherwise. */
export async function staffAdmin(db: Firestore, uid: string): Promise<Staff | null> {
	const s = staff.safeParse((await db.doc(paths.staffMember(uid)).get()).data());
	return s.success && s.data.role === 'admin' ? s.data : null;
}

/** Throws permission-denied (not-staff-admin) unless the caller is a staff admin. */
export async function requireStaffAdmin(db: Firestore, uid: string): Promise<Staff> {
	const s = await staffAdmin(db, uid);
	if (!s) throw notStaffAdmin();
	return s;
}
