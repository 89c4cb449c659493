import { describe, it, expect } from 'vitest';
import { isTokenUid, MAX_UID_LENGTH, signedText, tokenParts, UNSUBSCRIBE_PURPOSE } from './unsubscribe-token';

// The token's layout and rules; signing and verifying are tested in functions/src/shared/unsubscribe-signing.test.ts.
describe('unsubscribe token rules', () => {
	it('signs the purpose followed by the uid', () => {
		expect(signedText('u-1')).toBe(`${UNSUBSCRIBE_PURPOSE}u-1`);
	});

	it('carries uids of 1..MAX_UID_LENGTH characters', () => {
		expect(isTokenUid('x')).toBe(true);
		expect(isTokenUid('x'.repeat(MAX_UID_LENGTH))).toBe(true);
		expect(isTokenUid('')).toBe(false);
		expect(isTokenUid('x'.repeat(MAX_UID_LENGTH + 1))).toBe(false);
	});

	it('splits a token into its two base64url parts', () => {
		expect(tokenParts('dS0x.AbC-_9')).toEqual({ uid: 'dS0x', mac: 'AbC-_9' });
	});

	it('refuses what cannot be a token', () => {
		for (const bad of ['', '.', 'abc', 'a.', '.a', 'a.b.c', 'Zg==.Zg', 'a+b.c', 'a/b.c', 'a b.c', '🙂.🙂', `${'a'.repeat(600)}.b`, null, undefined, 42, {}]) {
			expect(tokenParts(bad), String(bad)).toBeNull();
		}
	});
});
