// Every document and callable payload of Planbordet as one zod schema each: the app's converters,
// the functions and the tests all parse through these. Timestamps are normalised to Date at the edge.
// zod/mini with a namespace import (not { z }) lets the bundler drop the parts of zod the app never uses.
import * as z from 'zod/mini';

/**
 * Firestore Timestamp-likes (client or Admin SDK) and Dates all parse to a Date. zod/mini has no
 * preprocess; a transform piped into z.date() is what classic z.preprocess builds.
 */
export const instant = z.pipe(
	z.transform((v: unknown) => {
		if (v && typeof v === 'object' && 'toDate' in v && typeof (v as { toDate: unknown }).toDate === 'function') {
			return (v as { toDate(): Date }).toDate();
		}
		return v;
	}),
	z.date()
);

export const MAX_TEXT = 10_000;

export const email = z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email({ error: 'invalid-email' }));

export const id = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, 'invalid-id'));

export const orgKind = z.enum(['region', 'lansstyrelse', 'kommun', 'myndighet', 'annan']);

export const organization = z.object({
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	shortName: z.string().check(z.minLength(1), z.maxLength(40)),
	kind: orgKind,
	regionId: z.nullable(z.string()),
	color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/))
});
export type Organization = z.infer<typeof organization>;

export const staffRole = z.enum(['reader', 'admin']);
export const staff = z.object({
	email,
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	orgId: id,
	role: staffRole
});
export type Staff = z.infer<typeof staff>;

export const priorityArea = z.object({
	number: z.number().check(z.int(), z.minimum(1)),
	title: z.string().check(z.minLength(1), z.maxLength(500))
});
export type PriorityArea = z.infer<typeof priorityArea>;

/** Areas are numbered 1..n in order: the rules check a row's area as 1 <= area <= areas.size(). */
export const region = z.object({
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	areas: z
		.array(priorityArea)
		.check(
			z.minLength(1),
			z.maxLength(20),
			z.refine((areas) => areas.every((a, i) => a.number === i + 1), 'areas-not-numbered-1-to-n')
		)
});
export type Region = z.infer<typeof region>;

export const memberRole = z.enum(['coordinator', 'editor']);
export type MemberRole = z.infer<typeof memberRole>;
export const member = z.object({
	email,
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	orgId: id,
	role: memberRole
});
export type Member = z.infer<typeof member>;

export const planStatus = z.enum(['draft', 'submitted']);

/* ---------- templates: the form of a year is data ---------- */

export const SERVICE_TYPES = ['dagligvaror', 'drivmedel', 'ombud', 'bredare'] as const;
export const serviceType = z.enum(SERVICE_TYPES);
export const STATUS_VALUES = ['klar', 'fortsatter', ''] as const;
export const rowStatus = z.enum(STATUS_VALUES);

/** The field keys a row may carry; templates choose a subset, and the rules know each key's type. */
export const FIELD_KEYS = ['action', 'goal', 'resources', 'serviceTypes', 'outputs', 'effects', 'status', 'nextYear'] as const;
export const fieldKey = z.enum(FIELD_KEYS);
export type FieldKey = z.infer<typeof fieldKey>;

export const columnType = z.enum(['shortText', 'longText', 'singleChoice', 'marks']);
export type ColumnType = z.infer<typeof columnType>;

export const templatePart = z.object({
	key: z.enum(['plan', 'followUp', 'nextYear']),
	/** "{year}" and "{nextYear}" are replaced by the plan's year and the year after. */
	title: z.string().check(z.minLength(1)),
	help: z._default(z.string(), '')
});

export const choice = z.object({ value: z.string(), label: z.string().check(z.minLength(1)) });

export const requirement = z.enum(['always', 'whenStatusSet', 'never']);

