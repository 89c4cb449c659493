// The one mail path: everything that mails writes a document to `mail/`; the sendMail trigger
// delivers it over SMTP exactly once (claimed in a transaction) and records the outcome. Each mail
// carries its TTL expiry (retention.ts: sign-in links inside, so the outbox forgets within a week).
import { FieldValue, type Firestore, type QuerySnapshot, type Transaction } from 'firebase-admin/firestore';
import type { MailContent } from '../../../src/lib/domain/mail-text';
import { mailExpiry } from '../../../src/lib/domain/retention';
import { member, type Member } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export interface OutboxMail extends MailContent {
	to: string[];
	kind: string;
	/** Extra headers (schemas.ts mail), e.g. List-Unsubscribe on reminders. */
	headers?: Record<string, string>;
	/** The writer's clock when it queued the mail: the mail expires RETENTION.mail later. */
	queuedAt: Date;
}

function doc({ headers, queuedAt, ...m }: OutboxMail) {
	const stamps = { createdAt: FieldValue.serverTimestamp(), expireAt: mailExpiry(queuedAt) };
	return { ...m, ...(headers ? { headers } : {}), ...stamps, state: 'pending', attempts: 0, error: null, sentAt: null };
}

export async function enqueueMail(db: Firestore, m: OutboxMail, id?: string): Promise<string> {
	const ref = id ? db.doc(paths.outboxMail(id)) : db.collection(paths.mail()).doc();
	await ref.create(doc(m));
	return ref.id;
}

export function enqueueMailIn(tx: Transaction, db: Firestore, m: OutboxMail, id?: string): string {
	const ref = id ? db.doc(paths.outboxMail(id)) : db.collection(paths.mail()).doc();
	tx.create(ref, doc(m));
	return ref.id;
}

/** One mail per active member of a region (each with their own greeting), queued inside the transaction; invitees wait for their invitation. */
export function mailMembersIn(tx: Transaction, db: Firestore, members: QuerySnapshot, kind: string, queuedAt: Date, build: (m: Member) => MailContent): void {
	for (const d of members.docs) {
		const m = member.safeParse(d.data());
		if (m.success && m.data.status === 'active') enqueueMailIn(tx, db, { ...build(m.data), to: [m.data.email], kind, queuedAt });
	}
}
