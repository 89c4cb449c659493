import { describe, it, expect } from 'vitest';
import { HEARTBEAT_MS, PRESENCE_TTL_MS, answerEditorsOf, isPresent, presentPeople, editorsOf, type PresentPerson } from './presence';
import type { Presence } from './schemas';

const now = new Date('2026-05-04T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

const doc = (uid: string, name: string, lastSeenAgo = 0, cell: Presence['cell'] = null, answer: Presence['answer'] = null) => ({
	uid,
	data: { name, orgId: 'krokom', cell, answer, lastSeen: ago(lastSeenAgo), expireAt: now } satisfies Presence
});

describe('timing', () => {
	it('expires within two minutes but survives one missed-by-a-little heartbeat', () => {
		expect(PRESENCE_TTL_MS).toBeLessThanOrEqual(120_000);
		expect(PRESENCE_TTL_MS).toBeGreaterThan(HEARTBEAT_MS);
	});
});

describe('isPresent', () => {
	it('is present just after a heartbeat and one heartbeat later', () => {
		expect(isPresent({ lastSeen: now }, now)).toBe(true);
		expect(isPresent({ lastSeen: ago(HEARTBEAT_MS) }, now)).toBe(true);
	});

	it('is present 1 ms before the TTL and gone at and after it', () => {
		expect(isPresent({ lastSeen: ago(PRESENCE_TTL_MS - 1) }, now)).toBe(true);
		expect(isPresent({ lastSeen: ago(PRESENCE_TTL_MS) }, now)).toBe(false);
		expect(isPresent({ lastSeen: ago(PRESENCE_TTL_MS + 1) }, now)).toBe(false);
	});

	it('counts a lastSeen slightly in the future (clock skew) as present', () => {
		expect(isPresent({ lastSeen: new Date(now.getTime() + 5_000) }, now)).toBe(true);
	});
});

describe('presentPeople', () => {
	it('drops people whose heartbeat expired', () => {
		const people = presentPeople([doc('a', 'Anna'), doc('b', 'Bertil', PRESENCE_TTL_MS), doc('c', 'Cecilia', PRESENCE_TTL_MS - 1)], now);
		expect(people.map((p) => p.uid)).toEqual(['a', 'c']);
	});

	it('sorts by name in Swedish order: Å, Ä, Ö after Z', () => {
		const people = presentPeople(
			[doc('1', 'Östen'), doc('2', 'Åsa'), doc('3', 'Zelda'), doc('4', 'Ärla'), doc('5', 'Anna'), doc('6', 'Olle')],
			now
		);
		expect(people.map((p) => p.name)).toEqual(['Anna', 'Olle', 'Zelda', 'Åsa', 'Ärla', 'Östen']);
	});

	it('puts self first whatever the name', () => {
		const people = presentPeople([doc('a', 'Anna'), doc('me', 'Östen'), doc('z', 'Zelda')], now, 'me');
		expect(people.map((p) => p.uid)).toEqual(['me', 'a', 'z']);
	});

	it('puts self first regardless of input order', () => {
		const docs = [doc('z', 'Zelda'), doc('a', 'Anna'), doc('me', 'Östen'), doc('b', 'Bertil')];
		for (const order of [docs, [...docs].reverse(), [docs[2], docs[0], docs[3], docs[1]]]) {
			expect(presentPeople(order, now, 'me').map((p) => p.uid)).toEqual(['me', 'a', 'b', 'z']);
		}
	});

	it('does not list self when self has expired', () => {
		const people = presentPeople([doc('me', 'Anna', PRESENCE_TTL_MS + 1000), doc('b', 'Bertil')], now, 'me');
		expect(people.map((p) => p.uid)).toEqual(['b']);
	});

	it('maps to uid, name, orgId and cell only', () => {
		const cell = { rowId: 'r1', field: 'goal' as const };
		const [p] = presentPeople([doc('a', 'Anna', 0, cell)], now);
		expect(p).toEqual({ uid: 'a', name: 'Anna', orgId: 'krokom', cell, answer: null });
	});

	it('returns an empty list for no docs', () => {
		expect(presentPeople([], now, 'me')).toEqual([]);
	});
});

describe('editorsOf', () => {
	const cell = { rowId: 'r1', field: 'goal' as const };
	const people: PresentPerson[] = [
		{ uid: 'me', name: 'Malin', orgId: 'region-jh', cell, answer: null },
		{ uid: 'a', name: 'Anna', orgId: 'krokom', cell, answer: null },
		{ uid: 'b', name: 'Bertil', orgId: 'berg', cell: { rowId: 'r1', field: 'action' }, answer: null },
		{ uid: 'c', name: 'Cecilia', orgId: 'are', cell: { rowId: 'r2', field: 'goal' }, answer: null },
		{ uid: 'd', name: 'David', orgId: 'bracke', cell: null, answer: null },
		{ uid: 'e', name: 'Eva', orgId: 'ragunda', cell: { rowId: 'r1', field: 'goal' }, answer: null }
	];

	it('lists the others in the same row and field, not self', () => {
		expect(editorsOf(people, cell, 'me').map((p) => p.uid)).toEqual(['a', 'e']);
	});

	it('includes everyone in the cell when there is no self', () => {
		expect(editorsOf(people, cell).map((p) => p.uid)).toEqual(['me', 'a', 'e']);
	});

	it('is empty for a cell nobody is in', () => {
		expect(editorsOf(people, { rowId: 'r3', field: 'status' }, 'me')).toEqual([]);
	});
});

describe('answerEditorsOf', () => {
	const ref = { questionId: 'q2-framtidsspaning', field: 'text' };
	const people = presentPeople(
		[
			doc('me', 'Jag', 0, null, ref),
			doc('a', 'Anna', 0, null, ref),
			doc('b', 'Bertil', 0, null, { questionId: 'q2-framtidsspaning', field: 'other' }),
			doc('c', 'Cecilia', 0, { rowId: 'r1', field: 'goal' }, null),
			doc('d', 'David', 0, null, { questionId: 'q1', field: 'text' })
		],
		now,
		'me'
	);

	it('lists the others in the same answer field of the same question', () => {
		expect(answerEditorsOf(people, ref, 'me').map((p) => p.uid)).toEqual(['a']);
	});

	it('lists nobody for a field nobody is in', () => {
		expect(answerEditorsOf(people, { questionId: 'q5', field: 'text' }, 'me')).toEqual([]);
	});
});
