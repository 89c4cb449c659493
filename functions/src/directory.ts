// Who an address belongs to: a member of some region or Tillväxtverket staff. Used by sign-in and
// by the blocking function that refuses accounts for everyone else.
import type { Firestore } from 'firebase-admin/firestore';
import { member, staff } from '../../src/lib/domain/schemas';

export interface KnownPerson {
	name: string;
	email: string;
}

export async function findPerson(db: Firestore, email: string): Promise<KnownPerson | null> {
	const members = await db.collectionGroup('members').where('email', '==', email).limit(1).get();
	for (const d of members.docs) {
		const m = member.safeParse(d.data());
		if (m.success) return { name: m.data.name, email: m.data.email };
	}
	const staffDocs = await db.collection('staff').where('email', '==', email).limit(1).get();
	for (const d of staffDocs.docs) {
		const s = staff.safeParse(d.data());
		if (s.success) return { name: s.data.name, email: s.data.email };
	}
	return null;
}
