// Row order: each row has a position within its area, a fractional-index key (fractional-indexing-
// jittered, base 62); rows sort by area, key (code-unit order), then id, so the order is total. A move
// writes one new key between its new neighbours; only when no key fits there does it re-key the area.
import { generateJitteredKeyBetween, generateKeyBetween, generateNKeysBetween, indexCharacterSet } from 'fractional-indexing-jittered';
import { positionKey } from './schemas';

/** A stored position: a key, or a legacy number written before keys (read only; orderRepairs re-keys it). */
export type Position = string | number;

export interface Positioned {
	id: string;
	area: number;
	position: Position;
}

/** A position write that mends an area's order: the row, its (unchanged) area and its new key. */
export interface Repair {
	id: string;
	area: number;
	position: string;
}

/**
 * The library's base-62 alphabet and integer heads ('a0' is the first key), with a jitter of 62^5
 * instead of its default 62^3 / 5: two keys made at once for the same gap collide about once in
 * 10^9 rather than once in 47,000, at the cost of two more characters per key.
 */
const CHARSET = indexCharacterSet({
	chars: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
	firstPositive: 'a',
	mostPositive: 'z',
	mostNegative: 'A',
	jitterRange: 62 ** 5
});

/** Code-unit order, the order Firestore and the key library use (never localeCompare: it varies by locale). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Legacy numbers first (by value), then keys by code units: a key added to a legacy area lands after its rows. */
export function comparePositions(a: Position, b: Position): number {
	if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
	return typeof b === 'number' ? 1 : byCodeUnits(a, b);
}

/** The one table order: area, position, then id. */
export function compareRows(a: Positioned, b: Positioned): number {
	return a.area - b.area || comparePositions(a.position, b.position) || byCodeUnits(a.id, b.id);
}

export function sortRows<T extends Positioned>(rows: readonly T[]): T[] {
	return [...rows].sort(compareRows);
}

/** A key the rules accept and the library can build on (it refuses a key whose integer part is cut short). */
export function isUsableKey(p: Position): p is string {
	if (typeof p !== 'string' || !positionKey.safeParse(p).success) return false;
	try {
		generateKeyBetween(p, null, CHARSET);
		return true;
	} catch {
		return false;
	}
}

/**
 * A jittered key strictly between two usable keys (null: the open end), or null when none fits the
 * shape. Checked, not trusted: the library treats 'a0' and 'a00' as one value and may answer 'a00'.
 */
function keyBetween(lower: string | null, upper: string | null): string | null {
	if (lower !== null && upper !== null && !(lower < upper)) return null;
	const key = generateJitteredKeyBetween(lower, upper, CHARSET);
	const inside = (lower === null || lower < key) && (upper === null || key < upper);
	return inside && positionKey.safeParse(key).success ? key : null;
}

/** Fresh keys for n rows in order: deterministic (no jitter), so two clients repairing at once write the same. */
export const keysInOrder = (n: number): string[] => generateNKeysBetween(null, null, n, CHARSET);
const freshKeys = keysInOrder;

/** Does this area's order need mending: a legacy number, an unusable key, or two rows on one key? */
function needsRepair(inArea: readonly Positioned[]): boolean {
	const seen = new Set<string>();
	for (const r of inArea) {
		if (!isUsableKey(r.position) || seen.has(r.position)) return true;
		seen.add(r.position);
	}
	return false;
}

const areasOf = (rows: readonly Positioned[]) => [...new Set(rows.map((r) => r.area))].sort((a, b) => a - b);

/**
 * For every area with a legacy number, an unusable key or a tie: new keys for all of its rows in
 * their current order (only those that change). Deterministic and idempotent: the same rows give
 * the same repairs, and after they are written the area needs none.
 */
export function orderRepairs(rows: readonly Positioned[]): Repair[] {
	const out: Repair[] = [];
	for (const area of areasOf(rows)) {
		const inArea = sortRows(rows.filter((r) => r.area === area));
		if (!needsRepair(inArea)) continue;
		const keys = freshKeys(inArea.length);
		inArea.forEach((r, i) => {
			if (r.position !== keys[i]) out.push({ id: r.id, area, position: keys[i] });
		});
	}
	return out;
}

