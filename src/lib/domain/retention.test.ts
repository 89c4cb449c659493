import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	mailExpiry,
	pendingMentionExpiry,
	presenceExpiry,
	PRESENCE_EXPIRY_MAX_HOURS,
	rateLimitExpiry,
	RETENTION,
	sentMentionExpiry,
	TTL_COLLECTION_GROUPS,
	TTL_FIELD
} from './retention';
import { SIGN_IN_LIMIT } from './rate-limit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-05-04T10:00:00Z');

interface FieldOverride {
	collectionGroup: string;
	fieldPath: string;
	ttl?: boolean;
	indexes: unknown[];
}
const indexes = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../firestore.indexes.json'), 'utf8')) as { fieldOverrides: FieldOverride[] };

describe('firestore.indexes.json', () => {
	const ttl = indexes.fieldOverrides.filter((f) => f.ttl === true);

	it('declares a TTL policy on expireAt for exactly the collection groups whose writers set it', () => {
		expect(ttl.map((f) => f.collectionGroup).sort()).toEqual([...TTL_COLLECTION_GROUPS].sort());
		expect(ttl.every((f) => f.fieldPath === TTL_FIELD)).toBe(true);
	});

	it('exempts each TTL field from indexing (a timestamp field written in order would make a hot index)', () => {
		expect(ttl.every((f) => Array.isArray(f.indexes) && f.indexes.length === 0)).toBe(true);
	});

	it('has no other override on a TTL field (one field configuration per field)', () => {
		const keys = indexes.fieldOverrides.map((f) => `${f.collectionGroup}/${f.fieldPath}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('expiries', () => {
	it('keeps an outbox mail a week after it was queued', () => {
		expect(mailExpiry(now).getTime() - now.getTime()).toBe(7 * DAY);
	});

	it('keeps a rate-limit document for one window after the request', () => {
		expect(rateLimitExpiry(now).getTime() - now.getTime()).toBe(SIGN_IN_LIMIT.windowMs);
	});

	it('keeps a pending mention a month, a mailed one a week after it went out', () => {
		expect(pendingMentionExpiry(now).getTime() - now.getTime()).toBe(30 * DAY);
		expect(sentMentionExpiry(now).getTime() - now.getTime()).toBe(7 * DAY);
	});

	it("expires presence an hour after the heartbeat, inside the rules' one-day bound", () => {
		expect(presenceExpiry(now).getTime() - now.getTime()).toBe(HOUR);
		expect(RETENTION.presence).toBeLessThan(PRESENCE_EXPIRY_MAX_HOURS * HOUR);
	});
});
