import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from './word-diff';

const same = (text: string): DiffPart => ({ kind: 'same', text });
const added = (text: string): DiffPart => ({ kind: 'added', text });
const removed = (text: string): DiffPart => ({ kind: 'removed', text });

const afterOf = (d: DiffPart[]) => d.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');
const beforeOf = (d: DiffPart[]) => d.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
/** Spaces and tabs may move between parts; words and line breaks may not. */
const withoutSpaces = (s: string) => s.replace(/[^\S\n]+/g, '');

describe('wordDiff', () => {
	it('shows an unchanged text as one part, and nothing for two empty texts', () => {
		expect(wordDiff('Vi bygger ett ombud.', 'Vi bygger ett ombud.')).toEqual([same('Vi bygger ett ombud.')]);
		expect(wordDiff('', '')).toEqual([]);
	});

	it('shows a first text as added and a cleared one as removed', () => {
		expect(wordDiff('', 'Ny text')).toEqual([added('Ny text')]);
		expect(wordDiff('Gammal text', '')).toEqual([removed('Gammal text')]);
	});

	it('marks whole changed words, removed before added', () => {
		expect(wordDiff('Vi bygger ett nytt ombud i Krokom under våren.', 'Vi bygger två nya ombud i Krokom och Åre under hösten.')).toEqual([
			same('Vi bygger '),
			removed('ett nytt'),
			added('två nya'),
			same(' ombud i Krokom '),
			added('och Åre '),
			same('under '),
			removed('våren'),
			added('hösten'),
			same('.')
		]);
	});

	it('treats punctuation as its own word', () => {
		expect(wordDiff('Klart!', 'Klart.')).toEqual([same('Klart'), removed('!'), added('.')]);
	});

	it('keeps line breaks in the text', () => {
		expect(wordDiff('- punkt ett\n- punkt två', '- punkt ett\n- punkt två\n- punkt tre')).toEqual([
			same('- punkt ett\n- punkt två'),
			added('\n- punkt tre')
		]);
	});

	it('shows an added or removed line break, which whitespace-blind word diffing would hide', () => {
		expect(wordDiff('Stycke ett.\nStycke två.', 'Stycke ett.\n\nStycke två.')).toEqual([same('Stycke ett.\n'), added('\n'), same('Stycke två.')]);
		expect(wordDiff('a\n\nb', 'a\nb')).toEqual([same('a\n'), removed('\n'), same('b')]);
		expect(wordDiff('ett\ntvå', 'ett två')).toEqual([same('ett '), removed('\n'), same('två')]);
	});

	it('reads Windows line breaks as line breaks', () => {
		expect(wordDiff('a\r\nb', 'a\nb')).toEqual([same('a\nb')]);
	});

	it('still diffs a text that holds the newline stand-in itself', () => {
		const d = wordDiff('a\uFDD0 b\nc', 'a\uFDD0 b\nd');
		expect(afterOf(d)).toBe('a\uFDD0 b\nd');
		expect(d.at(-1)).toEqual(added('d'));
	});

	it('rebuilds the new text exactly and the old one up to spaces, in parts neither empty nor next to one of their kind', () => {
		// A fixed pseudo-random sample, so a failure reproduces.
		let seed = 42;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const words = ['Vi', 'ska', 'bygga', 'ombud', 'i', 'Krokom', 'Åre', '.', ',', '\n', '\n\n', ' ', '  ', 'hösten', '200', '-', '(x)'];
		const text = () => Array.from({ length: Math.floor(next() * 15) }, () => words[Math.floor(next() * words.length)]).join(next() < 0.5 ? ' ' : '');
		for (let i = 0; i < 2000; i++) {
			const [before, after] = [text(), text()];
			const d = wordDiff(before, after);
			expect(afterOf(d)).toBe(after);
			expect(withoutSpaces(beforeOf(d))).toBe(withoutSpaces(before));
			expect(d.every((p) => p.text !== '')).toBe(true);
			expect(d.every((p, j) => j === 0 || p.kind !== d[j - 1].kind)).toBe(true);
		}
	});
});
