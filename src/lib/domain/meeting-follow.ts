// The meeting's small decisions, kept pure so they are tested without a browser: when the leader's
// next focus write may go (a throttle, last wins), which row "next"/"previous" steps to, and whether a
// participant's table should scroll to the leader's row.

/** At most one focus write per this many milliseconds: every participant reads each one. */
export const FOCUS_WRITE_MS = 500;

/**
 * How long a focus write must wait: 0 when it may go now, else the time left until FOCUS_WRITE_MS
 * have passed since the last one (`lastAt` null: nothing written yet).
 */
export function focusWriteDelay(lastAt: number | null, now: number, minMs = FOCUS_WRITE_MS): number {
	if (lastAt === null) return 0;
	const left = lastAt + minMs - now;
	return left > 0 ? left : 0;
}

/**
 * The row one step from `from` in the table's order (`order` as the table shows it): the next or the
 * previous, staying at the ends; with no row to start from, the first row (or the last going back).
 * Null when the table has no rows.
 */
export function stepRow(order: readonly string[], from: string | null, direction: -1 | 1): string | null {
	if (order.length === 0) return null;
	const i = from === null ? -1 : order.indexOf(from);
	if (i < 0) return direction === 1 ? order[0] : order[order.length - 1];
	return order[Math.min(order.length - 1, Math.max(0, i + direction))];
}

/**
 * The row a participant's table should scroll to now, or null: only with "follow" on, never on the
 * leader's own screen (the leader moves by themselves), and only when the leader's row changed since the
 * table last scrolled to it (a write of the same row — a new cell in it — does not pull the reader back).
 */
export function followTarget(o: { follow: boolean; leading: boolean; focusRowId: string | null; lastFollowed: string | null }): string | null {
	if (!o.follow || o.leading || o.focusRowId === null) return null;
	return o.focusRowId === o.lastFollowed ? null : o.focusRowId;
}