export const column = z.object({
	key: fieldKey,
	part: z.enum(['plan', 'followUp', 'nextYear']),
	title: z.string().check(z.minLength(1)),
	help: z._default(z.string(), ''),
	type: columnType,
	choices: z._default(z.array(choice), []),
	required: z._default(requirement, 'never')
});
export type Column = z.infer<typeof column>;

/** The type a field key must have, whatever the template: mirrored clause by clause in firestore.rules. */
export const FIELD_TYPES: Record<FieldKey, ColumnType> = {
	action: 'longText',
	goal: 'longText',
	resources: 'longText',
	serviceTypes: 'marks',
	outputs: 'longText',
	effects: 'longText',
	status: 'singleChoice',
	nextYear: 'longText'
};

export const template = z
	.object({
		name: z.string().check(z.minLength(1)),
		years: z.array(z.number().check(z.int(), z.minimum(2000), z.maximum(2100))).check(z.minLength(1)),
		published: z.boolean(),
		parts: z.array(templatePart).check(z.minLength(1)),
		columns: z.array(column).check(z.minLength(1)),
		/** The column keys, denormalised so firestore.rules can check a written key is in the template. */
		keys: z.array(fieldKey)
	})
	.check(
		z.superRefine((t, ctx) => {
			const keys = t.columns.map((c) => c.key);
			if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'duplicate-column-key', path: ['columns'] });
			if (keys.join() !== t.keys.join()) ctx.addIssue({ code: 'custom', message: 'keys-must-list-the-columns', path: ['keys'] });
			for (const [i, c] of t.columns.entries()) {
				const expected = FIELD_TYPES[c.key];
				const compatible = c.type === expected || (expected === 'longText' && c.type === 'shortText');
				if (!compatible) ctx.addIssue({ code: 'custom', message: `column-type-mismatch:${c.key}`, path: ['columns', i, 'type'] });
				if (!t.parts.some((p) => p.key === c.part)) ctx.addIssue({ code: 'custom', message: `unknown-part:${c.part}`, path: ['columns', i, 'part'] });
			}
		})
	);
export type Template = z.infer<typeof template>;

/* ---------- rows ---------- */

export const text = z.string().check(z.maxLength(MAX_TEXT));
export const fieldValues = {
	action: text,
	goal: text,
	resources: text,
	serviceTypes: z.array(serviceType).check(
		z.maxLength(SERVICE_TYPES.length),
		z.refine((a) => new Set(a).size === a.length, 'duplicate-service-type')
	),
	outputs: text,
	effects: text,
	status: rowStatus,
	nextYear: text
} satisfies Record<FieldKey, z.ZodMiniType>;

export const rowFields = z.partial(z.strictObject(fieldValues));
export type RowFields = z.infer<typeof rowFields>;
export type FieldValue = RowFields[FieldKey];

export const rowRevs = z.partialRecord(fieldKey, z.number().check(z.int(), z.minimum(0)));
export type RowRevs = z.infer<typeof rowRevs>;

export const row = z.object({
	area: z.number().check(z.int(), z.minimum(1)),
	position: z.number(),
	fields: rowFields,
	revs: rowRevs,
	createdBy: z.string().check(z.minLength(1)),
	updatedBy: z.string().check(z.minLength(1)),
	updatedAt: instant,
	/** Set by createNextYear on a row carried over from the year before. */
	carriedFrom: z.optional(z.lazy(() => carriedFrom))
});
export type Row = z.infer<typeof row>;

/* ---------- presence ---------- */

export const cellRef = z.object({ rowId: id, field: fieldKey });
export type CellRef = z.infer<typeof cellRef>;

/** An answer field of the questionnaire being edited (questionnaire answers share presence with the table). */
export const answerRef = z.object({ questionId: id, field: z.string().check(z.minLength(1), z.maxLength(64)) });
export type AnswerRef = z.infer<typeof answerRef>;

export const presence = z.object({
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	orgId: id,
	cell: z.nullable(cellRef),
	answer: z._default(z.nullable(answerRef), null),
	lastSeen: instant
});
export type Presence = z.infer<typeof presence>;

