// Whose unsent edits are whose: each tab's own journal, kept over a reload, not shared with a
// duplicated tab, and adopted from tabs that closed (and from the one-list journal of old).
import { describe, expect, it } from 'vitest';
import { chooseTab, isHeld, LEASE_STALE_MS, legacyKey, parseLegacyJournal, parseTabJournal, serializeTabJournal, tabKey, tabOfKey, type TabJournal } from './tab-journal';

const NOW = 1_800_000_000_000;
const journal = (tab: string, over: Partial<TabJournal> = {}): TabJournal => ({ tab, lease: NOW - 1000, released: false, rows: [], answers: [], ...over });
const edit = { doc: 'r1', key: 'action', baseRev: 2, base: { value: 'a' }, value: 'a b' };

describe('keys', () => {
	it('one key per plan and tab; other plans’ keys are not this plan’s', () => {
		expect(tabKey('jh', 2024, 'abc')).toBe('planbordet.journal.jh.2024.tab.abc');
		expect(tabOfKey('jh', 2024, 'planbordet.journal.jh.2024.tab.abc')).toBe('abc');
		expect(tabOfKey('jh', 2024, 'planbordet.journal.jh.20245.tab.abc')).toBeNull();
		expect(tabOfKey('jh', 2024, legacyKey('jh', 2024))).toBeNull();
		expect(tabOfKey('jh', 2024, 'planbordet.journal.jh.2024.tab.')).toBeNull();
	});
});

describe('storage', () => {
	it('round-trips a tab’s journal with rows and answers', () => {
		const j = journal('t1', { rows: [edit], answers: [{ ...edit, doc: 'q1', key: 'text' }] });
		expect(parseTabJournal(serializeTabJournal(j))).toEqual(j);
	});

	it('refuses what is not a journal, and drops entries that do not parse', () => {
		expect(parseTabJournal(null)).toBeNull();
		expect(parseTabJournal('{')).toBeNull();
		expect(parseTabJournal(JSON.stringify({ v: 1, tab: 't' }))).toBeNull();
		const raw = JSON.stringify({ v: 2, tab: 't1', lease: NOW, released: false, rows: [edit, { doc: 'bad id' }], answers: [] });
		expect(parseTabJournal(raw)?.rows).toEqual([edit]);
	});

	it('reads the old one-list journal as row edits without a base', () => {
		const raw = JSON.stringify([{ rowId: 'r1', field: 'action', baseRev: 3, value: 'x' }, { nope: 1 }]);
		expect(parseLegacyJournal(raw)).toEqual([{ doc: 'r1', key: 'action', baseRev: 3, base: null, value: 'x' }]);
		expect(parseLegacyJournal('oops')).toEqual([]);
	});
});

describe('choosing the tab', () => {
	const fresh = () => 'new';

	it('a reload keeps its id and takes its own (released) journal back', () => {
		const journals = new Map([['t1', journal('t1', { released: true })]]);
		expect(chooseTab('t1', journals, NOW, fresh)).toEqual({ tab: 't1', adopt: ['t1'] });
	});

	it('a duplicated tab, whose id the open original still holds, takes a fresh id and leaves the original’s journal alone', () => {
		const journals = new Map([['t1', journal('t1')]]);
		expect(chooseTab('t1', journals, NOW, fresh)).toEqual({ tab: 'new', adopt: [] });
	});

	it('adopts journals nobody holds: released ones and those whose lease went stale', () => {
		const journals = new Map([
			['open', journal('open')],
			['closed', journal('closed', { released: true })],
			['crashed', journal('crashed', { lease: NOW - LEASE_STALE_MS - 1 })]
		]);
		expect(chooseTab(null, journals, NOW, fresh)).toEqual({ tab: 'new', adopt: ['closed', 'crashed'] });
	});

	it('a lease is held while fresh and not released', () => {
		expect(isHeld(journal('t'), NOW)).toBe(true);
		expect(isHeld(journal('t', { released: true }), NOW)).toBe(false);
		expect(isHeld(journal('t', { lease: NOW - LEASE_STALE_MS }), NOW)).toBe(false);
	});
});
