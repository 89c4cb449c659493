// SMTP through nodemailer, configured from the deployment parameters by production-config.ts's rules
// (login and TLS in production, the local maildev in the emulator); passed into the senders.
import nodemailer from 'nodemailer';
import { MAIL_FROM, SMTP_HOST, SMTP_PASSWORD, SMTP_PORT, SMTP_SECURE, SMTP_USER } from './params';
import { inEmulator, smtpDecision } from './production-config';

export interface Mailer {
	send(m: { to: string[]; subject: string; text: string; html?: string; headers?: Record<string, string> }): Promise<{ messageId: string }>;
}

/** The SMTP settings cannot carry mail safely: retrying will not help until an operator fixes them. */
export class MailConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`smtp-misconfigured: ${problems.join('; ')}`);
		this.name = 'MailConfigError';
	}
}

/** The configured mailer; throws MailConfigError (sending nothing) when production's rules are not met. */
export function smtpMailer(env: Record<string, string | undefined> = process.env): Mailer {
	const decision = smtpDecision(
		{ host: SMTP_HOST.value(), port: SMTP_PORT.value(), secure: SMTP_SECURE.value(), user: SMTP_USER.value(), password: SMTP_PASSWORD.value(), from: MAIL_FROM.value() },
		inEmulator(env)
	);
	if (!decision.ok) throw new MailConfigError(decision.problems);
	const transport = nodemailer.createTransport(decision.transport);
	return {
		async send(m) {
			const info = await transport.sendMail({ from: decision.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
			return { messageId: info.messageId };
		}
	};
}
