// Reading a template: its parts with their columns in order, and titles with the plan's year filled in.
import type { Column, Template } from './schemas';

export function fillYear(text: string, year: number): string {
	return text.replaceAll('{year}', String(year)).replaceAll('{nextYear}', String(year + 1));
}

export interface PartView {
	key: Template['parts'][number]['key'];
	title: string;
	help: string;
	columns: Column[];
}

export function partsOf(t: Template, year: number): PartView[] {
	return t.parts
		.map((p) => ({ key: p.key, title: fillYear(p.title, year), help: fillYear(p.help, year), columns: t.columns.filter((c) => c.part === p.key) }))
		.filter((p) => p.columns.length > 0);
}

/** Columns in the order the table shows them (part by part). */
export function orderedColumns(t: Template): Column[] {
	return partsOf(t, 0).flatMap((p) => p.columns);
}

export function hasField(t: Template, key: string): boolean {
	return t.keys.includes(key as Column['key']);
}
