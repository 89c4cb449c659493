// Why a callable (submitPlan, reopenPlan, setPlanSettings, setReminderSubscription) said no, read
// from the error the Functions SDK throws: its code ("functions/failed-precondition") and details
// ({ reason: 'incomplete', missing: [{ rowId, field }] }). The page turns the kind into Swedish.
import * as z from 'zod/mini';
import type { MissingField } from './completeness';
import { fieldKey, id } from './schemas';

export type ActionFailure =
	/** The submit function found required fields empty: its own list, in its order. */
	| { kind: 'incomplete'; missing: MissingField[] }
	| { kind: 'already-submitted' }
	| { kind: 'not-submitted' }
	| { kind: 'empty' }
	/** createNextYear: no template is published for the next year. */
	| { kind: 'no-template' }
	/** createNextYear: next year's plan already exists. */
	| { kind: 'exists' }
	/** Another failed precondition, reason unknown. */
	| { kind: 'precondition' }
	| { kind: 'denied' }
	| { kind: 'not-found' }
	| { kind: 'invalid' }
	| { kind: 'unauthenticated' }
	| { kind: 'too-many' }
	/** The server could not be reached or failed (also what a lost connection reads as). */
	| { kind: 'unavailable' }
	| { kind: 'unknown' };

const REASONS = ['incomplete', 'already-submitted', 'not-submitted', 'empty', 'no-template'] as const;
type Reason = (typeof REASONS)[number];

const missingEntry = z.object({ rowId: id, field: fieldKey });

function prop(err: unknown, key: string): unknown {
	return err && typeof err === 'object' && key in err ? (err as Record<string, unknown>)[key] : undefined;
}

/** The code without the SDK's "functions/" prefix. */
function bareCode(err: unknown): string {
	const code = prop(err, 'code');
	return typeof code === 'string' ? code.replace(/^functions\//, '') : '';
}

function reasonOf(err: unknown): Reason | null {
	const details = prop(err, 'details');
	const fromDetails = prop(details, 'reason');
	if (typeof fromDetails === 'string' && (REASONS as readonly string[]).includes(fromDetails)) return fromDetails as Reason;
	// HttpsError(code, message, details): a function may also say the reason as its message ("incomplete [400]").
	const message = prop(err, 'message');
	if (typeof message === 'string') {
		const m = /^(incomplete|already-submitted|not-submitted|empty|no-template)\b/.exec(message.trim());
		if (m) return m[1] as Reason;
	}
	return null;
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
	switch (bareCode(err)) {
		case 'failed-precondition': {
			const reason = reasonOf(err);
			if (reason === 'incomplete') return { kind: 'incomplete', missing: missingOf(err) };
			return reason ? { kind: reason } : { kind: 'precondition' };
		}
		case 'permission-denied':
			return { kind: 'denied' };
		case 'already-exists':
			return { kind: 'exists' };
		case 'not-found':
			return { kind: 'not-found' };
		case 'invalid-argument':
			return { kind: 'invalid' };
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
