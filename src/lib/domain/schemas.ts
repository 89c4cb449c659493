// Every document and callable payload of Planbordet as one zod schema each: the app's converters,
// the functions and the tests all parse through these. Timestamps are normalised to Date at the edge.
// zod/mini with a namespace import (not { z }) lets the bundler drop the parts of zod the app never uses.
import * as z from 'zod/mini';
import { hasHiddenCharacter, normalizeDisplayText } from './display-text';

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

/**
 * A name people read, as a callable or form takes it (display-text.ts): a bidi control or other hidden
 * character is refused ('invisible-character'); then harmless invisibles stripped, NFC, spaces collapsed
 * and trimmed, before the length limits count the characters that remain.
 */
export function displayName(max: number, codes: { empty: string; tooLong: string }) {
	return z.string().check(
		z.refine((s) => !hasHiddenCharacter(s), 'invisible-character'),
		z.overwrite(normalizeDisplayText),
		z.minLength(1, codes.empty),
		z.maxLength(max, codes.tooLong)
	);
}
const NAME = { empty: 'name-empty', tooLong: 'name-too-long' };
const SHORT_NAME = { empty: 'short-name-empty', tooLong: 'short-name-too-long' };

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

export const memberStatus = z.enum(['invited', 'active']);
export type MemberStatus = z.infer<typeof memberStatus>;

export const memberRole = z.enum(['coordinator', 'editor']);
export type MemberRole = z.infer<typeof memberRole>;
/**
 * regions/{r}/members/{uid}: keyed by the Auth uid (inviteMember creates the account). An invited
 * member becomes active at their first sign-in (beforeUserSignedIn) if the invitation has not
 * expired; the rules treat only active members as members. Seeded members have no status: active.
 */
export const member = z.object({
	email,
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	orgId: id,
	role: memberRole,
	status: z._default(memberStatus, 'active'),
	invitedAt: z._default(z.nullable(instant), null),
	invitedBy: z._default(z.nullable(z.string()), null),
	invitationExpiresAt: z._default(z.nullable(instant), null),
	/** The latest sign-in or recorded edit (history triggers), for the member list. */
	lastActiveAt: z._default(z.nullable(instant), null)
});
export type Member = z.infer<typeof member>;

export const planStatus = z.enum(['draft', 'submitted']);

/* ---------- templates: the form of a year is data ---------- */

/**
 * A column's key: the field name rows store its value under. Templates choose their keys; the
 * rules read the written key's type and choices from the year's template (types, choiceValues).
 */
export const fieldKey = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[a-z][A-Za-z0-9]*$/, 'invalid-key'));
export type FieldKey = string;

/** The rsp templates' keys the app gives a meaning beyond their type: the status choice drives carry-over. */
export const STATUS_KEY = 'status';
export const CONTINUES = 'fortsatter';

export const columnType = z.enum(['shortText', 'longText', 'singleChoice', 'marks']);
export type ColumnType = z.infer<typeof columnType>;

export const PART_KEYS = ['plan', 'followUp', 'nextYear'] as const;
export const partKey = z.enum(PART_KEYS);
export type PartKey = z.infer<typeof partKey>;

export const templatePart = z.object({
	key: partKey,
	/** "{year}" and "{nextYear}" are replaced by the plan's year and the year after. */
	title: z.string().check(z.minLength(1, 'title-empty'), z.maxLength(300, 'title-too-long')),
	help: z._default(z.string().check(z.maxLength(2000, 'help-too-long')), '')
});

/** Limits mirrored in firestore.rules (keys tried by index; text sizes). */
export const MAX_COLUMNS = 24;
export const MAX_CHOICES = 20;
export const MAX_SHORT_FIELD = 500;

/** A choice's stored value ('' is "not given", allowed for a single choice only) and its Swedish label. */
export const choice = z.object({
	value: z.string().check(z.maxLength(60), z.regex(/^[a-z0-9-]*$/, 'invalid-choice-value')),
	label: z.string().check(z.minLength(1, 'choice-label-empty'), z.maxLength(100, 'choice-label-too-long'))
});
export type Choice = z.infer<typeof choice>;

