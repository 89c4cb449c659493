import { describe, expect, it } from 'vitest';
import { ledgerDocId, unsubscribeUrl } from './reminder-job';
import { ledgerKey } from '../../../src/lib/domain/reminders';
import { verifyToken } from './unsubscribe-signing';

describe('ledgerDocId', () => {
	it('is the ledger key with "/" replaced by "~"', () => {
		const key = ledgerKey({ regionId: 'jamtland-harjedalen', year: '2026', uid: 'u-krokom', deadline: new Date('2027-01-31T22:59:00Z'), offset: 7 });
		expect(key).toBe('jamtland-harjedalen/2026/u-krokom/2027-01-31/7');
		expect(ledgerDocId(key)).toBe('jamtland-harjedalen~2026~u-krokom~2027-01-31~7');
	});
});

describe('unsubscribeUrl', () => {
	it('points at the Hosting rewrite with a token that verifies to the person', () => {
		const url = new URL(unsubscribeUrl('https://planbordet.example/', 'u-krokom', 'hemlighet'));
		expect(`${url.origin}${url.pathname}`).toBe('https://planbordet.example/api/unsubscribe');
		expect(verifyToken(url.searchParams.get('token'), 'hemlighet')).toBe('u-krokom');
		expect(verifyToken(url.searchParams.get('token'), 'en-annan')).toBeNull();
	});
});
