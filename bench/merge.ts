// Same-cell merges: 1,000 concurrent edit pairs on the demo plan's real cell texts (scripts/seed-data.ts),
// in a realistic mix — both append a line, edits at different places, both change the same word — each
// merged with mergeText as the app does. Prints how many merged silently, how many need the dialog and
// how many lost text (must be 0: the process exits 1 otherwise), and the time per merge as a ratio to a
// floor measured in the same run: one jsdiff diffChars(base, mine) of the same texts.
import { diffChars } from 'diff';
import { buildSeed } from '../scripts/seed-data';
import { mergeText, tokenize } from '../src/lib/domain/text-merge';

const PAIRS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const µs = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

/** A small seeded generator (mulberry32), so every run measures the same pairs. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rnd = random(20);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

// Every non-empty text cell of the seeded plans with a few words to edit.
const texts = buildSeed(new Date(0))
	.plans.flatMap((p) => p.rows)
	.flatMap((r) => Object.values((r.data as { fields: Record<string, unknown> }).fields))
	.filter((v): v is string => typeof v === 'string' && tokenize(v).filter(isWord).length >= 6);
if (texts.length === 0) throw new Error('no seeded cell texts');

function isWord(token: string): boolean {
	return /^[\p{L}\p{N}]+$/u.test(token);
}

type Scenario = 'both append a line' | 'edits at different places' | 'both insert at one place' | 'same word changed by both';
const MIX: Array<[Scenario, number]> = [
	['both append a line', 0.4],
	['edits at different places', 0.35],
	['both insert at one place', 0.1],
	['same word changed by both', 0.15]
];
const ORGS = ['Länsstyrelsen', 'Regionen', 'Krokoms kommun', 'Bergs kommun', 'Energikontoret'];
const PHRASES = ['två fysiska möten', 'remissvar lämnat', 'dialog med servicegivare', 'nya SOT-punkter', 'stöd beviljat'];

let serial = 0;
/** A word no text holds yet, so whether it survived can be checked. */
const fresh = () => `ord${++serial}x`;
const line = () => `${pick(ORGS)}: ${pick(PHRASES)} ${fresh()}.`;

/** The token index of a random word within [from, to) of the text's words. */
function wordAt(tokens: string[], from: number, to: number): number {
	const words = tokens.flatMap((t, i) => (isWord(t) ? [i] : []));
	return words[Math.min(words.length - 1, Math.floor(from * words.length + rnd() * (to - from) * words.length))];
}
const replaced = (tokens: string[], i: number, by: string) => tokens.map((t, k) => (k === i ? by : t)).join('');
const inserted = (tokens: string[], i: number, word: string) => [...tokens.slice(0, i), word, ' ', ...tokens.slice(i)].join('');

function pair(scenario: Scenario): { base: string; mine: string; theirs: string } {
	const base = pick(texts);
	const tokens = tokenize(base);
	switch (scenario) {
		case 'both append a line':
			return { base, mine: `${base}\n${line()}`, theirs: `${base}\n${line()}` };
		case 'edits at different places': {
			// A fix in the first third, and a fix or an appended line in the last third.
			const first = wordAt(tokens, 0, 1 / 3);
			const mine = replaced(tokens, first, fresh());
			const theirs = rnd() < 0.5 ? `${base}\n${line()}` : replaced(tokens, wordAt(tokens, 2 / 3, 1), fresh());
			return rnd() < 0.5 ? { base, mine, theirs } : { base, mine: theirs, theirs: mine };
		}
		case 'both insert at one place': {
			const at = wordAt(tokens, 0, 1);
			return { base, mine: inserted(tokens, at, fresh()), theirs: inserted(tokens, at, fresh()) };
		}
		case 'same word changed by both': {
			const at = wordAt(tokens, 0, 1);
			return { base, mine: replaced(tokens, at, fresh()), theirs: replaced(tokens, at, fresh()) };
		}
	}
}

function counts(text: string): Map<string, number> {
	const m = new Map<string, number>();
	for (const t of tokenize(text)) if (isWord(t)) m.set(t, (m.get(t) ?? 0) + 1);
	return m;
}

/**
 * Words the result lost, by the property tests' rule: every word either side inserted (not in the
 * base) is there, as often as that side wrote it, and every base word both sides kept is there.
 */
function lostWords(base: string, mine: string, theirs: string, result: string): string[] {
	const [b, m, t, r] = [counts(base), counts(mine), counts(theirs), counts(result)];
	const lost: string[] = [];
	for (const w of new Set([...m.keys(), ...t.keys()])) {
		const need = b.has(w) ? (Math.min(m.get(w) ?? 0, t.get(w) ?? 0) >= b.get(w)! ? b.get(w)! : 0) : Math.max(m.get(w) ?? 0, t.get(w) ?? 0);
		if ((r.get(w) ?? 0) < need) lost.push(w);
	}
	return lost;
}

const pairs = Array.from({ length: PAIRS }, () => {
	let x = rnd();
	const scenario = MIX.find(([, share]) => (x -= share) < 0)?.[0] ?? MIX[0][0];
	return { scenario, ...pair(scenario) };
});

const tally = new Map<Scenario, { silent: number; dialogs: number }>(MIX.map(([s]) => [s, { silent: 0, dialogs: 0 }]));
let lost = 0;
for (const p of pairs) {
	const r = mergeText(p.base, p.mine, p.theirs);
	const t = tally.get(p.scenario)!;
	if (r.kind === 'merged') t.silent++;
	else t.dialogs++;
	const missing = lostWords(p.base, p.mine, p.theirs, r.kind === 'merged' ? r.text : r.proposal);
	if (missing.length) {
		lost++;
		if (lost <= 3) console.error('lost', missing, JSON.stringify(p));
	}
}

/** The median over RUNS of the mean time per pair of one pass over all pairs. */
function perPair(fn: (p: (typeof pairs)[number]) => unknown): number {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const t0 = performance.now();
		for (const p of pairs) fn(p);
		times.push((performance.now() - t0) / pairs.length);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
// Interleaved warm-up, then the measurements.
perPair((p) => mergeText(p.base, p.mine, p.theirs));
perPair((p) => diffChars(p.base, p.mine));
const merge = perPair((p) => mergeText(p.base, p.mine, p.theirs));
const floor = perPair((p) => diffChars(p.base, p.mine));

const silent = [...tally.values()].reduce((s, t) => s + t.silent, 0);
const dialogs = [...tally.values()].reduce((s, t) => s + t.dialogs, 0);
const avgChars = Math.round(pairs.reduce((s, p) => s + p.base.length, 0) / pairs.length);
console.log(`\nbench/merge — ${PAIRS} concurrent same-cell edit pairs on ${texts.length} seeded cell texts (mean ${avgChars} characters)`);
for (const [s, t] of tally) console.log(`  ${s.padEnd(28)} ${String(t.silent + t.dialogs).padStart(4)} pairs: ${t.silent} merged silently, ${t.dialogs} dialogs`);
console.log(`  merged silently ${silent} · dialogs ${dialogs} · lost text ${lost} (must be 0)`);
console.log(`  time per merge ${µs(merge)} = ${(merge / floor).toFixed(2)}× the floor (one diffChars(base, mine) of the same texts: ${µs(floor)}), median of ${RUNS}`);
process.exit(lost > 0 ? 1 : 0);