/** When a column asks for a value: on every row, on rows whose status is set, or never. */
export const requirement = z.enum(['always', 'whenStatusSet', 'never']);

/**
 * What an empty required cell does: 'block' stops the hand-in, 'warn' is listed in the checklist
 * but lets the plan be submitted. Absent means 'block', so templates stored before levels existed
 * keep their meaning.
 */
export const REQUIREMENT_LEVELS = ['block', 'warn'] as const;
export const requirementLevel = z.enum(REQUIREMENT_LEVELS);
export type RequirementLevel = z.infer<typeof requirementLevel>;

export const column = z.object({
	key: fieldKey,
	part: partKey,
	title: z.string().check(z.minLength(1, 'title-empty'), z.maxLength(300, 'title-too-long')),
	help: z._default(z.string().check(z.maxLength(2000, 'help-too-long')), ''),
	type: columnType,
	choices: z._default(z.array(choice).check(z.maxLength(MAX_CHOICES, 'too-many-choices')), []),
	required: z._default(requirement, 'never'),
	level: z._default(requirementLevel, 'block')
});
export type Column = z.infer<typeof column>;

/** Problems of a template's content, as issue messages (duplicate-column-key, choices-missing, …). */
function checkTemplateContent(
	t: { parts: Array<{ key: PartKey }>; columns: Column[] },
	ctx: { addIssue(issue: { code: 'custom'; message: string; path: Array<string | number> }): void }
): void {
	const parts = t.parts.map((p) => p.key);
	if (new Set(parts).size !== parts.length) ctx.addIssue({ code: 'custom', message: 'duplicate-part', path: ['parts'] });
	const seen = new Set<string>();
	for (const [i, c] of t.columns.entries()) {
		if (seen.has(c.key)) ctx.addIssue({ code: 'custom', message: `duplicate-column-key:${c.key}`, path: ['columns', i, 'key'] });
		seen.add(c.key);
		if (!parts.includes(c.part)) ctx.addIssue({ code: 'custom', message: `unknown-part:${c.part}`, path: ['columns', i, 'part'] });
		const values = c.choices.map((ch) => ch.value);
		if (c.type === 'singleChoice' || c.type === 'marks') {
			if (values.filter((v) => v !== '').length === 0) ctx.addIssue({ code: 'custom', message: `choices-missing:${c.key}`, path: ['columns', i, 'choices'] });
			if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', message: `duplicate-choice:${c.key}`, path: ['columns', i, 'choices'] });
			if (c.type === 'marks' && values.includes('')) ctx.addIssue({ code: 'custom', message: `empty-mark-value:${c.key}`, path: ['columns', i, 'choices'] });
		} else if (c.choices.length > 0) {
			ctx.addIssue({ code: 'custom', message: `choices-on-text:${c.key}`, path: ['columns', i, 'choices'] });
		}
	}
	if (t.columns.some((c) => c.required === 'whenStatusSet') && !t.columns.some((c) => c.key === STATUS_KEY && c.type === 'singleChoice')) {
		ctx.addIssue({ code: 'custom', message: 'when-status-set-without-status', path: ['columns'] });
	}
}

const templateYears = z
	.array(z.number().check(z.int(), z.minimum(2000), z.maximum(2100)))
	.check(z.minLength(1, 'no-years'), z.maxLength(20), z.refine((a) => new Set(a).size === a.length, 'duplicate-year'));

/** What a staff admin writes: the template's name, years, parts and columns. */
export const templateContent = z
	.object({
		name: displayName(300, NAME),
		years: templateYears,
		parts: z.array(templatePart).check(z.minLength(1, 'no-parts'), z.maxLength(3)),
		columns: z.array(column).check(z.minLength(1, 'no-columns'), z.maxLength(MAX_COLUMNS, 'too-many-columns'))
	})
	.check(z.superRefine((t, ctx) => checkTemplateContent(t, ctx)));
export type TemplateContent = z.infer<typeof templateContent>;

/**
 * templates/{id}: the form of the years it applies to. `keys`, `types` and `choiceValues` repeat the
 * columns for firestore.rules (template.ts templateDocument builds them). Only functions write it;
 * a template that a plan uses is never changed again (a change is a new template).
 */
