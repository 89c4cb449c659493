import { describe, expect, it } from 'vitest';
import { historyId, rowChanges } from './history';
import { place } from './schemas';

const row = (fields: Record<string, unknown>, area = 1, position: string | number = 1024) => ({ area, position, fields: fields as never });

describe('rowChanges', () => {
	it('records one edit per changed field with its old and new value', () => {
		const changes = rowChanges(row({ action: 'a', goal: 'g', status: '' }), row({ action: 'a2', goal: 'g', status: 'klar' }));
		expect(changes).toEqual([
			{ kind: 'edit', field: 'action', old: 'a', new: 'a2' },
			{ kind: 'edit', field: 'status', old: '', new: 'klar' }
		]);
	});

	it('treats a first value as an edit from null, and ignores unchanged X marks in another order', () => {
		const changes = rowChanges(row({ serviceTypes: ['drivmedel', 'dagligvaror'] }), row({ serviceTypes: ['dagligvaror', 'drivmedel'], outputs: 'x' }));
		expect(changes).toEqual([{ kind: 'edit', field: 'outputs', old: null, new: 'x' }]);
	});

	it('records a creation with its place, then any values it was created with', () => {
		expect(rowChanges(null, row({}, 2, 2048))).toEqual([{ kind: 'create', field: null, old: null, new: { area: 2, position: 2048 } }]);
		expect(rowChanges(null, row({ action: 'ny' })).map((c) => c.kind)).toEqual(['create', 'edit']);
	});

	it('records a deletion with the fields it had, so it can be restored', () => {
		expect(rowChanges(row({ action: 'borta' }), null)).toEqual([{ kind: 'delete', field: null, old: { action: 'borta' }, new: null }]);
	});

	it('records a move from a legacy number to a key, and between keys, as a move', () => {
		expect(rowChanges(row({}, 1, 1024), row({}, 1, 'a0'))).toEqual([{ kind: 'move', field: null, old: { area: 1, position: 1024 }, new: { area: 1, position: 'a0' } }]);
		expect(rowChanges(row({}, 1, 'a0'), row({}, 1, 'a0V'))).toEqual([{ kind: 'move', field: null, old: { area: 1, position: 'a0' }, new: { area: 1, position: 'a0V' } }]);
		expect(place.safeParse({ area: 1, position: 1024 }).success && place.safeParse({ area: 1, position: 'a0V' }).success).toBe(true);
	});

	it('records a move between areas or within one', () => {
		expect(rowChanges(row({ action: 'a' }, 1, 1024), row({ action: 'a' }, 2, 512))).toEqual([
			{ kind: 'move', field: null, old: { area: 1, position: 1024 }, new: { area: 2, position: 512 } }
		]);
	});

	it('records nothing for a write that changes no field or place', () => {
		expect(rowChanges(row({ action: 'a' }), row({ action: 'a' }))).toEqual([]);
		expect(rowChanges(null, null)).toEqual([]);
	});
});

describe('historyId', () => {
	it('is the same for the same event and change, and differs per field', () => {
		expect(historyId('ev/1', { kind: 'edit', field: 'goal' })).toBe('ev_1-edit-goal');
		expect(historyId('ev/1', { kind: 'edit', field: 'goal' })).toBe(historyId('ev/1', { kind: 'edit', field: 'goal' }));
		expect(historyId('ev/1', { kind: 'edit', field: 'action' })).not.toBe(historyId('ev/1', { kind: 'edit', field: 'goal' }));
		expect(historyId('ev', { kind: 'delete', field: null })).toBe('ev-delete');
	});
});
