// A failing repro found by tests/rules/convergence.spec.ts (issue 20), for the lead: a write that
// landed but whose answer was lost with the connection (Firestore replays it on reconnect and the
// revision rule refuses the replay), then someone else's write on top, then the refusal is merged
// from the entry's old base: the landed line is in both "mine" and "theirs" and comes out twice.
import { describe, expect, it } from 'vitest';
import { applyAction, engineActions, type Entry, type FieldPolicy, type ServerView } from './edit-engine';

const policy: FieldPolicy = { kind: () => 'text', empty: () => '' };
const ref = { doc: 'r1', key: 'outputs' };
const server = (value: string, rev: number): ServerView => ({
	docs: new Map([['r1', { data: { fields: { outputs: value }, revs: { outputs: rev }, updatedBy: 'them' }, confirmed: true }]]),
	listingConfirmed: true
});

describe('a replayed write that had landed', () => {
	// Known engine bug, open: kept as an expected failure so it is seen, and turns red once fixed.
	it.fails('merges without writing the landed line a second time', () => {
		// rev 1 'Region: två möten'. This browser wrote rev 2 (+ Kommun A); the answer was lost and the
		// replay refused. It had queued a second save (+ Kommun B). Someone appended Kommun C as rev 3.
		const entries: Entry[] = [
			{ ...ref, id: 'e1', state: 'refused', baseRev: 1, base: { value: 'Region: två möten' }, value: 'Region: två möten\nKommun A' },
			{ ...ref, id: 'e2', state: 'waiting', baseRev: 2, base: { value: 'Region: två möten\nKommun A' }, value: 'Region: två möten\nKommun A\nKommun B' }
		];
		const [action] = engineActions(entries, server('Region: två möten\nKommun A\nKommun C', 3), policy);
		expect(action.kind).toBe('rebase');
		const merged = action.kind === 'rebase' ? String(action.edit.value) : '';
		// Today: 'Region: två möten\nKommun A\nKommun C\nKommun A\nKommun B'.
		expect(merged.match(/Kommun A/g)).toHaveLength(1);
		expect(merged).toContain('Kommun B');
		expect(merged).toContain('Kommun C');
	});
});

// A failing repro found by tests/e2e/co-editing.spec.ts (issue 20, brief D), for the lead: two people
// append a line to one cell at once; the later writer's refusal reaches the browser before its listener
// has delivered the winner's write (the write and listen streams are not ordered). The server copy then
// still shows the field at the entry's base revision, so the engine calls the refusal "failed" (a rules
// refusal for another reason), drops the entry and shows "Ändringen kunde inte sparas"; when the
// winner's write arrives a moment later there is nothing left to merge. Seen in 1 of 3 e2e runs under load.
describe('a refusal that arrives before the write that overtook it', () => {
	// Known engine bug, open (a refusal seen before the overtaking write is reported as failed).
	it.fails('still merges once the overtaking write arrives', () => {
		const base = 'Dialog under året.';
		let entries: Entry[] = [{ ...ref, id: 'e1', state: 'refused', baseRev: 0, base: { value: base }, value: `${base}\nLänsstyrelsen: två möten.` }];
		let next = 1;
		const makeId = () => `n${(next += 1)}`;
		// The listener has not caught up: the confirmed copy still holds the base, at the entry's revision.
		for (const action of engineActions(entries, server(base, 0), policy)) entries = applyAction(entries, action, makeId);
		// Then the other person's line arrives.
		const actions = engineActions(entries, server(`${base}\nÖstersund: en workshop.`, 1), policy);
		// Today: the first pass gave 'failed' and dropped the entry, so there is nothing to merge.
		expect(actions).toHaveLength(1);
		const [action] = actions;
		expect(action.kind).toBe('rebase');
		expect(action.kind === 'rebase' ? action.edit.value : null).toBe(`${base}\nÖstersund: en workshop.\nLänsstyrelsen: två möten.`);
	});
});
