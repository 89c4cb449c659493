// How two people's writes of one field merge, by the field's kind: text word by word (text-merge),
// X-marks as a set, anything else (a choice, a trend, a people list) as one value that is either the same or not.
import { canonical } from './answer-history';
import { mergeText } from './text-merge';

export type MergeKind = 'text' | 'set' | 'atom';
export type ValueMerge = { kind: 'merged'; value: unknown } | { kind: 'conflict'; proposal: unknown | null };

/** A set field's marks; anything else (absent, never written) is no marks. */
function marks(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Absent text is empty text. */
const text = (value: unknown): string | null => (value === undefined || value === null ? '' : typeof value === 'string' ? value : null);

/**
 * Whether two values of a field of this kind say the same: marks as a set (in any order), absent text
 * as empty, else deep equality (cell-edit's sameValue and the edit engine ask here).
 */
export function sameValue(kind: MergeKind, a: unknown, b: unknown): boolean {
	if (kind === 'set') {
		const x = new Set(marks(a));
		const y = new Set(marks(b));
		return x.size === y.size && [...x].every((v) => y.has(v));
	}
	if (kind === 'text' && text(a) !== null && text(b) !== null) return text(a) === text(b);
	return canonical(a ?? null) === canonical(b ?? null);
}

/**
 * Marks both added and removed by either person: theirs, less what I removed, plus what I added
 * (theirs' order, then my additions in my order). Never a conflict.
 */
function mergeSet(base: unknown, mine: unknown, theirs: unknown): string[] {
	const b = new Set(marks(base));
	const m = marks(mine);
	const removed = new Set([...b].filter((x) => !m.includes(x)));
	const kept = marks(theirs).filter((x) => !removed.has(x));
	const added = m.filter((x) => !b.has(x) && !kept.includes(x));
	return [...new Set([...kept, ...added])];
}

/** base: the stored value both started from; mine: this person's; theirs: what is stored now. */
export function mergeValue(kind: MergeKind, base: unknown, mine: unknown, theirs: unknown): ValueMerge {
	if (kind === 'set') return { kind: 'merged', value: mergeSet(base, mine, theirs) };
	if (kind === 'text') {
		const [b, m, t] = [text(base), text(mine), text(theirs)];
		if (b !== null && m !== null && t !== null) {
			const merged = mergeText(b, m, t);
			return merged.kind === 'merged' ? { kind: 'merged', value: merged.text } : { kind: 'conflict', proposal: merged.proposal };
		}
		// Not text after all (a value the schema will refuse anyway): merged as one value.
	}
	if (sameValue('atom', mine, theirs) || sameValue('atom', theirs, base)) return { kind: 'merged', value: mine };
	if (sameValue('atom', mine, base)) return { kind: 'merged', value: theirs };
	return { kind: 'conflict', proposal: null };
}
