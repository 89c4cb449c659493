import { describe, expect, it } from 'vitest';
import { areaLines, insatserText, reopenedMail, submissionReceiptMail } from './plan-mail';
import { reopeningRecord, submissionRecord } from './submission';
import type { PriorityArea } from './schemas';

const areas: PriorityArea[] = [
	{ number: 1, title: 'Medborgarnas tillgång' },
	{ number: 2, title: 'Stöd & rådgivning' },
	{ number: 3, title: 'Samordning' }
];
const ctx = { name: 'Karin Krokom', regionId: 'jamtland-harjedalen', regionName: 'Region Jämtland Härjedalen', year: '2026', appUrl: 'https://planbordet.example/' };
const submission = submissionRecord({
	rows: [
		{ id: 'a', area: 1, position: 1, fields: { action: 'A' } },
		{ id: 'b', area: 1, position: 2, fields: { action: 'B' } },
		{ id: 'c', area: 3, position: 1, fields: { action: 'C' } }
	],
	areas,
	by: { uid: 'u1', name: 'Malin Samordnare' },
	// 10:15 UTC in winter is 11:15 in Stockholm.
	at: new Date('2027-01-20T10:15:00Z'),
	contentHash: '3f'.repeat(32)
});

describe('insatserText', () => {
	it('says insats for one and insatser otherwise', () => {
		expect(insatserText(1)).toBe('1 insats');
		expect(insatserText(0)).toBe('0 insatser');
		expect(insatserText(5)).toBe('5 insatser');
	});
});

describe('areaLines', () => {
	it('lists every area in number order with its title and count', () => {
		expect(areaLines({ '3': 1, '1': 2, '2': 0 }, areas)).toEqual([
			'1. Medborgarnas tillgång: 2 insatser',
			'2. Stöd & rådgivning: 0 insatser',
			'3. Samordning: 1 insats'
		]);
	});

	it('names an area the region no longer has by its number', () => {
		expect(areaLines({ '4': 1 }, areas)).toEqual(['4. Område 4: 1 insats']);
	});
});

describe('submissionReceiptMail', () => {
	const m = submissionReceiptMail({ ...ctx, submission, areas });

	it('has a Swedish subject naming the year and region', () => {
		expect(m.subject).toBe('Handlingsplan 2026 är inlämnad – Region Jämtland Härjedalen');
	});

	it('says who submitted and when, in Stockholm time', () => {
		expect(m.text).toContain('Hej Karin Krokom!');
		expect(m.text).toContain('Malin Samordnare lämnade in handlingsplanen 2026 för Region Jämtland Härjedalen den 20 januari 2027 kl. 11:15.');
	});

	it('lists the rows per area, the total, the hash and the plan link', () => {
		expect(m.text).toContain('  – 1. Medborgarnas tillgång: 2 insatser\n  – 2. Stöd & rådgivning: 0 insatser\n  – 3. Samordning: 1 insats');
		expect(m.text).toContain('Totalt 3 insatser.');
		expect(m.text).toContain(submission.contentHash);
		expect(m.text).toContain('Öppna planen: https://planbordet.example/plan/jamtland-harjedalen/2026');
		expect(m.text).toContain('Planen är nu låst');
	});

	it('escapes values in the HTML', () => {
		expect(m.html).toContain('Stöd &amp; rådgivning');
		expect(m.html).not.toContain('Stöd & rådgivning');
		expect(m.html).toContain('<a href="https://planbordet.example/plan/jamtland-harjedalen/2026">');
	});
});

describe('submissionReceiptMail with sign-offs', () => {
	const at = new Date('2027-01-19T09:00:00Z');
	const signed = submissionRecord({
		rows: [{ id: 'a', area: 1, position: 1, fields: { action: 'A' } }],
		areas,
		by: { uid: 'u1', name: 'Malin Samordnare' },
		at: new Date('2027-01-20T10:15:00Z'),
		contentHash: '3f'.repeat(32),
		signOffs: [
			{ orgId: 'berg', orgName: 'Bergs kommun', state: 'none', uid: null, name: null, at: null, contentHash: null },
			{ orgId: 'ost', orgName: 'Östersunds <kommun>', state: 'stale', uid: 'u2', name: 'Olle Östersund', at, contentHash: '1'.repeat(64) },
			{ orgId: 'lst', orgName: 'Länsstyrelsen', state: 'approved', uid: 'u3', name: 'Lena Länsstyrelse', at, contentHash: '3f'.repeat(32) }
		]
	});
	const m = submissionReceiptMail({ ...ctx, submission: signed, areas });

	it('lists every organisation with its state, who and when', () => {
		expect(m.text).toContain(
			'Organisationernas godkännande av planen:\n\n' +
				'  – Bergs kommun: inte godkänd\n' +
				'  – Östersunds <kommun>: godkänd före senaste ändringar (Olle Östersund, 19 januari 2027 kl. 10:00)\n' +
				'  – Länsstyrelsen: godkänd (Lena Länsstyrelse, 19 januari 2027 kl. 10:00)'
		);
		expect(m.html).toContain('Östersunds &lt;kommun&gt;');
	});

	it('a submission without sign-offs says nothing about them', () => {
		expect(submissionReceiptMail({ ...ctx, submission, areas }).text).not.toContain('godkänn');
	});
});

describe('reopenedMail', () => {
	const reopening = reopeningRecord({
		by: { uid: 'u1', name: 'Malin Samordnare' },
		at: new Date('2027-02-03T08:00:00Z'),
		reason: 'Tillväxtverket bad oss <komplettera> insats 2.1\nmed budget.'
	});
	const m = reopenedMail({ ...ctx, reopening });

	it('says who reopened the plan, when and why', () => {
		expect(m.subject).toBe('Handlingsplan 2026 är öppnad igen – Region Jämtland Härjedalen');
		expect(m.text).toContain('Malin Samordnare har öppnat planen igen');
		expect(m.text).toContain('3 februari 2027 kl. 09:00');
		expect(m.text).toContain('Motivering:\nTillväxtverket bad oss <komplettera> insats 2.1\nmed budget.');
		expect(m.text).toContain('Öppna planen: https://planbordet.example/plan/jamtland-harjedalen/2026');
	});

	it('escapes the reason in the HTML', () => {
		expect(m.html).toContain('bad oss &lt;komplettera&gt; insats 2.1<br>med budget.');
	});
});
