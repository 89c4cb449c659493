// The edit session (the engine's Svelte shell) against a host whose documents and writes the test
// plays: saves, merges on a refusal, takes others' changes into the open editor, asks, and keeps text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldEdit, FieldPolicy, StoredFields } from './domain/edit-engine';
import { EditSession, IDLE_SAVE_MS, type EditHost, type EditNoticeKind } from './edit-session.svelte';

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
	const host: EditHost = {
		scope: 'rows',
		policy,
		docs: () => ({ items: [{ id: 'r1', data: { fields: { ...stored.fields }, revs: { ...stored.revs }, updatedBy: stored.updatedBy }, pending: false }], fromCache: false }),
		valid: (_ref, value) => typeof value === 'string' ? value.length <= 200 : true,
		write: (edit) => {
			writes.push(edit);
			const land = (): Promise<void> => {
				if ((stored.revs[edit.key] ?? 0) !== edit.baseRev) return Promise.reject(Object.assign(new Error('denied'), { code: 'permission-denied' }));
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

	it('closing on a locked year puts the unsaved text in a notice', () => {
		const t = setup();
		t.s.startEdit(r1);
		t.s.setDraft('osparat');
		expect(t.s.lock()).toEqual(r1);
		expect(t.notices.map((n) => [n.kind, n.edit.value])).toEqual([['locked', 'osparat']]);
		expect(t.s.editing).toBeNull();
	});
});
