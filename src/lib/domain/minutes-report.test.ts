// The minutes as text (minutes-report.ts) in the catalogue's words: row numbers and column titles put
// in, choice labels for the status, a removed row named by its text, the mail holding every change,
// and the DOCX path the browser asks and the function parses.
import { describe, expect, it } from 'vitest';
import type { Minutes } from './minutes';
import { minutesFileName, minutesMail, minutesPath, minutesReport, parseMinutesPath } from './minutes-report';
import * as sv from '../i18n/sv';

const at = new Date('2026-03-10T09:00:00Z');
const p = (id: string, name: string, orgId: string) => ({ id, data: { name, orgId, joinedAt: at, lastSeenAt: at } });
const minutes: Minutes = {
	startedAt: at,
	endedAt: new Date('2026-03-10T10:30:00Z'),
	leaderName: 'Malin Samordnare',
	participants: [
		{ orgId: 'ostersund', name: 'Östersunds kommun', participants: [p('u2', 'Östen Östersund', 'ostersund')] },
		{ orgId: 'region-jh', name: 'Region Jämtland Härjedalen', participants: [p('u1', 'Malin Samordnare', 'region-jh')] }
	],
	rows: [
		{
			rowId: 'r1',
			changes: [
				{ field: 'action', before: 'Servicepunkter', after: 'Servicepunkter i byarna', by: ['Östen Östersund'] },
				{ field: 'status', before: '', after: 'klar', by: ['Malin Samordnare'] }
			]
		}
	],
	added: [{ rowId: 'r9', byName: 'Malin Samordnare', at }],
	moved: [{ rowId: 'r1', byName: 'Malin Samordnare', at, from: { area: 1, position: 'a0' }, to: { area: 2, position: 'a0' } }],
	removed: [{ rowId: 'gone', byName: 'Östen Östersund', at, fields: { action: 'Drivmedel' } }],
	decisions: [{ rowId: 'r1', before: '', after: 'klar', byName: 'Malin Samordnare' }],
	comments: [{ id: 'c1', rowId: 'r1', field: null, parentId: null, authorName: 'Östen Östersund', text: 'Bra!', at }],
	resolved: [{ id: 'c1', rowId: 'r1', resolvedBy: 'u1', at }]
};
const columns = [
	{ key: 'action', title: 'Insats', type: 'longText' as const, choices: [] },
	{ key: 'status', title: 'Status', type: 'singleChoice' as const, choices: [{ value: 'klar', label: 'Klar' }, { value: 'fortsatter', label: 'Fortsätter' }] }
];
const report = minutesReport(minutes, {
	year: '2026',
	regionName: 'Jämtland Härjedalen',
	columns,
	numbers: new Map([['r1', '2.1'], ['r9', '1.4']]),
	names: new Map([['u1', 'Malin Samordnare']]),
	words: sv.minutes
});

describe('the minutes as text', () => {
	it('says when, who led and who took part, by organisation', () => {
		expect(report.facts).toEqual(['Datum: 10 mars 2026', 'Tid: 10:00–11:30', 'Mötesledare: Malin Samordnare']);
		expect(report.participants).toEqual(['Östersunds kommun: Östen Östersund', 'Region Jämtland Härjedalen: Malin Samordnare']);
	});

	it('lists each changed cell with its row number, column, before and after (labels for choices)', () => {
		expect(report.changes.map((c) => [c.row, c.column, c.before, c.after, c.by, c.diff])).toEqual([
			['Insats 2.1', 'Insats', 'Servicepunkter', 'Servicepunkter i byarna', 'Östen Östersund', true],
			['Insats 2.1', 'Status', '', 'Klar', 'Malin Samordnare', false]
		]);
	});

	it('names the rows added, moved and removed, the decisions, the comments and the resolved threads', () => {
		const items = Object.fromEntries(report.lists.map((l) => [l.key, l.items]));
		expect(items).toEqual({
			added: ['Insats 1.4 lades till av Malin Samordnare'],
			moved: ['Insats 2.1 flyttades från område 1 till område 2 av Malin Samordnare'],
			removed: ['”Drivmedel” togs bort av Östen Östersund'],
			decisions: ['Insats 2.1: Klar (före mötet: (tomt)), Malin Samordnare'],
			comments: ['Insats 2.1 – Östen Östersund: Bra!'],
			resolved: ['Insats 2.1: tråden löstes av Malin Samordnare']
		});
	});

	it('mails the whole of it, every value escaped in the HTML', () => {
		const mail = minutesMail({ ...report, changes: [{ ...report.changes[0], after: 'A & <b>' }] }, { words: sv.minutes, year: '2026', regionName: 'Region Jämtland Härjedalen', date: '10 mars 2026', leaderName: 'Malin Samordnare', planUrl: 'https://x.se/plan/jh/2026' });
		expect(mail.subject).toBe('Minnesanteckningar 10 mars 2026 – handlingsplan 2026, Region Jämtland Härjedalen');
		expect(mail.text).toContain('Insats 2.1, Insats: Servicepunkter → A & <b> (Östen Östersund)');
		expect(mail.text).toContain('Östersunds kommun: Östen Östersund');
		expect(mail.text).toContain('Öppna planen: https://x.se/plan/jh/2026');
		expect(mail.html).toContain('A &amp; &lt;b&gt;');
		expect(mail.html).not.toContain('<b>');
	});

	it('the DOCX path round-trips; other paths and bad ids are refused', () => {
		expect(minutesPath('jh', '2026', 'm1')).toBe('/api/minutes/jh/2026/m1.docx');
		expect(parseMinutesPath('/api/minutes/jh/2026/m1.docx')).toEqual({ regionId: 'jh', year: '2026', meetingId: 'm1' });
		expect(parseMinutesPath('/api/minutes/jh/2026/m1.xlsx')).toBeNull();
		expect(parseMinutesPath('/api/minutes/jh/x/m1.docx')).toBeNull();
		expect(parseMinutesPath('/api/minutes/j.h/2026/m1.docx')).toBeNull();
		expect(minutesFileName('jh', '2026', new Date('2026-03-10T23:30:00Z'))).toBe('minnesanteckningar-jh-2026-2026-03-11.docx');
	});
});