export const template = z
	.object({
		name: z.string().check(z.minLength(1), z.maxLength(300)),
		years: templateYears,
		published: z.boolean(),
		parts: z.array(templatePart).check(z.minLength(1), z.maxLength(3)),
		columns: z.array(column).check(z.minLength(1), z.maxLength(MAX_COLUMNS)),
		keys: z.array(fieldKey),
		types: z.record(z.string(), columnType),
		choiceValues: z.record(z.string(), z.array(z.string())),
		publishedAt: z._default(z.nullable(instant), null),
		publishedBy: z._default(z.nullable(z.string()), null)
	})
	.check(
		z.superRefine((t, ctx) => {
			checkTemplateContent(t, ctx);
			const keys = t.columns.map((c) => c.key);
			if (keys.join() !== t.keys.join()) ctx.addIssue({ code: 'custom', message: 'keys-must-list-the-columns', path: ['keys'] });
			for (const c of t.columns) {
				if (t.types[c.key] !== c.type) ctx.addIssue({ code: 'custom', message: `types-must-match:${c.key}`, path: ['types'] });
				const values = c.type === 'singleChoice' || c.type === 'marks' ? c.choices.map((ch) => ch.value) : [];
				if ((t.choiceValues[c.key] ?? []).join('\u0000') !== values.join('\u0000')) ctx.addIssue({ code: 'custom', message: `choice-values-must-match:${c.key}`, path: ['choiceValues'] });
			}
			if (Object.keys(t.types).length !== keys.length) ctx.addIssue({ code: 'custom', message: 'types-must-list-the-columns', path: ['types'] });
		})
	);
export type Template = z.infer<typeof template>;

/** A staff admin saves a template: a draft (published false) or published; refused once a plan uses it. */
export const saveTemplateInput = z.strictObject({
	templateId: id,
	published: z.boolean(),
	content: templateContent
});
export type SaveTemplateInput = z.infer<typeof saveTemplateInput>;

/* ---------- rows ---------- */

export const text = z.string().check(z.maxLength(MAX_TEXT));

/** A stored cell value, whatever its column: text, or the marked choices of an X-marks column. */
export const fieldValue = z.union([text, z.array(z.string().check(z.maxLength(60))).check(z.maxLength(MAX_CHOICES))]);
export type FieldValue = string | string[];

export const rowFields = z.record(fieldKey, fieldValue);
export type RowFields = Record<string, FieldValue>;

/** The value a column accepts (mirrored in firestore.rules validFieldValue): its type and its choices. */
export function valueSchema(c: Pick<Column, 'type' | 'choices'>): z.ZodMiniType<FieldValue> {
	const values = c.choices.map((ch) => ch.value);
	switch (c.type) {
		case 'shortText':
			return z.string().check(z.maxLength(MAX_SHORT_FIELD));
		case 'longText':
			return text;
		case 'singleChoice':
			return z.string().check(z.refine((v) => v === '' || values.includes(v), 'not-a-choice'));
		case 'marks':
			return z.array(z.string()).check(
				z.refine((a) => a.every((v) => values.includes(v)), 'not-a-choice'),
				z.refine((a) => new Set(a).size === a.length, 'duplicate-mark')
			);
	}
}

export const rowRevs = z.record(fieldKey, z.number().check(z.int(), z.minimum(0)));

/**
 * A number a reader can order and sum. zod 4's z.number() already refuses NaN and ±Infinity; the
 * check says so explicitly, as firestore.rules isFinite does for the same fields.
 */
export const finiteNumber = z.number().check(z.refine(Number.isFinite, 'not-finite'));
export type RowRevs = z.infer<typeof rowRevs>;

/**
 * A row's place in its area (ordering.ts): a fractional-index key of fractional-indexing-jittered's
 * base-62 alphabet, a letter first (the library's integer head), at most 64 characters. Keys compare
 * by code units. firestore.rules isPositionKey checks the same pattern.
 */
