// The Swedish sentence for a refused callable (the one wording of a failed call, on every page) and
// for a form field's problem: a reason's own text, an invalid input's fields, or the code's general
// text; and for a failed live read (src/lib/firebase reports a ReadFailure code, the page words it here).
import type { ActionFailure } from '../domain/action-failure';
import type { FieldIssue } from '../domain/form-check';
import type { ReadFailure } from '../domain/read-failure';
import * as sv from './sv';

/** The message beside a field: the code's own text (with its param), else the field's general one. */
export function issueText(issue: FieldIssue): string {
	const own = sv.forms.issues[issue.code];
	if (typeof own === 'function') return own(issue.param);
	return own ?? sv.forms.fieldProblem[issue.field.split('.').at(-1) ?? ''] ?? sv.forms.invalidValue;
}

/** The message for a failure as a whole; an invalid input names the fields it concerns. */
export function failureText(f: ActionFailure): string {
	if (f.kind === 'incomplete') return sv.actionErrors.incomplete;
	if (f.kind === 'invalid') {
		const names = f.issues.map((i) => sv.forms.fieldNames[i.field]).filter((n): n is string => !!n);
		return names.length > 0 ? sv.forms.invalidFields(names.join(', ')) : sv.actionErrors.invalid;
	}
	return sv.actionErrors[f.kind];
}

/** A failed download's sentence by its code (firebase/exports.ts ExportError); anything else reads as out of reach. */
export function exportFailureText(err: unknown): string {
	const texts: Record<string, string> = sv.documents.failed;
	const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
	return texts[code] ?? sv.documents.failed.unavailable;
}

/** Each read failure's sentence; a refusal in the words of the page that was refused. */
const READ_FAILURE_TEXT: Record<ReadFailure, string> = {
	'plan-denied': sv.plan.denied,
	'history-denied': sv.history.denied,
	'comments-denied': sv.comments.denied,
	'answers-denied': sv.questionnaire.denied,
	'audit-denied': sv.errors.denied.audit,
	'reminders-denied': sv.reminders.denied,
	'admin-denied': sv.errors.denied.admin,
	'overview-denied': sv.errors.denied.overview,
	unavailable: sv.errors.unavailable,
	unauthenticated: sv.errors.unauthenticated,
	unreadable: sv.errors.unreadable,
	generic: sv.errors.generic
};

/** The message for a live reader's error (LiveDoc/LiveQuery `error`). */
export function readFailureText(code: ReadFailure): string {
	return READ_FAILURE_TEXT[code];
}
