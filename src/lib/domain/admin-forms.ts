// The staff admin's forms (new region, region, invitation, template) checked with the callables' own
// zod schemas before anything is sent: each problem on the field it belongs to, nested fields named
// by their path ("organization.color", "areas.2", "columns.<uid>.key"), one code per field; and what
// createRegion answers.
import * as z from 'zod/mini';
import { id } from './schemas';

export interface FormIssue {
	path: ReadonlyArray<PropertyKey>;
	message: string;
	code: string;
}

/** Our own issue messages are kebab-case codes (with ":param" at most); zod's defaults are sentences. */
const OWN_MESSAGE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(:.*)?$/;

/**
 * The code of an issue on a field: the schema's own message ("name-empty", "duplicate-column-key"
 * with its param "kostnad"), else from zod's issue code and the field's last segment: an empty or
 * too long key, id or choice value ("key-empty", "id-too-long"), a year out of range, or "invalid".
 */
export function issueCode(field: string, issue: Pick<FormIssue, 'message' | 'code'>): { code: string; param: string } {
	if (OWN_MESSAGE.test(issue.message)) {
		const at = issue.message.indexOf(':');
		return at < 0 ? { code: issue.message, param: '' } : { code: issue.message.slice(0, at), param: issue.message.slice(at + 1) };
	}
	const last = field.split('.').at(-1) ?? '';
	if (field === 'years') return { code: 'years-range', param: '' };
	const size = issue.code === 'too_small' ? 'empty' : issue.code === 'too_big' ? 'too-long' : null;
	const named: Record<string, string> = { key: 'key', value: 'value', templateId: 'id', regionId: 'id' };
	if (size && named[last]) return { code: `${named[last]}-${size}`, param: '' };
	return { code: size === 'too-long' ? 'too-long' : 'invalid', param: '' };
}

/** The first problem of each field ("a.b.0"), in the order the schema reported them. */
export function fieldIssues(issues: readonly FormIssue[]): Map<string, { code: string; param: string }> {
	const out = new Map<string, { code: string; param: string }>();
	for (const issue of issues) {
		const field = issue.path.map(String).join('.');
		if (!out.has(field)) out.set(field, issueCode(field, issue));
	}
	return out;
}

export type FormCheck<T> = { ok: true; data: T } | { ok: false; errors: Map<string, { code: string; param: string }> };

/** Parses a form's input with the callable's schema: the input to send, or the problems per field. */
export function checkForm<S extends z.ZodMiniType>(schema: S, input: unknown): FormCheck<z.output<S>> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, errors: fieldIssues(parsed.error.issues) };
}

/** The areas of a region form: the titles as typed, blank rows at the end left out (an empty list stays empty). */
export function areaTitles(rows: ReadonlyArray<{ title: string }>): string[] {
	const titles = rows.map((r) => r.title);
	while (titles.length > 0 && titles[titles.length - 1].trim() === '') titles.pop();
	return titles;
}

/** An id suggested for a new region from its name: "Region Jämtland Härjedalen" → "jamtland-harjedalen". */
export function regionIdOf(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/^region\s+/, '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 128);
}

/** What createRegion answers: the region's id and its own organisation's, which the first coordinator is invited into. */
export const createRegionResult = z.object({ regionId: id, orgId: id });
export type CreateRegionResult = z.infer<typeof createRegionResult>;