/* ---------- mail outbox and callables ---------- */

export const mail = z.object({
	to: z.array(email).check(z.minLength(1)),
	subject: z.string().check(z.minLength(1), z.maxLength(300)),
	text: z.string().check(z.minLength(1)),
	html: z.optional(z.string()),
	/** Extra headers, e.g. List-Unsubscribe on reminders; names are tokens, values single-line. */
	headers: z.optional(
		z.record(
			z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'invalid-header-name')),
			z.string().check(z.maxLength(2000), z.regex(/^[^\r\n]*$/, 'invalid-header-value'))
		)
	),
	kind: z.string().check(z.minLength(1)),
	createdAt: instant,
	/** Set by the outbox function: 'pending' → 'sending' (claimed) → 'sent' | 'failed'. */
	state: z.enum(['pending', 'sending', 'sent', 'failed']),
	attempts: z.number().check(z.int(), z.minimum(0)),
	error: z._default(z.nullable(z.string()), null),
	sentAt: z._default(z.nullable(instant), null)
});
export type Mail = z.infer<typeof mail>;

export const requestSignInLinkInput = z.strictObject({ email });
export type RequestSignInLinkInput = z.infer<typeof requestSignInLinkInput>;

/* ---------- the browser's journal of unsent cell edits (localStorage) ---------- */

/** One cell edit as the browser keeps it until Firestore confirms it; the value must fit its field. */
export const journalEntry = z
	.object({ rowId: id, field: fieldKey, baseRev: z.number().check(z.int(), z.minimum(0)), value: z.unknown() })
	.check(
		z.superRefine((e, ctx) => {
			if (!fieldValues[e.field].safeParse(e.value).success) ctx.addIssue({ code: 'custom', message: 'value-does-not-fit-field', path: ['value'] });
		})
	);

/* ---------- submitting and reopening a year, plan settings (callables and records) ---------- */

/**
 * A plan year as the callables take it: the 4-digit string that is the year's document id
 * (regions/{regionId}/years/{year}) and the route parameter, "2026" — not a number — so the same
 * value addresses the document, the URL and the reminder ledger without conversion.
 */
export const planYear = z.string().check(
	z.regex(/^\d{4}$/, 'invalid-year'),
	z.refine((y) => Number(y) >= 2000 && Number(y) <= 2100, 'invalid-year')
);

/** SHA-256 as 64 lower-case hex digits (submission.ts contentHash). */
export const sha256HexString = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'invalid-hash'));

/** Who did something, as records keep it: the uid and the name shown at the time. */
const actorUid = z.string().check(z.minLength(1), z.maxLength(128));
const actorName = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * What submitting a year records on the year document: who, when, how many rows per priority area
 * (keys are area numbers as decimal strings, "1", "2", … — Firestore map keys are strings), and the
 * SHA-256 of the submitted content (submission.ts canonicalContent) so a later read can show that
 * the rows are still what was submitted.
 */
export const submission = z
	.object({
		by: actorUid,
		byName: actorName,
		at: instant,
		rowsPerArea: z.record(z.string().check(z.regex(/^[1-9]\d*$/, 'invalid-area')), z.number().check(z.int(), z.minimum(0))),
		rowCount: z.number().check(z.int(), z.minimum(0)),
		contentHash: sha256HexString
	})
	.check(z.refine((s) => Object.values(s.rowsPerArea).reduce((a, b) => a + b, 0) === s.rowCount, 'row-count-mismatch'));
export type Submission = z.infer<typeof submission>;

export const REOPEN_REASON_MIN = 10;
export const REOPEN_REASON_MAX = 2000;

/** Why a coordinator reopens a submitted year: trimmed, 10 to 2000 characters. */
export const reopenReason = z
	.string()
	.check(z.trim(), z.minLength(REOPEN_REASON_MIN, 'reason-too-short'), z.maxLength(REOPEN_REASON_MAX, 'reason-too-long'));

