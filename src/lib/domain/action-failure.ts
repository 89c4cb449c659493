// Why a callable (submitPlan, reopenPlan, setPlanSettings, the network's and Tillväxtverket's
// callables) said no, read from the error the Functions SDK throws: its code
// ("functions/failed-precondition") and details ({ reason: 'last-coordinator' }, { reason:
// 'incomplete', missing: [{ rowId, field }] }, { issues } for invalid input). The page turns the kind
// into Swedish (i18n/failure-text.ts failureText), and an invalid input's fields into messages beside them.
import * as z from 'zod/mini';
import type { MissingField } from './completeness';
import { fieldIssues, type FieldIssue } from './form-check';
import { fieldKey, id } from './schemas';

/** The reasons a function names in details.reason that the app tells apart (each has its own Swedish text). */
export const REASONS = [
	'incomplete',
	'already-submitted',
	'not-submitted',
	'empty',
	'no-template',
	'already-member',
	'unknown-organization',
	'member-not-found',
	'last-coordinator',
	'organization-exists',
	'plan-exists',
	'template-not-found',
	'template-not-for-year',
	'no-previous-plan',
	'not-a-coordinator',
	'not-staff-admin',
	'region-exists',
	'region-not-found',
	'area-in-use',
	'template-in-use',
	'person-not-found',
	'cannot-erase-self',
	'invalid-row',
	'row-readable',
	'row-not-found',
	'plan-submitted',
	'not-signed-off'
] as const;
type Reason = (typeof REASONS)[number];

export type ActionFailure =
	/** The submit function found required fields empty: its own list, in its order. */
	| { kind: 'incomplete'; missing: MissingField[] }
	/** A reason the function named (no-template: no published template for the year; plan-exists; last-coordinator; …). */
	| { kind: Exclude<Reason, 'incomplete'> }
	/** createNextYear: next year's plan already exists (no reason given). */
	| { kind: 'exists' }
	/** Another failed precondition, reason unknown. */
	| { kind: 'precondition' }
	| { kind: 'denied' }
	| { kind: 'not-found' }
	/** The input failed the callable's schema: the first problem of each field (its path; '' when none is named). */
	| { kind: 'invalid'; issues: FieldIssue[] }
	| { kind: 'unauthenticated' }
	| { kind: 'too-many' }
	/** The server could not be reached or failed (also what a lost connection reads as). */
	| { kind: 'unavailable' }
	| { kind: 'unknown' };

const missingEntry = z.object({ rowId: id, field: fieldKey });

function prop(err: unknown, key: string): unknown {
	return err && typeof err === 'object' && key in err ? (err as Record<string, unknown>)[key] : undefined;
}

/** The code without the SDK's "functions/" prefix. */
function bareCode(err: unknown): string {
	const code = prop(err, 'code');
	return typeof code === 'string' ? code.replace(/^functions\//, '') : '';
}

function isReason(x: unknown): x is Reason {
	return typeof x === 'string' && (REASONS as readonly string[]).includes(x);
}

function reasonOf(err: unknown): Reason | null {
	const fromDetails = prop(prop(err, 'details'), 'reason');
	if (isReason(fromDetails)) return fromDetails;
	// HttpsError(code, message, details): a function may also say the reason as its message ("incomplete [400]").
	const message = prop(err, 'message');
	if (typeof message === 'string') {
		const first = /^[a-z-]+/.exec(message.trim())?.[0];
		if (isReason(first)) return first;
	}
	return null;
}

/** The fields named by an invalid-argument's zod issues (details.issues), or by reason invalid-email. */
function issuesOf(err: unknown): FieldIssue[] {
	const details = prop(err, 'details');
	if (prop(details, 'reason') === 'invalid-email') return [{ field: 'email', code: 'invalid-email', param: '' }];
	const list = prop(details, 'issues');
	if (!Array.isArray(list)) return [];
	return fieldIssues(
		list.flatMap((i) => {
			if (!i || typeof i !== 'object') return [];
			const path = prop(i, 'path');
			const message = prop(i, 'message');
			const code = prop(i, 'code');
			return [
				{
					path: Array.isArray(path) ? path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [],
					message: typeof message === 'string' ? message : undefined,
					code: typeof code === 'string' ? code : undefined
				}
			];
		})
	);
}

/** The fields `details.missing` names; entries that are not a row id and a field key are left out. */
function missingOf(err: unknown): MissingField[] {
	const list = prop(prop(err, 'details'), 'missing');
	if (!Array.isArray(list)) return [];
	return list.flatMap((m) => {
		const parsed = missingEntry.safeParse(m);
		return parsed.success ? [parsed.data] : [];
	});
}

export function actionFailure(err: unknown): ActionFailure {
	const code = bareCode(err);
	const reason = reasonOf(err);
	if (reason === 'incomplete') return { kind: 'incomplete', missing: missingOf(err) };
	if (reason) return { kind: reason };
	switch (code) {
		case 'failed-precondition':
			return { kind: 'precondition' };
		case 'permission-denied':
			return { kind: 'denied' };
		case 'already-exists':
			return { kind: 'exists' };
		case 'not-found':
			return { kind: 'not-found' };
		case 'invalid-argument':
			return { kind: 'invalid', issues: issuesOf(err) };
		case 'unauthenticated':
			return { kind: 'unauthenticated' };
		case 'resource-exhausted':
			return { kind: 'too-many' };
		case 'unavailable':
		case 'deadline-exceeded':
		case 'internal':
			return { kind: 'unavailable' };
		default:
			return { kind: 'unknown' };
	}
}
