// What the template editor's preview shows: the table a template produces for a year — parts over
// their columns (an X-mark column spread over one sub-column per choice) with {year} filled in — and
// one example row whose cells say which control each column gets. Pure: the component only draws it.
import type { Choice, Column, ColumnType, PartKey, Template, TemplateContent } from './schemas';
import { partsOf, templateDocument } from './template';

export interface PreviewPart {
	key: PartKey;
	title: string;
	help: string;
	/** Grid columns under the part (an X-mark column counts once per choice). */
	span: number;
}

export interface PreviewColumn {
	key: string;
	part: PartKey;
	title: string;
	help: string;
	type: ColumnType;
	required: Column['required'];
	level: Column['level'];
	span: number;
	/** An X-mark column: its choices head the sub-columns in a third header row. */
	hasChoices: boolean;
}

/** One cell of the example row: the control a person gets there. */
export type PreviewCell =
	| { id: string; kind: 'shortText' | 'longText'; key: string; title: string }
	| { id: string; kind: 'singleChoice'; key: string; title: string; options: Choice[] }
	| { id: string; kind: 'mark'; key: string; title: string; choice: Choice };

export interface TemplatePreview {
	year: number;
	/** 3 when some column has X marks (their choice labels are a header row of their own), else 2. */
	headerRows: 2 | 3;
	parts: PreviewPart[];
	columns: PreviewColumn[];
	choices: Array<{ id: string; label: string }>;
	cells: PreviewCell[];
}

const spanOf = (c: Column): number => (c.type === 'marks' ? Math.max(1, c.choices.length) : 1);

function cellsOf(c: Column): PreviewCell[] {
	const base = { key: c.key, title: c.title };
	switch (c.type) {
		case 'shortText':
		case 'longText':
			return [{ id: c.key, kind: c.type, ...base }];
		case 'singleChoice':
			return [{ id: c.key, kind: 'singleChoice', ...base, options: c.choices }];
		case 'marks':
			return c.choices.map((choice) => ({ id: `${c.key}:${choice.value}`, kind: 'mark' as const, ...base, choice }));
	}
}

/** The preview of a stored template for a year (a part without columns is left out, as in the plan). */
export function templatePreview(t: Template, year: number): TemplatePreview {
	const parts = partsOf(t, year);
	const columns = parts.flatMap((p) => p.columns);
	return {
		year,
		headerRows: columns.some((c) => c.type === 'marks') ? 3 : 2,
		parts: parts.map((p) => ({ key: p.key, title: p.title, help: p.help, span: p.columns.reduce((n, c) => n + spanOf(c), 0) })),
		columns: columns.map((c) => ({
			key: c.key,
			part: c.part,
			title: c.title,
			help: c.help,
			type: c.type,
			required: c.required,
			level: c.level,
			span: spanOf(c),
			hasChoices: c.type === 'marks'
		})),
		choices: columns.flatMap((c) => (c.type === 'marks' ? c.choices.map((ch) => ({ id: `${c.key}:${ch.value}`, label: ch.label })) : [])),
		cells: columns.flatMap(cellsOf)
	};
}

/** The preview of checked content (the editor's draft once it parses), as it would be stored. */
export function contentPreview(content: TemplateContent, year: number): TemplatePreview {
	return templatePreview(templateDocument(content, false, null, null), year);
}
