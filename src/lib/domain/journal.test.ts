// The journal's storage format and the order in which it sends, drops and reports edits.
import { describe, expect, it } from 'vitest';
import {
	addEdit,
	baseRevFor,
	displayValue,
	fromStorage,
	journalActions,
	journalKey,
	parseJournal,
	removeEntries,
	serializeJournal,
	setState,
	type RowsView,
	type TrackedEdit
} from './journal';

const row = (value: string, rev: number, updatedBy = 'them') => ({ fields: { action: value }, revs: { action: rev }, updatedBy });
const view = (rows: Record<string, { row: ReturnType<typeof row>; confirmed?: boolean }>, listingConfirmed = true): RowsView => ({
	rows: new Map(Object.entries(rows).map(([id, r]) => [id, { row: r.row, confirmed: r.confirmed ?? true }])),
	listingConfirmed
});
const entry = (over: Partial<TrackedEdit>): TrackedEdit => ({ id: 'e1', rowId: 'r1', field: 'action', baseRev: 3, value: 'mine', state: 'waiting', ...over });

describe('journal storage', () => {
	it('round-trips entries and keys them by plan', () => {
		const entries = [{ rowId: 'r1', field: 'action' as const, baseRev: 2, value: 'text\nmore' }];
		expect(parseJournal(serializeJournal(entries))).toEqual(entries);
		expect(journalKey('jamtland-harjedalen', 2023)).toBe('planbordet.journal.jamtland-harjedalen.2023');
	});

	it('drops what does not parse', () => {
		expect(parseJournal(null)).toEqual([]);
		expect(parseJournal('{oops')).toEqual([]);
		expect(parseJournal('{"a":1}')).toEqual([]);
		const raw = JSON.stringify([
			{ rowId: 'r1', field: 'status', baseRev: 0, value: 'klar' },
			{ rowId: 'r1', field: 'status', baseRev: 0, value: 42 },
			{ rowId: 'bad id', field: 'action', baseRev: 0, value: 'x' },
			{ rowId: 'r2', field: 'serviceTypes', baseRev: 1, value: ['drivmedel'] }
		]);
		expect(parseJournal(raw).map((e) => e.rowId)).toEqual(['r1', 'r2']);
	});

	it('marks entries read back after a reload as orphans', () => {
		expect(fromStorage([{ rowId: 'r1', field: 'action', baseRev: 0, value: 'x' }], (i) => `o${i}`)[0]).toMatchObject({ id: 'o0', state: 'orphan' });
	});
});

describe('adding edits', () => {
	it('replaces an unsent edit of the same cell and revision, queues anything else', () => {
		let j = addEdit([], { rowId: 'r1', field: 'action', baseRev: 3, value: 'a' }, 'e1');
		j = addEdit(j, { rowId: 'r1', field: 'action', baseRev: 3, value: 'b' }, 'e2');
		expect(j).toEqual([entry({ id: 'e1', value: 'b' })]);
		j = setState(j, 'e1', 'sent');
		j = addEdit(j, { rowId: 'r1', field: 'action', baseRev: 4, value: 'c' }, 'e3');
		expect(j.map((e) => [e.id, e.state, e.value])).toEqual([
			['e1', 'sent', 'b'],
			['e3', 'waiting', 'c']
		]);
		expect(removeEntries(j, ['e1']).map((e) => e.id)).toEqual(['e3']);
	});

	it('starts a new edit after the cell’s unconfirmed entries', () => {
		expect(baseRevFor([], row('x', 5), 'r1', 'action')).toBe(5);
		expect(baseRevFor([], null, 'r1', 'action')).toBe(0);
		expect(baseRevFor([entry({ state: 'sent', baseRev: 5 })], row('x', 5), 'r1', 'action')).toBe(6);
		expect(baseRevFor([entry({ state: 'orphan', baseRev: 5 })], row('x', 5), 'r1', 'action')).toBe(6);
		expect(baseRevFor([entry({ state: 'waiting', baseRev: 6 })], row('x', 6), 'r1', 'action')).toBe(6);
		expect(baseRevFor([entry({ field: 'goal', baseRev: 9 })], row('x', 2), 'r1', 'action')).toBe(2);
	});

	it('shows the newest unsent text of the cell', () => {
		expect(displayValue([entry({ value: 'mine' })], row('theirs', 3), 'r1', 'action')).toBe('mine');
		expect(displayValue([], row('theirs', 3), 'r1', 'action')).toBe('theirs');
		expect(displayValue([], null, 'r1', 'serviceTypes')).toBe('');
	});
});

describe('journalActions', () => {
	it('sends a waiting edit when the stored revision is the one it started from', () => {
		expect(journalActions([entry({})], view({ r1: { row: row('old', 3) } }))).toEqual([{ kind: 'send', id: 'e1' }]);
	});

	it('reports a conflict when someone else wrote the cell meanwhile, with the newest own text', () => {
		const entries = [entry({ state: 'orphan' }), entry({ id: 'e2', baseRev: 4, value: 'newest' })];
		const actions = journalActions(entries, view({ r1: { row: row('theirs', 4) } }));
		expect(actions).toEqual([
			{
				kind: 'conflict',
				ids: ['e1', 'e2'],
				conflict: { rowId: 'r1', field: 'action', mine: 'newest', theirs: 'theirs', theirRev: 4, theirAuthor: 'them' }
			}
		]);
	});

	it('removes a landed edit and goes on with the cell’s next one', () => {
		const entries = [entry({ state: 'orphan' }), entry({ id: 'e2', baseRev: 4, value: 'next' })];
		expect(journalActions(entries, view({ r1: { row: row('mine', 4, 'me') } }))).toEqual([
			{ kind: 'remove', id: 'e1' },
			{ kind: 'send', id: 'e2' }
		]);
	});

	it('never writes behind an edit whose write is in flight', () => {
		const entries = [entry({ state: 'sent' }), entry({ id: 'e2', baseRev: 4 })];
		expect(journalActions(entries, view({ r1: { row: row('mine', 4) } }))).toEqual([]);
	});

	it('waits for a server copy before judging an orphan or a refused write', () => {
		for (const state of ['orphan', 'refused'] as const) {
			expect(journalActions([entry({ state })], view({ r1: { row: row('old', 3), confirmed: false } }))).toEqual([]);
			expect(journalActions([entry({ state })], view({}, false))).toEqual([]);
		}
		expect(journalActions([entry({ state: 'orphan' })], view({ r1: { row: row('old', 3) } }))).toEqual([{ kind: 'send', id: 'e1' }]);
	});

	it('explains a refused write nobody else overtook as failed, not as a conflict', () => {
		expect(journalActions([entry({ state: 'refused' })], view({ r1: { row: row('old', 3) } }))).toEqual([
			{ kind: 'failed', ids: ['e1'], edit: entry({ state: 'refused' }) }
		]);
	});

	it('reports edits of a deleted row', () => {
		expect(journalActions([entry({})], view({}))).toEqual([{ kind: 'gone', ids: ['e1'], edit: entry({}) }]);
		expect(journalActions([entry({})], view({}, false))).toEqual([]);
	});

	it('treats cells independently', () => {
		const entries = [entry({ state: 'sent' }), entry({ id: 'e2', field: 'goal', baseRev: 0 })];
		expect(journalActions(entries, view({ r1: { row: row('x', 4) } }))).toEqual([{ kind: 'send', id: 'e2' }]);
	});
});
