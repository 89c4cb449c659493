// The SHA-256 fingerprint of a submitted plan (node:crypto), over the canonical text the domain
// defines (src/lib/domain/submission.ts canonicalContent); submitPlan stores it in the submission record.
import { createHash } from 'node:crypto';
import { canonicalContent, type SubmittedRow } from '../../../src/lib/domain/submission';
import type { Submission } from '../../../src/lib/domain/schemas';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { planRows } from './plan-rows';

/** SHA-256 of canonicalContent(rows) as UTF-8, in 64 lower-case hex digits. */
export function contentHash(rows: readonly SubmittedRow[]): string {
	return createHash('sha256').update(canonicalContent(rows), 'utf8').digest('hex');
}

/** Whether stored rows are still exactly the content a submission recorded. */
export function matchesSubmission(rows: readonly SubmittedRow[], record: Pick<Submission, 'contentHash'>): boolean {
	return contentHash(rows) === record.contentHash;
}

/** The hash of a plan's stored row documents (planRows throws InvalidRow for one that does not parse). */
export function storedContentHash(docs: readonly Pick<QueryDocumentSnapshot, 'id' | 'data'>[]): string {
	return contentHash(planRows(docs).map(({ id, row }) => ({ id, area: row.area, position: row.position, fields: row.fields })));
}
