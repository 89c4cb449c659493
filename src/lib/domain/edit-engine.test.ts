// The edit engine: its journal, the order in which it sends, drops, merges and reports edits, and an
// open editor taking someone else's change in. The same tests hold for cells and answers.
import { describe, expect, it } from 'vitest';
import {
	addEdit,
	applyAction,
	asOrphans,
	displayValue,
	engineActions,
	parseEntries,
	rebaseDraft,
	removeEntries,
	serializeEntries,
	setState,
	startOf,
	type Draft,
	type Entry,
	type FieldPolicy,
	type ServerView
} from './edit-engine';

const policy: FieldPolicy = {
	kind: (ref) => (ref.key === 'serviceTypes' ? 'set' : ref.key === 'status' ? 'atom' : 'text'),
	empty: (ref) => (ref.key === 'serviceTypes' ? [] : '')
};
const doc = (value: unknown, rev: number, updatedBy = 'them', key = 'action') => ({ fields: { [key]: value }, revs: { [key]: rev }, updatedBy });
const view = (docs: Record<string, { data: ReturnType<typeof doc>; confirmed?: boolean }>, listingConfirmed = true): ServerView => ({
	docs: new Map(Object.entries(docs).map(([id, d]) => [id, { data: d.data, confirmed: d.confirmed ?? true }])),
	listingConfirmed
});
const entry = (over: Partial<Entry>): Entry => ({ id: 'e1', doc: 'r1', key: 'action', baseRev: 3, base: { value: 'old' }, value: 'mine', state: 'waiting', ...over });
const ref = { doc: 'r1', key: 'action' };

describe('the journal in storage', () => {
	it('round-trips entries with their base', () => {
		const edits = [{ doc: 'r1', key: 'action', baseRev: 2, base: { value: 'a' }, value: 'text\nmore' }, { doc: 'q1', key: 'r1-people', baseRev: 0, base: null, value: [{ name: 'A', share: 0.5 }] }];
		expect(parseEntries(JSON.parse(JSON.stringify(serializeEntries(edits))))).toEqual(edits);
	});

	it('drops what does not parse', () => {
		expect(parseEntries(null)).toEqual([]);
		expect(parseEntries({ a: 1 })).toEqual([]);
		const raw = [
			{ doc: 'r1', key: 'status', baseRev: 0, base: null, value: 'klar' },
			{ doc: 'bad id', key: 'action', baseRev: 0, base: null, value: 'x' },
			{ doc: 'r2', key: 'action', baseRev: -1, base: null, value: 'x' },
			{ doc: 'r3', key: 'action', baseRev: 0, base: null },
			{ doc: 'r4', key: 'serviceTypes', baseRev: 1, base: { value: [] }, value: ['drivmedel'] }
		];
		expect(parseEntries(raw).map((e) => e.doc)).toEqual(['r1', 'r4']);
	});

	it('reads entries back as orphans', () => {
		expect(asOrphans([{ doc: 'r1', key: 'action', baseRev: 0, base: null, value: 'x' }], () => 'o1')[0]).toMatchObject({ id: 'o1', state: 'orphan' });
	});
});

describe('adding edits', () => {
	it('replaces an unsent edit of the same field and revision (keeping its base), queues anything else', () => {
		let j = addEdit([], { ...ref, baseRev: 3, base: { value: 'old' }, value: 'a' }, 'e1');
		j = addEdit(j, { ...ref, baseRev: 3, base: { value: 'ignored' }, value: 'b' }, 'e2');
		expect(j).toEqual([entry({ id: 'e1', value: 'b' })]);
		j = setState(j, 'e1', 'sent');
		j = addEdit(j, { ...ref, baseRev: 4, base: { value: 'b' }, value: 'c' }, 'e3');
		expect(j.map((e) => [e.id, e.state, e.value])).toEqual([
			['e1', 'sent', 'b'],
			['e3', 'waiting', 'c']
		]);
		expect(removeEntries(j, ['e1']).map((e) => e.id)).toEqual(['e3']);
	});

	it('starts a new edit after the field’s unconfirmed entries, from the value they write', () => {
		expect(startOf([], doc('x', 5), ref, policy)).toEqual({ baseRev: 5, base: 'x' });
		expect(startOf([], null, ref, policy)).toEqual({ baseRev: 0, base: '' });
		expect(startOf([entry({ state: 'sent', baseRev: 5 })], doc('x', 5), ref, policy)).toEqual({ baseRev: 6, base: 'mine' });
		expect(startOf([entry({ state: 'orphan', baseRev: 5 })], doc('x', 5), ref, policy)).toEqual({ baseRev: 6, base: 'mine' });
		expect(startOf([entry({ state: 'waiting', baseRev: 6 })], doc('x', 6), ref, policy)).toEqual({ baseRev: 6, base: 'mine' });
		expect(startOf([entry({ key: 'goal', baseRev: 9 })], doc('x', 2), ref, policy)).toEqual({ baseRev: 2, base: 'x' });
	});

	it('shows the newest unsent value of the field', () => {
		expect(displayValue([entry({ value: 'mine' })], doc('theirs', 3), ref, policy)).toBe('mine');
		expect(displayValue([], doc('theirs', 3), ref, policy)).toBe('theirs');
		expect(displayValue([], null, { doc: 'r1', key: 'serviceTypes' }, policy)).toEqual([]);
	});
});