/** The rows with orderRepairs applied: the same order, every position a key, no ties. */
export function withRepairs<T extends Positioned>(rows: readonly T[]): Array<T & { position: string }> {
	const by = new Map(orderRepairs(rows).map((x) => [x.id, x.position]));
	return rows.map((r) => {
		const position = by.get(r.id) ?? r.position;
		// Cannot happen: orderRepairs re-keys every area that holds a number.
		if (typeof position !== 'string') throw new Error(`row ${r.id} kept a legacy position`);
		return { ...r, position };
	});
}

/**
 * The area's positions as they will be once repaired (orderRepairs' keys for a broken area), so a
 * row added while someone else repairs it lands where the repair expects.
 */
function effectiveKeys(rows: readonly Positioned[], area: number): string[] {
	const inArea = sortRows(rows.filter((r) => r.area === area));
	return needsRepair(inArea) ? freshKeys(inArea.length) : inArea.map((r) => r.position as string);
}

/**
 * A key after every row of the area, jittered: two people adding at once get different keys. It is
 * after the area's keys both as they are and as a concurrent repair would write them, so the row
 * stays last either way (a key the library cannot build on is the one exception: the repair orders it).
 */
export function positionAtEnd(rows: readonly Positioned[], area: number): string {
	const usable = rows.filter((r) => r.area === area).flatMap((r) => (isUsableKey(r.position) ? [r.position] : []));
	const last = [...effectiveKeys(rows, area), ...usable].reduce<string | null>((max, k) => (max === null || k > max ? k : max), null);
	return generateJitteredKeyBetween(last, null, CHARSET);
}

/** A move: the row's new area and key, and the repairs to write with it (empty unless no key fit). */
export type Move = { area: number; position: string; repairs: Repair[] } | null;

/**
 * Moving a row one step up or down: exactly one place in the table order, whatever the keys are.
 * At the edge of an area it moves into the neighbouring area (last place going up, first going
 * down); null when there is nowhere to go. The new key lies strictly between the new neighbours;
 * when they tie (or are legacy numbers, or no key of bounded length fits) the target area is
 * re-keyed in its new order and the other rows' new keys come back as repairs.
 */
export function moveStep(rows: readonly Positioned[], id: string, direction: -1 | 1, areaCount: number): Move {
	const sorted = sortRows(rows);
	const row = sorted.find((r) => r.id === id);
	if (!row) return null;
	const inArea = sorted.filter((r) => r.area === row.area);
	const i = inArea.findIndex((r) => r.id === id);
	let area = row.area;
	let others = inArea.filter((r) => r.id !== id);
	let at: number;
	if (i + direction >= 0 && i + direction < inArea.length) {
		at = i + direction;
	} else {
		area = row.area + direction;
		if (area < 1 || area > areaCount) return null;
		others = sorted.filter((r) => r.area === area);
		at = direction < 0 ? others.length : 0;
	}
	const before = others[at - 1];
	const after = others[at];
	const direct = between(before?.position, after?.position);
	if (direct !== null) return { area, position: direct, repairs: [] };
	const order = [...others.slice(0, at), row, ...others.slice(at)];
	const keys = freshKeys(order.length);
	const repairs = order.flatMap((r, k) => (r.id !== id && (r.area !== area || r.position !== keys[k]) ? [{ id: r.id, area, position: keys[k] }] : []));
	return { area, position: keys[at], repairs };
}

/**
 * A key strictly between two neighbours' positions (undefined: no neighbour), or null when none
 * exists: any key sorts after a legacy number, so a number below counts as the open start.
 */
function between(before: Position | undefined, after: Position | undefined): string | null {
	if (typeof after === 'number') return null;
	if (after !== undefined && !isUsableKey(after)) return null;
	if (before === undefined || typeof before === 'number') return keyBetween(null, after ?? null);
	if (!isUsableKey(before)) return null;
	return keyBetween(before, after ?? null);
}
