// Firebase and schema errors as the Swedish sentence the page shows; a listener that fails says
// so instead of loading forever.
import { sv } from '../i18n/sv';

export function errorCode(err: unknown): string {
	if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
		return (err as { code: string }).code;
	}
	// A schema's parse error: zod/mini names it '$ZodError', classic zod 'ZodError'; a converter's refusal (live.svelte.ts) 'UnreadableDocument'.
	if (err && typeof err === 'object' && 'name' in err && /^(\$?ZodError|UnreadableDocument)$/.test(String((err as { name: unknown }).name))) return 'unreadable';
	return 'unknown';
}

/** `denied` is the page's own wording for a refused read ("Du har inte behörighet att se …"). */
export function readErrorMessage(err: unknown, denied: string): string {
	switch (errorCode(err)) {
		case 'permission-denied':
			return denied;
		case 'unavailable':
		case 'deadline-exceeded':
			return sv.errors.unavailable;
		case 'unauthenticated':
			return sv.errors.unauthenticated;
		case 'unreadable':
			return sv.errors.unreadable;
		default:
			return sv.errors.generic;
	}
}
