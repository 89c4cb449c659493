// The minutes from a scripted meeting: the script's steps are applied to rows and turned into history
// entries the way the recordRowHistory trigger does (history.ts rowChanges), comments are written as
// the app writes them, and the minutes must say exactly what the script did during the meeting —
// nothing from before it or after it.
import { describe, expect, it } from 'vitest';
import { historyEntry, meeting, comment, type Comment, type HistoryEntry, type RowFields } from './schemas';
import { historyId, rowChanges } from './history';
import { minutesOf, type CommentRecord, type HistoryItem } from './minutes';

const T0 = new Date('2026-03-10T09:00:00Z').getTime();
/** Minute n of the day's script (the meeting runs from minute 10 to minute 100). */
const min = (n: number) => new Date(T0 + n * 60_000);
const START = 10;
const END = 100;

const PEOPLE = {
	malin: { uid: 'coord', name: 'Malin Samordnare', orgId: 'region-jh' },
	lars: { uid: 'editor', name: 'Lars Länsstyrelsen', orgId: 'lst-jamtland' },
	osten: { uid: 'editor2', name: 'Östen Östersund', orgId: 'ostersund' }
} as const;
type Who = keyof typeof PEOPLE;

type Step =
	| { at: number; who: Who; do: 'edit'; rowId: string; field: string; value: string | string[] }
	| { at: number; who: Who; do: 'add'; rowId: string; area: number; position: string }
	| { at: number; who: Who; do: 'move'; rowId: string; area: number; position: string }
	| { at: number; who: Who; do: 'delete'; rowId: string }
	| { at: number; who: Who; do: 'comment'; id: string; rowId: string; text: string; parentId?: string }
	| { at: number; who: Who; do: 'resolve'; id: string }
	| { at: number; who: Who; do: 'reopen'; id: string };

/** Runs the script: rows change, history entries and comments are written as the app and its trigger would. */
function play(script: Step[]) {
	type R = { area: number; position: string; fields: RowFields };
	const rows = new Map<string, R>([
		['r1', { area: 1, position: 'a0', fields: { action: 'Servicepunkter', status: '' } }],
		['r2', { area: 1, position: 'a1', fields: { action: 'Hemsändning', goal: 'Fler orter' } }],
		['r3', { area: 2, position: 'a0', fields: { action: 'Drivmedel' } }]
	]);
	const history: HistoryItem[] = [];
	const comments = new Map<string, Comment>();
	for (const [i, s] of script.entries()) {
		const p = PEOPLE[s.who];
		const at = min(s.at);
		if (s.do === 'comment' || s.do === 'resolve' || s.do === 'reopen') {
			if (s.do === 'comment') {
				const root = s.parentId ? comments.get(s.parentId) : undefined;
				comments.set(s.id, comment.parse({ rowId: root?.rowId ?? s.rowId, field: null, parentId: s.parentId ?? null, text: s.text, authorUid: p.uid, authorName: p.name, authorOrgId: p.orgId, createdAt: at, editedAt: null, resolved: false, resolvedBy: null, resolvedAt: null, mentions: [] }));
			} else {
				const c = comments.get(s.id)!;
				comments.set(s.id, s.do === 'resolve' ? { ...c, resolved: true, resolvedBy: p.uid, resolvedAt: at } : { ...c, resolved: false, resolvedBy: null, resolvedAt: null });
			}
			continue;
		}
		const before = rows.get(s.rowId) ?? null;
		let after: R | null;
		if (s.do === 'edit') after = { ...before!, fields: { ...before!.fields, [s.field]: s.value } };
		else if (s.do === 'add') after = { area: s.area, position: s.position, fields: {} };
		else if (s.do === 'move') after = { ...before!, area: s.area, position: s.position };
		else after = null;
		if (after) rows.set(s.rowId, after);
		else rows.delete(s.rowId);
		const eventId = `event-${i}`;
		for (const c of rowChanges(before, after)) {
			const entry: HistoryEntry = historyEntry.parse({ rowId: s.rowId, kind: c.kind, field: c.field, old: c.old, new: c.new, by: p.uid, byName: p.name, orgId: p.orgId, area: (after ?? before)!.area, at, eventId });
			history.push({ id: historyId(eventId, c), data: entry });
		}
	}
	const commentRecords: CommentRecord[] = [...comments].map(([id, data]) => ({ id, data }));
	return { rows: [...rows].map(([id, r]) => ({ id, area: r.area, position: r.position })), history, comments: commentRecords };
}

