// Why a live read failed, as a code: the data modules (src/lib/firebase) report it and the page words
// it (i18n/failure-text.ts readFailureText). Declared in the domain because the catalogue's side needs
// the type and may not import the data modules.

/** A refused read, by what the reader was refused: each page says that in its own words. */
export const DENIED_READS = [
	'plan-denied',
	'history-denied',
	'comments-denied',
	'answers-denied',
	'audit-denied',
	'reminders-denied',
	'admin-denied',
	'overview-denied'
] as const;
export type DeniedRead = (typeof DENIED_READS)[number];

/**
 * Every way a read can fail: refused (a DeniedRead, or 'generic' for readers whose refusal needs no
 * words of its own), servers out of reach, the sign-in lost, a document its schema refuses, or else.
 */
export const READ_FAILURES = [...DENIED_READS, 'unavailable', 'unauthenticated', 'unreadable', 'generic'] as const;
export type ReadFailure = (typeof READ_FAILURES)[number];
