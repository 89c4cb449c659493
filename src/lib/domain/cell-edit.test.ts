import { describe, it, expect } from 'vitest';
// zod/mini throws the core error class, which classic zod's ZodError does not match.
import { $ZodError as ZodError } from 'zod/v4/core';
import { asFieldValue, cellPolicy, currentRev, nextRevision, emptyValue, mergeKindOf, valueOf, sameValue, parseValue, editUpdate } from './cell-edit';


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
		const edit = { key: 'goal', baseRev: 4, value: 'Nytt mål' };
		expect(editUpdate(edit, 'u-krokom')).toEqual({ 'fields.goal': 'Nytt mål', 'revs.goal': 5, updatedBy: 'u-krokom' });
	});

	it('starts at revision 1 for a never-written field', () => {
		const edit = { key: 'serviceTypes', baseRev: 0, value: ['ombud', 'drivmedel'] };
		expect(editUpdate(edit, 'u1')).toEqual({ 'fields.serviceTypes': ['ombud', 'drivmedel'], 'revs.serviceTypes': 1, updatedBy: 'u1' });
	});

	it('has no other keys (updatedAt is added at the edge)', () => {
		const u = editUpdate({ key: 'status', baseRev: 2, value: 'klar' }, 'u1');
		expect(Object.keys(u).sort()).toEqual(['fields.status', 'revs.status', 'updatedBy']);
	});

	it('throws on an invalid value instead of building an update', () => {
		expect(() => editUpdate({ key: 'status', baseRev: 0, value: 42 as never }, 'u1')).toThrow(ZodError);
		expect(() => editUpdate({ key: 'action', baseRev: 0, value: 'a'.repeat(10_001) }, 'u1')).toThrow(ZodError);
		expect(() => editUpdate({ key: 'serviceTypes', baseRev: 0, value: [1] as never }, 'u1')).toThrow(ZodError);
	});
});

describe('how cells merge', () => {
	it('text merges word by word, X marks as a set, a single choice as one value', () => {
		expect(mergeKindOf(longText)).toBe('text');
		expect(mergeKindOf(shortText)).toBe('text');
		expect(mergeKindOf(marks)).toBe('set');
		expect(mergeKindOf(status)).toBe('atom');
		expect(mergeKindOf()).toBe('text');
	});

	it('the policy reads the columns when it is asked, not when it is made', () => {
		let columns: Array<{ key: string; type: 'marks' | 'longText' }> | null = null;
		const policy = cellPolicy(() => columns);
		expect(policy.kind({ doc: 'r1', key: 'serviceTypes' })).toBe('text');
		columns = [{ key: 'serviceTypes', type: 'marks' }];
		expect(policy.kind({ doc: 'r1', key: 'serviceTypes' })).toBe('set');
		expect(policy.empty({ doc: 'r1', key: 'serviceTypes' })).toEqual([]);
		expect(policy.empty({ doc: 'r1', key: 'action' })).toBe('');
	});

	it('asFieldValue keeps text and marks and shows anything else as empty', () => {
		expect(asFieldValue('x')).toBe('x');
		expect(asFieldValue(['a'])).toEqual(['a']);
		expect(asFieldValue([1])).toBe('');
		expect(asFieldValue(null)).toBe('');
	});
});