const SCRIPT: Step[] = [
	// Before the meeting: not in the minutes.
	{ at: 5, who: 'lars', do: 'edit', rowId: 'r1', field: 'goal', value: 'Före mötet' },
	{ at: 6, who: 'lars', do: 'comment', id: 'c-before', rowId: 'r1', text: 'Inför mötet' },
	// The meeting.
	{ at: 12, who: 'malin', do: 'edit', rowId: 'r1', field: 'action', value: 'Servicepunkter i glesbygd' },
	{ at: 14, who: 'lars', do: 'edit', rowId: 'r1', field: 'action', value: 'Servicepunkter i glesbygden' },
	{ at: 15, who: 'osten', do: 'edit', rowId: 'r2', field: 'goal', value: 'Tre orter' },
	{ at: 16, who: 'osten', do: 'edit', rowId: 'r2', field: 'goal', value: 'Fler orter' }, // back as it was: no change
	{ at: 20, who: 'malin', do: 'edit', rowId: 'r1', field: 'status', value: 'fortsatter' },
	{ at: 25, who: 'lars', do: 'add', rowId: 'r4', area: 2, position: 'a5' },
	{ at: 26, who: 'lars', do: 'edit', rowId: 'r4', field: 'action', value: 'Ny insats' },
	{ at: 30, who: 'malin', do: 'move', rowId: 'r2', area: 2, position: 'Zz' },
	{ at: 35, who: 'malin', do: 'delete', rowId: 'r3' },
	{ at: 40, who: 'osten', do: 'comment', id: 'c1', rowId: 'r1', text: 'Vem ansvarar?' },
	{ at: 41, who: 'lars', do: 'comment', id: 'c1-reply', rowId: 'r1', text: 'Länsstyrelsen.', parentId: 'c1' },
	{ at: 42, who: 'malin', do: 'resolve', id: 'c1' },
	{ at: 43, who: 'malin', do: 'resolve', id: 'c-before' },
	{ at: 44, who: 'osten', do: 'comment', id: 'c2', rowId: 'r2', text: 'Ska vi ta upp det igen?' },
	{ at: 45, who: 'osten', do: 'resolve', id: 'c2' },
	{ at: 46, who: 'lars', do: 'reopen', id: 'c2' }, // reopened: not resolved in the minutes
	{ at: 50, who: 'malin', do: 'edit', rowId: 'r4', field: 'status', value: 'klar' },
	{ at: END, who: 'osten', do: 'edit', rowId: 'r4', field: 'goal', value: 'Vid slutet' }, // the last minute counts
	// After the meeting: not in the minutes.
	{ at: END + 1, who: 'lars', do: 'edit', rowId: 'r1', field: 'action', value: 'Efter mötet' },
	{ at: END + 2, who: 'lars', do: 'comment', id: 'c-after', rowId: 'r1', text: 'Efteråt' }
];

const MEETING = meeting.parse({ leaderUid: 'coord', leaderName: PEOPLE.malin.name, startedBy: 'coord', startedAt: min(START), endedAt: min(END), focus: null });
const PARTICIPANTS = (['malin', 'lars', 'osten'] as const).map((w) => ({ id: PEOPLE[w].uid, data: { name: PEOPLE[w].name, orgId: PEOPLE[w].orgId, joinedAt: min(START), lastSeenAt: min(END) } }));
const ORG_NAMES = { 'region-jh': 'Region Jämtland Härjedalen', 'lst-jamtland': 'Länsstyrelsen i Jämtlands län', ostersund: 'Östersunds kommun' };

