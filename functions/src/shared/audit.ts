// The region's audit log (regions/{r}/audit): every membership, organisation, region and plan-setting
// change, written by the function that makes it in the same transaction or batch, so a change and its
// record land together. Entries are parsed with the shared schema before they are written.
import { FieldValue, type Firestore, type Transaction, type WriteBatch } from 'firebase-admin/firestore';
import { auditEntry, type AuditKind } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export interface AuditRecord {
	kind: AuditKind;
	by: string;
	byName: string;
	target: string;
	targetName: string;
	details?: Record<string, unknown>;
	at: Date;
}

/** Queues the entry on the transaction or batch; the server's time is what is stored. */
export function recordAudit(fs: Firestore, writer: Transaction | WriteBatch, regionId: string, record: AuditRecord): void {
	const parsed = auditEntry.parse({ details: {}, ...record });
	const ref = fs.collection(paths.audit(regionId)).doc();
	(writer as WriteBatch).create(ref, { ...parsed, at: FieldValue.serverTimestamp() });
}
