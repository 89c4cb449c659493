// staff/{uid}: Tillväxtverket's people; a person reads only their own record.
import { doc, getDoc } from 'firebase/firestore';
import { staff, type Staff } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(staff);
const staffRef = (uid: string) => doc(db(), paths.staffMember(uid)).withConverter(converter);

/** The person's staff record, or null when they are not staff. */
export async function getStaff(uid: string): Promise<Staff | null> {
	const snap = await getDoc(staffRef(uid));
	return snap.exists() ? snap.data() : null;
}

export class LiveStaff extends LiveDoc<Staff> {
	constructor(uid: string) {
		super(staffRef(uid), 'generic');
	}
}
