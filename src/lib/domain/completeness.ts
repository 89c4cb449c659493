// Is a plan ready to submit? The year's template decides what must be filled in: a column marked
// required 'always' on every row, 'whenStatusSet' on rows whose status is Klar or Fortsätter, and
// 'never' nowhere; its level says whether an empty such cell blocks the hand-in or is only warned
// about. The same answer drives the UI checklist, the submit function, the reminder mails and the
// national overview (those count blockers: what stands between a plan and its hand-in).
import { emptyValue } from './cell-edit';
import { sortRows, type Positioned } from './ordering';
import { STATUS_KEY, type Column, type RequirementLevel, type FieldKey, type FieldValue, type PriorityArea, type RowFields, type Template } from './schemas';

/** A row as completeness reads it: its place in the table and its field values. */
export interface CompletenessRow extends Positioned {
	fields: RowFields;
}

/** One required cell that is empty. */
export interface MissingField {
	rowId: string;
	field: FieldKey;
}

type TemplateColumns = Pick<Template, 'parts' | 'columns'>;

/** Whether a value counts as not filled in: blank text (after trim), no X marks, status ''. */
export function isEmptyValue(value: FieldValue | undefined | null): boolean {
	if (value === undefined || value === null) return true;
	if (Array.isArray(value)) return value.length === 0;
	return value.trim() === '';
}

/** Whether the row's status (the template's `status` choice) is set, which makes 'whenStatusSet' columns required. */
export function statusIsSet(fields: RowFields): boolean {
	const status = fields[STATUS_KEY];
	return typeof status === 'string' && status !== '';
}

/** Whether the template requires this column on this row. */
export function isRequired(column: Pick<Column, 'required'>, fields: RowFields): boolean {
	return column.required === 'always' || (column.required === 'whenStatusSet' && statusIsSet(fields));
}

/** What an empty cell of this column on this row does: blocks the hand-in, warns, or nothing (null). */
export function requirementOn(column: Pick<Column, 'required' | 'level'>, fields: RowFields): RequirementLevel | null {
	return isRequired(column, fields) ? column.level : null;
}

/** The columns part by part, as template.ts orderedColumns lays them out. */
function columnsInTableOrder(t: TemplateColumns): Column[] {
	return t.parts.flatMap((p) => t.columns.filter((c) => c.part === p.key));
}

/**
 * Every required cell of the given level ('block' unless told) that is empty: rows in table order
 * (area, position, id — ordering.ts sortRows), and within a row the columns in the order the table
 * shows them (template.ts orderedColumns, part by part). Fields the template has no column for are
 * never required.
 */
export function missingFields(t: TemplateColumns, rows: readonly CompletenessRow[], level: RequirementLevel = 'block'): MissingField[] {
	const columns = columnsInTableOrder(t).filter((c) => c.level === level);
	const out: MissingField[] = [];
	for (const row of sortRows([...rows])) {
		for (const c of columns) {
			if (isRequired(c, row.fields) && isEmptyValue(row.fields[c.key] ?? emptyValue(c))) out.push({ rowId: row.id, field: c.key });
		}
	}
	return out;
}

/** The empty cells that stop the hand-in, and those the checklist only warns about. */
export function checklistOf(t: TemplateColumns, rows: readonly CompletenessRow[]): { blockers: MissingField[]; warnings: MissingField[] } {
	return { blockers: missingFields(t, rows, 'block'), warnings: missingFields(t, rows, 'warn') };
}

export interface AreaCompleteness {
	area: number;
	/** The area's title when the region's areas were given, else ''. */
	title: string;
	rows: number;
	/** Rows with at least one missing field. */
	incompleteRows: number;
	/** Missing fields in the area. */
	missing: number;
}

export interface CompletenessSummary {
	/** One entry per area: every area of the region (when given) and any area a row is in, by number. */
	areas: AreaCompleteness[];
	rowCount: number;
	incompleteRows: number;
	totalMissing: number;
	/** Empty cells the template only warns about (not counted in totalMissing). */
	totalWarnings: number;
	/** No blocking field is empty. Also true for a plan without rows — see `empty`. */
	complete: boolean;
	/** The plan has no rows at all; whether that may be submitted is the caller's decision. */
	empty: boolean;
}

/** Counts for the checklist and the national overview, from the same rule as missingFields. */
export function completenessSummary(
	t: TemplateColumns,
	rows: readonly CompletenessRow[],
	areas: readonly PriorityArea[] = []
): CompletenessSummary {
	const missing = missingFields(t, rows);
	const areaOf = new Map(rows.map((r) => [r.id, r.area]));
	const numbers = [...new Set([...areas.map((a) => a.number), ...rows.map((r) => r.area)])].sort((a, b) => a - b);
	const summaries = numbers.map((n): AreaCompleteness => {
		const inArea = missing.filter((m) => areaOf.get(m.rowId) === n);
		return {
			area: n,
			title: areas.find((a) => a.number === n)?.title ?? '',
			rows: rows.filter((r) => r.area === n).length,
			incompleteRows: new Set(inArea.map((m) => m.rowId)).size,
			missing: inArea.length
		};
	});
	return {
		areas: summaries,
		rowCount: rows.length,
		incompleteRows: new Set(missing.map((m) => m.rowId)).size,
		totalMissing: missing.length,
		totalWarnings: missingFields(t, rows, 'warn').length,
		complete: missing.length === 0,
		empty: rows.length === 0
	};
}

/** A missing field labelled as people read it: "Insats 1.2: Mål". */
export interface MissingItem extends MissingField {
	/** "1.2": the area number and the row's place in its area (1-based), as rowNumbers does. */
	rowNumber: string;
	/** The column's title in the template ("Mål"). */
	fieldTitle: string;
}

/** The row numbers of the table ("1.1", "1.2", "2.1", …) by row id. */
export function rowNumbersOf(rows: readonly Positioned[]): Map<string, string> {
	const seen = new Map<number, number>();
	const out = new Map<string, string>();
	for (const r of sortRows([...rows])) {
		const n = (seen.get(r.area) ?? 0) + 1;
		seen.set(r.area, n);
		out.set(r.id, `${r.area}.${n}`);
	}
	return out;
}

/** missingFields (of the given level) with each entry's row number and column title, in the same order. */
export function labelledMissing(t: TemplateColumns, rows: readonly CompletenessRow[], level: RequirementLevel = 'block'): MissingItem[] {
	const numbers = rowNumbersOf(rows);
	const titles = new Map(t.columns.map((c) => [c.key, c.title]));
	return missingFields(t, rows, level).map((m) => ({ ...m, rowNumber: numbers.get(m.rowId) ?? '?', fieldTitle: titles.get(m.field) ?? m.field }));
}

/** "Insats 1.2: Mål" */
export function missingLine(item: Pick<MissingItem, 'rowNumber' | 'fieldTitle'>): string {
	return `Insats ${item.rowNumber}: ${item.fieldTitle}`;
}

/** "1 uppgift saknas", "3 uppgifter saknas", "Inga uppgifter saknas" */
export function missingCountText(n: number): string {
	if (n === 0) return 'Inga uppgifter saknas';
	return `${n} ${n === 1 ? 'uppgift' : 'uppgifter'} saknas`;
}
