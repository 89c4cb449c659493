// Who an address belongs to: its memberships in the regions (active or invited, also expired
// invitations) and its Tillväxtverket staff record. Used by sign-in, by the blocking functions that
// refuse accounts and sign-ins for everyone else, and by the region callables.
import type { Firestore, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { member, staff, type Member, type Staff } from '../../../src/lib/domain/schemas';
import { GROUPS, paths } from '../../../src/lib/domain/paths';

export interface KnownPerson {
	name: string;
	email: string;
}

/** One region's membership document of a person; the document id is their uid. */
export interface Membership {
	regionId: string;
	uid: string;
	member: Member;
	ref: QueryDocumentSnapshot['ref'];
}

export interface PersonRecord extends KnownPerson {
	memberships: Membership[];
	staff: Staff | null;
}

function membershipOf(d: QueryDocumentSnapshot): Membership | null {
	const m = member.safeParse(d.data());
	const regionId = d.ref.parent.parent?.id;
	return m.success && regionId ? { regionId, uid: d.id, member: m.data, ref: d.ref } : null;
}

/** Every membership of the address (any status) and its staff record; null when it has neither. */
export async function lookupPerson(db: Firestore, email: string): Promise<PersonRecord | null> {
	const [members, staffDocs] = await Promise.all([
		db.collectionGroup(GROUPS.members).where('email', '==', email).get(),
		db.collection(paths.staff()).where('email', '==', email).limit(1).get()
	]);
	const memberships = members.docs.map(membershipOf).filter((m): m is Membership => m !== null);
	const s = staffDocs.docs.map((d) => staff.safeParse(d.data())).find((p) => p.success)?.data ?? null;
	const name = memberships[0]?.member.name ?? s?.name;
	if (name === undefined) return null;
	return { name, email, memberships, staff: s };
}

/**
 * Someone Planbordet knows: a member of some region — also one who is only invited, or whose
 * invitation has expired (they may still get an account; signing in is what beforeUserSignedIn
 * decides) — or staff.
 */
export async function findPerson(db: Firestore, email: string): Promise<KnownPerson | null> {
	const p = await lookupPerson(db, email);
	return p ? { name: p.name, email: p.email } : null;
}

/** The region's membership document with this address, if any (an address is a member of a region once). */
export async function memberByEmail(db: Firestore, regionId: string, email: string): Promise<Membership | null> {
	const snap = await db.collection(paths.members(regionId)).where('email', '==', email).limit(1).get();
	return snap.docs.map(membershipOf).find((m) => m !== null) ?? null;
}
