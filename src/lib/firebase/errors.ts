// Firebase and schema errors as codes: the error's own code, and a failed read's ReadFailure, which
// the page words (i18n/failure-text.ts); a listener that fails says so instead of loading forever.
import type { DeniedRead, ReadFailure } from '../domain/read-failure';

export function errorCode(err: unknown): string {
	if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
		return (err as { code: string }).code;
	}
	// A schema's parse error: zod/mini names it '$ZodError', classic zod 'ZodError'; a converter's refusal (live.svelte.ts) 'UnreadableDocument'.
	if (err && typeof err === 'object' && 'name' in err && /^(\$?ZodError|UnreadableDocument)$/.test(String((err as { name: unknown }).name))) return 'unreadable';
	return 'unknown';
}

/** `denied` names what the reader was refused, so that the page can say it in its own words. */
export function readFailure(err: unknown, denied: DeniedRead | 'generic'): ReadFailure {
	switch (errorCode(err)) {
		case 'permission-denied':
			return denied;
		case 'unavailable':
		case 'deadline-exceeded':
			return 'unavailable';
		case 'unauthenticated':
			return 'unauthenticated';
		case 'unreadable':
			return 'unreadable';
		default:
			return 'generic';
	}
}
