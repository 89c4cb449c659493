// Reading a template: its parts with their columns in order, and titles with the plan's year filled in.
import type { Column, Template, TemplateContent } from './schemas';

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

/** The column of a key in a template, if it has one. */
export function columnOf(t: Pick<Template, 'columns'>, key: string): Column | undefined {
	return t.columns.find((c) => c.key === key);
}

/**
 * The stored template document for admin-written content: the columns repeated as `keys`, `types`
 * and `choiceValues`, which firestore.rules read to check a written cell.
 */
export function templateDocument(
	content: TemplateContent,
	published: boolean,
	publishedBy: string | null,
	publishedAt: Date | null
): Template {
	return {
		...content,
		published,
		keys: content.columns.map((c) => c.key),
		types: Object.fromEntries(content.columns.map((c) => [c.key, c.type])),
		choiceValues: Object.fromEntries(
			content.columns.map((c) => [c.key, c.type === 'singleChoice' || c.type === 'marks' ? c.choices.map((ch) => ch.value) : []])
		),
		publishedAt,
		publishedBy
	};
}

/**
 * The newest published document (template or questionnaire) for a year: the latest published, then
 * the one reaching furthest ahead, then the greatest id; null when none applies to the year.
 */
export function newestPublishedFor<T extends { id: string; data: { published: boolean; years: number[]; publishedAt?: Date | null } }>(docs: readonly T[], year: number): T | null {
	const candidates = docs.filter((d) => d.data.published && d.data.years.includes(year));
	const at = (d: T) => d.data.publishedAt?.getTime() ?? 0;
	const reach = (d: T) => Math.max(...d.data.years);
	candidates.sort((a, b) => at(b) - at(a) || reach(b) - reach(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
	return candidates[0] ?? null;
}
