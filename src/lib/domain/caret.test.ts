import { describe, expect, it } from 'vitest';
import { rebaseCaret, rebaseSelection } from './caret';

describe('rebaseCaret', () => {
	it('stays where it is when nothing changed', () => {
		expect(rebaseCaret('abc', 'abc', 2)).toBe(2);
	});

	it('shifts by text inserted before it and not by text inserted after it', () => {
		expect(rebaseCaret('Vi ska göra', 'Nu: Vi ska göra', 6)).toBe(10);
		expect(rebaseCaret('Vi ska göra', 'Vi ska göra mer', 6)).toBe(6);
	});

	it('stays in front of text someone else inserted exactly at it', () => {
		expect(rebaseCaret('rad ett', 'rad ett\nrad två', 7)).toBe(7);
		expect(rebaseCaret('abc', 'Xabc', 0)).toBe(0);
	});

	it('moves back by text deleted before it', () => {
		expect(rebaseCaret('ett två tre', 'ett tre', 9)).toBe(5);
	});

	it('moves to the start of a deletion that contains it', () => {
		expect(rebaseCaret('ab-XYZ-cd', 'ab-cd', 5)).toBe(3);
		expect(rebaseCaret('ab-XYZ-cd', 'ab-', 8)).toBe(3);
	});

	it('follows the person’s own line when someone else’s line is merged in before it', () => {
		const mine = 'Bas\nMin rad';
		expect(rebaseCaret(mine, 'Bas\nDeras rad\nMin rad', mine.length)).toBe('Bas\nDeras rad\nMin rad'.length);
	});

	it('clamps a caret outside the text', () => {
		expect(rebaseCaret('abc', 'abc', 10)).toBe(3);
		expect(rebaseCaret('abc', 'ab', -2)).toBe(0);
	});
});

describe('rebaseSelection', () => {
	it('rebases both ends, and collapses a selection whose text was deleted', () => {
		expect(rebaseSelection('ett två tre', 'Nu: ett två tre', { start: 4, end: 7 })).toEqual({ start: 8, end: 11 });
		expect(rebaseSelection('ab-XYZ-cd', 'ab-cd', { start: 3, end: 6 })).toEqual({ start: 3, end: 3 });
	});
});
