import { describe, it, expect } from 'vitest';
import { clientKey, rateLimit, signInLimits, SIGN_IN_CLIENT_LIMIT, SIGN_IN_LIMIT } from './rate-limit';

const MIN = 60_000;
const start = new Date('2026-05-04T10:00:00Z').getTime();
const at = (minutes: number) => new Date(start + minutes * MIN);

/** Runs requests at the given minutes, feeding each decision's kept timestamps into the next. */
function run(minutes: number[], limit = SIGN_IN_LIMIT) {
	let stored: number[] = [];
	return minutes.map((m) => {
		const d = rateLimit(stored, at(m), limit);
		stored = d.kept;
		return d;
	});
}

describe('SIGN_IN_LIMIT', () => {
	it('is 5 requests per 15 minutes', () => {
		expect(SIGN_IN_LIMIT).toEqual({ max: 5, windowMs: 15 * MIN });
	});
});

describe('rateLimit', () => {
	it('allows the first request and stores its time', () => {
		expect(rateLimit([], at(0))).toEqual({ allowed: true, kept: [start] });
	});

	it('allows 5 requests within 15 minutes and refuses the 6th', () => {
		const decisions = run([0, 1, 2, 3, 4, 5]);
		expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
	});

	it('does not store a refused request', () => {
		const decisions = run([0, 1, 2, 3, 4, 5, 6]);
		expect(decisions[5].kept).toEqual([0, 1, 2, 3, 4].map((m) => start + m * MIN));
		expect(decisions[6].kept).toHaveLength(5);
		expect(decisions[6].allowed).toBe(false);
	});

	it('allows again once the oldest request slides out of the window', () => {
		// Five at minutes 0..4; at 14:59 the first still counts, at 15:00 it has left.
		const decisions = run([0, 1, 2, 3, 4, 14.99, 15, 15.5]);
		expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, true, false]);
		expect(decisions[6].kept).toEqual([1, 2, 3, 4, 15].map((m) => start + m * MIN));
	});

	it('forgets everything older than the window', () => {
		const old = [0, 1, 2, 3, 4].map((m) => start + m * MIN);
		const d = rateLimit(old, at(30));
		expect(d).toEqual({ allowed: true, kept: [start + 30 * MIN] });
	});

	it('keeps refusing while requests keep coming within the window of the first five', () => {
		const decisions = run([0, 0, 0, 0, 0, 1, 5, 10, 14]);
		expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
	});

	it('applies a custom limit', () => {
		const limit = { max: 2, windowMs: MIN };
		expect(run([0, 0.5, 0.9, 1.0], limit).map((d) => d.allowed)).toEqual([true, true, false, true]);
	});

	it('does not mutate the stored timestamps it is given', () => {
		const previous = [start];
		rateLimit(previous, at(1));
		expect(previous).toEqual([start]);
	});
});

describe('clientKey', () => {
	it('takes the last X-Forwarded-For entry (the one Google’s front end added), else the socket address', () => {
		expect(clientKey('198.51.100.9, 203.0.113.7', '10.0.0.1')).toBe('203.0.113.7');
		expect(clientKey(undefined, '::ffff:127.0.0.1')).toBe('127.0.0.1');
		expect(clientKey('', undefined)).toBe('unknown');
	});

	it('keys an IPv6 client by its /64', () => {
		expect(clientKey('2001:db8:a:b:1:2:3:4', undefined)).toBe('2001:db8:a:b::/64');
		expect(clientKey('2001:db8:a:b::99', undefined)).toBe('2001:db8:a:b::/64');
		expect(clientKey('2001:DB8::1', undefined)).toBe('2001:db8:0:0::/64');
	});
});

describe('signInLimits', () => {
	const none = { address: [] as number[], client: [] as number[] };

	it('sends and counts the request for the address and the client', () => {
		expect(signInLimits(none, at(0))).toEqual({ send: true, clientRefused: false, kept: { address: [start], client: [start] } });
	});

	it('answers an address over its 5 quietly (no mail, not refused) and still counts the client', () => {
		const address = [0, 1, 2, 3, 4].map((m) => at(m).getTime());
		const d = signInLimits({ address, client: address }, at(5));
		expect(d).toMatchObject({ send: false, clientRefused: false });
		expect(d.kept.client).toHaveLength(6);
		expect(d.kept.address).toEqual(address);
	});

	it('refuses a client over SIGN_IN_CLIENT_LIMIT openly, counting nothing more', () => {
		const client = Array.from({ length: SIGN_IN_CLIENT_LIMIT.max }, (_, i) => at(i * 0.2).getTime());
		const d = signInLimits({ address: [], client }, at(10));
		expect(d).toMatchObject({ send: false, clientRefused: true, kept: { address: [], client } });
		expect(signInLimits({ address: [], client }, at(16)).send).toBe(true);
	});
});