/** What reopening a year records (the year keeps a list of them, newest last). */
export const reopening = z.object({
	by: actorUid,
	byName: actorName,
	at: instant,
	reason: reopenReason
});
export type Reopening = z.infer<typeof reopening>;

/**
 * The plan of a year (regions/{r}/years/{year}). Only functions write it: status and submission by
 * submitPlan/reopenPlan, deadline and offsets by setPlanSettings.
 */
export const plan = z.object({
	templateId: id,
	/** The follow-up questions of the year (questionnaires/{id}); null for a plan without them. */
	questionnaireId: z._default(z.nullable(id), null),
	status: planStatus,
	deadline: instant,
	reminderOffsets: z._default(z.array(z.number().check(z.int(), z.minimum(0), z.maximum(365))).check(z.maxLength(20)), [30, 14, 7, 2, 1]),
	/** The latest submission (kept after a reopening, so the history of hand-ins stays visible). */
	submission: z._default(z.nullable(submission), null),
	/** Every reopening, oldest first. */
	reopenings: z._default(z.array(reopening), [])
});
export type Plan = z.infer<typeof plan>;

/** The submit callable: lock the year. */
export const submitPlanInput = z.strictObject({ regionId: id, year: planYear });
export type SubmitPlanInput = z.infer<typeof submitPlanInput>;

/** The reopen callable: unlock a submitted year, with a reason. */
export const reopenPlanInput = z.strictObject({ regionId: id, year: planYear, reason: reopenReason });
export type ReopenPlanInput = z.infer<typeof reopenPlanInput>;

export const MAX_REMINDER_OFFSETS = 10;

/** Days before the deadline that reminders go out: unique whole days 0..365, at most 10, parsed to descending order. */
export const reminderOffsets = z.pipe(
	z
		.array(z.number().check(z.int(), z.minimum(0), z.maximum(365)))
		.check(
			z.maxLength(MAX_REMINDER_OFFSETS),
			z.refine((a) => new Set(a).size === a.length, 'duplicate-offset')
		),
	z.transform((a: number[]) => [...a].sort((x, y) => y - x))
);

/**
 * The plan-settings callable: the deadline as an ISO 8601 date-time with seconds and an explicit
 * offset ("2027-01-31T23:59:00+01:00" or "…Z"), parsed to a Date; a bare local time is refused,
 * because it does not name one instant.
 */
export const planSettingsInput = z.strictObject({
	regionId: id,
	year: planYear,
	deadline: z.pipe(
		z.iso.datetime({ offset: true, error: 'invalid-deadline' }),
		z.transform((s: string) => new Date(s))
	),
	reminderOffsets
});
export type PlanSettingsInput = z.infer<typeof planSettingsInput>;

/** The one-click unsubscribe endpoint's input (unsubscribe-token.ts). */
export const unsubscribeInput = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(1000)) });
export type UnsubscribeInput = z.infer<typeof unsubscribeInput>;

/* ---------- reminder opt-outs and the reminder ledger ---------- */

/** reminderOptOuts/{uid}: present while a person has switched deadline reminders off. */
export const reminderOptOut = z.object({ at: instant, via: z.enum(['link', 'app']) });
export type ReminderOptOut = z.infer<typeof reminderOptOut>;

/** The callable a signed-in person uses to switch their reminders off or on again in the app. */
export const setReminderSubscriptionInput = z.strictObject({ subscribed: z.boolean() });

/**
 * reminderLedger/{id}: one document per (plan, person, deadline date, offset), written in the same
 * transaction as the reminder's outbox mail, so a reminder is never sent twice. The id is the
 * ledger key (reminders.ts ledgerKey) with "/" replaced by "~".
 */
export const reminderLedgerEntry = z.object({
	key: z.string().check(z.minLength(1)),
	regionId: id,
	year: planYear,
	uid: z.string().check(z.minLength(1)),
	offset: z.number().check(z.int(), z.minimum(0)),
	mailId: z.string().check(z.minLength(1)),
	createdAt: instant
});
export type ReminderLedgerEntry = z.infer<typeof reminderLedgerEntry>;

