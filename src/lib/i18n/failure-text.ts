// The Swedish sentence for a refused callable and for a form field's problem (the network and
// Tillväxtverket forms): a reason's own text, an invalid input's fields, or the code's general text.
import type { ActionFailure } from '../domain/action-failure';
import type { FieldIssue } from '../domain/network';
import { sv } from './sv';

/** The message beside a field: the schema code's own text, else the field's general one. */
export function issueText(issue: FieldIssue): string {
	return sv.network.issues[issue.code] ?? sv.network.fieldProblem[issue.field] ?? sv.actionErrors.invalid;
}

/** The message for a failure as a whole; an invalid input names the fields it concerns. */
export function failureText(f: ActionFailure): string {
	if (f.kind === 'incomplete') return sv.actionErrors.incomplete;
	if (f.kind === 'invalid') {
		const names = f.issues.map((i) => sv.network.fieldNames[i.field]).filter((n): n is string => !!n);
		return names.length > 0 ? sv.network.invalidFields(names.join(', ')) : sv.actionErrors.invalid;
	}
	return sv.actionErrors[f.kind];
}

/** The issues of the given fields, by field (for aria-invalid and the text beside each). */
export function issuesByField(issues: readonly FieldIssue[], fields: readonly string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) if (fields.includes(i.field) && !(i.field in out)) out[i.field] = issueText(i);
	return out;
}
