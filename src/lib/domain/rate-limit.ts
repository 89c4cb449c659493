// A sliding-window rate limit (at most `max` events per `windowMs`), as a pure step over the stored
// timestamps: the function keeps them in one document per key and applies this in a transaction.
export interface RateDecision {
	allowed: boolean;
	/** The timestamps (ms) to store after this request. */
	kept: number[];
}

export const SIGN_IN_LIMIT = { max: 5, windowMs: 15 * 60_000 };

export function rateLimit(previous: number[], now: Date, limit = SIGN_IN_LIMIT): RateDecision {
	const recent = previous.filter((t) => now.getTime() - t < limit.windowMs);
	if (recent.length >= limit.max) return { allowed: false, kept: recent };
	return { allowed: true, kept: [...recent, now.getTime()] };
}