/** reminderRuns/{id}: one per scheduled reminder run, for operators (and to tell when a run has finished). */
export const reminderRun = z.object({ at: instant, source: z.enum(['schedule', 'cli']), queued: z.number().check(z.int(), z.minimum(0)) });
export type ReminderRun = z.infer<typeof reminderRun>;

/* ---------- comments, unread markers, history, mentions (issue 11) ---------- */

export const MAX_COMMENT = 5000;
export const MAX_MENTIONS = 20;

/** A comment's text: plain text, not blank, at most 5,000 characters (mirrored in firestore.rules). */
export const commentText = z.string().check(
	z.maxLength(MAX_COMMENT, 'comment-too-long'),
	z.refine((s) => s.trim().length > 0, 'comment-empty')
);

/**
 * regions/{r}/years/{year}/comments/{commentId}: a comment on a row (field null) or one cell of it.
 * A thread is a root comment (parentId null) and its replies (parentId = the root's id; one level).
 * The author's name and organisation are copied in at writing, so they stay on the record.
 * `resolved` and its who/when live on the root only. Browsers write comments under firestore.rules.
 */
export const comment = z.object({
	rowId: id,
	field: z.nullable(fieldKey),
	parentId: z.nullable(id),
	text: commentText,
	authorUid: actorUid,
	authorName: actorName,
	authorOrgId: id,
	createdAt: instant,
	editedAt: z.nullable(instant),
	resolved: z.boolean(),
	resolvedBy: z.nullable(actorUid),
	resolvedAt: z.nullable(instant),
	mentions: z.array(actorUid).check(z.maxLength(MAX_MENTIONS))
});
export type Comment = z.infer<typeof comment>;

/**
 * regions/{r}/years/{year}/commentReads/{uid}: when this person last looked at each thread (keys
 * are thread root ids). Unread = activity in the thread after that, by someone else.
 */
export const commentReads = z.object({ seen: z.record(z.string(), instant) });
export type CommentReads = z.infer<typeof commentReads>;

export const historyKind = z.enum(['create', 'edit', 'move', 'delete']);
export const place = z.object({ area: z.number().check(z.int(), z.minimum(1)), position: z.number() });

/** A value as the history keeps it: a cell value, a place (create, move) or a whole row's fields (delete). */
export const historyValue = z.nullable(z.union([text, fieldValues.serviceTypes, place, rowFields]));

/**
 * regions/{r}/years/{year}/history/{id}: one change of one row, written by the recordRowHistory
 * trigger (history.ts rowChanges); the id is historyId(event id, change), so a redelivered event
 * writes the same documents again. `by` is the row's updatedBy (for a delete, the deleting user).
 */
export const historyEntry = z.object({
	rowId: id,
	kind: historyKind,
	field: z.nullable(fieldKey),
	old: historyValue,
	new: historyValue,
	by: actorUid,
	byName: actorName,
	orgId: z.nullable(id),
	/** The priority area of the row (after the change; before it, for a delete). */
	area: z.number().check(z.int(), z.minimum(1)),
	at: instant,
	eventId: z.string().check(z.minLength(1))
});
export type HistoryEntry = z.infer<typeof historyEntry>;

/**
 * mentionQueue/{regionId~year~commentId~uid}: one mention of a person in a comment, queued by the
 * comment trigger and mailed in a digest (mention-batch.ts); functions only.
 */
export const mentionQueueEntry = z.object({
	uid: actorUid,
	regionId: id,
	year: planYear,
	commentId: id,
	threadId: id,
	rowId: id,
	authorName: actorName,
	text: commentText,
	createdAt: instant,
	state: z.enum(['pending', 'sent']),
	mailId: z.nullable(z.string())
});
export type MentionQueueEntry = z.infer<typeof mentionQueueEntry>;

