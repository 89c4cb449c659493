// A stored row that the app cannot read (a bad id, a position neither key nor finite number, a wrong type, an unknown
// key): what is wrong with it, by field, and the repaired row a coordinator may write instead. One
// answer for every reader — functions, triggers and the plan page all ask readRowDocument.
import { fieldKey, fieldValue, id, positionKey, row, rowRevs, storedRow, carriedFrom as carriedFromSchema, type Row, type RowFields, type RowRevs } from './schemas';
import { positionAtEnd, type Positioned } from './ordering';

/** The parts of a row document a problem can be in; 'document' when it is not an object at all. */
export type RowPart = 'id' | 'area' | 'position' | 'fields' | 'revs' | 'createdBy' | 'updatedBy' | 'updatedAt' | 'carriedFrom' | 'document';

export interface RowProblem {
	part: RowPart;
	/** The field key (of fields or revs) the problem is in, when there is one. */
	key?: string;
}

export type RowRead = { ok: true; row: Row } | { ok: false; problems: RowProblem[] };

const PARTS = new Set<RowPart>(['area', 'position', 'fields', 'revs', 'createdBy', 'updatedBy', 'updatedAt', 'carriedFrom']);

/**
 * A row document as stored, read: its id must be a schemas.ts `id` (the paths, comments and history
 * name rows by it) and its data must parse with `storedRow` (`row`, or a legacy numeric position). Unknown top-level keys are dropped by the
 * schema, so they are no problem to a reader; they go when the row is next repaired or rewritten.
 */
export function readRowDocument(rowId: string, data: unknown): RowRead {
	const problems: RowProblem[] = [];
	if (!id.safeParse(rowId).success) problems.push({ part: 'id' });
	const parsed = storedRow.safeParse(data);
	if (parsed.success && problems.length === 0) return { ok: true, row: parsed.data };
	if (!parsed.success) {
		const seen = new Set<string>();
		for (const issue of parsed.error.issues) {
			const [head, key] = issue.path;
			const part: RowPart = typeof head === 'string' && PARTS.has(head as RowPart) ? (head as RowPart) : 'document';
			const problem: RowProblem = (part === 'fields' || part === 'revs') && typeof key === 'string' ? { part, key } : { part };
			const k = `${problem.part}/${problem.key ?? ''}`;
			if (!seen.has(k)) {
				seen.add(k);
				problems.push(problem);
			}
		}
	}
	return { ok: false, problems };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export interface RepairContext {
	/** The readable rows of the plan, for a position after them when the stored one is unusable. */
	siblings: readonly Positioned[];
	/** The region's number of priority areas: an area outside 1..areaCount becomes the last one. */
	areaCount: number;
	/** The coordinator repairing, stamped as updatedBy (and createdBy when that is unusable). */
	uid: string;
	now: Date;
}

/**
 * The repaired version of a stored row: every part that parses is kept; an area outside the
 * region's areas becomes the last area; a position that is no key is placed after the area's rows;
 * cells, revisions and carriedFrom that do not parse are dropped (a cell is better empty than
 * wrong, and the history keeps what was there); unknown keys are dropped. Always parses with `row`.
 */
export function repairedRow(data: unknown, ctx: RepairContext): Row {
	const d = isRecord(data) ? data : {};
	const lastArea = Math.max(1, ctx.areaCount);
	const area = typeof d.area === 'number' && Number.isInteger(d.area) && d.area >= 1 && d.area <= lastArea ? d.area : lastArea;
	const position = positionKey.safeParse(d.position).success ? (d.position as string) : positionAtEnd(ctx.siblings, area);
	const fields: RowFields = {};
	if (isRecord(d.fields)) {
		for (const [k, v] of Object.entries(d.fields)) {
			const value = fieldValue.safeParse(v);
			if (fieldKey.safeParse(k).success && value.success) fields[k] = value.data;
		}
	}
	const revs: RowRevs = {};
	if (isRecord(d.revs)) {
		for (const [k, v] of Object.entries(d.revs)) {
			if (rowRevs.safeParse({ [k]: v }).success) revs[k] = v as number;
		}
	}
	const carried = carriedFromSchema.safeParse(d.carriedFrom);
	return row.parse({
		area,
		position,
		fields,
		revs,
		createdBy: nonEmpty(d.createdBy) ? d.createdBy : ctx.uid,
		updatedBy: ctx.uid,
		updatedAt: ctx.now,
		...(carried.success ? { carriedFrom: carried.data } : {})
	});
}
