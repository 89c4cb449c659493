// The unsubscribe token's signing (unsubscribe-signing.ts): round trip, HMAC layout, refusal of
// anything tampered with, and tokens mailed before node:crypto replaced the hand-written HMAC.
import { describe, it, expect } from 'vitest';
import { createHmac } from 'node:crypto';
import { signToken, verifyToken } from './unsubscribe-signing';
import { UNSUBSCRIBE_PURPOSE, MAX_UID_LENGTH } from '../../../src/lib/domain/unsubscribe-token';

const secret = 'a-long-random-server-secret-0123456789';
const uid = 'k3VqL0mZpWc9aTn2RbXy7HsQe4D1';

describe('signToken / verifyToken', () => {
	it('round-trips a uid', () => {
		expect(verifyToken(signToken(uid, secret), secret)).toBe(uid);
	});

	it('is URL-safe: base64url, one dot, no padding', () => {
		const token = signToken(uid, secret);
		expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
		expect(encodeURIComponent(token)).toBe(token);
	});

	it('is deterministic for the same uid and secret, and differs per uid', () => {
		expect(signToken(uid, secret)).toBe(signToken(uid, secret));
		expect(signToken('other', secret)).not.toBe(signToken(uid, secret));
	});

	it('is HMAC-SHA-256 over the purpose and the uid', () => {
		const expected = createHmac('sha256', secret).update(UNSUBSCRIBE_PURPOSE + uid).digest('base64url');
		expect(signToken(uid, secret).split('.')[1]).toBe(expected);
		expect(Buffer.from(signToken(uid, secret).split('.')[0], 'base64url').toString('utf8')).toBe(uid);
	});

	it('carries non-ASCII uids and secrets', () => {
		expect(verifyToken(signToken('användare-åäö', 'hemlighet-åäö'), 'hemlighet-åäö')).toBe('användare-åäö');
	});

	it('refuses a wrong secret', () => {
		expect(verifyToken(signToken(uid, secret), 'another-secret')).toBeNull();
		expect(verifyToken(signToken(uid, secret), '')).toBeNull();
	});

	it('refuses a token whose uid was swapped for someone else', () => {
		const [, sig] = signToken(uid, secret).split('.');
		const forged = `${Buffer.from('victim', 'utf8').toString('base64url')}.${sig}`;
		expect(verifyToken(forged, secret)).toBeNull();
	});

	it('refuses every single-character change of a token', () => {
		const token = signToken(uid, secret);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
		let tried = 0;
		for (let i = 0; i < token.length; i++) {
			for (const c of alphabet) {
				if (c === token[i]) continue;
				const tampered = token.slice(0, i) + c + token.slice(i + 1);
				expect(verifyToken(tampered, secret), tampered).toBeNull();
				tried++;
			}
		}
		expect(tried).toBeGreaterThan(1000);
	});

	it('refuses truncated and extended tokens', () => {
		const token = signToken(uid, secret);
		expect(verifyToken(token.slice(0, -1), secret)).toBeNull();
		expect(verifyToken(token + 'A', secret)).toBeNull();
		expect(verifyToken(token + '.', secret)).toBeNull();
		expect(verifyToken(`${token}.${token}`, secret)).toBeNull();
	});

	it('refuses garbage without throwing', () => {
		for (const garbage of ['', '.', 'abc', 'a.b', '..', 'Zm9v.', '.Zm9v', '%%%.%%%', 'x'.repeat(10_000), '🙂.🙂']) {
			expect(verifyToken(garbage, secret), garbage).toBeNull();
		}
		for (const notAString of [null, undefined, 42, {}, ['a.b']]) {
			expect(verifyToken(notAString, secret)).toBeNull();
		}
	});

	it('refuses a correctly signed token whose uid bytes are not UTF-8', () => {
		const bytes = Buffer.from([0xff, 0xfe]);
		const sig = createHmac('sha256', secret).update(Buffer.concat([Buffer.from(UNSUBSCRIBE_PURPOSE), bytes])).digest('base64url');
		expect(verifyToken(`${bytes.toString('base64url')}.${sig}`, secret)).toBeNull();
	});

	it('refuses to sign with an empty secret or an unusable uid', () => {
		expect(() => signToken(uid, '')).toThrow('missing-secret');
		expect(() => signToken('', secret)).toThrow('invalid-uid');
		expect(() => signToken('x'.repeat(MAX_UID_LENGTH + 1), secret)).toThrow('invalid-uid');
		expect(verifyToken(signToken('x'.repeat(MAX_UID_LENGTH), secret), secret)).toBe('x'.repeat(MAX_UID_LENGTH));
	});
});

describe('tokens issued before node:crypto', () => {
	// Signed by the hand-written HMAC-SHA-256 and base64url (src/lib/domain/sha256.ts, since removed):
	// links already in people's mailboxes must keep verifying, byte for byte.
	const issued = [
		{ uid, secret, token: 'azNWcUwwbVpwV2M5YVRuMlJiWHk3SHNRZTREMQ.kb3XC2t6AZnCIqBPPT89Y97GgJ_S_8zodaOwYBGH5zw' },
		{ uid: 'användare-åäö', secret: 'hemlighet-åäö', token: 'YW52w6RuZGFyZS3DpcOkw7Y.iLZmcHvuFaGKw-Eoc2uCQqv4SXzUHDvJtA1PKX7GCeQ' },
		{ uid: 'u-krokom', secret: 'x'.repeat(100), token: 'dS1rcm9rb20.w192BV8owN1BD8PaaCrrCjr9TgrbumWjzlyFBkR0QBg' }
	];

	it.each(issued)('signs $uid exactly as before and still verifies the old token', (t) => {
		expect(signToken(t.uid, t.secret)).toBe(t.token);
		expect(verifyToken(t.token, t.secret)).toBe(t.uid);
	});
});
