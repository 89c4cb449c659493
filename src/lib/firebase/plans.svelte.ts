// regions/{regionId}/years/{year}: the plan of a year (template, status, deadline). Readers of the
// region read; functions write.
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import { plan, type Plan } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, LiveQuery, warmDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(plan);
const yearsOf = (regionId: string) => collection(db(), paths.years(regionId)).withConverter(converter);
const yearRef = (regionId: string, year: string) => doc(db(), paths.year(regionId, year)).withConverter(converter);

/** Its listener opened early (plan-session.svelte.ts warmPlan): the live reader then starts from it. */
export const warmPlanDoc = (regionId: string, year: string, onData: (plan: Plan | null) => void): (() => void) => warmDoc(yearRef(regionId, year), onData);

export async function getPlan(regionId: string, year: string): Promise<Plan | null> {
	const snap = await getDoc(yearRef(regionId, year));
	return snap.exists() ? snap.data() : null;
}

export async function getYears(regionId: string): Promise<Array<{ year: string; plan: Plan }>> {
	const snap = await getDocs(yearsOf(regionId));
	return snap.docs.map((d) => ({ year: d.id, plan: d.data() }));
}

export class LivePlan extends LiveDoc<Plan> {
	constructor(regionId: string, year: string) {
		super(yearRef(regionId, year), 'plan-denied');
	}
}

export class LiveYears extends LiveQuery<Plan> {
	constructor(regionId: string) {
		super(yearsOf(regionId), 'plan-denied', `years of ${regionId}`);
	}
}
