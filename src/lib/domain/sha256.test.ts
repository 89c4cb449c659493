import { describe, it, expect } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { sha256, sha256Hex, hmacSha256, toHex, utf8, constantTimeEqual, base64UrlEncode, base64UrlDecode } from './sha256';

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

describe('sha256: FIPS 180-4 / NIST test vectors', () => {
	it('hashes the empty string', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});

	it('hashes "abc" (one block)', () => {
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('hashes the 448-bit message (padding spills into a second block)', () => {
		expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		);
	});

	it('hashes the 896-bit message', () => {
		expect(
			sha256Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu')
		).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
	});

	it('hashes one million "a" (many blocks)', () => {
		expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
	});

	it('hashes the UTF-8 bytes of Swedish text', () => {
		expect(toHex(utf8('åäö'))).toBe('c3a5c3a4c3b6');
		expect(sha256Hex('åäö')).toBe(createHash('sha256').update('åäö', 'utf8').digest('hex'));
		expect(sha256Hex('Region Jämtland Härjedalen — Östersund')).toBe(
			createHash('sha256').update('Region Jämtland Härjedalen — Östersund', 'utf8').digest('hex')
		);
	});

	it('gives the same digest for a string and its UTF-8 bytes', () => {
		expect(sha256Hex(utf8('Åre'))).toBe(sha256Hex('Åre'));
	});

	it('matches node:crypto at every length around the block boundaries (0..300 bytes)', () => {
		for (let n = 0; n <= 300; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n * 7) & 0xff);
			expect(sha256Hex(bytes), `length ${n}`).toBe(createHash('sha256').update(bytes).digest('hex'));
		}
	});

	it('returns 32 bytes', () => {
		expect(sha256('x')).toHaveLength(32);
	});
});

describe('hmacSha256: RFC 4231 test vectors', () => {
	it('case 1: 20-byte key', () => {
		expect(toHex(hmacSha256(new Uint8Array(20).fill(0x0b), 'Hi There'))).toBe(
			'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'
		);
	});

	it('case 2: short key "Jefe"', () => {
		expect(toHex(hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
		);
	});

	it('case 3: 50 bytes of 0xdd', () => {
		expect(toHex(hmacSha256(new Uint8Array(20).fill(0xaa), new Uint8Array(50).fill(0xdd)))).toBe(
			'773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'
		);
	});

	it('case 6: a key longer than the block is hashed first', () => {
		expect(
			toHex(hmacSha256(new Uint8Array(131).fill(0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First'))
		).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
	});

	it('matches node:crypto for keys of 0..130 bytes', () => {
		for (let n = 0; n <= 130; n += 13) {
			const key = Uint8Array.from({ length: n }, (_, i) => (i * 7 + 1) & 0xff);
			expect(toHex(hmacSha256(key, 'planbordet åäö')), `key length ${n}`).toBe(
				createHmac('sha256', key).update('planbordet åäö', 'utf8').digest('hex')
			);
		}
	});
});

describe('constantTimeEqual', () => {
	it('is true for equal bytes and false otherwise', () => {
		expect(constantTimeEqual(fromHex('00ff10'), fromHex('00ff10'))).toBe(true);
		expect(constantTimeEqual(fromHex('00ff10'), fromHex('00ff11'))).toBe(false);
		expect(constantTimeEqual(fromHex('00ff10'), fromHex('00ff'))).toBe(false);
		expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
	});
});

describe('base64url', () => {
	it('encodes without padding, with - and _', () => {
		expect(base64UrlEncode(utf8(''))).toBe('');
		expect(base64UrlEncode(utf8('f'))).toBe('Zg');
		expect(base64UrlEncode(utf8('fo'))).toBe('Zm8');
		expect(base64UrlEncode(utf8('foo'))).toBe('Zm9v');
		expect(base64UrlEncode(utf8('foob'))).toBe('Zm9vYg');
		expect(base64UrlEncode(fromHex('fbff'))).toBe('-_8');
	});

	it('agrees with node for every length 0..70', () => {
		for (let n = 0; n <= 70; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff);
			const encoded = base64UrlEncode(bytes);
			expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
			expect(base64UrlDecode(encoded)).toEqual(bytes);
		}
	});

	it('refuses foreign characters, padding and impossible lengths', () => {
		expect(base64UrlDecode('Zm9v+')).toBeNull();
		expect(base64UrlDecode('Zg==')).toBeNull();
		expect(base64UrlDecode('Zm9vY')).toBeNull();
		expect(base64UrlDecode('Zm 9v')).toBeNull();
	});

	it('refuses non-canonical trailing bits, so no two strings decode alike', () => {
		expect(base64UrlDecode('Zg')).toEqual(utf8('f'));
		expect(base64UrlDecode('Zh')).toBeNull();
		expect(base64UrlDecode('Zm8')).toEqual(utf8('fo'));
		expect(base64UrlDecode('Zm9')).toBeNull();
	});
});
