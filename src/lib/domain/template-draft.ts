// A template as the staff editor holds it while someone edits it: form fields (years as text, every
// part with an on/off switch, columns and choices with stable ids for the list), turned into the
// saveTemplate input and checked with the same zod schema the function uses, its issues per field.
import { issueCode, type FieldIssue, type FormCheck } from './form-check';
import { PART_KEYS, saveTemplateInput, templateContent, type ColumnType, type PartKey, type SaveTemplateInput, type TemplateContent } from './schemas';

export type Requirement = TemplateContent['columns'][number]['required'];
export type Level = TemplateContent['columns'][number]['level'];

export interface DraftChoice {
	uid: string;
	value: string;
	label: string;
}

export interface DraftColumn {
	uid: string;
	key: string;
	part: PartKey;
	title: string;
	help: string;
	type: ColumnType;
	required: Requirement;
	/** Whether an empty cell blocks the hand-in or only warns (kept as chosen while required is 'never'). */
	level: Level;
	/** Kept while the type is a text type (switching back restores them), sent only for choice types. */
	choices: DraftChoice[];
}

export interface DraftPart {
	key: PartKey;
	enabled: boolean;
	title: string;
	help: string;
}

export interface TemplateDraft {
	templateId: string;
	name: string;
	/** As typed: years separated by commas or spaces ("2027, 2028"). */
	years: string;
	/** Always the three parts, in PART_KEYS order. */
	parts: DraftPart[];
	columns: DraftColumn[];
}

export const hasChoices = (type: ColumnType): boolean => type === 'singleChoice' || type === 'marks';

const DEFAULT_PART_TITLES: Record<PartKey, string> = {
	plan: 'Handlingsplan för verksamhetsår {year}',
	followUp: 'Uppföljning av verksamhetsår {year}',
	nextYear: 'Till nästa år, {nextYear}'
};

/** A new column, in the first enabled part: empty key and title, long text, never required. */
export function newColumn(uid: string, part: PartKey = 'plan'): DraftColumn {
	return { uid, key: '', part, title: '', help: '', type: 'longText', required: 'never', level: 'block', choices: [] };
}

/** A draft from stored content (a template opened or copied), or an empty one with the three parts on. */
export function draftFrom(content: TemplateContent | null, templateId: string, newUid: () => string): TemplateDraft {
	const parts = PART_KEYS.map((key): DraftPart => {
		const p = content?.parts.find((x) => x.key === key);
		if (!content) return { key, enabled: true, title: DEFAULT_PART_TITLES[key], help: '' };
		return p ? { key, enabled: true, title: p.title, help: p.help } : { key, enabled: false, title: DEFAULT_PART_TITLES[key], help: '' };
	});
	return {
		templateId,
		name: content?.name ?? '',
		years: content ? content.years.join(', ') : '',
		parts,
		columns: (content?.columns ?? []).map((c) => ({
			uid: newUid(),
			key: c.key,
			part: c.part,
			title: c.title,
			help: c.help,
			type: c.type,
			required: c.required,
			level: c.level,
			choices: c.choices.map((ch) => ({ uid: newUid(), value: ch.value, label: ch.label }))
		}))
	};
}

/** The years typed, or null when a token is not a four-digit year. */
export function parseYears(text: string): number[] | null {
	const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
	if (!tokens.every((t) => /^\d{4}$/.test(t))) return null;
	return tokens.map(Number);
}

/** The content the draft describes, before checking (years null when they do not read as years). */
function contentOf(d: TemplateDraft, years: number[]) {
	return {
		name: d.name.trim(),
		years,
		parts: d.parts.filter((p) => p.enabled).map((p) => ({ key: p.key, title: p.title.trim(), help: p.help.trim() })),
		columns: d.columns.map((c) => ({
			key: c.key.trim(),
			part: c.part,
			title: c.title.trim(),
			help: c.help.trim(),
			type: c.type,
			choices: hasChoices(c.type) ? c.choices.map((ch) => ({ value: ch.value.trim(), label: ch.label.trim() })) : [],
			required: c.required,
			level: c.level
		}))
	};
}