describe('engineActions', () => {
	it('sends a waiting edit when the stored revision is the one it started from', () => {
		expect(engineActions([entry({})], view({ r1: { data: doc('old', 3) } }), policy)).toEqual([{ kind: 'send', id: 'e1' }]);
	});

	it('merges with someone else’s write that landed first: both appended lines are kept, theirs first', () => {
		const base = 'Länsstyrelsen: två möten';
		const mine = `${base}\nKrokom: en kartläggning`;
		const theirs = `${base}\nRegionen: ett seminarium`;
		const actions = engineActions([entry({ state: 'refused', base: { value: base }, value: mine })], view({ r1: { data: doc(theirs, 4) } }), policy);
		expect(actions).toEqual([
			{ kind: 'rebase', ids: ['e1'], edit: { ...ref, baseRev: 4, base: { value: theirs }, value: `${base}\nRegionen: ett seminarium\nKrokom: en kartläggning` } }
		]);
		const next = applyAction([entry({ state: 'refused' })], actions[0], () => 'e2');
		expect(next).toEqual([{ ...ref, id: 'e2', state: 'waiting', baseRev: 4, base: { value: theirs }, value: actions[0].kind === 'rebase' ? actions[0].edit.value : null }]);
	});

	it('merges all of the field’s entries at once: from the first one’s base to the last one’s value', () => {
		const entries = [entry({ state: 'orphan', base: { value: 'a b c' }, value: 'a b c d' }), entry({ id: 'e2', baseRev: 4, base: { value: 'a b c d' }, value: 'a b c d e' })];
		const [action] = engineActions(entries, view({ r1: { data: doc('X b c', 4) } }), policy);
		expect(action).toMatchObject({ kind: 'rebase', ids: ['e1', 'e2'], edit: { baseRev: 4, value: 'X b c d e' } });
	});

	it('asks when both changed the same words, with both versions and a proposal that keeps both', () => {
		const actions = engineActions([entry({ state: 'refused', base: { value: 'Två möten' }, value: 'Tre möten' })], view({ r1: { data: doc('Fyra möten', 5) } }), policy);
		expect(actions).toHaveLength(1);
		const [a] = actions;
		if (a.kind !== 'conflict') throw new Error(a.kind);
		expect(a.conflict).toMatchObject({ doc: 'r1', key: 'action', mine: 'Tre möten', theirs: 'Fyra möten', theirRev: 5, theirAuthor: 'them' });
		expect(a.conflict.proposal).toEqual(expect.stringContaining('Tre'));
		expect(a.conflict.proposal).toEqual(expect.stringContaining('Fyra'));
	});

	it('asks, without a proposal, when an entry from an old journal has no base', () => {
		const [a] = engineActions([entry({ state: 'orphan', base: null })], view({ r1: { data: doc('theirs', 4) } }), policy);
		expect(a).toMatchObject({ kind: 'conflict', conflict: { mine: 'mine', theirs: 'theirs', proposal: null } });
	});

	it('a single choice: the same value is no conflict; a different one asks', () => {
		const status = { key: 'status', base: { value: '' }, value: 'klar' };
		expect(engineActions([entry({ ...status, state: 'refused' })], view({ r1: { data: doc('klar', 4, 'them', 'status') } }), policy)).toEqual([{ kind: 'remove', ids: ['e1'] }]);
		expect(engineActions([entry({ ...status, state: 'refused' })], view({ r1: { data: doc('pagar', 4, 'them', 'status') } }), policy)[0]).toMatchObject({
			kind: 'conflict',
			conflict: { mine: 'klar', theirs: 'pagar', proposal: null }
		});
	});

	it('X marks are a set: one adds a mark, the other removes another, both survive', () => {
		const marks = { key: 'serviceTypes', base: { value: ['ombud', 'bredband'] }, value: ['ombud', 'bredband', 'drivmedel'] };
		const [a] = engineActions([entry({ ...marks, state: 'refused' })], view({ r1: { data: doc(['ombud'], 4, 'them', 'serviceTypes') } }), policy);
		expect(a).toMatchObject({ kind: 'rebase', edit: { key: 'serviceTypes', value: ['ombud', 'drivmedel'] } });
	});

	it('drops a replayed edit whose text is already in the stored value', () => {
		const entries = [entry({ state: 'orphan', base: { value: 'a' }, value: 'a\nb' })];
		expect(engineActions(entries, view({ r1: { data: doc('a\nb\nc', 5) } }), policy)).toEqual([{ kind: 'remove', ids: ['e1'] }]);
	});

	it('removes a landed edit and goes on with the field’s next one', () => {
		const entries = [entry({ state: 'orphan' }), entry({ id: 'e2', baseRev: 4, value: 'next' })];
		expect(engineActions(entries, view({ r1: { data: doc('mine', 4, 'me') } }), policy)).toEqual([
			{ kind: 'remove', ids: ['e1'] },
			{ kind: 'send', id: 'e2' }
		]);
	});

	it('never writes behind an edit whose write is in flight', () => {
		const entries = [entry({ state: 'sent' }), entry({ id: 'e2', baseRev: 4 })];
		expect(engineActions(entries, view({ r1: { data: doc('mine', 4) } }), policy)).toEqual([]);
	});

	it('waits for a server copy before judging an orphan or a refused write', () => {
		for (const state of ['orphan', 'refused'] as const) {
			expect(engineActions([entry({ state })], view({ r1: { data: doc('old', 3), confirmed: false } }), policy)).toEqual([]);
			expect(engineActions([entry({ state })], view({}, false), policy)).toEqual([]);
		}
		expect(engineActions([entry({ state: 'orphan' })], view({ r1: { data: doc('old', 3) } }), policy)).toEqual([{ kind: 'send', id: 'e1' }]);
	});

	it('reads the server’s copy before explaining a refusal nobody else seems to have overtaken', () => {
		// The listener may be behind the refusal: check first, and judge nothing while checking.
		const refused = [entry({ state: 'refused' })];
		const actions = engineActions(refused, view({ r1: { data: doc('old', 3) } }), policy);
		expect(actions).toEqual([{ kind: 'verify', id: 'e1' }]);
		const checking = applyAction(refused, actions[0], () => 'x');
		expect(checking[0].state).toBe('checking');
		expect(engineActions([...checking, entry({ id: 'e2', baseRev: 4 })], view({ r1: { data: doc('old', 3) } }), policy)).toEqual([]);
	});

	it('explains a refused write the server’s copy shows nobody overtook as failed, not as a conflict', () => {
		expect(engineActions([entry({ state: 'rejected' })], view({ r1: { data: doc('old', 3) } }), policy)).toEqual([{ kind: 'failed', ids: ['e1'], edit: entry({ state: 'rejected' }) }]);
	});

	it('a refusal that arrived before the write that overtook it still merges once that write is seen', () => {
		const base = 'Dialog under året.';
		let entries: Entry[] = [entry({ state: 'refused', baseRev: 0, base: { value: base }, value: `${base}\nLänsstyrelsen: två möten.` })];
		let next = 1;
		const makeId = () => `n${(next += 1)}`;
		// The listener has not caught up: the confirmed copy still holds the base, at the entry's revision.
		for (const action of engineActions(entries, view({ r1: { data: doc(base, 0) } }), policy)) entries = applyAction(entries, action, makeId);
		expect(entries).toHaveLength(1);
		// The server's copy, read meanwhile, shows the other person's line: the entry is judged again.
		entries = setState(entries, entries[0].id, 'refused');
		const actions = engineActions(entries, view({ r1: { data: doc(`${base}\nÖstersund: en workshop.`, 1) } }), policy);
		expect(actions).toHaveLength(1);
		const [action] = actions;
		expect(action.kind).toBe('rebase');
		expect(action.kind === 'rebase' ? action.edit.value : null).toBe(`${base}\nÖstersund: en workshop.\nLänsstyrelsen: två möten.`);
	});

	it('a write that landed without its answer and was written over is not merged in a second time', () => {
		// rev 1 'Region: två möten'. This browser wrote rev 2 (+ Kommun A); the answer was lost with the
		// connection and the replay refused. It had queued a second save (+ Kommun B). Someone appended
		// Kommun C as rev 3, on top of Kommun A.
		for (const state of ['refused', 'orphan'] as const) {
			const entries: Entry[] = [
				entry({ state, baseRev: 1, base: { value: 'Region: två möten' }, value: 'Region: två möten\nKommun A' }),
				entry({ id: 'e2', baseRev: 2, base: { value: 'Region: två möten\nKommun A' }, value: 'Region: två möten\nKommun A\nKommun B' })
			];
			const actions = engineActions(entries, view({ r1: { data: doc('Region: två möten\nKommun A\nKommun C', 3) } }), policy);
			expect(actions[0]).toEqual({ kind: 'remove', ids: ['e1'] });
			const rebase = actions.find((a) => a.kind === 'rebase');
			expect(rebase?.kind === 'rebase' ? rebase.edit : null).toMatchObject({ baseRev: 3, value: 'Region: två möten\nKommun A\nKommun C\nKommun B' });
		}
	});

	it('a refused write that did not land still merges from its own base', () => {
		const entries = [entry({ state: 'refused', baseRev: 1, base: { value: 'Region' }, value: 'Region\nKommun A' })];
		const actions = engineActions(entries, view({ r1: { data: doc('Region\nKommun C', 2) } }), policy);
		expect(actions).toEqual([{ kind: 'rebase', ids: ['e1'], edit: { doc: 'r1', key: 'action', baseRev: 2, base: { value: 'Region\nKommun C' }, value: 'Region\nKommun C\nKommun A' } }]);
		// A deletion that did not land is not mistaken for one that did.
		const deletion = [entry({ state: 'refused', baseRev: 1, base: { value: 'Region X' }, value: 'Region' })];
		const [again] = engineActions(deletion, view({ r1: { data: doc('Region X\nKommun C', 2) } }), policy);
		expect(again.kind).toBe('rebase');
		expect(again.kind === 'rebase' ? again.edit.value : null).not.toContain('X');
	});

	it('reports edits of a deleted document', () => {
		expect(engineActions([entry({})], view({}), policy)).toEqual([{ kind: 'gone', ids: ['e1'], edit: entry({}) }]);
		expect(engineActions([entry({})], view({}, false), policy)).toEqual([]);
	});

	it('treats fields independently', () => {
		const entries = [entry({ state: 'sent' }), entry({ id: 'e2', key: 'goal', baseRev: 0 })];
		expect(engineActions(entries, view({ r1: { data: doc('x', 4) } }), policy)).toEqual([{ kind: 'send', id: 'e2' }]);
	});
});

