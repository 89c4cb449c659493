// What the plan page says about its deadline and lock: how the deadline reads now, whether the year
// may be handed in, what the submission recorded per priority area, and whether the year stands
// reopened. The checklist is completeness.ts's; the clock is always an argument.
import { rowNumbersOf, type CompletenessRow, type MissingField, type MissingItem } from './completeness';
import { daysLeft } from './deadline';
import type { Position } from './ordering';
import type { Column, Plan, Reopening } from './schemas';

/** The deadline as the banner says it: days left, the last day itself, or passed. */
export type DeadlineState = { kind: 'left'; days: number } | { kind: 'today' } | { kind: 'past' };

/**
 * Passed from the deadline's minute on (also late on the last day); before that, the Stockholm
 * calendar days left (deadline.ts daysLeft), where 0 is the last day.
 */
export function deadlineState(deadline: Date, now: Date): DeadlineState {
	if (now.getTime() >= deadline.getTime()) return { kind: 'past' };
	const days = daysLeft(deadline, now);
	return days <= 0 ? { kind: 'today' } : { kind: 'left', days };
}

/** Whether a coordinator's "Lämna in" may be pressed: rows exist and nothing required is missing. */
export type SubmitReadiness = 'empty' | 'incomplete' | 'ready';

export function submitReadiness(rowCount: number, missing: readonly unknown[]): SubmitReadiness {
	if (rowCount === 0) return 'empty';
	return missing.length > 0 ? 'incomplete' : 'ready';
}

/**
 * The submit function's own list of missing fields (its `details.missing`), labelled like
 * completeness.ts labelledMissing labels the local one: the row numbers of the rows as this browser
 * has them, the template's column titles. A row this browser does not have yet reads "?".
 */
export function labelMissing(t: { columns: ReadonlyArray<Pick<Column, 'key' | 'title'>> }, rows: readonly CompletenessRow[], missing: readonly MissingField[]): MissingItem[] {
	const numbers = rowNumbersOf(rows);
	const titles = new Map(t.columns.map((c) => [c.key, c.title]));
	return missing.map((m) => ({ rowId: m.rowId, field: m.field, rowNumber: numbers.get(m.rowId) ?? '?', fieldTitle: titles.get(m.field) ?? m.field }));
}

/** A submission's rows per area ({"1": 5, "2": 3}) as a list in area order. */
export function areaCounts(rowsPerArea: Readonly<Record<string, number>>): Array<{ area: number; count: number }> {
	return Object.entries(rowsPerArea)
		.map(([area, count]) => ({ area: Number(area), count }))
		.filter((a) => Number.isInteger(a.area))
		.sort((a, b) => a.area - b.area);
}

/**
 * The reopening the plan shows: the newest one, while the year stands open again. Once it is
 * submitted anew, the submission is what the page shows.
 */
export function currentReopening(p: Pick<Plan, 'status' | 'reopenings'>): Reopening | null {
	if (p.status !== 'draft') return null;
	return p.reopenings.at(-1) ?? null;
}

/** The plan's rows as completeness reads them, from the live items. */
export function completenessRows(items: ReadonlyArray<{ id: string; data: { area: number; position: Position; fields: CompletenessRow['fields'] } }>): CompletenessRow[] {
	return items.map((i) => ({ id: i.id, area: i.data.area, position: i.data.position, fields: i.data.fields }));
}
