// The meeting as screens read it: the running one, the hand queue, who is still there, by organisation.
import { describe, expect, it } from 'vitest';
import { handQueue, inMeetingNow, isLeader, participantsByOrganisation, runningMeeting, type MeetingItem } from './meeting';
import { meeting } from './schemas';

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);
const m = (id: string, startedAt: string, endedAt: string | null): MeetingItem => ({
	id,
	data: meeting.parse({ leaderUid: 'coord', leaderName: 'Malin', startedBy: 'coord', startedAt: at(startedAt), endedAt: endedAt ? at(endedAt) : null, focus: null })
});

describe('runningMeeting', () => {
	it('is the one without an end; none when every meeting has ended', () => {
		expect(runningMeeting([m('a', '09:00', '10:00'), m('b', '13:00', null)])?.id).toBe('b');
		expect(runningMeeting([m('a', '09:00', '10:00')])).toBeNull();
		expect(runningMeeting([])).toBeNull();
	});

	it('picks the same one everywhere if two run: the earliest started, then by id', () => {
		expect(runningMeeting([m('z', '13:05', null), m('y', '13:00', null)])?.id).toBe('y');
		expect(runningMeeting([m('b', '13:00', null), m('a', '13:00', null)])?.id).toBe('a');
	});
});

describe('the hands and the people', () => {
	it('queues hands first raised first, ties by uid', () => {
		const hands = [
			{ id: 'u3', data: { rowId: 'r1', raisedAt: at('10:02') } },
			{ id: 'u2', data: { rowId: 'r2', raisedAt: at('10:01') } },
			{ id: 'u1', data: { rowId: 'r1', raisedAt: at('10:02') } }
		];
		expect(handQueue(hands).map((h) => h.id)).toEqual(['u2', 'u1', 'u3']);
	});

	it('counts in the meeting those who joined and still have the plan open, and no one else', () => {
		const joined = [{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }];
		expect(inMeetingNow(joined, new Set(['u1', 'u3', 'u9'])).map((p) => p.id)).toEqual(['u1', 'u3']);
		expect(inMeetingNow(joined, new Set())).toEqual([]);
	});

	it('groups participants by organisation, both in Swedish order', () => {
		const p = (id: string, name: string, orgId: string) => ({ id, data: { name, orgId, joinedAt: at('10:00'), lastSeenAt: at('10:00') } });
		const groups = participantsByOrganisation([p('1', 'Östen', 'ost'), p('2', 'Anna', 'are'), p('3', 'Åsa', 'ost'), p('4', 'Bo', 'okand')], { ost: 'Östersunds kommun', are: 'Åre kommun' });
		expect(groups.map((g) => [g.name, g.participants.map((x) => x.data.name)])).toEqual([
			['okand', ['Bo']],
			['Åre kommun', ['Anna']],
			['Östersunds kommun', ['Åsa', 'Östen']]
		]);
	});

	it('knows the leader', () => {
		expect(isLeader(m('a', '09:00', null).data, 'coord')).toBe(true);
		expect(isLeader(m('a', '09:00', null).data, 'editor')).toBe(false);
	});
});
