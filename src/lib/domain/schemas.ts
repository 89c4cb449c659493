// Every document and callable payload of Planbordet as one zod schema each: the app's converters,
// the functions and the tests all parse through these. Timestamps are normalised to Date at the edge.
// A namespace import (not { z }) lets the bundler drop the parts of zod the app never uses.
import * as z from 'zod';

/** Firestore Timestamp-likes (client or Admin SDK) and Dates all parse to a Date. */
export const instant = z.preprocess((v) => {
	if (v && typeof v === 'object' && 'toDate' in v && typeof (v as { toDate: unknown }).toDate === 'function') {
		return (v as { toDate(): Date }).toDate();
	}
	return v;
}, z.date());

export const MAX_TEXT = 10_000;

export const email = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email({ message: 'invalid-email' }));

export const id = z
	.string()
	.min(1)
	.max(128)
	.regex(/^[A-Za-z0-9_-]+$/, 'invalid-id');

export const orgKind = z.enum(['region', 'lansstyrelse', 'kommun', 'myndighet', 'annan']);

export const organization = z.object({
	name: z.string().min(1).max(200),
	shortName: z.string().min(1).max(40),
	kind: orgKind,
	regionId: z.string().nullable(),
	color: z.string().regex(/^#[0-9a-fA-F]{6}$/)
});
export type Organization = z.infer<typeof organization>;

export const staffRole = z.enum(['reader', 'admin']);
export const staff = z.object({
	email,
	name: z.string().min(1).max(200),
	orgId: id,
	role: staffRole
});
export type Staff = z.infer<typeof staff>;

export const priorityArea = z.object({
	number: z.number().int().min(1),
	title: z.string().min(1).max(500)
});
export type PriorityArea = z.infer<typeof priorityArea>;

/** Areas are numbered 1..n in order: the rules check a row's area as 1 <= area <= areas.size(). */
export const region = z.object({
	name: z.string().min(1).max(200),
	areas: z
		.array(priorityArea)
		.min(1)
		.max(20)
		.refine((areas) => areas.every((a, i) => a.number === i + 1), 'areas-not-numbered-1-to-n')
});
export type Region = z.infer<typeof region>;

export const memberRole = z.enum(['coordinator', 'editor']);
export type MemberRole = z.infer<typeof memberRole>;
export const member = z.object({
	email,
	name: z.string().min(1).max(200),
	orgId: id,
	role: memberRole
});
export type Member = z.infer<typeof member>;

export const planStatus = z.enum(['draft', 'submitted']);
export const plan = z.object({
	templateId: id,
	status: planStatus,
	deadline: instant,
	reminderOffsets: z.array(z.number().int().min(0).max(365)).max(20).default([30, 14, 7, 2, 1])
});
export type Plan = z.infer<typeof plan>;

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
	title: z.string().min(1),
	help: z.string().default('')
});

export const choice = z.object({ value: z.string(), label: z.string().min(1) });

export const requirement = z.enum(['always', 'whenStatusSet', 'never']);

export const column = z.object({
	key: fieldKey,
	part: z.enum(['plan', 'followUp', 'nextYear']),
	title: z.string().min(1),
	help: z.string().default(''),
	type: columnType,
	choices: z.array(choice).default([]),
	required: requirement.default('never')
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
		name: z.string().min(1),
		years: z.array(z.number().int().min(2000).max(2100)).min(1),
		published: z.boolean(),
		parts: z.array(templatePart).min(1),
		columns: z.array(column).min(1),
		/** The column keys, denormalised so firestore.rules can check a written key is in the template. */
		keys: z.array(fieldKey)
	})
	.superRefine((t, ctx) => {
		const keys = t.columns.map((c) => c.key);
		if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'duplicate-column-key', path: ['columns'] });
		if (keys.join() !== t.keys.join()) ctx.addIssue({ code: 'custom', message: 'keys-must-list-the-columns', path: ['keys'] });
		for (const [i, c] of t.columns.entries()) {
			const expected = FIELD_TYPES[c.key];
			const compatible = c.type === expected || (expected === 'longText' && c.type === 'shortText');
			if (!compatible) ctx.addIssue({ code: 'custom', message: `column-type-mismatch:${c.key}`, path: ['columns', i, 'type'] });
			if (!t.parts.some((p) => p.key === c.part)) ctx.addIssue({ code: 'custom', message: `unknown-part:${c.part}`, path: ['columns', i, 'part'] });
		}
	});
export type Template = z.infer<typeof template>;

/* ---------- rows ---------- */

export const text = z.string().max(MAX_TEXT);
export const fieldValues = {
	action: text,
	goal: text,
	resources: text,
	serviceTypes: z.array(serviceType).max(SERVICE_TYPES.length).refine((a) => new Set(a).size === a.length, 'duplicate-service-type'),
	outputs: text,
	effects: text,
	status: rowStatus,
	nextYear: text
} satisfies Record<FieldKey, z.ZodType>;

export const rowFields = z.object(fieldValues).partial().strict();
export type RowFields = z.infer<typeof rowFields>;
export type FieldValue = RowFields[FieldKey];

export const rowRevs = z.partialRecord(fieldKey, z.number().int().min(0));
export type RowRevs = z.infer<typeof rowRevs>;

export const row = z.object({
	area: z.number().int().min(1),
	position: z.number(),
	fields: rowFields,
	revs: rowRevs,
	createdBy: z.string().min(1),
	updatedBy: z.string().min(1),
	updatedAt: instant
});
export type Row = z.infer<typeof row>;

/* ---------- presence ---------- */

export const cellRef = z.object({ rowId: id, field: fieldKey });
export type CellRef = z.infer<typeof cellRef>;

export const presence = z.object({
	name: z.string().min(1).max(200),
	orgId: id,
	cell: cellRef.nullable(),
	lastSeen: instant
});
export type Presence = z.infer<typeof presence>;

/* ---------- mail outbox and callables ---------- */

export const mail = z.object({
	to: z.array(email).min(1),
	subject: z.string().min(1).max(300),
	text: z.string().min(1),
	html: z.string().optional(),
	kind: z.string().min(1),
	createdAt: instant,
	/** Set by the outbox function: 'pending' → 'sending' (claimed) → 'sent' | 'failed'. */
	state: z.enum(['pending', 'sending', 'sent', 'failed']),
	attempts: z.number().int().min(0),
	error: z.string().nullable().default(null),
	sentAt: instant.nullable().default(null)
});
export type Mail = z.infer<typeof mail>;

export const requestSignInLinkInput = z.object({ email }).strict();
export type RequestSignInLinkInput = z.infer<typeof requestSignInLinkInput>;

/* ---------- the browser's journal of unsent cell edits (localStorage) ---------- */

/** One cell edit as the browser keeps it until Firestore confirms it; the value must fit its field. */
export const journalEntry = z
	.object({ rowId: id, field: fieldKey, baseRev: z.number().int().min(0), value: z.unknown() })
	.superRefine((e, ctx) => {
		if (!fieldValues[e.field].safeParse(e.value).success) ctx.addIssue({ code: 'custom', message: 'value-does-not-fit-field', path: ['value'] });
	});