/** mentionMail/{uid}: when this person's last mention digest went out (at most one per 10 minutes). */
export const mentionMailState = z.object({ lastSentAt: instant });

/* ---------- the questionnaire, carry-over and export (issue 12) ---------- */

/** Demand outlook per support type: Minskar / Oförändrad / Ökar ('' = not answered). */
export const TRENDS = ['minskar', 'oforandrad', 'okar', ''] as const;
export const trend = z.enum(TRENDS);

export const questionKind = z.enum(['outlook', 'text', 'staff', 'contacts', 'actors']);
export type QuestionKind = z.infer<typeof questionKind>;

export const answerFieldType = z.enum(['text', 'shortText', 'trend', 'people', 'emails']);
export type AnswerFieldType = z.infer<typeof answerFieldType>;

/** The answer fields each kind of question has per row (support type, role, actor); "text" has one, "text". */
export const ANSWER_PARTS: Record<QuestionKind, ReadonlyArray<{ suffix: string; type: AnswerFieldType }>> = {
	outlook: [
		{ suffix: 'trend', type: 'trend' },
		{ suffix: 'comment', type: 'text' }
	],
	text: [{ suffix: 'text', type: 'text' }],
	staff: [{ suffix: 'people', type: 'people' }],
	contacts: [
		{ suffix: 'name', type: 'shortText' },
		{ suffix: 'email', type: 'emails' }
	],
	actors: [
		{ suffix: 'collaboration', type: 'text' },
		{ suffix: 'step', type: 'shortText' },
		{ suffix: 'challenges', type: 'text' }
	]
};

export const questionRow = z.object({
	key: z.string().check(z.regex(/^[a-z][a-z0-9]{0,30}$/, 'invalid-row-key')),
	label: z.string().check(z.minLength(1), z.maxLength(300))
});
export type QuestionRow = z.infer<typeof questionRow>;

export const question = z.object({
	id,
	number: z.number().check(z.int(), z.minimum(1)),
	kind: questionKind,
	title: z.string().check(z.minLength(1)),
	help: z._default(z.string(), ''),
	/** Support types (outlook), roles (staff, contacts) or actors; none for a text question. */
	rows: z._default(z.array(questionRow), [])
});
export type Question = z.infer<typeof question>;

/** One answer field of a question: its document key ("dagligvaror-trend", "text") and type. */
export interface AnswerField {
	key: string;
	type: AnswerFieldType;
	rowKey: string | null;
	suffix: string;
}

export function answerFieldsOf(q: Pick<Question, 'kind' | 'rows'>): AnswerField[] {
	if (q.kind === 'text') return [{ key: 'text', type: 'text', rowKey: null, suffix: 'text' }];
	return q.rows.flatMap((r) => ANSWER_PARTS[q.kind].map((p) => ({ key: `${r.key}-${p.suffix}`, type: p.type, rowKey: r.key, suffix: p.suffix })));
}

/** The most answer fields one question may have (the rules check keys by index: 5 blocks of 8). */
export const MAX_ANSWER_FIELDS = 40;

/**
 * questionnaires/{id}: the follow-up questions of the years it applies to, data like a template.
 * `fieldTypes` (question id → answer key → type) is denormalised for firestore.rules.
 */