/**
 * The form's field of an issue's path in the saveTemplate input: "name", "years", "columns",
 * "columns.<uid>.key", "columns.<uid>.choices.<uid>.label", "parts.plan.title", "templateId" (the
 * draft's uids, not the input's indexes, so a problem stays on its column when columns move).
 */
function fieldOf(d: TemplateDraft, path: readonly PropertyKey[]): string {
	const [top, ...rest] = path;
	if (top === 'templateId') return 'templateId';
	if (top !== 'content') return 'form';
	const [section, index, field, choiceIndex, choiceField] = rest;
	if (section === 'name' || section === 'years') return section;
	if (section === 'parts') {
		const part = typeof index === 'number' ? d.parts.filter((p) => p.enabled)[index] : undefined;
		return part && typeof field === 'string' ? `parts.${part.key}.${field}` : 'parts';
	}
	if (section === 'columns') {
		const column = typeof index === 'number' ? d.columns[index] : undefined;
		if (!column || typeof field !== 'string') return 'columns';
		if (field === 'choices') {
			const ch = typeof choiceIndex === 'number' ? column.choices[choiceIndex] : undefined;
			return ch && typeof choiceField === 'string' ? `columns.${column.uid}.choices.${ch.uid}.${choiceField}` : `columns.${column.uid}.choices`;
		}
		return `columns.${column.uid}.${field}`;
	}
	return 'form';
}

/**
 * The saveTemplate input of the draft, or its problems: at most one per field (the first the
 * schema reports), in the order of the form.
 */
export function checkDraft(d: TemplateDraft, published: boolean): FormCheck<SaveTemplateInput> {
	const years = parseYears(d.years);
	const parsed = saveTemplateInput.safeParse({ templateId: d.templateId.trim(), published, content: contentOf(d, years ?? []) });
	const issues: FieldIssue[] = [];
	const add = (e: FieldIssue) => {
		if (!issues.some((i) => i.field === e.field)) issues.push(e);
	};
	if (years === null) add({ field: 'years', code: 'years-invalid', param: '' });
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = fieldOf(d, issue.path);
			add({ field, ...issueCode(field, issue) });
		}
	}
	if (issues.length > 0) return { ok: false, issues };
	if (!parsed.success) return { ok: false, issues: [{ field: 'form', code: 'invalid', param: '' }] };
	return { ok: true, data: parsed.data };
}

/** The draft's content when it parses (the preview shows it even while the id has a problem), else null. */
export function draftContent(d: TemplateDraft): TemplateContent | null {
	const years = parseYears(d.years);
	if (years === null) return null;
	const parsed = templateContent.safeParse(contentOf(d, years));
	return parsed.success ? parsed.data : null;
}

/** How many plans use each template (a template in use cannot be changed, only copied). */
export function plansPerTemplate(years: ReadonlyArray<{ data: { templateId: string } }>): Map<string, number> {
	const out = new Map<string, number>();
	for (const y of years) out.set(y.data.templateId, (out.get(y.data.templateId) ?? 0) + 1);
	return out;
}

/** The list with the item at `index` moved one place up (-1) or down (1); unchanged at the ends. */
export function moved<T>(list: readonly T[], index: number, direction: -1 | 1): T[] {
	const to = index + direction;
	if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
	const out = [...list];
	[out[index], out[to]] = [out[to], out[index]];
	return out;
}

/** A free id for a new version of a template: "rsp-2024" → "rsp-2024-v2", "rsp-2024-v2" → "rsp-2024-v3". */
export function nextVersionId(fromId: string, taken: ReadonlySet<string>): string {
	const m = /^(.*)-v(\d+)$/.exec(fromId);
	const base = m ? m[1] : fromId;
	let n = m ? Number(m[2]) + 1 : 2;
	while (taken.has(`${base}-v${n}`)) n += 1;
	return `${base}-v${n}`;
}
