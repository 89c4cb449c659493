// Property tests of the text merge: 2–5 writers edit one base text of distinct words at once and merge
// in turn as the app does (each against what is stored by then), thousands of random cases (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeText, tokenize } from './text-merge';

type OpKind = 'insert' | 'delete' | 'replace' | 'appendLine' | 'prepend';
/** One edit of the base's words: words [start, end) removed, `words` put in their place (an insertion has start = end). */
interface Op {
	kind: OpKind;
	start: number;
	end: number;
	words: string[];
}
interface Case {
	words: string[];
	/** seps[i] goes before word i (seps[0] only shows when something is prepended). */
	seps: string[];
	trailingBreak: boolean;
	writers: Op[][];
}

/** Two edits are apart when at least one base word neither touches lies between them. */
const apart = (a: Op, b: Op) => a.end < b.start || b.end < a.start;

function render(c: Case, ops: Op[]): string {
	const items: { word: string; sep: string }[] = [];
	for (let i = 0; i <= c.words.length; i++) {
		for (const op of ops.filter((o) => o.start === i)) {
			op.words.forEach((word, k) => items.push({ word, sep: k === 0 && op.kind === 'appendLine' ? '\n' : ' ' }));
		}
		if (i < c.words.length && !ops.some((o) => o.start <= i && i < o.end)) items.push({ word: c.words[i], sep: c.seps[i] });
	}
	return items.map((it, k) => (k === 0 ? '' : it.sep) + it.word).join('') + (c.trailingBreak ? '\n' : '');
}

const wordsOf = (text: string) => tokenize(text).filter((t) => /^[\p{L}\p{N}]+$/u.test(t));

/** A base of distinct words on one or more lines and 2–5 writers' raw edits (positions as fractions of the base). */
const rawCase = fc.record({
	size: fc.integer({ min: 3, max: 30 }),
	breaks: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
	trailingBreak: fc.boolean(),
	writers: fc.array(
		fc.array(
			fc.record({
				kind: fc.constantFrom<OpKind>('insert', 'delete', 'replace', 'appendLine', 'prepend'),
				at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
				length: fc.integer({ min: 1, max: 3 }),
				count: fc.integer({ min: 1, max: 3 })
			}),
			{ minLength: 1, maxLength: 3 }
		),
		{ minLength: 2, maxLength: 5 }
	)
});

type Raw = typeof rawCase extends fc.Arbitrary<infer T> ? T : never;

/**
 * Turns raw edits into ops on the base. A writer's own edits are kept apart from each other (one
 * person's text is one change); with `disjoint`, every edit is also kept apart from every other writer's.
 */
function build(raw: Raw, disjoint: boolean): Case {
	const n = raw.size;
	const words = Array.from({ length: n }, (_, i) => `b${i}`);
	const seps = words.map((_, i) => (i > 0 && raw.breaks[i] && raw.breaks[i - 1] ? '\n' : ' '));
	const all: Op[] = [];
	const writers = raw.writers.map((edits, w) => {
		const ops: Op[] = [];
		edits.forEach((e, k) => {
			const fresh = Array.from({ length: e.count }, (_, j) => `w${w}e${k}n${j}`);
			const s = Math.floor(e.at * n);
			const op: Op =
				e.kind === 'insert'
					? { kind: e.kind, start: Math.floor(e.at * (n + 1)), end: Math.floor(e.at * (n + 1)), words: fresh }
					: e.kind === 'appendLine'
						? { kind: e.kind, start: n, end: n, words: fresh }
						: e.kind === 'prepend'
							? { kind: e.kind, start: 0, end: 0, words: fresh }
							: { kind: e.kind, start: s, end: Math.min(n, s + e.length), words: e.kind === 'replace' ? fresh : [] };
			if (!ops.every((o) => apart(o, op))) return;
			if (disjoint && !all.every((o) => apart(o, op))) return;
			ops.push(op);
			all.push(op);
		});
		return ops;
	});
	return { words, seps, trailingBreak: raw.trailingBreak, writers };
}

interface Run {
	final: string;
	conflicts: number;
}

/** Merges the writers in turn as the app does; on a conflict the proposal is taken. Checks every step. */
function mergeInTurn(c: Case): Run {
	const base = render(c, []);
	const texts = c.writers.map((ops) => render(c, ops));
	let stored = texts[0];
	let conflicts = 0;
	for (let k = 1; k < texts.length; k++) {
		const r = mergeText(base, texts[k], stored);
		let next: string;
		if (r.kind === 'conflict') {
			conflicts++;
			// The dialog names both versions as they are.
			expect(r.mine).toBe(texts[k]);
			expect(r.theirs).toBe(stored);
			next = r.proposal;
		} else next = r.text;
		// Nothing inserted so far is dropped, nor any base word no one so far deleted.
		const present = new Set(wordsOf(next));
		const sofar = c.writers.slice(0, k + 1).flat();
		for (const op of sofar) for (const w of op.words) expect(present, `inserted ${w} in ${JSON.stringify(next)}`).toContain(w);
		c.words.forEach((w, i) => {
			if (!sofar.some((o) => o.start <= i && i < o.end)) expect(present, `base word ${w} in ${JSON.stringify(next)}`).toContain(w);
		});
		stored = next;
	}
	return { final: stored, conflicts };
}

// 3,000 cases each take a few seconds, more on 2 shared cores: a generous timeout, not a speed claim.
describe('mergeText with 2–5 concurrent writers (property)', () => {
	it('merges edits that are apart silently into exactly every writer’s words, in order', () => {
		fc.assert(
			fc.property(rawCase, (raw) => {
				const c = build(raw, true);
				const run = mergeInTurn(c);
				expect(run.conflicts).toBe(0);
				// All edits applied together give the one right sequence of words (spacing aside).
				expect(wordsOf(run.final)).toEqual(wordsOf(render(c, c.writers.flat())));
			}),
			{ numRuns: 3000, seed: 20 }
		);
	}, 60_000);

	it('never drops a word when edits overlap: a conflict names both versions, or the merge keeps every kept word', () => {
		let conflicts = 0;
		fc.assert(
			fc.property(rawCase, (raw) => {
				const c = build(raw, false);
				const run = mergeInTurn(c);
				conflicts += run.conflicts;
				if (run.conflicts === 0) {
					// Without a dialog the result is also exact: no deleted word comes back.
					const deleted = new Set(c.writers.flat().flatMap((o) => c.words.slice(o.start, o.end)));
					for (const w of wordsOf(run.final)) expect(deleted.has(w), `deleted ${w} in ${JSON.stringify(run.final)}`).toBe(false);
				}
			}),
			{ numRuns: 3000, seed: 21 }
		);
		// The generator does reach the conflict path (else the test above would prove little).
		expect(conflicts).toBeGreaterThan(100);
	}, 60_000);
});