describe('minutesOf a scripted meeting', () => {
	const played = play(SCRIPT);
	const minutes = minutesOf({ meeting: MEETING, participants: PARTICIPANTS, orgNames: ORG_NAMES, now: min(500), ...played });

	it('says when, who led and who took part by organisation', () => {
		expect(minutes.startedAt).toEqual(min(START));
		expect(minutes.endedAt).toEqual(min(END));
		expect(minutes.leaderName).toBe('Malin Samordnare');
		expect(minutes.participants.map((g) => [g.name, g.participants.map((p) => p.data.name)])).toEqual([
			['Länsstyrelsen i Jämtlands län', ['Lars Länsstyrelsen']],
			['Region Jämtland Härjedalen', ['Malin Samordnare']],
			['Östersunds kommun', ['Östen Östersund']]
		]);
	});

	it('lists per row each field changed during the meeting, before → after and who, in table order', () => {
		expect(minutes.rows).toEqual([
			{
				rowId: 'r1',
				changes: [
					{ field: 'action', before: 'Servicepunkter', after: 'Servicepunkter i glesbygden', by: ['Malin Samordnare', 'Lars Länsstyrelsen'] },
					{ field: 'status', before: '', after: 'fortsatter', by: ['Malin Samordnare'] }
				]
			},
			{
				rowId: 'r4',
				changes: [
					{ field: 'action', before: null, after: 'Ny insats', by: ['Lars Länsstyrelsen'] },
					{ field: 'goal', before: null, after: 'Vid slutet', by: ['Östen Östersund'] },
					{ field: 'status', before: null, after: 'klar', by: ['Malin Samordnare'] }
				]
			}
		]);
	});

	it('lists rows added, moved and removed', () => {
		expect(minutes.added).toEqual([{ rowId: 'r4', byName: 'Lars Länsstyrelsen', at: min(25) }]);
		expect(minutes.moved).toEqual([{ rowId: 'r2', byName: 'Malin Samordnare', at: min(30), from: { area: 1, position: 'a1' }, to: { area: 2, position: 'Zz' } }]);
		expect(minutes.removed).toEqual([{ rowId: 'r3', byName: 'Malin Samordnare', at: min(35), fields: { action: 'Drivmedel' } }]);
	});

	it('lists the status decisions', () => {
		expect(minutes.decisions).toEqual([
			{ rowId: 'r1', before: '', after: 'fortsatter', byName: 'Malin Samordnare' },
			{ rowId: 'r4', before: '', after: 'klar', byName: 'Malin Samordnare' }
		]);
	});

	it('lists the comments written and the threads resolved during the meeting (a reopened one is not resolved)', () => {
		expect(minutes.comments.map((c) => [c.id, c.rowId, c.parentId, c.authorName, c.text])).toEqual([
			['c1', 'r1', null, 'Östen Östersund', 'Vem ansvarar?'],
			['c1-reply', 'r1', 'c1', 'Lars Länsstyrelsen', 'Länsstyrelsen.'],
			['c2', 'r2', null, 'Östen Östersund', 'Ska vi ta upp det igen?']
		]);
		expect(minutes.resolved).toEqual([
			{ id: 'c1', rowId: 'r1', resolvedBy: 'coord', at: min(42) },
			{ id: 'c-before', rowId: 'r1', resolvedBy: 'coord', at: min(43) }
		]);
	});

	it('comes out the same whatever order the history and comments are read in', () => {
		const again = minutesOf({ meeting: MEETING, participants: [...PARTICIPANTS].reverse(), orgNames: ORG_NAMES, now: min(500), rows: [...played.rows].reverse(), history: [...played.history].reverse(), comments: [...played.comments].reverse() });
		expect(again).toEqual(minutes);
	});

	it('for a meeting still running, runs up to now', () => {
		const running = minutesOf({ meeting: { ...MEETING, endedAt: null }, participants: PARTICIPANTS, orgNames: ORG_NAMES, now: min(20), ...played });
		expect(running.endedAt).toEqual(min(20));
		expect(running.rows.map((r) => [r.rowId, r.changes.map((c) => c.field)])).toEqual([['r1', ['action', 'status']]]);
		expect(running.added).toEqual([]);
		expect(running.comments).toEqual([]);
	});
});