export const MAX_POSITION_KEY = 64;
export const positionKey = z.string().check(z.regex(new RegExp(`^[A-Za-z][0-9A-Za-z]{1,${MAX_POSITION_KEY - 1}}$`), 'invalid-position-key'));
/** A position as stored: a key, or a legacy number from before keys, which readers accept and ordering.ts orderRepairs re-keys. */
export const storedPosition = z.union([positionKey, finiteNumber]);

/** A row as written: the shape firestore.rules accept for a new row (rows.position is always a key). */
export const row = z.object({
	area: z.number().check(z.int(), z.minimum(1)),
	position: positionKey,
	fields: rowFields,
	revs: rowRevs,
	createdBy: z.string().check(z.minLength(1)),
	updatedBy: z.string().check(z.minLength(1)),
	updatedAt: instant,
	/** Set by createNextYear on a row carried over from the year before. */
	carriedFrom: z.optional(z.lazy(() => carriedFrom))
});
/** A row as read: a legacy numeric position is still readable (the read path only; writes give keys). */
export const storedRow = z.extend(row, { position: storedPosition });
export type Row = z.infer<typeof storedRow>;

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
	lastSeen: instant,
	/** The TTL field (retention.ts): the document is deleted some time after it passes. */
	expireAt: instant
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
	sentAt: z._default(z.nullable(instant), null),
	/** The TTL field (retention.ts): the outbox forgets the mail (and any sign-in link in it). */
	expireAt: instant
});
export type Mail = z.infer<typeof mail>;

export const requestSignInLinkInput = z.strictObject({ email });
export type RequestSignInLinkInput = z.infer<typeof requestSignInLinkInput>;

/* ---------- the browser's journal of unsent edits (localStorage) ---------- */

/**
 * One field edit as the browser keeps it until Firestore confirms it: a row's cell or an answer's field,
 * with the value it started from (the merge's base). The value is parsed against its field when sent.
 */
export const journalEntry = z.object({
	doc: id,
	key: z.string().check(z.minLength(1), z.maxLength(64)),
	baseRev: z.number().check(z.int(), z.minimum(0)),
	base: z.nullable(z.object({ value: z.unknown() })),
	value: z.unknown()
});

/** One tab's journal of one plan: its owner's lease, and the unsent edits of the table and the questionnaire. */
export const tabJournalRecord = z.object({
	v: z.literal(2),
	tab: z.string().check(z.minLength(1), z.maxLength(64)),
	lease: finiteNumber,
	released: z.boolean(),
	rows: z.array(z.unknown()),
	answers: z.array(z.unknown())
});

/** A row edit of the first journal, which kept no base and no answers: read once, replayed, then removed. */
export const legacyJournalEntry = z.object({ rowId: id, field: fieldKey, baseRev: z.number().check(z.int(), z.minimum(0)), value: fieldValue });

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

/** Whether organisations that have not signed off only warn at submission (the default) or block it. */
export const signOffRequirement = z.enum(['warn', 'block']);
export type SignOffRequirement = z.infer<typeof signOffRequirement>;

/**
 * One organisation's sign-off as a submission records it: its name then, the state against the
 * submitted hash, and who signed off, when and over which hash (all null for 'none'). The name of
 * the one who signed off is replaced when that person is erased (erasePerson); the sign-off stays,
 * it is the organisation's.
 */
export const submittedSignOff = z.object({
	orgId: id,
	orgName: z.string().check(z.minLength(1), z.maxLength(200)),
	state: z.enum(['approved', 'stale', 'none']),
	uid: z.nullable(actorUid),
	name: z.nullable(actorName),
	at: z.nullable(instant),
	contentHash: z.nullable(sha256HexString)
});
export type SubmittedSignOff = z.infer<typeof submittedSignOff>;

/**
 * What submitting a year records on the year document: who, when, how many rows per priority area
 * (keys are area numbers as decimal strings, "1", "2", … — Firestore map keys are strings), and the
 * SHA-256 of the submitted content (submission.ts canonicalContent) so a later read can show that
 * the rows are still what was submitted, and the warned-about cells that were empty then.
 */
