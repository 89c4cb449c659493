// The minutes of a network meeting ("Minnesanteckningar"), derived only from what is stored: the
// meeting, its participants, the rows' history (history.ts entries) and the comments. So they can be
// made again at any time, and a test can compare them with the edits it made. Pure: the clock (the
// end of a meeting still running) is an argument.
import { sameValue } from './cell-edit';
import { compareRows, type Position } from './ordering';
import { participantsByOrganisation, type OrganisationGroup, type ParticipantItem } from './meeting';
import { STATUS_KEY, type Comment, type FieldKey, type FieldValue, type HistoryEntry, type Meeting, type RowFields } from './schemas';

export interface HistoryItem {
	id: string;
	data: HistoryEntry;
}
export interface CommentRecord {
	id: string;
	data: Comment;
}

/** One field's change over the meeting: the value before its first edit and after its last. */
export interface FieldChange {
	field: FieldKey;
	before: FieldValue | null;
	after: FieldValue | null;
	/** Who edited it during the meeting, in the order of their first edit. */
	by: string[];
}

export interface RowMinutes {
	rowId: string;
	changes: FieldChange[];
}

export interface RowEvent {
	rowId: string;
	byName: string;
	at: Date;
}
export interface RowMove extends RowEvent {
	from: { area: number; position: Position };
	to: { area: number; position: Position };
}
export interface RowRemoval extends RowEvent {
	/** The fields the row had when it was removed. */
	fields: RowFields;
}

/** A status decision: the status column (schemas.ts STATUS_KEY) set during the meeting. */
export interface StatusDecision {
	rowId: string;
	before: string;
	after: string;
	byName: string;
}

export interface MeetingComment {
	id: string;
	rowId: string;
	field: FieldKey | null;
	/** null: a new thread; else the thread it replies in. */
	parentId: string | null;
	authorName: string;
	text: string;
	at: Date;
}

export interface ResolvedThread {
	id: string;
	rowId: string;
	resolvedBy: string;
	at: Date;
}

export interface Minutes {
	startedAt: Date;
	/** The meeting's end, or `now` for one still running. */
	endedAt: Date;
	leaderName: string;
	participants: OrganisationGroup<ParticipantItem>[];
	/** Rows whose cells changed, in table order (rows no longer in the plan last, by id). */
	rows: RowMinutes[];
	added: RowEvent[];
	moved: RowMove[];
	removed: RowRemoval[];
	decisions: StatusDecision[];
	comments: MeetingComment[];
	resolved: ResolvedThread[];
}

export interface MinutesInput {
	meeting: Meeting;
	participants: readonly ParticipantItem[];
	history: readonly HistoryItem[];
	comments: readonly CommentRecord[];
	/** The plan's rows now (their places give the table order). */
	rows: readonly { id: string; area: number; position: Position }[];
	/** Organisation names by id, for the participants' groups. */
	orgNames: Readonly<Record<string, string>>;
	/** The end of a meeting that still runs. */
	now: Date;
}

const isPlace = (v: unknown): v is { area: number; position: Position } => !!v && typeof v === 'object' && !Array.isArray(v) && 'area' in v && 'position' in v;
const isFieldValue = (v: unknown): v is FieldValue => typeof v === 'string' || Array.isArray(v);
const byTime = <T extends { at: Date }>(a: T, b: T) => a.at.getTime() - b.at.getTime();
const asText = (v: FieldValue | null) => (typeof v === 'string' ? v : '');

/** What the meeting [startedAt, endedAt] changed, from the stored history and comments. */
export function minutesOf(input: MinutesInput): Minutes {
	const { meeting, now } = input;
	const from = meeting.startedAt.getTime();
	const to = (meeting.endedAt ?? now).getTime();
	const during = (d: Date | null) => d !== null && d.getTime() >= from && d.getTime() <= to;

	// History in the order it happened (then by id: one event's entries keep the trigger's order).
	const entries = input.history
		.filter((h) => during(h.data.at))
		.sort((a, b) => a.data.at.getTime() - b.data.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((h) => h.data);

	const fieldsByRow = new Map<string, Map<FieldKey, FieldChange>>();
	const added: RowEvent[] = [];
	const moved: RowMove[] = [];
	const removed: RowRemoval[] = [];
	for (const e of entries) {
		if (e.kind === 'edit' && e.field !== null) {
			const fields = fieldsByRow.get(e.rowId) ?? new Map<FieldKey, FieldChange>();
			fieldsByRow.set(e.rowId, fields);
			const c = fields.get(e.field);
			const value = (v: unknown) => (isFieldValue(v) ? v : null);
			if (!c) fields.set(e.field, { field: e.field, before: value(e.old), after: value(e.new), by: [e.byName] });
			else {
				c.after = value(e.new);
				if (!c.by.includes(e.byName)) c.by.push(e.byName);
			}
		} else if (e.kind === 'create') added.push({ rowId: e.rowId, byName: e.byName, at: e.at });
		else if (e.kind === 'move' && isPlace(e.old) && isPlace(e.new)) moved.push({ rowId: e.rowId, byName: e.byName, at: e.at, from: e.old, to: e.new });
		else if (e.kind === 'delete') removed.push({ rowId: e.rowId, byName: e.byName, at: e.at, fields: (e.old && !isPlace(e.old) && !isFieldValue(e.old) ? e.old : {}) as RowFields });
	}

	// A field edited and edited back changed nothing: it is left out (and a row with nothing left).
	const place = new Map(input.rows.map((r) => [r.id, r]));
	const rows: RowMinutes[] = [...fieldsByRow]
		.map(([rowId, fields]) => ({
			rowId,
			changes: [...fields.values()].filter((c) => !sameValue(c.before ?? undefined, c.after ?? undefined)).sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
		}))
		.filter((r) => r.changes.length > 0)
		.sort((a, b) => {
			const pa = place.get(a.rowId);
			const pb = place.get(b.rowId);
			if (pa && pb) return compareRows(pa, pb);
			if (pa || pb) return pa ? -1 : 1;
			return a.rowId < b.rowId ? -1 : 1;
		});

	const decisions: StatusDecision[] = rows.flatMap((r) =>
		r.changes.filter((c) => c.field === STATUS_KEY).map((c) => ({ rowId: r.rowId, before: asText(c.before), after: asText(c.after), byName: c.by[c.by.length - 1] }))
	);

	const comments: MeetingComment[] = input.comments
		.filter((c) => during(c.data.createdAt))
		.map((c) => ({ id: c.id, rowId: c.data.rowId, field: c.data.field, parentId: c.data.parentId, authorName: c.data.authorName, text: c.data.text, at: c.data.createdAt }))
		.sort((a, b) => byTime(a, b) || (a.id < b.id ? -1 : 1));

	// A thread resolved during the meeting and still resolved (reopening clears resolvedAt).
	const resolved: ResolvedThread[] = input.comments
		.filter((c) => c.data.parentId === null && c.data.resolved && during(c.data.resolvedAt))
		.map((c) => ({ id: c.id, rowId: c.data.rowId, resolvedBy: c.data.resolvedBy ?? '', at: c.data.resolvedAt as Date }))
		.sort((a, b) => byTime(a, b) || (a.id < b.id ? -1 : 1));

	return {
		startedAt: meeting.startedAt,
		endedAt: new Date(to),
		leaderName: meeting.leaderName,
		participants: participantsByOrganisation(input.participants, input.orgNames),
		rows,
		added,
		moved,
		removed,
		decisions,
		comments,
		resolved
	};
}
