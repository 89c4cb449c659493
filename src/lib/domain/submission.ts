// Submitting a year locks it and records what was handed in: who, when, the number of insatser per
// priority area, a SHA-256 fingerprint of the content and the warned-about cells left empty. The
// fingerprint is computed over a canonical text of the rows (canonicalContent), so anyone can
// recompute it from the stored rows and tell whether they still are what was submitted. The submit
// function reads the rows, hashes them (functions/src/shared/content-hash.ts, node:crypto) and sets
// the status in one transaction; this module defines the hashed text and builds the record.
import { reopening, submission, type PriorityArea, type Reopening, type RowFields, type Submission, type SubmittedSignOff } from './schemas';
import type { MissingField } from './completeness';
import { byCodeUnits, compareRows, type Position } from './ordering';

/** A row as submitted: its id, area, place in the area, and field values. */
export interface SubmittedRow {
	id: string;
	area: number;
	position: Position;
	fields: RowFields;
}

/** Identifies the canonical format; a future format change gets a new tag, so old hashes stay explainable. */
export const CONTENT_FORMAT = 'planbordet/plan-rows/v1';

/** The table order (ordering.ts compareRows: keys and ids in code-unit order, the same in every runtime and locale). */
function canonicalOrder(rows: readonly SubmittedRow[]): SubmittedRow[] {
	return [...rows].sort(compareRows);
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function canonicalFields(fields: RowFields): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(fields).sort(byCodeUnits)) {
		const value = (fields as Record<string, unknown>)[key];
		if (isEmpty(value)) continue;
		out[key] = Array.isArray(value) ? [...value].map(String).sort(byCodeUnits) : value;
	}
	return out;
}

/**
 * The exact text the content hash is computed over (UTF-8): JSON of
 * `{"format":CONTENT_FORMAT,"rows":[{"id":…,"area":…,"fields":{…}}, …]}` where
 * - rows are in table order: area, then position, then id (code-unit order);
 * - each row carries only id, area and fields — positions, revisions, authors and timestamps are
 *   left out (positions count only through the order they give);
 * - field keys are sorted, X marks (serviceTypes) are sorted, and empty values ('' and []) are
 *   left out, so a cell that was never written and one that was cleared read alike;
 * - text is kept exactly as stored (no trimming): what was submitted is what is hashed.
 */
export function canonicalContent(rows: readonly SubmittedRow[]): string {
	return JSON.stringify({
		format: CONTENT_FORMAT,
		rows: canonicalOrder(rows).map((r) => ({ id: r.id, area: r.area, fields: canonicalFields(r.fields) }))
	});
}

/** Rows per area, keyed by area number as a string; every area of the region appears, with 0 when empty. */
export function rowsPerArea(rows: readonly Pick<SubmittedRow, 'area'>[], areas: readonly Pick<PriorityArea, 'number'>[]): Record<string, number> {
	const counts: Record<string, number> = {};
	const numbers = [...new Set([...areas.map((a) => a.number), ...rows.map((r) => r.area)])].sort((a, b) => a - b);
	for (const n of numbers) counts[String(n)] = 0;
	for (const r of rows) counts[String(r.area)] += 1;
	return counts;
}

export interface Actor {
	uid: string;
	name: string;
}

/**
 * The record a submission writes on the year document. `at` is the submission time (the caller's
 * clock or the transaction's server time); `contentHash` is the SHA-256 hex of
 * canonicalContent(rows). The record is validated with the `submission` schema, so a bad actor,
 * clock or hash throws a ZodError here rather than being stored.
 */
export function submissionRecord(input: {
	rows: readonly SubmittedRow[];
	areas: readonly Pick<PriorityArea, 'number'>[];
	by: Actor;
	at: Date;
	contentHash: string;
	/** The warned-about cells that are empty (completeness.ts missingFields at level 'warn'); none when left out. */
	warnings?: readonly MissingField[];
	/** Every network organisation's sign-off against this content (sign-off.ts submissionSignOffs); none when left out. */
	signOffs?: readonly SubmittedSignOff[];
}): Submission {
	return submission.parse({
		by: input.by.uid,
		byName: input.by.name,
		at: input.at,
		rowsPerArea: rowsPerArea(input.rows, input.areas),
		rowCount: input.rows.length,
		contentHash: input.contentHash,
		warnings: input.warnings ?? [],
		signOffs: input.signOffs ?? []
	});
}

/** The record reopening a year writes; the reason is trimmed and must be 10–2000 characters (throws a ZodError otherwise). */
export function reopeningRecord(input: { by: Actor; at: Date; reason: string }): Reopening {
	return reopening.parse({ by: input.by.uid, byName: input.by.name, at: input.at, reason: input.reason });
}