export const submission = z
	.object({
		by: actorUid,
		byName: actorName,
		at: instant,
		rowsPerArea: z.record(z.string().check(z.regex(/^[1-9]\d*$/, 'invalid-area')), z.number().check(z.int(), z.minimum(0))),
		rowCount: z.number().check(z.int(), z.minimum(0)),
		contentHash: sha256HexString,
		/** Cells the template only warns about that were empty when the plan was handed in (completeness.ts). */
		warnings: z._default(z.array(z.object({ rowId: z.string().check(z.minLength(1), z.maxLength(1500)), field: fieldKey })), []),
		/**
		 * Every organisation of the region's network and its sign-off against the submitted content
		 * (sign-off.ts submissionSignOffs): 'approved' (fresh), 'stale' or 'none'. Empty in submissions
		 * made before sign-offs existed.
		 */
		signOffs: z._default(z.array(submittedSignOff), [])
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
	/** Organisations not signed off warn at submission ('warn', the default) or stop it ('block'); setPlanSettings. */
	signOffRequirement: z._default(signOffRequirement, 'warn'),
	/** When a coordinator last asked each organisation (by id) to sign off (requestSignOff), for the page to show. */
	signOffRequests: z._default(z.record(id, instant), {}),
	/** The latest submission (kept after a reopening, so the history of hand-ins stays visible). */
	submission: z._default(z.nullable(submission), null),
	/** Every reopening, oldest first. */
	reopenings: z._default(z.array(reopening), [])
});
export type Plan = z.infer<typeof plan>;

/** The submit callable: lock the year. */
export const submitPlanInput = z.strictObject({ regionId: id, year: planYear });
export type SubmitPlanInput = z.infer<typeof submitPlanInput>;

/**
 * The repairRow callable: a coordinator replaces a stored row the app cannot read (row-repair.ts) by
 * its repaired version, or deletes it. The row id is as stored, so only what Firestore takes as one
 * document id (no slash, at most 1,500 bytes) — not necessarily a schemas.ts `id`.
 */
export const repairRowInput = z.strictObject({
	regionId: id,
	year: planYear,
	rowId: z.string().check(
		z.minLength(1),
		z.refine((v) => new TextEncoder().encode(v).length <= 1500 && !v.includes('/') && v !== '.' && v !== '..', 'invalid-document-id')
	),
	action: z.enum(['repair', 'delete'])
});
export type RepairRowInput = z.infer<typeof repairRowInput>;

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
	reminderOffsets,
	/** Left out: unchanged (the settings form of the deadline does not send it). */
	signOffRequirement: z.optional(signOffRequirement)
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

/* ---------- comments, unread markers, history, mentions ---------- */

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
/** A row's place in a history entry: a move from a legacy number to a key records both as they were. */
export const place = z.object({ area: z.number().check(z.int(), z.minimum(1)), position: storedPosition });

/** A value as the history keeps it: a cell value, a place (create, move) or a whole row's fields (delete). */
export const historyValue = z.nullable(z.union([fieldValue, place, rowFields]));

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
	mailId: z.nullable(z.string()),
	/** The TTL field (retention.ts): a month after the mention while pending, a week after it is mailed. */
	expireAt: instant
});
export type MentionQueueEntry = z.infer<typeof mentionQueueEntry>;

/** mentionMail/{uid}: when this person's last mention digest went out (at most one per 10 minutes). */
export const mentionMailState = z.object({ lastSentAt: instant });

/* ---------- the questionnaire, carry-over and export ---------- */

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
/** At most 10 people per role: firestore.rules checks each one, and more do not fit in its expression budget. */
export const MAX_PEOPLE = 10;

