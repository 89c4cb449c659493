// production-config.ts: the SMTP settings production accepts (login, TLS or required STARTTLS, a real
// sender) and what the emulator may do instead; App Check enforcement outside the emulator.
import { describe, expect, it } from 'vitest';
import { appCheckEnforced, inEmulator, smtpDecision, type SmtpSettings } from './production-config';

const PROD: SmtpSettings = { host: 'smtp.region.se', port: '587', secure: 'false', user: 'planbordet', password: 's3cret', from: 'Planbordet <planbordet@region.se>' };
const MAILDEV: SmtpSettings = { host: '127.0.0.1', port: '1025', secure: 'false', user: '', password: '', from: 'Planbordet <planbordet@planbordet.example>' };

const problems = (s: SmtpSettings, emulator = false) => {
	const d = smtpDecision(s, emulator);
	return d.ok ? [] : d.problems;
};

describe('smtpDecision in production', () => {
	it('uses STARTTLS, required, with the login on port 587', () => {
		expect(smtpDecision(PROD, false)).toEqual({
			ok: true,
			from: PROD.from,
			transport: { host: 'smtp.region.se', port: 587, secure: false, requireTLS: true, ignoreTLS: false, auth: { user: 'planbordet', pass: 's3cret' } }
		});
	});

	it('uses TLS from the first byte with SMTP_SECURE=true (port 465), never ignoring TLS', () => {
		const d = smtpDecision({ ...PROD, port: '465', secure: 'true' }, false);
		expect(d.ok && d.transport).toMatchObject({ port: 465, secure: true, ignoreTLS: false, auth: { user: 'planbordet' } });
	});

	it('refuses the local maildev settings: no login, no password, a reserved sender domain', () => {
		expect(problems(MAILDEV)).toEqual([
			'SMTP_USER is empty: production mail needs an authenticated SMTP login',
			'the SMTP_PASSWORD secret is empty',
			'MAIL_FROM uses the reserved domain planbordet.example; set a real sender'
		]);
	});

	it('refuses a login without a password and a blank login', () => {
		expect(problems({ ...PROD, password: '' })).toEqual(['the SMTP_PASSWORD secret is empty']);
		expect(problems({ ...PROD, user: '   ' })).toEqual(['SMTP_USER is empty: production mail needs an authenticated SMTP login']);
	});

	it('refuses senders at reserved domains and a sender without an address', () => {
		for (const from of ['a@example.com', 'Planbordet <a@mail.example.org>', 'x@host.test', 'x@localhost', 'y@z.invalid']) {
			expect(problems({ ...PROD, from })).toHaveLength(1);
		}
		expect(problems({ ...PROD, from: 'Planbordet' })).toEqual(['MAIL_FROM "Planbordet" holds no address']);
		expect(problems({ ...PROD, from: 'planbordet@tillvaxtverket.se' })).toEqual([]);
	});

	it('refuses a missing host, a port that is not one and an unclear SMTP_SECURE', () => {
		expect(problems({ ...PROD, host: ' ', port: '70000', secure: 'yes' })).toEqual([
			'SMTP_HOST is empty',
			'SMTP_PORT "70000" is not a port',
			'SMTP_SECURE must be true or false, not "yes"'
		]);
	});
});

describe('smtpDecision in the emulator', () => {
	it('sends to the local maildev in plain text, without a login', () => {
		expect(smtpDecision(MAILDEV, true)).toEqual({
			ok: true,
			from: MAILDEV.from,
			transport: { host: '127.0.0.1', port: 1025, secure: false, requireTLS: false, ignoreTLS: true }
		});
	});

	it('still refuses settings that name no server', () => {
		expect(problems({ ...MAILDEV, host: '' }, true)).toEqual(['SMTP_HOST is empty']);
	});
});

describe('App Check enforcement', () => {
	it('is on outside the emulator, whatever APP_CHECK says', () => {
		expect(appCheckEnforced({})).toBe(true);
		expect(appCheckEnforced({ APP_CHECK: 'false' })).toBe(true);
		expect(appCheckEnforced({ APP_CHECK: 'false', FUNCTIONS_EMULATOR: 'false' })).toBe(true);
	});

	it('is off only in the Functions emulator with APP_CHECK=false', () => {
		expect(appCheckEnforced({ FUNCTIONS_EMULATOR: 'true', APP_CHECK: 'false' })).toBe(false);
		expect(appCheckEnforced({ FUNCTIONS_EMULATOR: 'true', APP_CHECK: 'true' })).toBe(true);
		expect(appCheckEnforced({ FUNCTIONS_EMULATOR: 'true' })).toBe(true);
	});

	it('knows the emulator only by its own marker', () => {
		expect(inEmulator({ FUNCTIONS_EMULATOR: 'true' })).toBe(true);
		expect(inEmulator({ GCLOUD_PROJECT: 'demo-planbordet' })).toBe(false);
	});
});
