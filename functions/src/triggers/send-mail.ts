// sendMail: delivers each outbox document once. A transaction claims it (pending → sending) so a
// retried delivery of the same event does not mail twice; failures are recorded and retried, except
// SMTP settings that production refuses (mailer.ts): those mark the mail failed, nothing is sent.
import { logger } from 'firebase-functions';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import { db } from '../shared/admin';
import { MailConfigError, smtpMailer, type Mailer } from '../shared/mailer';
import { TRIGGER } from '../shared/options';
import { SMTP_PASSWORD } from '../shared/params';
import { mail } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export const sendMail = onDocumentCreated(
	{ ...TRIGGER, document: paths.outboxMail('{mailId}'), secrets: [SMTP_PASSWORD], retry: true },
	async (event) => {
		const ref = db().doc(paths.outboxMail(event.params.mailId));
		const claimed = await db().runTransaction(async (tx) => {
			const snap = await tx.get(ref);
			if (!snap.exists) return null;
			const parsed = mail.safeParse(snap.data());
			if (!parsed.success) {
				tx.update(ref, { state: 'failed', error: `invalid-mail: ${parsed.error.message}` });
				return null;
			}
			if (parsed.data.state !== 'pending') return null;
			tx.update(ref, { state: 'sending', attempts: FieldValue.increment(1) });
			return parsed.data;
		});
		if (!claimed) return;
		let mailer: Mailer;
		try {
			mailer = smtpMailer();
		} catch (err) {
			if (!(err instanceof MailConfigError)) throw err;
			logger.error(`${paths.outboxMail(event.params.mailId)} not sent: ${err.message}`, { problems: err.problems });
			await ref.update({ state: 'failed', error: err.message }).catch(unlessGone);
			return;
		}
		let messageId: string;
		try {
			({ messageId } = await mailer.send(claimed));
		} catch (err) {
			await ref.update({ state: 'pending', error: String(err) }).catch(unlessGone);
			throw err;
		}
		// Sent: recording it must not turn into a retry (which would find it claimed and send nothing).
		await ref.update({ state: 'sent', sentAt: FieldValue.serverTimestamp(), messageId, error: null }).catch(unlessGone);
	}
);

/** An outbox document deleted meanwhile (an operator's clean-up) has nothing left to record. */
function unlessGone(err: unknown): void {
	if ((err as { code?: unknown }).code !== 5) throw err;
}
