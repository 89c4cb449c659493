// How a year's template and rows lay out as the paper form's table: grouped part headers, column
// headers with help text, one sub-column per X-mark choice, and the rows of each priority area.
import { parseValue } from './cell-edit';
import { sortRows, type Positioned } from './ordering';
import type { Column, FieldKey, FieldValue, PriorityArea, Template } from './schemas';
import { partsOf } from './template';

export interface GridColumn {
	/** Unique per grid column: the field key, or "serviceTypes:dagligvaror" for a mark choice. */
	id: string;
	field: FieldKey;
	column: Column;
	/** The choice this sub-column marks (X-mark columns only). */
	choice: { value: string; label: string } | null;
}

/** The grid's columns in the form's order, X-mark columns expanded to one per choice. */
export function gridColumns(t: Template): GridColumn[] {
	return partsOf(t, 0)
		.flatMap((p) => p.columns)
		.flatMap((column): GridColumn[] =>
			column.type === 'marks'
				? column.choices.map((choice) => ({ id: `${column.key}:${choice.value}`, field: column.key, column, choice }))
				: [{ id: column.key, field: column.key, column, choice: null }]
		);
}

function width(c: Column): number {
	return c.type === 'marks' ? Math.max(1, c.choices.length) : 1;
}

export interface TableHeader {
	parts: Array<{ key: string; title: string; help: string; span: number }>;
	columns: Array<{ column: Column; span: number; hasChoices: boolean }>;
	/** The third header row: the choice labels under X-mark columns (empty when there are none). */
	choices: Array<{ id: string; label: string }>;
}

export function tableHeader(t: Template, year: number): TableHeader {
	const parts = partsOf(t, year);
	const columns = parts.flatMap((p) => p.columns);
	return {
		parts: parts.map((p) => ({ key: p.key, title: p.title, help: p.help, span: p.columns.reduce((n, c) => n + width(c), 0) })),
		columns: columns.map((column) => ({ column, span: width(column), hasChoices: column.type === 'marks' })),
		choices: columns.flatMap((c) => (c.type === 'marks' ? c.choices.map((ch) => ({ id: `${c.key}:${ch.value}`, label: ch.label })) : []))
	};
}

export interface AreaSection<T> {
	area: PriorityArea;
	rows: T[];
}

/** The region's priority areas in order, each with its rows in position order. */
export function areaSections<T extends Positioned>(areas: PriorityArea[], rows: T[]): AreaSection<T>[] {
	const sorted = sortRows(rows);
	return areas.map((area) => ({ area, rows: sorted.filter((r) => r.area === area.number) }));
}

/** The label a single-choice value shows ("Klar", "Fortsätter"); an unset value shows nothing. */
export function choiceLabel(column: Pick<Column, 'choices'>, value: string): string {
	if (value === '') return '';
	return column.choices.find((c) => c.value === value)?.label ?? value;
}

/** "1.2": the area's number and the row's place in it, as the form's rows are referred to. */
export function rowNumbers<T extends { id: string }>(sections: AreaSection<T>[]): Map<string, string> {
	return new Map(sections.flatMap((s) => s.rows.map((r, i) => [r.id, `${s.area.number}.${i + 1}`] as const)));
}

/** The form writes "Region: Jämtland Härjedalen" for the region named "Region Jämtland Härjedalen". */
export function regionShortName(name: string): string {
	return name.replace(/^Region\s+/i, '') || name;
}

/** A value as readable text: choice labels for X marks and status, the text itself otherwise. */
export function formatValue(column: Pick<Column, 'type' | 'choices'> | undefined, value: unknown): string {
	if (Array.isArray(value)) {
		return value.map((v) => column?.choices.find((c) => c.value === v)?.label ?? String(v)).join(', ');
	}
	if (typeof value !== 'string') return '';
	if (column?.type === 'singleChoice') return choiceLabel(column, value);
	return value;
}

/** Whether an X-mark value has the choice marked. */
export function isMarked(value: FieldValue, choice: string): boolean {
	return Array.isArray(value) && value.some((v) => v === choice);
}

/** The X-mark value after ticking or unticking one choice (parsed against the column, so an unknown choice throws). */
export function toggleMark(value: FieldValue, choice: string, column: Pick<Column, 'type' | 'choices'>): FieldValue {
	const list: string[] = Array.isArray(value) ? [...value] : [];
	return parseValue(list.includes(choice) ? list.filter((v) => v !== choice) : [...list, choice], column);
}
