// A sliding-window rate limit (at most `max` events per `windowMs`), as a pure step over the stored
// timestamps: the function keeps them in one document per key and applies this in a transaction.
export interface RateDecision {
	allowed: boolean;
	/** The timestamps (ms) to store after this request. */
	kept: number[];
}

export const SIGN_IN_LIMIT = { max: 5, windowMs: 15 * 60_000 };

/** Asking a plan's organisations to sign off (requestSignOff): a few rounds a day per plan, so nobody's inbox is flooded. */
export const SIGN_OFF_REQUEST_LIMIT = { max: 3, windowMs: 24 * 60 * 60_000 };

/** Mailing a meeting's minutes to its participants (mailMinutes): a resend or two per meeting a day, not a flood. */
export const MINUTES_MAIL_LIMIT = { max: 3, windowMs: 24 * 60 * 60_000 };

export function rateLimit(previous: number[], now: Date, limit = SIGN_IN_LIMIT): RateDecision {
	const recent = previous.filter((t) => now.getTime() - t < limit.windowMs);
	if (recent.length >= limit.max) return { allowed: false, kept: recent };
	return { allowed: true, kept: [...recent, now.getTime()] };
}

/**
 * Sign-in requests per client (network address), on top of SIGN_IN_LIMIT per address: generous, since
 * a municipality's office may reach the internet through one address.
 */
export const SIGN_IN_CLIENT_LIMIT = { max: 30, windowMs: 15 * 60_000 };

/**
 * Who is asking, for the per-client limit: the client's address as Google's front end saw it (the
 * last X-Forwarded-For entry: a client can only prepend to the header), else the socket's address.
 * IPv6 clients are keyed by their /64, which one subscriber usually holds whole.
 */
export function clientKey(forwardedFor: string | undefined, socketIp: string | undefined): string {
	const last = forwardedFor?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
	const ip = (last ?? socketIp ?? '').replace(/^::ffff:/i, '').toLowerCase();
	if (!ip.includes(':')) return ip || 'unknown';
	const [head, tail = ''] = ip.split('::');
	const groups = head.split(':').filter(Boolean);
	const tailGroups = tail.split(':').filter(Boolean);
	const full = [...groups, ...Array(Math.max(0, 8 - groups.length - tailGroups.length)).fill('0'), ...tailGroups];
	return `${full.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export interface SignInLimitDecision {
	/** Mail the link: false when either limit is reached. */
	send: boolean;
	/** The client's limit is reached: the caller is told (resource-exhausted); the address's is silent. */
	clientRefused: boolean;
	kept: { address: number[]; client: number[] };
}

/**
 * Both sign-in limits for one request of a known person. The client's limit is checked first and
 * refused openly; an address over its limit is answered like any other (no mail), so the answer
 * never tells whether an address belongs to someone. A refused request is not counted.
 */
export function signInLimits(previous: { address: number[]; client: number[] }, now: Date): SignInLimitDecision {
	const client = rateLimit(previous.client, now, SIGN_IN_CLIENT_LIMIT);
	if (!client.allowed) return { send: false, clientRefused: true, kept: { address: previous.address, client: client.kept } };
	const address = rateLimit(previous.address, now, SIGN_IN_LIMIT);
	return { send: address.allowed, clientRefused: false, kept: { address: address.kept, client: client.kept } };
}