/** A named person and their share of a full-time post (årsarbetskrafter: 0,5 = half time). */
export const staffShare = z.object({
	name: z.string().check(z.minLength(1), z.maxLength(200)),
	share: finiteNumber.check(z.minimum(0), z.maximum(10))
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

/* ---------- running the network: members, organisations, plans, regions, templates ---------- */

/** Days an invitation stays valid; inviting again starts a fresh period with a fresh link. */
export const INVITATION_DAYS = 14;

export const personName = displayName(200, NAME);

/** The callable a coordinator (or a staff admin) uses to invite someone into a region. */
export const inviteMemberInput = z.strictObject({ regionId: id, email, name: personName, orgId: id, role: memberRole });
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const setMemberRoleInput = z.strictObject({ regionId: id, uid: id, role: memberRole });
export type SetMemberRoleInput = z.infer<typeof setMemberRoleInput>;

export const removeMemberInput = z.strictObject({ regionId: id, uid: id });
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;

/** erasePerson (staff admins): the person by uid, or by address (their account's, else a membership's; the admin's form asks by address). */
export const erasePersonByEmail = z.strictObject({ email });
export const erasePersonInput = z.union([z.strictObject({ uid: id }), erasePersonByEmail]);
export type ErasePersonInput = z.infer<typeof erasePersonInput>;
/** What erasePerson answers: whom it erased and the regions they left. */
export const erasePersonResult = z.object({ ok: z.literal(true), uid: z.string(), regions: z.array(id) });
export type ErasePersonResult = z.infer<typeof erasePersonResult>;

export const orgColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'invalid-color'));

/** Add (no orgId) or rename (orgId) an organisation of a region's network. */
export const saveOrganizationInput = z.strictObject({
	regionId: id,
	orgId: z.optional(id),
	name: displayName(200, NAME),
	shortName: displayName(40, SHORT_NAME),
	kind: orgKind,
	color: orgColor
});
export type SaveOrganizationInput = z.infer<typeof saveOrganizationInput>;

/** A coordinator creates the plan of a year: on the given template or the newest published for the year. */
export const createPlanInput = z.strictObject({
	regionId: id,
	year: planYear,
	templateId: z.optional(id),
	/** Start from the rows marked Fortsätter in the year before (carry-over.ts). */
	carryOver: z._default(z.boolean(), false)
});
export type CreatePlanInput = z.infer<typeof createPlanInput>;

export const areaTitle = displayName(500, { empty: 'area-empty', tooLong: 'area-too-long' });

/** A staff admin creates a region with its priority areas, its own organisation and first coordinator. */
export const createRegionInput = z.strictObject({
	regionId: id,
	name: displayName(200, NAME),
	areas: z.array(areaTitle).check(z.minLength(1, 'no-areas'), z.maxLength(20, 'too-many-areas')),
	organization: z.strictObject({
		name: displayName(200, NAME),
		shortName: displayName(40, SHORT_NAME),
		color: orgColor
	}),
	coordinator: z.strictObject({ email, name: personName })
});
export type CreateRegionInput = z.infer<typeof createRegionInput>;

/** What createRegion answers: the region's id and its own organisation's, which the first coordinator is invited into. */
export const createRegionResult = z.object({ regionId: id, orgId: id });
export type CreateRegionResult = z.infer<typeof createRegionResult>;

/** A staff admin renames a region and its areas, or adds areas (removing one in use is refused). */
export const updateRegionInput = z.strictObject({
	regionId: id,
	name: displayName(200, NAME),
	areas: z.array(areaTitle).check(z.minLength(1, 'no-areas'), z.maxLength(20, 'too-many-areas'))
});
export type UpdateRegionInput = z.infer<typeof updateRegionInput>;

/**
 * regions/{r}/audit/{id}: one change of membership, organisations or plan settings, who and when.
 * Written by the functions that make the change, in the same transaction; coordinators and staff read.
 */
export const auditKind = z.enum([
	'member-invited',
	'member-reinvited',
	'member-activated',
	'member-role-changed',
	'member-removed',
	'organization-added',
	'organization-changed',
	'plan-created',
	'plan-settings-changed',
	'region-created',
	'region-changed'
]);
export type AuditKind = z.infer<typeof auditKind>;

