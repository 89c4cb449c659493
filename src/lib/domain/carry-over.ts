// Starting next year from this one: which template and questionnaire a year gets, which rows continue
// into it with which values, and the preview createNextYear answers with (parsed by the browser).
// Pure; the createNextYear function reads and writes around it.
import * as z from 'zod/mini';
import { isEmptyValue } from './completeness';
import { sortRows, withRepairs } from './ordering';
import { newestPublishedFor } from './template';
import { CONTINUES, fieldKey, id, planYear, rowFields, STATUS_KEY, text, valueSchema, type CarriedFrom, type FieldKey, type Questionnaire, type Row, type RowFields, type Template } from './schemas';

/** The template a new year gets by default: the newest published for it (template.ts newestPublishedFor). */
export function templateForYear(templates: ReadonlyArray<{ id: string; data: Template }>, year: number): { id: string; data: Template } | null {
	return newestPublishedFor(templates, year);
}

export function questionnaireForYear(
	questionnaires: ReadonlyArray<{ id: string; data: Questionnaire }>,
	year: number
): { id: string; data: Questionnaire } | null {
	return newestPublishedFor(questionnaires, year);
}

/** A row that continues next year: its place, the plan-part values it takes along, and where it came from. */
export interface CarriedRow {
	fromRowId: string;
	area: number;
	/** Its key from this year; new keys for an area that had legacy numbers or ties (ordering.ts orderRepairs). */
	position: string;
	fields: RowFields;
	carriedFrom: CarriedFrom;
}

/** A row that stays behind: finished (Klar), or nobody said whether it continues. */
export interface LeftRow {
	rowId: string;
	area: number;
	reason: 'klar' | 'no-status';
}

export interface CarryOver {
	carried: CarriedRow[];
	left: LeftRow[];
	/** Plan-part keys of last year's form that next year's lacks: their values do not come along. */
	dropped: FieldKey[];
}

const planKeys = (t: Pick<Template, 'columns'>): FieldKey[] => t.columns.filter((c) => c.part === 'plan').map((c) => c.key);

/**
 * Rows marked Fortsätter continue with their plan-part values (the keys both forms have in their
 * plan part; empty values are left out, so a carried row has only what was written). Follow-up and
 * next-year cells start empty: they are about the new year. Last year's "what we take along" text
 * becomes the carried row's note. Rows keep their area and key, in table order (an area with legacy
 * numeric positions or ties gets new keys in that order: the new year is written with keys only).
 */
export function carryOver(input: {
	fromYear: string;
	fromTemplate: Pick<Template, 'columns'>;
	toTemplate: Pick<Template, 'columns'>;
	rows: ReadonlyArray<{ id: string; row: Pick<Row, 'area' | 'position' | 'fields'> }>;
}): CarryOver {
	const toKeys = new Set(planKeys(input.toTemplate));
	const fromKeys = planKeys(input.fromTemplate);
	const keys = fromKeys.filter((k) => toKeys.has(k));
	const dropped = fromKeys.filter((k) => !toKeys.has(k));

	const ordered = sortRows(input.rows.map(({ id, row }) => ({ id, area: row.area, position: row.position, fields: row.fields })));
	const carried: Array<Omit<CarriedRow, 'position'> & { position: Row['position'] }> = [];
	const left: LeftRow[] = [];
	for (const r of ordered) {
		if (r.fields[STATUS_KEY] === CONTINUES) {
			// A value comes along only as next year's column takes it: X marks keep the choices still
			// offered; a text or choice that no longer fits (the column changed type or choices) stays behind.
			const fitted = (k: FieldKey) => {
				const v = r.fields[k];
				const column = input.toTemplate.columns.find((c) => c.key === k);
				if (v === undefined || !column) return undefined;
				if (column.type === 'marks') return Array.isArray(v) ? v.filter((x) => column.choices.some((c) => c.value === x)) : undefined;
				return valueSchema(column).safeParse(v).success ? v : undefined;
			};
			const fields = rowFields.parse(Object.fromEntries(keys.filter((k) => fitted(k) !== undefined && !isEmptyValue(fitted(k))).map((k) => [k, fitted(k)])));
			carried.push({
				fromRowId: r.id,
				area: r.area,
				position: r.position,
				fields,
				carriedFrom: { year: input.fromYear, rowId: r.id, note: typeof r.fields.nextYear === 'string' ? r.fields.nextYear : '' }
			});
		} else {
			left.push({ rowId: r.id, area: r.area, reason: r.fields[STATUS_KEY] === 'klar' ? 'klar' : 'no-status' });
		}
	}
	const rekeyed = withRepairs(carried.map((c) => ({ id: c.fromRowId, area: c.area, position: c.position, row: c })));
	return { carried: rekeyed.map(({ row, position }) => ({ ...row, position })), left, dropped };
}

const area = z.number().check(z.int(), z.minimum(1));

/**
 * What createNextYear reports, in a dry run and after creating the year: next year, its template and
 * questionnaire, the rows that continue and those that stay behind (with their action text, so the
 * preview can name them), and the plan-part keys next year's form lacks.
 */
export const nextYearPreview = z.object({
	year: planYear,
	templateId: id,
	questionnaireId: z.nullable(id),
	carried: z.array(z.object({ fromRowId: id, area, action: text })),
	left: z.array(z.object({ rowId: id, area, action: text, reason: z.enum(['klar', 'no-status']) })),
	dropped: z.array(fieldKey)
});
export type NextYearPreview = z.infer<typeof nextYearPreview>;

/** The callable's answer: { ok: true, ...preview }. */
export const createNextYearResult = z.extend(nextYearPreview, { ok: z.literal(true) });
export type CreateNextYearResult = z.infer<typeof createNextYearResult>;
