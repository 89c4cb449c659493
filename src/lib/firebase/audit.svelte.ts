// regions/{regionId}/audit/{id}: the region's log of membership, organisation and plan-setting
// changes, written by the functions that make them; coordinators and staff read it, newest first.
import { collection, getDocs, limit, orderBy, query } from 'firebase/firestore';
import { auditEntry, type AuditEntry } from '../domain/schemas';
import { db } from './app';
import { LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(auditEntry);
const auditOf = (regionId: string) => collection(db(), paths.audit(regionId)).withConverter(converter);
const latest = (regionId: string, count: number) => query(auditOf(regionId), orderBy('at', 'desc'), limit(count));

/** The region's latest `count` entries, newest first, read once. */
export async function getAudit(regionId: string, count: number): Promise<Array<{ id: string; data: AuditEntry }>> {
	const snap = await getDocs(latest(regionId, count));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

/** The region's latest `count` entries, newest first, live; a longer page is a new reader. */
export class LiveAudit extends LiveQuery<AuditEntry> {
	constructor(regionId: string, count: number) {
		super(latest(regionId, count), 'audit-denied', `audit of ${regionId}`);
	}
}
