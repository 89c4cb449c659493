// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104) in plain, synchronous TypeScript, so the domain
// can fingerprint a submitted plan and sign unsubscribe links identically in Node and browsers
// (crypto.subtle is asynchronous and absent from some runtimes). Also UTF-8, hex and base64url.

const K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
	return encoder.encode(s);
}

const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === 'string' ? utf8(data) : data);

/** SHA-256 of bytes, or of a string's UTF-8 bytes: 32 bytes. */
export function sha256(data: Uint8Array | string): Uint8Array {
	const message = bytesOf(data);
	const length = message.length;
	// Padding: 0x80, zeros, then the message length in bits as a 64-bit big-endian integer.
	const blocks = Math.ceil((length + 9) / 64);
	const padded = new Uint8Array(blocks * 64);
	padded.set(message);
	padded[length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(length / 0x20000000), false);
	view.setUint32(padded.length - 4, (length * 8) >>> 0, false);

	const h = Uint32Array.from(H0);
	const w = new Uint32Array(64);
	for (let block = 0; block < blocks; block++) {
		for (let i = 0; i < 16; i++) w[i] = view.getUint32(block * 64 + i * 4, false);
		for (let i = 16; i < 64; i++) {
			const a = w[i - 15];
			const b = w[i - 2];
			const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
			const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
			w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
		}
		let [a, b, c, d, e, f, g, hh] = h;
		for (let i = 0; i < 64; i++) {
			const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
			const ch = (e & f) ^ (~e & g);
			const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
			const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
			const maj = (a & b) ^ (a & c) ^ (b & c);
			const t2 = (S0 + maj) | 0;
			hh = g;
			g = f;
			f = e;
			e = (d + t1) | 0;
			d = c;
			c = b;
			b = a;
			a = (t1 + t2) | 0;
		}
		h[0] += a;
		h[1] += b;
		h[2] += c;
		h[3] += d;
		h[4] += e;
		h[5] += f;
		h[6] += g;
		h[7] += hh;
	}
	const out = new Uint8Array(32);
	const outView = new DataView(out.buffer);
	for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i], false);
	return out;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += b.toString(16).padStart(2, '0');
	return s;
}

/** SHA-256 as 64 lower-case hex digits. */
export function sha256Hex(data: Uint8Array | string): string {
	return toHex(sha256(data));
}

const BLOCK = 64;

/** HMAC-SHA-256 (RFC 2104): keys longer than a block are hashed first. */
export function hmacSha256(key: Uint8Array | string, message: Uint8Array | string): Uint8Array {
	let k = bytesOf(key);
	if (k.length > BLOCK) k = sha256(k);
	const inner = new Uint8Array(BLOCK);
	const outer = new Uint8Array(BLOCK);
	inner.set(k);
	outer.set(k);
	for (let i = 0; i < BLOCK; i++) {
		inner[i] ^= 0x36;
		outer[i] ^= 0x5c;
	}
	const m = bytesOf(message);
	const innerMessage = new Uint8Array(BLOCK + m.length);
	innerMessage.set(inner);
	innerMessage.set(m, BLOCK);
	const innerHash = sha256(innerMessage);
	const outerMessage = new Uint8Array(BLOCK + innerHash.length);
	outerMessage.set(outer);
	outerMessage.set(innerHash, BLOCK);
	return sha256(outerMessage);
}

/** Compares two byte strings in time that depends only on their lengths, not on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5). */
export function base64UrlEncode(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
		for (let j = 0; j < chars; j++) s += ALPHABET[(n >>> (18 - 6 * j)) & 63];
	}
	return s;
}

/**
 * Decodes unpadded base64url; null for anything that is not the canonical encoding of some bytes
 * (foreign characters, padding, an impossible length, or non-zero unused trailing bits), so two
 * different strings never decode to the same bytes.
 */
export function base64UrlDecode(s: string): Uint8Array | null {
	if (s.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((s.length * 6) / 8));
	let bits = 0;
	let value = 0;
	let o = 0;
	for (const c of s) {
		const v = INDEX.get(c);
		if (v === undefined) return null;
		value = ((value << 6) | v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (value >>> bits) & 0xff;
		}
	}
	if ((value & ((1 << bits) - 1)) !== 0) return null;
	return out;
}
