// The national overview's reads for Tillväxtverket staff: every region's years, every region's rows
// and every plan's sign-offs, as collection-group queries (firestore.rules let staff read these
// groups). Each document is parsed with its schema and keeps the region and year its path names.
import {
	collectionGroup,
	type DocumentData,
	type FirestoreDataConverter,
	type QueryDocumentSnapshot,
	type SnapshotOptions
} from 'firebase/firestore';
import type * as z from 'zod/mini';
import { plan, row, signOff, type Plan, type Row, type SignOff } from '../domain/schemas';
import { db } from './app';
import { LiveQuery } from './live.svelte';
import { GROUPS, planIdsOf } from '../domain/paths';
import type { DeniedRead } from '../domain/read-failure';

/** A document of regions/{regionId}/years/{year}[/rows/{rowId}], with the ids of its path. */
export interface Placed<T> {
	regionId: string;
	year: string;
	data: T;
}

/**
 * Parses like live.svelte.ts zodConverter and adds the region and year from the document's path:
 * regions/{r}/years/{y} (depth 0) or regions/{r}/years/{y}/rows|signOffs/{id} (depth 1).
 */
function placedConverter<T>(schema: z.ZodMiniType<T>, depth: 0 | 1): FirestoreDataConverter<Placed<T>, DocumentData> {
	return {
		toFirestore(): DocumentData {
			throw new Error('The overview only reads.');
		},
		fromFirestore(snapshot: QueryDocumentSnapshot, options?: SnapshotOptions): Placed<T> {
			const segments = snapshot.ref.path.split('/');
			const ids = planIdsOf(segments.slice(0, segments.length - 2 * depth).join('/'));
			if (!ids) throw new Error(`not a plan document: ${snapshot.ref.path}`);
			return {
				...ids,
				data: schema.parse(snapshot.data({ ...options, serverTimestamps: 'estimate' }))
			};
		}
	};
}

/** Every plan (year document) of every region, live. */
export class LiveAllYears extends LiveQuery<Placed<Plan>> {
	constructor(denied: DeniedRead) {
		super(collectionGroup(db(), GROUPS.years).withConverter(placedConverter(plan, 0)), denied, 'every region’s years');
	}
}

/** Every row of every region's plans, live (for the overview's completeness figures). */
export class LiveAllRows extends LiveQuery<Placed<Row>> {
	constructor(denied: DeniedRead) {
		super(collectionGroup(db(), GROUPS.rows).withConverter(placedConverter(row, 1)), denied, 'every region’s rows');
	}
}

/** Every plan's sign-offs, live (the overview's "3 av 10 godkänt"; the rows give each plan's hash). */
export class LiveAllSignOffs extends LiveQuery<Placed<SignOff>> {
	constructor(denied: DeniedRead) {
		super(collectionGroup(db(), GROUPS.signOffs).withConverter(placedConverter(signOff, 1)), denied, 'every plan’s sign-offs');
	}
}
