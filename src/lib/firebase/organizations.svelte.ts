// organizations/{orgId}: every organisation with its region and colour; any signed-in person reads.
import { collection, getDocs, query, where } from 'firebase/firestore';
import { organization, type Organization } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(organization);
const organizations = () => collection(db(), paths.organizations()).withConverter(converter);

export async function getOrganizations(): Promise<Map<string, Organization>> {
	const snap = await getDocs(organizations());
	return new Map(snap.docs.map((d) => [d.id, d.data()]));
}

export class LiveOrganizations extends LiveQuery<Organization> {
	constructor() {
		super(organizations(), 'generic', 'organizations');
	}

	get byId(): Map<string, Organization> {
		return new Map(this.items.map((i) => [i.id, i.data]));
	}
}

/** The organisations of one region's network, live (the network page adds and renames them). */
export class LiveRegionOrganizations extends LiveQuery<Organization> {
	constructor(regionId: string) {
		super(query(organizations(), where('regionId', '==', regionId)), 'generic', `organizations of ${regionId}`);
	}

	get byId(): Map<string, Organization> {
		return new Map(this.items.map((i) => [i.id, i.data]));
	}
}
