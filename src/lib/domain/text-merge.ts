// The three-way merge of one text cell (base, mine, theirs) when two people wrote it at once: word-level
// diff3 from node-diff3; changes to different words merge, changes to the same words are a conflict.
import { diff3Merge } from 'node-diff3';

export type TextMerge = { kind: 'merged'; text: string } | { kind: 'conflict'; proposal: string; theirs: string; mine: string };

/**
 * Words (letters, digits and combining marks), each line break on its own, runs of other whitespace,
 * and single other characters. A line break is a token of its own so that a line appended by one
 * person and a line appended by another stay two lines, and a word changed at the end of one line
 * does not touch the next.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\r?\n|[^\S\r\n]+|[\s\S]/gu;

export function tokenize(text: string): string[] {
	return text.match(TOKEN) ?? [];
}

const isSpace = (token: string | undefined) => token !== undefined && /^\s+$/.test(token);
const isBreak = (token: string | undefined) => token !== undefined && token.includes('\n');
/** Punctuation that hangs on the word before it, so no space goes in front of it. */
const hangs = (token: string | undefined) => token !== undefined && /^[,.;:!?)\]}»”’]$/.test(token);

/** Whether `small` appears in `large` in order (not necessarily adjacent): `large` then already says all `small` says. */
function isSubsequence(small: string[], large: string[]): boolean {
	let i = 0;
	for (const token of large) if (i < small.length && token === small[i]) i++;
	return i === small.length;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Two pieces of text that belong at one place, theirs first (the text stored first stays first). A
 * separator goes between them when neither brings its own: a line break at the start of a line (both
 * wrote a new line there), else a space, so no two words or lines are glued together.
 */
function joinAt(before: string | undefined, first: string[], second: string[]): string[] {
	if (first.length === 0 || second.length === 0) return [...first, ...second];
	const last = first[first.length - 1];
	const next = second[0];
	if (isSpace(last) || isSpace(next)) return [...first, ...second];
	const lineStart = before === undefined || isBreak(before);
	if (lineStart) return [...first, '\n', ...second];
	return hangs(next) ? [...first, ...second] : [...first, ' ', ...second];
}

/** `side` is `o` with only text added before and after it (no word of `o` changed): the added parts. */
function wrapping(o: string[], side: string[]): { prefix: string[]; suffix: string[] } | null {
	if (side.length < o.length) return null;
	for (let start = 0; start + o.length <= side.length; start++) {
		if (same(side.slice(start, start + o.length), o)) return { prefix: side.slice(0, start), suffix: side.slice(start + o.length) };
	}
	return null;
}

/**
 * The three-way merge. Changes that touch different words merge silently; both inserting at the
 * same place is no conflict either (the same text once, the text that already holds the other's, or
 * theirs then mine). Only a stretch of the base changed differently by both is a conflict; its
 * proposal holds theirs then mine there, so nothing is lost whichever the person takes.
 *
 * base: the stored text both started from; mine: this person's; theirs: what is stored now.
 */
export function mergeText(base: string, mine: string, theirs: string): TextMerge {
	if (mine === theirs || theirs === base) return { kind: 'merged', text: mine };
	if (mine === base) return { kind: 'merged', text: theirs };

	const out: string[] = [];
	let conflict = false;
	for (const region of diff3Merge(tokenize(mine), tokenize(base), tokenize(theirs), { excludeFalseConflicts: true })) {
		if (region.ok) {
			out.push(...region.ok);
			continue;
		}
		const c = region.conflict;
		if (!c) continue;
		const { a: m, b: t, o } = c;
		const before = out[out.length - 1];
		if (o.length === 0) {
			// Both inserted here: once if equal, the larger if it already holds the other, else theirs then mine.
			if (isSubsequence(m, t)) out.push(...t);
			else if (isSubsequence(t, m)) out.push(...m);
			else out.push(...joinAt(before, t, m));
			continue;
		}
		// One side kept this stretch as it was and only wrote next to it (a line appended after a word the
		// other changed): the other's change with the additions around it.
		const mineAround = wrapping(o, m);
		if (mineAround) {
			out.push(...joinAt(before, mineAround.prefix, joinAt(mineAround.prefix.at(-1) ?? before, t, mineAround.suffix)));
			continue;
		}
		const theirsAround = wrapping(o, t);
		if (theirsAround) {
			out.push(...joinAt(before, theirsAround.prefix, joinAt(theirsAround.prefix.at(-1) ?? before, m, theirsAround.suffix)));
			continue;
		}
		conflict = true;
		out.push(...joinAt(before, t, m));
	}
	const text = out.join('');
	return conflict ? { kind: 'conflict', proposal: text, theirs, mine } : { kind: 'merged', text };
}
