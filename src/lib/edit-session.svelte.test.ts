// The edit session (the engine's Svelte shell) against a host whose documents and writes the test
// plays: saves, merges on a refusal, takes others' changes into the open editor, asks, and keeps text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldEdit, FieldPolicy, StoredFields } from './domain/edit-engine';
import { EditSession, IDLE_SAVE_MS, RECHECK_MS, type EditHost, type EditNoticeKind } from './edit-session.svelte';

const policy: FieldPolicy = {
	kind: (ref) => (ref.key === 'serviceTypes' ? 'set' : ref.key === 'status' ? 'atom' : 'text'),
	empty: (ref) => (ref.key === 'serviceTypes' ? [] : '')
};

/** A server of one document that applies the revision rule, and a browser that sees it at once. */
function setup(initial: Record<string, unknown> = { action: 'Länsstyrelsen: två möten' }) {
	const stored: StoredFields & { fields: Record<string, unknown>; revs: Record<string, number> } = {
		fields: { ...initial },
		revs: Object.fromEntries(Object.keys(initial).map((k) => [k, 1])),
		updatedBy: 'them'
	};
	const writes: FieldEdit[] = [];
	const notices: Array<{ kind: EditNoticeKind; edit: FieldEdit }> = [];
	const persisted: FieldEdit[][] = [];
	let hold: Array<() => void> | null = null;
	const copy = (): StoredFields => ({ fields: { ...stored.fields }, revs: { ...stored.revs }, updatedBy: stored.updatedBy });
	/** What the listener shows while it lags behind the server (null: it is up to date). */
	let lagging: StoredFields | null = null;
	let reachable = true;
	let refuseAll = false;
	const fetches: string[] = [];
	const host: EditHost = {
		scope: 'rows',
		policy,
		docs: () => ({ items: [{ id: 'r1', data: lagging ?? copy(), pending: false }], fromCache: false }),
		fetch: (docId) => {
			fetches.push(docId);
			return reachable ? Promise.resolve(copy()) : Promise.reject(new Error('unavailable'));
		},
		valid: (_ref, value) => typeof value === 'string' ? value.length <= 200 : true,
		write: (edit) => {
			writes.push(edit);
			const land = (): Promise<void> => {
				if (refuseAll || (stored.revs[edit.key] ?? 0) !== edit.baseRev) return Promise.reject(Object.assign(new Error('denied'), { code: 'permission-denied' }));
				stored.fields[edit.key] = edit.value;
				stored.revs[edit.key] = edit.baseRev + 1;
				stored.updatedBy = 'me';
				return Promise.resolve();
			};
			if (!hold) return land();
			return new Promise((resolve, reject) => hold!.push(() => land().then(resolve, reject)));
		},
		editable: () => true,
		submitted: () => false,
		persist: (_scope, entries) => persisted.push(entries),
		notify: (kind, edit) => notices.push({ kind, edit })
	};
	const s = new EditSession(host);
	/** Someone else's write, landed on the server. */
	const other = (key: string, value: unknown) => {
		stored.fields[key] = value;
		stored.revs[key] = (stored.revs[key] ?? 0) + 1;
		stored.updatedBy = 'them';
	};
	return {
		s,
		stored,
		writes,
		notices,
		persisted,
		other,
		fetches,
		/** The listener stops delivering: it keeps showing what it shows now. */
		lag: () => (lagging = copy()),
		catchUp: () => (lagging = null),
		unreachable: (v: boolean) => (reachable = !v),
		/** The rules refuse every write (for a reason other than the revision). */
		refuseWrites: () => (refuseAll = true),
		/** Writes stay in flight until released (the server is slow or offline). */
		holdWrites: () => (hold = []),
		release: async () => {
			const h = hold ?? [];
			hold = null;
			for (const f of h) f();
			await vi.runAllTimersAsync();
		}
	};
}

const r1 = { doc: 'r1', key: 'action' };

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
	vi.useRealTimers();
});

async function flush() {
	await vi.runAllTimersAsync();
}