export const questionnaire = z
	.object({
		name: z.string().check(z.minLength(1)),
		years: z.array(z.number().check(z.int(), z.minimum(2000), z.maximum(2100))).check(z.minLength(1)),
		published: z.boolean(),
		questions: z.array(question).check(z.minLength(1)),
		fieldTypes: z.record(z.string(), z.record(z.string(), answerFieldType))
	})
	.check(
		z.superRefine((q, ctx) => {
			const ids = q.questions.map((x) => x.id);
			if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate-question-id', path: ['questions'] });
			for (const x of q.questions) {
				const keys = x.rows.map((r) => r.key);
				if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: `duplicate-row-key:${x.id}`, path: ['questions'] });
				// firestore.rules try a question's answer keys by index, up to MAX_ANSWER_FIELDS of them.
				if (answerFieldsOf(x).length > MAX_ANSWER_FIELDS) ctx.addIssue({ code: 'custom', message: `too-many-answer-fields:${x.id}`, path: ['questions'] });
				const expected = Object.fromEntries(answerFieldsOf(x).map((f) => [f.key, f.type]));
				const actual = q.fieldTypes[x.id] ?? {};
				if (JSON.stringify(Object.entries(expected).sort()) !== JSON.stringify(Object.entries(actual).sort())) {
					ctx.addIssue({ code: 'custom', message: `field-types-must-match:${x.id}`, path: ['fieldTypes', x.id] });
				}
			}
			if (Object.keys(q.fieldTypes).some((k) => !ids.includes(k))) ctx.addIssue({ code: 'custom', message: 'field-types-of-unknown-question', path: ['fieldTypes'] });
		})
	);
export type Questionnaire = z.infer<typeof questionnaire>;

export const MAX_SHORT_TEXT = 200;
export const MAX_PEOPLE = 20;

/** A named person and their share of a full-time post (årsarbetskrafter: 0,5 = half time). */
export const staffShare = z.object({
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	share: z.number().check(z.minimum(0), z.maximum(10), z.refine(Number.isFinite, 'not-finite'))
});
export type StaffShare = z.infer<typeof staffShare>;

const EMAIL_LIKE = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
/** One or more e-mail addresses separated by spaces ("" = not answered). */
export const emailList = z.string().check(
	z.maxLength(1000),
	z.refine((s) => s.trim() === '' || s.trim().split(/\s+/).every((a) => EMAIL_LIKE.test(a)), 'invalid-email')
);

/** The value each answer field type takes (mirrored clause by clause in firestore.rules). */
export const answerValues = {
	text,
	shortText: z.string().check(z.maxLength(MAX_SHORT_TEXT)),
	trend,
	people: z.array(staffShare).check(z.maxLength(MAX_PEOPLE)),
	emails: emailList
} satisfies Record<AnswerFieldType, z.ZodMiniType>;

/**
 * regions/{r}/years/{year}/answers/{questionId}: one question's answer, co-edited like a row —
 * one field and its revision per write, stamped; created empty (functions, seed) with the plan.
 */
export const answer = z.object({
	fields: z.record(z.string(), z.unknown()),
	revs: z.record(z.string(), z.number().check(z.int(), z.minimum(0))),
	updatedBy: z.nullable(z.string()),
	updatedAt: z.nullable(instant)
});
export type Answer = z.infer<typeof answer>;

/** regions/{r}/years/{year}/answerHistory/{id}: one change of one answer field (recordAnswerHistory). */
export const answerHistoryEntry = z.object({
	questionId: id,
	field: z.string().check(z.minLength(1), z.maxLength(64)),
	old: z.nullable(z.union([z.string(), answerValues.people])),
	new: z.nullable(z.union([z.string(), answerValues.people])),
	by: actorUid,
	byName: actorName,
	orgId: z.nullable(id),
	at: instant,
	eventId: z.string().check(z.minLength(1))
});
export type AnswerHistoryEntry = z.infer<typeof answerHistoryEntry>;

/** createNextYear: a coordinator starts next year's draft from this year's continuing rows. */
export const createNextYearInput = z.strictObject({
	regionId: id,
	fromYear: planYear,
	/** Only report what would be carried; create nothing. */
	dryRun: z._default(z.boolean(), false)
});
export type CreateNextYearInput = z.infer<typeof createNextYearInput>;

/** A row carried over from last year keeps a note of where it came from and what was taken along. */
export const carriedFrom = z.object({ year: planYear, rowId: id, note: text });
export type CarriedFrom = z.infer<typeof carriedFrom>;
