// A form's input checked with the callable's own zod schema before anything is sent, and an
// invalid-argument's issues read back the same way: each problem a code on the field it belongs to
// (nested fields named by their path: "organization.color", "areas.2", "columns.<uid>.key").
// The one checker of every form; the UI words the codes (i18n/failure-text.ts issueText).
import type * as z from 'zod/mini';

/**
 * One problem of one field: `field` its path in the input ('' when none is named), `code` what (the
 * schema's message, "invalid-email"), `param` the rest of the message ("kostnad" of
 * "duplicate-column-key:kostnad").
 */
export interface FieldIssue {
	field: string;
	code: string;
	param: string;
}

/** The input to send, or the first problem of each field in the order the schema reported them. */
export type FormCheck<T> = { ok: true; data: T } | { ok: false; issues: FieldIssue[] };

/** An issue as zod reports it, or as a callable sends it back in details.issues (any part may be missing). */
export interface RawIssue {
	path?: ReadonlyArray<PropertyKey>;
	message?: string;
	code?: string;
}

/** Our own issue messages are kebab-case codes (with ":param" at most); zod's defaults are sentences. */
const OWN_MESSAGE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(:.*)?$/;

/**
 * The code of an issue on a field: the schema's own message ("name-empty", "duplicate-column-key"
 * with its param "kostnad"), else from zod's issue code and the field's last segment: an empty or
 * too long key, id or choice value ("key-empty", "id-too-long"), a year out of range, or "invalid".
 */
export function issueCode(field: string, issue: Pick<RawIssue, 'message' | 'code'>): { code: string; param: string } {
	const message = issue.message ?? '';
	if (OWN_MESSAGE.test(message)) {
		const at = message.indexOf(':');
		return at < 0 ? { code: message, param: '' } : { code: message.slice(0, at), param: message.slice(at + 1) };
	}
	const last = field.split('.').at(-1) ?? '';
	if (field === 'years') return { code: 'years-range', param: '' };
	const size = issue.code === 'too_small' ? 'empty' : issue.code === 'too_big' ? 'too-long' : null;
	const named: Record<string, string> = { key: 'key', value: 'value', templateId: 'id', regionId: 'id' };
	if (size && named[last]) return { code: `${named[last]}-${size}`, param: '' };
	return { code: size === 'too-long' ? 'too-long' : 'invalid', param: '' };
}

/** The first problem of each field ("a.b.0"), in the order the schema reported them. */
export function fieldIssues(issues: readonly RawIssue[]): FieldIssue[] {
	const out: FieldIssue[] = [];
	for (const issue of issues) {
		const field = (issue.path ?? []).map(String).join('.');
		if (!out.some((i) => i.field === field)) out.push({ field, ...issueCode(field, issue) });
	}
	return out;
}

/** Parses a form's input with the callable's schema: the input to send, or the problems per field. */
export function checkInput<S extends z.ZodMiniType>(schema: S, input: unknown): FormCheck<z.output<S>> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, issues: fieldIssues(parsed.error.issues) };
}
