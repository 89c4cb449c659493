// Signs and verifies the one-click unsubscribe token (its format and rules:
// src/lib/domain/unsubscribe-token.ts) with node:crypto: HMAC-SHA-256, base64url, and a
// constant-time comparison. Runs only here, where UNSUBSCRIBE_SECRET lives.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isTokenUid, MAC_BYTES, signedText, tokenParts } from '../../../src/lib/domain/unsubscribe-token';

function mac(uid: string, secret: string): Buffer {
	return createHmac('sha256', secret).update(signedText(uid), 'utf8').digest();
}

/**
 * The bytes of unpadded base64url, or null unless the text is their one canonical encoding (Buffer
 * skips foreign characters and ignores leftover bits), so no two tokens decode alike.
 */
function decodeBase64Url(text: string): Buffer | null {
	const bytes = Buffer.from(text, 'base64url');
	return bytes.toString('base64url') === text ? bytes : null;
}

/** The token for a person's unsubscribe link. Throws on an empty or too long uid, or an empty secret (a wiring mistake). */
export function signToken(uid: string, secret: string): string {
	if (!isTokenUid(uid)) throw new Error('invalid-uid');
	if (secret.length === 0) throw new Error('missing-secret');
	return `${Buffer.from(uid, 'utf8').toString('base64url')}.${mac(uid, secret).toString('base64url')}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The uid a token was signed for, or null when the token is malformed, tampered with, or signed
 * with another secret. Never throws. The MAC is compared in constant time.
 */
export function verifyToken(token: unknown, secret: string): string | null {
	const parts = tokenParts(token);
	if (!parts || secret.length === 0) return null;
	const uidBytes = decodeBase64Url(parts.uid);
	const given = decodeBase64Url(parts.mac);
	if (!uidBytes || !given || given.length !== MAC_BYTES) return null;
	let uid: string;
	try {
		uid = utf8.decode(uidBytes);
	} catch {
		return null;
	}
	if (!isTokenUid(uid)) return null;
	return timingSafeEqual(mac(uid, secret), given) ? uid : null;
}
