// Listener errors become a ReadFailure code (the page words it: i18n/failure-text.ts).
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { errorCode, readFailure } from './errors';

describe('read errors', () => {
	it('names what the reader was refused, for the page’s own words', () => {
		expect(readFailure({ code: 'permission-denied' }, 'plan-denied')).toBe('plan-denied');
		expect(readFailure({ code: 'permission-denied' }, 'generic')).toBe('generic');
	});

	it('tells unreachable servers, lost sign-ins and unreadable documents apart', () => {
		expect(readFailure({ code: 'unavailable' }, 'plan-denied')).toBe('unavailable');
		expect(readFailure({ code: 'deadline-exceeded' }, 'plan-denied')).toBe('unavailable');
		expect(readFailure({ code: 'unauthenticated' }, 'plan-denied')).toBe('unauthenticated');
		const zodError = z.object({ a: z.string() }).safeParse({}).error;
		expect(errorCode(zodError)).toBe('unreadable');
		expect(readFailure(zodError, 'plan-denied')).toBe('unreadable');
		// live.svelte.ts's converters throw UnreadableDocument for a document their reader refuses.
		expect(errorCode(Object.assign(new Error('refused'), { name: 'UnreadableDocument' }))).toBe('unreadable');
		expect(readFailure(new Error('boom'), 'plan-denied')).toBe('generic');
	});

	it('keeps callable codes as Firebase writes them', () => {
		expect(errorCode({ code: 'functions/resource-exhausted' })).toBe('functions/resource-exhausted');
	});
});
