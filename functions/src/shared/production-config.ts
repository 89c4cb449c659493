// What a deployed function demands of its configuration, as pure decisions over plain values (the
// params and process.env are read at the edge, mailer.ts and options.ts): SMTP with a login and TLS
// and a real sender, and App Check enforced. Only the Functions emulator (FUNCTIONS_EMULATOR=true,
// its own marker) may use the local maildev in plain text and switch App Check off.

/** The SMTP settings as configured (params and the SMTP_PASSWORD secret). */
export interface SmtpSettings {
	host: string;
	port: string;
	secure: string;
	user: string;
	password: string;
	from: string;
}

/** What nodemailer is given: in production always auth plus TLS (implicit, or STARTTLS required). */
export interface SmtpTransport {
	host: string;
	port: number;
	secure: boolean;
	requireTLS: boolean;
	ignoreTLS: boolean;
	auth?: { user: string; pass: string };
}

export type SmtpDecision = { ok: true; transport: SmtpTransport; from: string } | { ok: false; problems: string[] };

/** Domains reserved for examples and tests (RFC 2606, RFC 6761): never a sender in production. */
const RESERVED_DOMAIN = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/i;

/** The sender's domain: "Name <a@b.se>" or "a@b.se" → "b.se"; null when there is no address. */
function senderDomain(from: string): string | null {
	const address = /<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
	const m = /^[^@\s<>]+@([^@\s<>]+)$/.exec(address);
	return m ? m[1].toLowerCase() : null;
}

/**
 * The transport for the settings, or every problem with them. In production: a host, a port, a login
 * with a password, TLS (SMTP_SECURE=true) or STARTTLS required (never plain text), and a sender at a
 * real domain. In the emulator: the local maildev as configured (no login means no TLS either).
 */
export function smtpDecision(s: SmtpSettings, emulator: boolean): SmtpDecision {
	const problems: string[] = [];
	const port = Number(s.port);
	if (!s.host.trim()) problems.push('SMTP_HOST is empty');
	if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`SMTP_PORT "${s.port}" is not a port`);
	if (s.secure !== 'true' && s.secure !== 'false') problems.push(`SMTP_SECURE must be true or false, not "${s.secure}"`);
	const domain = senderDomain(s.from);
	if (!domain) problems.push(`MAIL_FROM "${s.from}" holds no address`);
	const user = s.user.trim();
	if (!emulator) {
		if (!user) problems.push('SMTP_USER is empty: production mail needs an authenticated SMTP login');
		if (!s.password) problems.push('the SMTP_PASSWORD secret is empty');
		if (domain && RESERVED_DOMAIN.test(domain)) problems.push(`MAIL_FROM uses the reserved domain ${domain}; set a real sender`);
	}
	if (problems.length > 0) return { ok: false, problems };
	const secure = s.secure === 'true';
	const transport: SmtpTransport = emulator
		? { host: s.host, port, secure, requireTLS: false, ignoreTLS: !user }
		: { host: s.host, port, secure, requireTLS: !secure, ignoreTLS: false };
	if (user) transport.auth = { user, pass: s.password };
	return { ok: true, transport, from: s.from };
}

/** True inside the Functions emulator: it sets FUNCTIONS_EMULATOR=true; a deployed function never has it. */
export function inEmulator(env: Record<string, string | undefined>): boolean {
	return env.FUNCTIONS_EMULATOR === 'true';
}

/**
 * Whether callables and HTTP exports demand an App Check token. Fail closed: only the emulator with
 * APP_CHECK=false skips it (the emulator cannot exchange debug tokens offline); a deployed function
 * enforces it even if APP_CHECK were set to false.
 */
export function appCheckEnforced(env: Record<string, string | undefined>): boolean {
	return !(inEmulator(env) && env.APP_CHECK === 'false');
}
