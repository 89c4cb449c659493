// Listener errors become the Swedish sentence the page shows.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { sv } from '../i18n/sv';
import { errorCode, readErrorMessage } from './errors';

describe('read errors', () => {
	it('says the page’s own words for a refused read', () => {
		expect(readErrorMessage({ code: 'permission-denied' }, sv.plan.denied)).toBe('Du har inte behörighet att se den här planen.');
	});

	it('explains unreachable servers, lost sign-ins and unreadable documents', () => {
		expect(readErrorMessage({ code: 'unavailable' }, 'x')).toBe(sv.errors.unavailable);
		expect(readErrorMessage({ code: 'unauthenticated' }, 'x')).toBe(sv.errors.unauthenticated);
		const zodError = z.object({ a: z.string() }).safeParse({}).error;
		expect(errorCode(zodError)).toBe('unreadable');
		expect(readErrorMessage(zodError, 'x')).toBe(sv.errors.unreadable);
		// live.svelte.ts's converters throw UnreadableDocument for a document their reader refuses.
		expect(errorCode(Object.assign(new Error('refused'), { name: 'UnreadableDocument' }))).toBe('unreadable');
		expect(readErrorMessage(new Error('boom'), 'x')).toBe(sv.errors.generic);
	});

	it('keeps callable codes as Firebase writes them', () => {
		expect(errorCode({ code: 'functions/resource-exhausted' })).toBe('functions/resource-exhausted');
	});
});
