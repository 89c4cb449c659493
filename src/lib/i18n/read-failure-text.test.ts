// A failed read's code in the words the pages showed before the data modules returned codes: a
// refusal in the refused page's own words, the other failures in the general ones.
import { describe, expect, it } from 'vitest';
import { READ_FAILURES } from '../domain/read-failure';
import { readFailureText } from './failure-text';
import * as sv from './sv';

describe('readFailureText', () => {
	it('words a refusal as the refused page says it', () => {
		expect(readFailureText('plan-denied')).toBe('Du har inte behörighet att se den här planen.');
		expect(readFailureText('history-denied')).toBe(sv.history.denied);
		expect(readFailureText('comments-denied')).toBe(sv.comments.denied);
		expect(readFailureText('answers-denied')).toBe(sv.questionnaire.denied);
		expect(readFailureText('audit-denied')).toBe(sv.errors.denied.audit);
		expect(readFailureText('reminders-denied')).toBe(sv.reminders.denied);
		expect(readFailureText('admin-denied')).toBe(sv.errors.denied.admin);
		expect(readFailureText('overview-denied')).toBe(sv.errors.denied.overview);
	});

	it('words the other failures in the general texts', () => {
		expect(readFailureText('unavailable')).toBe(sv.errors.unavailable);
		expect(readFailureText('unauthenticated')).toBe(sv.errors.unauthenticated);
		expect(readFailureText('unreadable')).toBe(sv.errors.unreadable);
		expect(readFailureText('generic')).toBe(sv.errors.generic);
	});

	it('has a sentence of its own for every code', () => {
		const texts = READ_FAILURES.map(readFailureText);
		expect(texts.every((t) => t.length > 0)).toBe(true);
		expect(new Set(texts).size).toBe(READ_FAILURES.length);
	});
});
