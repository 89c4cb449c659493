// regions/{regionId}/members/{uid}: who belongs to a region, their organisation and role. Readable
// by the region's members and staff; written only by functions.
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import { member, type Member } from '../domain/schemas';
import { db } from './app';
import { errorCode } from './errors';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(member);
const membersOf = (regionId: string) => collection(db(), paths.members(regionId)).withConverter(converter);
const memberRef = (regionId: string, uid: string) => doc(db(), paths.member(regionId, uid)).withConverter(converter);

/**
 * The person's membership of a region, or null. The rules let only members read a region's member
 * documents, so a refused read means "not a member" here.
 */
export async function getMembership(regionId: string, uid: string): Promise<Member | null> {
	try {
		const snap = await getDoc(memberRef(regionId, uid));
		return snap.exists() ? snap.data() : null;
	} catch (err) {
		if (errorCode(err) === 'permission-denied') return null;
		throw err;
	}
}

export async function getMembers(regionId: string): Promise<Map<string, Member>> {
	const snap = await getDocs(membersOf(regionId));
	return new Map(snap.docs.map((d) => [d.id, d.data()]));
}

export class LiveMembers extends LiveQuery<Member> {
	constructor(regionId: string) {
		super(membersOf(regionId), 'plan-denied', `members of ${regionId}`);
	}

	get byUid(): Map<string, Member> {
		return new Map(this.items.map((i) => [i.id, i.data]));
	}
}