describe('an open editor takes someone else’s change in', () => {
	const draft = (over: Partial<Draft>): Draft => ({ ...ref, draft: 'Två möten. Mitt tillägg', baseRev: 3, saved: 'Två möten.', ...over });

	it('carries the unsaved typing onto the stored value', () => {
		const update = rebaseDraft(draft({}), [], doc('Regionen: två möten.', 4), policy);
		expect(update).toEqual({ kind: 'rebased', draft: draft({ draft: 'Regionen: två möten. Mitt tillägg', baseRev: 4, saved: 'Regionen: två möten.' }) });
	});

	it('waits while this browser has its own entries of the field in flight', () => {
		expect(rebaseDraft(draft({}), [entry({ state: 'sent' })], doc('other', 4), policy)).toEqual({ kind: 'unchanged' });
	});

	it('does nothing until the stored revision moves past the draft’s', () => {
		expect(rebaseDraft(draft({}), [], doc('Två möten.', 3), policy)).toEqual({ kind: 'unchanged' });
		expect(rebaseDraft(draft({}), [], null, policy)).toEqual({ kind: 'unchanged' });
	});

	it('reports a clash when the other change touches the typed words', () => {
		expect(rebaseDraft(draft({ draft: 'Tre möten.' }), [], doc('Fyra möten.', 4), policy)).toEqual({ kind: 'clash' });
	});
});
