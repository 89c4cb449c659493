// A long text's change as a readable word-level diff for the history: what stayed, what went and
// what came, line breaks kept in the text so the UI can show them as written.
import { diffWords } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * diffWords treats all whitespace alike, so an added or removed line break would not show. Each
 * newline stands in as this noncharacter, which diffWords takes for a word of its own.
 */
const NEWLINE = '\uFDD0';

/**
 * The change from before to after word by word, removed before added. The same and added parts rebuild
 * after exactly; the same parts carry after's spacing, so spaces alone changing do not show.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
	const a = before.replace(/\r\n?/g, '\n');
	const b = after.replace(/\r\n?/g, '\n');
	const marked = !a.includes(NEWLINE) && !b.includes(NEWLINE);
	const mark = (s: string) => (marked ? s.replaceAll('\n', NEWLINE) : s);
	const unmark = (s: string) => (marked ? s.replaceAll(NEWLINE, '\n') : s);

	// jsdiff already joins neighbouring changes of one kind and emits no empty ones (the test holds it to that).
	return diffWords(mark(a), mark(b)).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: unmark(c.value) }));
}
