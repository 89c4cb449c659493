import { describe, it, expect } from 'vitest';
// zod/mini throws the core error class, which classic zod's ZodError does not match.
import { $ZodError as ZodError } from 'zod/v4/core';
import { currentRev, nextRevision, emptyValue, valueOf, sameValue, parseValue, editUpdate, reconcile, keepMine, type CellEdit } from './cell-edit';
import type { Row } from './schemas';

type ServerRow = Pick<Row, 'fields' | 'revs' | 'updatedBy'>;

const server = (fields: Row['fields'], revs: Row['revs'], updatedBy = 'u-other'): ServerRow => ({ fields, revs, updatedBy });

describe('revisions', () => {
	it('nextRevision is the base + 1', () => {
		expect(nextRevision(0)).toBe(1);
		expect(nextRevision(41)).toBe(42);
	});

	it('currentRev reads the field revision, 0 when never written', () => {
		expect(currentRev({ revs: { goal: 3 } }, 'goal')).toBe(3);
		expect(currentRev({ revs: { goal: 3 } }, 'action')).toBe(0);
		expect(currentRev({ revs: {} }, 'status')).toBe(0);
	});
});

const marks = { type: 'marks' as const, choices: [{ value: 'ombud', label: 'Ombud' }, { value: 'bredare', label: 'Bredare' }] };
const status = { type: 'singleChoice' as const, choices: [{ value: '', label: 'Ej angiven' }, { value: 'klar', label: 'Klar' }] };
const longText = { type: 'longText' as const, choices: [] };
const shortText = { type: 'shortText' as const, choices: [] };

describe('emptyValue and valueOf', () => {
	it('an X-marks column is empty as [], every other column (or an unknown one) as ""', () => {
		expect(emptyValue(marks)).toEqual([]);
		for (const c of [status, longText, shortText]) expect(emptyValue(c), c.type).toBe('');
		expect(emptyValue()).toBe('');
	});

	it('valueOf returns the stored value, or the column empty value when missing', () => {
		const r = { fields: { action: 'Insats', serviceTypes: ['ombud'] } };
		expect(valueOf(r, 'action')).toBe('Insats');
		expect(valueOf(r, 'serviceTypes', marks)).toEqual(['ombud']);
		expect(valueOf(r, 'goal')).toBe('');
		expect(valueOf({ fields: {} }, 'serviceTypes', marks)).toEqual([]);
	});

	it('valueOf keeps an explicitly empty string', () => {
		expect(valueOf({ fields: { status: '' } }, 'status')).toBe('');
	});
});

describe('sameValue', () => {
	it('compares text exactly', () => {
		expect(sameValue('a', 'a')).toBe(true);
		expect(sameValue('a', 'A')).toBe(false);
		expect(sameValue('a', 'a ')).toBe(false);
	});

	it('treats undefined as the empty string', () => {
		expect(sameValue(undefined, '')).toBe(true);
		expect(sameValue('', undefined)).toBe(true);
		expect(sameValue(undefined, 'x')).toBe(false);
	});

	it('compares arrays regardless of order', () => {
		expect(sameValue(['ombud', 'dagligvaror'], ['dagligvaror', 'ombud'])).toBe(true);
		expect(sameValue(['ombud'], ['ombud', 'dagligvaror'])).toBe(false);
		expect(sameValue(['ombud', 'drivmedel'], ['ombud', 'dagligvaror'])).toBe(false);
		expect(sameValue([], [])).toBe(true);
	});

	it('treats undefined as an empty array when the other side is an array', () => {
		expect(sameValue(undefined, [])).toBe(true);
		expect(sameValue([], undefined)).toBe(true);
		expect(sameValue(undefined, ['ombud'])).toBe(false);
	});

	it('does not mutate the arrays it compares', () => {
		const a: Array<'ombud' | 'dagligvaror'> = ['ombud', 'dagligvaror'];
		const b: Array<'ombud' | 'dagligvaror'> = ['ombud', 'dagligvaror'];
		sameValue(a, ['dagligvaror', 'ombud']);
		sameValue(['dagligvaror'], b);
		expect(a).toEqual(['ombud', 'dagligvaror']);
		expect(b).toEqual(['ombud', 'dagligvaror']);
	});
});

describe('parseValue', () => {
	it('returns values that fit their column', () => {
		expect(parseValue('klar', status)).toBe('klar');
		expect(parseValue('', status)).toBe('');
		expect(parseValue(['bredare'], marks)).toEqual(['bredare']);
		expect(parseValue('x'.repeat(500), shortText)).toHaveLength(500);
	});

	it('throws a ZodError on values that do not fit their column', () => {
		expect(() => parseValue('maybe', status)).toThrow(ZodError);
		expect(() => parseValue('x'.repeat(10_001), longText)).toThrow(ZodError);
		expect(() => parseValue('x'.repeat(501), shortText)).toThrow(ZodError);
		expect(() => parseValue(['ombud', 'ombud'], marks)).toThrow(ZodError);
		expect(() => parseValue(['drivmedel'], marks)).toThrow(ZodError);
		expect(() => parseValue(42, longText)).toThrow(ZodError);
	});

	it('without a column checks only the shape of a cell value', () => {
		expect(parseValue('anything')).toBe('anything');
		expect(parseValue(['a', 'b'])).toEqual(['a', 'b']);
		expect(() => parseValue(42)).toThrow(ZodError);
		expect(() => parseValue({ a: 1 })).toThrow(ZodError);
	});
});

