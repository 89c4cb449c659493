// regions/{regionId}: a region's name and priority areas; its members and staff read, and staff
// list them all.
import { collection, doc, getDoc } from 'firebase/firestore';
import { region, type Region } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, LiveQuery, warmDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';
import type { DeniedRead } from '../domain/read-failure';

const converter = zodConverter(region);
const regionRef = (regionId: string) => doc(db(), paths.region(regionId)).withConverter(converter);

/** Its listener opened early (plan-session.svelte.ts warmPlan): the live reader then starts from it. */
export const warmRegion = (regionId: string): (() => void) => warmDoc(regionRef(regionId));

export async function getRegion(regionId: string): Promise<Region | null> {
	const snap = await getDoc(regionRef(regionId));
	return snap.exists() ? snap.data() : null;
}

export class LiveRegion extends LiveDoc<Region> {
	constructor(regionId: string) {
		super(regionRef(regionId), 'plan-denied');
	}
}

/** Every region, live: staff only (the rules refuse the list to anyone else). */
export class LiveRegions extends LiveQuery<Region> {
	constructor(denied: DeniedRead) {
		super(collection(db(), paths.regions()).withConverter(converter), denied, paths.regions());
	}
}
