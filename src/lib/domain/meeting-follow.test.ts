import { describe, expect, it } from 'vitest';
import { FOCUS_WRITE_MS, followTarget, focusWriteDelay, stepRow } from './meeting-follow';

describe('focusWriteDelay', () => {
	it('lets the first write go at once', () => expect(focusWriteDelay(null, 1000)).toBe(0));
	it('holds a write within the interval for the time left', () => {
		expect(focusWriteDelay(1000, 1200)).toBe(FOCUS_WRITE_MS - 200);
		expect(focusWriteDelay(1000, 1000)).toBe(FOCUS_WRITE_MS);
	});
	it('lets a write go once the interval has passed', () => {
		expect(focusWriteDelay(1000, 1000 + FOCUS_WRITE_MS)).toBe(0);
		expect(focusWriteDelay(1000, 5000)).toBe(0);
	});
	it('takes another interval', () => expect(focusWriteDelay(0, 100, 1000)).toBe(900));
});

describe('stepRow', () => {
	const order = ['a', 'b', 'c'];
	it('steps forward and back', () => {
		expect(stepRow(order, 'a', 1)).toBe('b');
		expect(stepRow(order, 'c', -1)).toBe('b');
	});
	it('stays at the ends', () => {
		expect(stepRow(order, 'c', 1)).toBe('c');
		expect(stepRow(order, 'a', -1)).toBe('a');
	});
	it('starts at the first row forward, the last backward, also from a row no longer there', () => {
		expect(stepRow(order, null, 1)).toBe('a');
		expect(stepRow(order, null, -1)).toBe('c');
		expect(stepRow(order, 'gone', 1)).toBe('a');
	});
	it('has nowhere to go in an empty table', () => expect(stepRow([], 'a', 1)).toBeNull());
});

describe('followTarget', () => {
	const base = { follow: true, leading: false, focusRowId: 'r2', lastFollowed: 'r1' };
	it('follows a new row', () => expect(followTarget(base)).toBe('r2'));
	it('does not scroll again to the row it is at', () => expect(followTarget({ ...base, lastFollowed: 'r2' })).toBeNull());
	it('does nothing with follow off', () => expect(followTarget({ ...base, follow: false })).toBeNull());
	it('never moves the leader', () => expect(followTarget({ ...base, leading: true })).toBeNull());
	it('has nothing to follow without a focus', () => expect(followTarget({ ...base, focusRowId: null })).toBeNull());
});