describe('EditSession', () => {
	it('saves after a typing pause and on leaving, one write per change', async () => {
		const t = setup();
		t.s.startEdit(r1);
		t.s.setDraft('Länsstyrelsen: två möten\nKrokom');
		expect(t.writes).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(IDLE_SAVE_MS);
		expect(t.writes).toHaveLength(1);
		t.s.setDraft('Länsstyrelsen: två möten\nKrokom: en kartläggning');
		t.s.finishEdit();
		await flush();
		expect(t.stored.fields.action).toBe('Länsstyrelsen: två möten\nKrokom: en kartläggning');
		expect(t.stored.revs.action).toBe(3);
		expect(t.s.entries).toEqual([]);
		expect(t.s.editing).toBeNull();
	});

	it('two people appending a line to the same cell: both lines are kept, no dialog', async () => {
		const t = setup();
		t.s.startEdit(r1);
		t.s.setDraft('Länsstyrelsen: två möten\nKrokom: en kartläggning');
		// The region's line lands first.
		t.other('action', 'Länsstyrelsen: två möten\nRegionen: ett seminarium');
		t.s.finishEdit();
		await flush();
		t.s.pump();
		await flush();
		expect(t.stored.fields.action).toBe('Länsstyrelsen: två möten\nRegionen: ett seminarium\nKrokom: en kartläggning');
		expect(t.s.conflicts).toEqual([]);
		expect(t.s.entries).toEqual([]);
	});

	it('the open editor takes the other’s change in at once, with the unsaved typing on top', async () => {
		const t = setup();
		t.s.startEdit(r1);
		t.s.setDraft('Länsstyrelsen: två möten. Mitt');
		t.other('action', 'Regionen och Länsstyrelsen: två möten');
		const before = t.s.remoteChanges;
		t.s.pump();
		expect(t.s.editing?.draft).toBe('Regionen och Länsstyrelsen: två möten. Mitt');
		expect(t.s.remoteChanges).toBe(before + 1);
		t.s.finishEdit();
		await flush();
		expect(t.stored.fields.action).toBe('Regionen och Länsstyrelsen: två möten. Mitt');
		expect(t.s.conflicts).toEqual([]);
	});

	it('a merge while a write is in flight carries what was typed since into the merged write', async () => {
		const t = setup();
		t.holdWrites();
		t.s.startEdit(r1);
		t.s.setDraft('Länsstyrelsen: två möten\nA');
		t.s.saveDraft();
		t.s.setDraft('Länsstyrelsen: två möten\nA\nB');
		t.other('action', 'Regionen: två möten');
		await t.release();
		t.s.pump();
		await flush();
		expect(t.s.conflicts).toEqual([]);
		expect(t.s.editing?.draft).toBe('Regionen: två möten\nA\nB');
		t.s.finishEdit();
		await flush();
		expect(t.stored.fields.action).toBe('Regionen: två möten\nA\nB');
	});

	it('the same words changed: a dialog with both versions; choosing one keeps the other in a notice', async () => {
		const t = setup({ action: 'Två möten' });
		t.s.startEdit(r1);
		t.s.setDraft('Tre möten');
		t.other('action', 'Fyra möten');
		t.s.finishEdit();
		await flush();
		t.s.pump();
		await flush();
		expect(t.s.conflicts).toHaveLength(1);
		expect(t.s.conflicts[0]).toMatchObject({ mine: 'Tre möten', theirs: 'Fyra möten' });
		expect(t.stored.fields.action).toBe('Fyra möten');
		t.s.resolveConflict('mine');
		await flush();
		expect(t.stored.fields.action).toBe('Tre möten');
		expect(t.notices).toEqual([expect.objectContaining({ kind: 'setAside', edit: expect.objectContaining({ value: 'Fyra möten' }) })]);
	});

	it('taking their version keeps mine in a notice; taking the proposal writes both', async () => {
		for (const choice of ['theirs', 'merged'] as const) {
			const t = setup({ action: 'Två möten' });
			t.s.startEdit(r1);
			t.s.setDraft('Tre möten');
			t.other('action', 'Fyra möten');
			t.s.finishEdit();
			await flush();
			t.s.pump();
			await flush();
			const proposal = t.s.conflicts[0].proposal;
			t.s.resolveConflict(choice);
			await flush();
			if (choice === 'theirs') {
				expect(t.stored.fields.action).toBe('Fyra möten');
				expect(t.notices.map((n) => [n.kind, n.edit.value])).toEqual([['setAside', 'Tre möten']]);
			} else {
				expect(t.stored.fields.action).toBe(proposal);
				expect(String(proposal)).toMatch(/Fyra.*Tre|Tre.*Fyra/s);
			}
		}
	});

	it('X marks merge as a set', async () => {
		const t = setup({ serviceTypes: ['ombud'] });
		const marks = { doc: 'r1', key: 'serviceTypes' };
		t.holdWrites();
		t.s.setNow(marks, ['ombud', 'drivmedel']);
		t.other('serviceTypes', []);
		await t.release();
		t.s.pump();
		await flush();
		expect(t.stored.fields.serviceTypes).toEqual(['drivmedel']);
	});

	it('an invalid draft is held, not dropped or written, and comes back when the field is opened', async () => {
		const t = setup();
		t.s.startEdit(r1);
		t.s.setDraft('x'.repeat(260));
		t.s.finishEdit();
		await flush();
		expect(t.writes).toHaveLength(0);
		expect(t.s.valueOf(r1)).toBe('x'.repeat(260));
		t.s.startEdit(r1);
		expect(t.s.editing?.draft).toBe('x'.repeat(260));
		t.s.cancelEdit();
		expect(t.s.valueOf(r1)).toBe('Länsstyrelsen: två möten');
	});

	it('replays entries read back from storage through the same merge', async () => {
		const t = setup({ action: 'a' });
		t.other('action', 'a\nfrom them');
		t.s.load([{ doc: 'r1', key: 'action', baseRev: 1, base: { value: 'a' }, value: 'a\nfrom me' }]);
		t.s.pump();
		await flush();
		expect(t.stored.fields.action).toBe('a\nfrom them\nfrom me');
		expect(t.persisted.at(-1)).toEqual([]);
	});

	it('a refusal seen before the write that overtook it: the server’s copy is read and the lines merge', async () => {
		const t = setup();
		t.lag();
		t.other('action', 'Länsstyrelsen: två möten\nÖstersund: en workshop');
		t.s.commit(r1, 'Länsstyrelsen: två möten\nKrokom: en kartläggning');
		await flush();
		expect(t.fetches).toEqual(['r1']);
		expect(t.notices).toEqual([]);
		expect(t.stored.fields.action).toBe('Länsstyrelsen: två möten\nÖstersund: en workshop\nKrokom: en kartläggning');
		expect(t.s.entries).toEqual([]);
		t.catchUp();
		t.s.pump();
		expect(t.s.valueOf(r1)).toBe(t.stored.fields.action);
	});

	it('a refusal nobody overtook, confirmed by the server’s copy, is reported and the text kept in the notice', async () => {
		const t = setup();
		// The rules refuse the write for another reason: the stored revision does not move.
		t.refuseWrites();
		t.s.commit(r1, 'Länsstyrelsen: två möten\nKrokom');
		await flush();
		expect(t.fetches).toEqual(['r1']);
		expect(t.notices.map((n) => [n.kind, n.edit.value])).toEqual([['saveFailed', 'Länsstyrelsen: två möten\nKrokom']]);
		expect(t.s.entries).toEqual([]);
	});

	/** Someone's line landed, the listener has not shown it, this browser's write is refused and the server is out of reach. */
	async function refusedWhileUnreachable() {
		const t = setup();
		t.lag();
		t.other('action', 'Länsstyrelsen: två möten\nÖstersund');
		t.unreachable(true);
		t.s.commit(r1, 'Länsstyrelsen: två möten\nKrokom');
		await vi.advanceTimersByTimeAsync(0);
		return t;
	}

	it('a refusal whose check cannot reach the server is kept and checked again, not dropped or resent', async () => {
		const t = await refusedWhileUnreachable();
		expect(t.writes).toHaveLength(1);
		expect(t.fetches).toEqual(['r1']);
		expect(t.notices).toEqual([]);
		expect(t.s.entries.map((e) => e.state)).toEqual(['checking']);
		await vi.advanceTimersByTimeAsync(RECHECK_MS);
		expect(t.fetches).toEqual(['r1', 'r1']);
		expect(t.writes).toHaveLength(1);
		// The server is back: the next check reads its copy, and the lines merge.
		t.unreachable(false);
		await vi.advanceTimersByTimeAsync(RECHECK_MS);
		expect(t.stored.fields.action).toBe('Länsstyrelsen: två möten\nÖstersund\nKrokom');
		expect(t.notices).toEqual([]);
		expect(t.s.entries).toEqual([]);
	});

	it('a failed check gives way at once when the listener shows the field moved on', async () => {
		const t = await refusedWhileUnreachable();
		t.catchUp();
		t.s.pump();
		await vi.advanceTimersByTimeAsync(0);
		expect(t.stored.fields.action).toBe('Länsstyrelsen: två möten\nÖstersund\nKrokom');
		expect(t.fetches).toEqual(['r1']);
	});

	it('closing on a locked year puts the unsaved text in a notice', () => {
		const t = setup();
		t.s.startEdit(r1);
		t.s.setDraft('osparat');
		expect(t.s.lock()).toEqual(r1);
		expect(t.notices.map((n) => [n.kind, n.edit.value])).toEqual([['locked', 'osparat']]);
		expect(t.s.editing).toBeNull();
	});
});
