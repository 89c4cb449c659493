// Where the caret (or a selection) of an open editor goes when the text under it changes because
// someone else's edit was taken in: a character diff (jsdiff) of the text before and after.
import { diffChars } from 'diff';

export interface Selection {
	start: number;
	end: number;
}

/**
 * The caret's place in `after`. Text inserted before the caret shifts it; text inserted after it, or
 * exactly at it, does not (the caret stays in front of what someone else wrote there, where the
 * person was typing); a deletion that contains the caret moves it to where the deletion was.
 */
export function rebaseCaret(before: string, after: string, caret: number): number {
	const at = Math.max(0, Math.min(caret, before.length));
	if (before === after) return at;
	let oldPos = 0;
	let newPos = 0;
	for (const change of diffChars(before, after)) {
		const length = change.value.length;
		if (change.added) {
			// An insertion strictly before the caret (the caret is past this point in `before`) shifts it.
			if (oldPos < at) newPos += length;
			else return newPos;
			continue;
		}
		if (change.removed) {
			if (at <= oldPos + length) return newPos;
			oldPos += length;
			continue;
		}
		if (at <= oldPos + length) return newPos + (at - oldPos);
		oldPos += length;
		newPos += length;
	}
	return newPos;
}

/** A selection's ends rebased one by one; a selection whose text was deleted collapses to a caret. */
export function rebaseSelection(before: string, after: string, selection: Selection): Selection {
	const start = rebaseCaret(before, after, selection.start);
	const end = rebaseCaret(before, after, selection.end);
	return { start, end: Math.max(start, end) };
}