export const auditEntry = z.object({
	kind: auditKind,
	by: actorUid,
	byName: actorName,
	at: instant,
	/** What was changed: a member's uid, an organisation id, a plan year or the region id. */
	target: z.string().check(z.minLength(1), z.maxLength(200)),
	/** A readable name of the target at the time (the member's name, the organisation's, "2027"). */
	targetName: z.string().check(z.maxLength(200)),
	/** Before and after, for the changed values only (role, name, deadline as ISO text, offsets). */
	details: z.record(z.string(), z.unknown())
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Overview status of a region's year: no plan yet, or the plan's state (a draft after a reopening is "reopened"). */
export const overviewStatus = z.enum(['notStarted', 'draft', 'submitted', 'reopened']);
export type OverviewStatus = z.infer<typeof overviewStatus>;

/** The overview's XLSX export: optional filters like the screen's. */
export const overviewExportQuery = z.strictObject({
	year: z.optional(planYear),
	status: z.optional(overviewStatus)
});
export type OverviewExportQuery = z.infer<typeof overviewExportQuery>;

/**
 * historyFailures/{eventId}: a row or answer write the history triggers could not record (an id or a
 * document that does not parse), kept once per event instead of retrying it for days; functions only.
 */
export const historyFailure = z.object({
	trigger: z.enum(['recordRowHistory', 'recordAnswerHistory']),
	/** The written document's path (ids as stored, however long or odd). */
	path: z.string().check(z.minLength(1)),
	reason: z.enum(['invalid-row-id', 'invalid-row', 'invalid-answer', 'invalid-entry']),
	/** Where it fails: 'id', or 'before.position', 'after.fields.action' and the like. */
	problems: z.array(z.string()),
	eventId: z.string().check(z.minLength(1)),
	at: instant
});
export type HistoryFailure = z.infer<typeof historyFailure>;

/* ---------- the network meeting (meeting.ts; mirrored in firestore.rules) ---------- */

/** Where the meeting's leader is: a row, and the cell when they are in one; `at` is the server's time of the move. */
export const meetingFocus = z.object({ rowId: id, field: z.nullable(fieldKey), at: instant });
export type MeetingFocus = z.infer<typeof meetingFocus>;

/**
 * regions/{r}/years/{year}/meetings/{meetingId}: one meeting on a year's plan. A coordinator starts
 * it (and leads it first) and ends it (endedAt set: it never runs again); only the leader moves the
 * focus; the leader or a coordinator hands the lead to another active member (leaderName is theirs).
 */
export const meeting = z.object({
	leaderUid: actorUid,
	leaderName: actorName,
	startedBy: actorUid,
	startedAt: instant,
	/** null while the meeting runs. */
	endedAt: z.nullable(instant),
	focus: z.nullable(meetingFocus)
});
export type Meeting = z.infer<typeof meeting>;

/**
 * …/meetings/{meetingId}/participants/{uid}: one who joined, as themselves (the name and organisation
 * of their membership). Kept after they leave, so the minutes name everyone who took part.
 */
export const meetingParticipant = z.object({
	name: actorName,
	orgId: id,
	joinedAt: instant,
	lastSeenAt: instant
});
export type MeetingParticipant = z.infer<typeof meetingParticipant>;

/** …/meetings/{meetingId}/hands/{uid}: a raised hand on a row, one's own; lowered by deleting it. */
export const meetingHand = z.object({ rowId: id, raisedAt: instant });
export type MeetingHand = z.infer<typeof meetingHand>;

/**
 * regions/{r}/years/{year}/signOffs/{orgId}: an organisation of the region's network stands behind the
 * year's plan ("Vi står bakom planen"): who of its members, when, and the plan's content hash then
 * (submission.ts canonicalContent, the same hash a submission records). Written only by the signOffPlan
 * callable; a later edit makes it stale (sign-off.ts signOffState).
 */
export const signOff = z.object({
	orgId: id,
	uid: actorUid,
	name: actorName,
	at: instant,
	contentHash: sha256HexString
});
export type SignOff = z.infer<typeof signOff>;

/** The signOffPlan callable: the caller's organisation signs off the year's plan. */
export const signOffPlanInput = z.strictObject({ regionId: id, year: planYear });
export type SignOffPlanInput = z.infer<typeof signOffPlanInput>;

/** The requestSignOff callable: a coordinator asks the organisations that have not signed off to do so. */
export const requestSignOffInput = z.strictObject({ regionId: id, year: planYear });
export type RequestSignOffInput = z.infer<typeof requestSignOffInput>;
