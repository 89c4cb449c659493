// The token in a reminder mail's one-click "Avsluta påminnelser" link: what it carries and how it
// is laid out. It names one person (uid) and is signed with a server secret, so following the link
// needs no sign-in and cannot be forged for someone else. Format (unpadded base64url):
// base64url(uid) "." base64url(HMAC-SHA-256(secret, UNSUBSCRIBE_PURPOSE + uid)).
// The token does not expire (an unsubscribe link in an old mail should still work); rotating the
// secret invalidates every issued link. Signing and verifying run where the secret lives, with
// node:crypto (functions/src/shared/unsubscribe-signing.ts); nothing here reads the secret.

/** Binds the MAC to this use, so an HMAC made with the same secret for something else never verifies. */
export const UNSUBSCRIBE_PURPOSE = 'planbordet/unsubscribe-reminders/v1:';

/** Longest uid a token carries (Firebase uids are at most 128 characters). */
export const MAX_UID_LENGTH = 128;

/** An HMAC-SHA-256 is 32 bytes. */
export const MAC_BYTES = 32;

/** Longer than any token can be (a 128-character uid is at most 512 UTF-8 bytes): refused unread. */
const MAX_TOKEN_LENGTH = 4 * MAX_UID_LENGTH + 64;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The text the MAC is computed over (as UTF-8): the purpose, then the uid. */
export function signedText(uid: string): string {
	return UNSUBSCRIBE_PURPOSE + uid;
}

/** Whether a token may carry this uid: not empty and at most MAX_UID_LENGTH characters. */
export function isTokenUid(uid: string): boolean {
	return uid.length > 0 && uid.length <= MAX_UID_LENGTH;
}

/**
 * A token's two base64url parts, still encoded, or null when the value cannot be a token: not a
 * string, longer than any token, not exactly one dot, or a part empty or outside the base64url alphabet.
 */
export function tokenParts(token: unknown): { uid: string; mac: string } | null {
	if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
	const parts = token.split('.');
	if (parts.length !== 2 || !parts.every((p) => BASE64URL.test(p))) return null;
	return { uid: parts[0], mac: parts[1] };
}
