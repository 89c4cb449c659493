// The token in a reminder mail's one-click "Avsluta påminnelser" link: it names one person (uid)
// and is signed with a server secret, so following the link needs no sign-in and cannot be forged
// for someone else. Format: base64url(uid) "." base64url(HMAC-SHA-256(secret, PURPOSE + uid)).
// The token does not expire (an unsubscribe link in an old mail should still work); rotating the
// secret invalidates every issued link. Signing and verification run where the secret lives
// (Cloud Functions); nothing here reads the secret itself.
import { base64UrlDecode, base64UrlEncode, constantTimeEqual, hmacSha256, utf8 } from './sha256';

/** Binds the MAC to this use, so an HMAC made with the same secret for something else never verifies. */
export const UNSUBSCRIBE_PURPOSE = 'planbordet/unsubscribe-reminders/v1:';

/** Longest uid a token carries (Firebase uids are at most 128 characters). */
export const MAX_UID_LENGTH = 128;

const MAC_BYTES = 32;

function mac(uid: string, secret: string): Uint8Array {
	return hmacSha256(utf8(secret), utf8(UNSUBSCRIBE_PURPOSE + uid));
}

/** The token for a person's unsubscribe link. Throws on an empty uid or secret (a wiring mistake). */
export function signToken(uid: string, secret: string): string {
	if (uid.length === 0 || uid.length > MAX_UID_LENGTH) throw new Error('invalid-uid');
	if (secret.length === 0) throw new Error('missing-secret');
	return `${base64UrlEncode(utf8(uid))}.${base64UrlEncode(mac(uid, secret))}`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The uid a token was signed for, or null when the token is malformed, tampered with, or signed
 * with another secret. Never throws. The MAC is compared in constant time.
 */
export function verifyToken(token: unknown, secret: string): string | null {
	if (typeof token !== 'string' || secret.length === 0) return null;
	if (token.length > 4 * MAX_UID_LENGTH + 64) return null;
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const uidBytes = base64UrlDecode(parts[0]);
	const given = base64UrlDecode(parts[1]);
	if (!uidBytes || !given || given.length !== MAC_BYTES || uidBytes.length === 0) return null;
	let uid: string;
	try {
		uid = decoder.decode(uidBytes);
	} catch {
		return null;
	}
	if (uid.length > MAX_UID_LENGTH) return null;
	return constantTimeEqual(mac(uid, secret), given) ? uid : null;
}
