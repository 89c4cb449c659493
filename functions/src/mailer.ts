// SMTP through nodemailer, configured from the deployment parameters; passed into the senders.
import nodemailer from 'nodemailer';
import { MAIL_FROM, SMTP_HOST, SMTP_PASSWORD, SMTP_PORT, SMTP_SECURE, SMTP_USER } from './params';

export interface Mailer {
	send(m: { to: string[]; subject: string; text: string; html?: string; headers?: Record<string, string> }): Promise<{ messageId: string }>;
}

export function smtpMailer(): Mailer {
	const user = SMTP_USER.value();
	const transport = nodemailer.createTransport({
		host: SMTP_HOST.value(),
		port: Number(SMTP_PORT.value()),
		secure: SMTP_SECURE.value() === 'true',
		auth: user ? { user, pass: SMTP_PASSWORD.value() } : undefined,
		ignoreTLS: !user
	});
	return {
		async send(m) {
			const info = await transport.sendMail({ from: MAIL_FROM.value(), to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
			return { messageId: info.messageId };
		}
	};
}
