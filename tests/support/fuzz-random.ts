// The differential fuzz's randomness (tests/rules/differential.spec.ts): a seeded PRNG, so a failure
// reproduces from the printed seed, the hostile values the issue lists (NaN, ±Infinity, -0, huge
// numbers, wrong types, odd ids, invisible and bidi characters) and the mutations that put them into
// an otherwise valid write: a leaf or a list element replaced, a key dropped or added.
import { Timestamp } from 'firebase/firestore';

/** mulberry32: small, fast and the same on every machine, which is all a reproducible fuzz needs. */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
}

export function rng(seed: number): Rng {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return { next, int, pick: (items) => items[int(0, items.length - 1)], chance: (p) => next() < p };
}

/** The seed of this run: FUZZ_SEED to reproduce one, otherwise a fresh one (printed by the spec). */
export function fuzzSeed(): number {
	const given = process.env.FUZZ_SEED;
	if (given !== undefined && given !== '') {
		const n = Number(given);
		if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, not ${given}`);
		return n >>> 0;
	}
	return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

/** Invisible and bidi characters: zero-width space, word joiner, right-to-left override, BOM. */
export const INVISIBLES = ['\u200B', '\u2060', '\u202E', '\uFEFF'] as const;

/** Document ids a browser might try instead of an auto id (each with a label for the failure list). */
export const NASTY_IDS: readonly string[] = [
	'rad med mellanslag ä',
	'ä',
	'x'.repeat(1500),
	'x'.repeat(129),
	'\u200Brow',
	'row\u202E',
	'row\uFEFF',
	'a.b',
	'emoji😀',
	'a/b/c',
	'tab\there',
	'-'
];

/** Values of every type and edge the issue names, for any leaf or list element. */
export function nastyValues(): unknown[] {
	return [
		NaN,
		Infinity,
		-Infinity,
		-0,
		0,
		-1,
		1.5,
		21,
		1e308,
		-1e308,
		2 ** 53 + 2,
		-(2 ** 63),
		'',
		' ',
		'\u00a0',
		'x'.repeat(1500),
		'x'.repeat(10_001),
		'😀'.repeat(150),
		...INVISIBLES,
		`a${INVISIBLES[2]}b`,
		'rad med mellanslag ä',
		null,
		true,
		false,
		[],
		{},
		[42],
		['x', 42],
		[42, 'x', { share: -1e9 }],
		{ share: -1e9 },
		{ name: '', share: 0 },
		{ name: 'Anna', share: NaN },
		{ name: 'Anna', share: 1, extra: 1 },
		Array.from({ length: 21 }, (_, i) => `u${i}`),
		Timestamp.fromMillis(0),
		Timestamp.fromMillis(Date.now() + 3_600_000)
	];
}

/** A place in a written value: keys and list indexes from the top. */
export type Path = Array<string | number>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Every path into plain objects and lists (not into Timestamps or field-value sentinels). */
export function pathsOf(value: unknown, at: Path = []): Path[] {
	const here = at.length > 0 ? [at] : [];
	if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
	if (isPlainObject(value)) return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
	return here;
}

export function getAt(value: unknown, path: Path): unknown {
	return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/** A deep copy of plain objects and lists; other values (Timestamps, sentinels) are shared. */
export function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copy) as T;
	if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
	return value;
}

function setAt(value: unknown, path: Path, to: unknown): void {
	const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
	parent[path[path.length - 1]] = to;
}

function deleteAt(value: unknown, path: Path): void {
	const parent = getAt(value, path.slice(0, -1));
	const key = path[path.length - 1];
	if (Array.isArray(parent)) parent.splice(Number(key), 1);
	else delete (parent as Record<string, unknown>)[key];
}

/** A readable value for the failure list (NaN, Infinity and -0 survive, long strings are cut). */
export function show(value: unknown): string {
	if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
	if (typeof value === 'string') {
		const visible = [...value].map((c) => (/[\p{Cf}\p{Z}]/u.test(c) && c !== ' ' ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c)).join('');
		return JSON.stringify(visible.length > 40 ? `${visible.slice(0, 40)}…(${value.length})` : visible);
	}
	if (value instanceof Timestamp) return `Timestamp(${value.toMillis()})`;
	if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
	if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(', ')}}`;
	if (value === null || typeof value !== 'object') return String(value);
	return value.constructor?.name ?? 'object';
}

/**
 * One mutation of a written value (changed in place), described for the failure list: a leaf, a list
 * element or a whole sub-value replaced by a hostile value, an invisible character added to a
 * string, a key or list element dropped, or an extra key or element added.
 */
export function mutate(r: Rng, value: Record<string, unknown>): string {
	const paths = pathsOf(value);
	const kind = r.pick(['replace', 'replace', 'replace', 'invisible', 'drop', 'extra'] as const);
	if (kind === 'extra' || paths.length === 0) {
		const containers = [[] as Path, ...paths.filter((p) => isPlainObject(getAt(value, p)) || Array.isArray(getAt(value, p)))];
		const at = r.pick(containers);
		const target = getAt(value, at);
		const extra = r.pick(nastyValues());
		if (Array.isArray(target)) {
			target.push(extra);
			return `append ${show(extra)} to ${at.join('.') || '(top)'}`;
		}
		const key = r.pick(['extra', 'carriedFrom', '__proto', 'x y', 'fields', 'role']);
		(target as Record<string, unknown>)[key] = extra;
		return `extra key ${[...at, key].join('.')} = ${show(extra)}`;
	}
	const path = r.pick(paths);
	const where = path.join('.');
	if (kind === 'drop') {
		deleteAt(value, path);
		return `drop ${where}`;
	}
	const old = getAt(value, path);
	if (kind === 'invisible' && typeof old === 'string') {
		const c = r.pick(INVISIBLES);
		const s = r.chance(0.5) ? `${old}${c}` : `${c}${old}`;
		setAt(value, path, s);
		return `${where} = ${show(s)}`;
	}
	const to = r.pick(nastyValues());
	setAt(value, path, to);
	return `${where} = ${show(to)}`;
}
