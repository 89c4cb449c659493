// The one mail path: everything that mails writes a document to `mail/`; the sendMail trigger
// delivers it over SMTP exactly once (claimed in a transaction) and records the outcome.
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import type { MailContent } from '../../src/lib/domain/mail-text';

export interface OutboxMail extends MailContent {
	to: string[];
	kind: string;
	/** Extra headers (schemas.ts mail), e.g. List-Unsubscribe on reminders. */
	headers?: Record<string, string>;
}

function doc({ headers, ...m }: OutboxMail) {
	return { ...m, ...(headers ? { headers } : {}), createdAt: FieldValue.serverTimestamp(), state: 'pending', attempts: 0, error: null, sentAt: null };
}

export async function enqueueMail(db: Firestore, m: OutboxMail, id?: string): Promise<string> {
	const ref = id ? db.collection('mail').doc(id) : db.collection('mail').doc();
	await ref.create(doc(m));
	return ref.id;
}

export function enqueueMailIn(tx: Transaction, db: Firestore, m: OutboxMail, id?: string): string {
	const ref = id ? db.collection('mail').doc(id) : db.collection('mail').doc();
	tx.create(ref, doc(m));
	return ref.id;
}