describe('editUpdate', () => {
	it('writes exactly the field, its next revision and the author', () => {
		const edit: CellEdit = { rowId: 'r1', field: 'goal', baseRev: 4, value: 'Nytt mål' };
		expect(editUpdate(edit, 'u-krokom')).toEqual({ 'fields.goal': 'Nytt mål', 'revs.goal': 5, updatedBy: 'u-krokom' });
	});

	it('starts at revision 1 for a never-written field', () => {
		const edit: CellEdit = { rowId: 'r1', field: 'serviceTypes', baseRev: 0, value: ['ombud', 'drivmedel'] };
		expect(editUpdate(edit, 'u1')).toEqual({ 'fields.serviceTypes': ['ombud', 'drivmedel'], 'revs.serviceTypes': 1, updatedBy: 'u1' });
	});

	it('has no other keys (updatedAt is added at the edge)', () => {
		const u = editUpdate({ rowId: 'r1', field: 'status', baseRev: 2, value: 'klar' }, 'u1');
		expect(Object.keys(u).sort()).toEqual(['fields.status', 'revs.status', 'updatedBy']);
	});

	it('throws on an invalid value instead of building an update', () => {
		expect(() => editUpdate({ rowId: 'r1', field: 'status', baseRev: 0, value: 42 as never }, 'u1')).toThrow(ZodError);
		expect(() => editUpdate({ rowId: 'r1', field: 'action', baseRev: 0, value: 'a'.repeat(10_001) }, 'u1')).toThrow(ZodError);
		expect(() => editUpdate({ rowId: 'r1', field: 'serviceTypes', baseRev: 0, value: [1] as never }, 'u1')).toThrow(ZodError);
	});
});

describe('reconcile', () => {
	const edit: CellEdit = { rowId: 'r1', field: 'goal', baseRev: 3, value: 'Mitt mål' };

	it('is gone when the row no longer exists', () => {
		expect(reconcile(edit, null)).toEqual({ kind: 'gone' });
	});

	it('is pending while the stored revision is at or below the base', () => {
		expect(reconcile(edit, server({ goal: 'Gammalt' }, { goal: 3 }))).toEqual({ kind: 'pending' });
		expect(reconcile(edit, server({ goal: 'Äldre' }, { goal: 2 }))).toEqual({ kind: 'pending' });
		expect(reconcile({ ...edit, baseRev: 0 }, server({}, {}))).toEqual({ kind: 'pending' });
	});

	it('is acknowledged when the stored revision is base + 1 with our value', () => {
		expect(reconcile(edit, server({ goal: 'Mitt mål' }, { goal: 4 }, 'u-me'))).toEqual({ kind: 'acknowledged' });
	});

	it('is acknowledged for an order-insensitive equal array', () => {
		const marks: CellEdit = { rowId: 'r1', field: 'serviceTypes', baseRev: 0, value: ['ombud', 'dagligvaror'] };
		expect(reconcile(marks, server({ serviceTypes: ['dagligvaror', 'ombud'] }, { serviceTypes: 1 }))).toEqual({ kind: 'acknowledged' });
	});

	it('is a conflict when someone else wrote a different value on our revision', () => {
		const out = reconcile(edit, server({ goal: 'Deras mål' }, { goal: 4 }, 'u-lansstyrelsen'));
		expect(out).toEqual({
			kind: 'conflict',
			conflict: { rowId: 'r1', field: 'goal', mine: 'Mitt mål', theirs: 'Deras mål', theirRev: 4, theirAuthor: 'u-lansstyrelsen' }
		});
	});

	it('is a conflict when overtaken by several revisions with a different value', () => {
		const out = reconcile(edit, server({ goal: 'Ännu nyare' }, { goal: 7 }, 'u-ostersund'));
		expect(out.kind).toBe('conflict');
		if (out.kind !== 'conflict') return;
		expect(out.conflict.theirRev).toBe(7);
		expect(out.conflict.theirs).toBe('Ännu nyare');
		expect(out.conflict.theirAuthor).toBe('u-ostersund');
		expect(out.conflict.mine).toBe('Mitt mål');
	});

	it('reports the empty value as theirs when the other write cleared the field', () => {
		const out = reconcile(edit, server({}, { goal: 4 }));
		expect(out.kind).toBe('conflict');
		if (out.kind === 'conflict') expect(out.conflict.theirs).toBe('');
	});

	it('is not a conflict when overtaken by a write of the same value', () => {
		expect(reconcile(edit, server({ goal: 'Mitt mål' }, { goal: 6 }))).toEqual({ kind: 'acknowledged' });
	});

	it('looks only at the edited field', () => {
		const out = reconcile(edit, server({ goal: 'Gammalt', action: 'Ändrad' }, { goal: 3, action: 9 }));
		expect(out).toEqual({ kind: 'pending' });
	});
});

describe('keepMine', () => {
	it('rewrites my value on the revision that is stored now', () => {
		const conflict = { rowId: 'r1', field: 'goal' as const, mine: 'Mitt mål', theirs: 'Deras mål', theirRev: 7, theirAuthor: 'u2' };
		const again = keepMine(conflict);
		expect(again).toEqual({ rowId: 'r1', field: 'goal', baseRev: 7, value: 'Mitt mål' });
		expect(editUpdate(again, 'u1')).toEqual({ 'fields.goal': 'Mitt mål', 'revs.goal': 8, updatedBy: 'u1' });
	});

	it('the kept edit reconciles as acknowledged once it lands', () => {
		const conflict = { rowId: 'r1', field: 'status' as const, mine: 'klar' as const, theirs: 'fortsatter' as const, theirRev: 2, theirAuthor: 'u2' };
		const again = keepMine(conflict);
		expect(reconcile(again, server({ status: 'fortsatter' }, { status: 2 }))).toEqual({ kind: 'pending' });
		expect(reconcile(again, server({ status: 'klar' }, { status: 3 }, 'u1'))).toEqual({ kind: 'acknowledged' });
	});
});
