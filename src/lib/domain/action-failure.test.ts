import { describe, expect, it } from 'vitest';
import { actionFailure } from './action-failure';

/** What the Functions SDK throws: FunctionsError has a prefixed code, a message and details. */
const fnError = (code: string, message = code, details?: unknown) => Object.assign(new Error(message), { code: `functions/${code}`, details });

describe('actionFailure', () => {
	it('reads an incomplete plan with the function’s missing fields, dropping malformed entries', () => {
		const err = fnError('failed-precondition', 'incomplete', {
			reason: 'incomplete',
			missing: [{ rowId: 'jh23-1-01', field: 'goal' }, { rowId: 'x', field: 'nope' }, 'junk', { rowId: 'jh23-2-01', field: 'status' }]
		});
		expect(actionFailure(err)).toEqual({
			kind: 'incomplete',
			missing: [
				{ rowId: 'jh23-1-01', field: 'goal' },
				{ rowId: 'jh23-2-01', field: 'status' }
			]
		});
	});

	it('reads an incomplete plan without a list as an empty list', () => {
		expect(actionFailure(fnError('failed-precondition', 'x', { reason: 'incomplete' }))).toEqual({ kind: 'incomplete', missing: [] });
	});

	it('reads the other preconditions from details.reason, else from the message', () => {
		expect(actionFailure(fnError('failed-precondition', 'x', { reason: 'already-submitted' }))).toEqual({ kind: 'already-submitted' });
		expect(actionFailure(fnError('failed-precondition', 'x', { reason: 'not-submitted' }))).toEqual({ kind: 'not-submitted' });
		expect(actionFailure(fnError('failed-precondition', 'x', { reason: 'empty' }))).toEqual({ kind: 'empty' });
		expect(actionFailure(fnError('failed-precondition', 'empty [400]'))).toEqual({ kind: 'empty' });
		expect(actionFailure(fnError('failed-precondition', 'something else', { reason: 'weird' }))).toEqual({ kind: 'precondition' });
	});

	it('maps the other codes, with or without the SDK prefix', () => {
		expect(actionFailure(fnError('permission-denied'))).toEqual({ kind: 'denied' });
		expect(actionFailure({ code: 'permission-denied' })).toEqual({ kind: 'denied' });
		expect(actionFailure(fnError('not-found'))).toEqual({ kind: 'not-found' });
		expect(actionFailure(fnError('invalid-argument'))).toEqual({ kind: 'invalid' });
		expect(actionFailure(fnError('unauthenticated'))).toEqual({ kind: 'unauthenticated' });
		expect(actionFailure(fnError('resource-exhausted'))).toEqual({ kind: 'too-many' });
	});

	it('reads a lost connection or a failing server as unavailable', () => {
		for (const code of ['unavailable', 'deadline-exceeded', 'internal']) expect(actionFailure(fnError(code))).toEqual({ kind: 'unavailable' });
	});

	it('reads anything else as unknown', () => {
		expect(actionFailure(new Error('boom'))).toEqual({ kind: 'unknown' });
		expect(actionFailure(null)).toEqual({ kind: 'unknown' });
		expect(actionFailure('text')).toEqual({ kind: 'unknown' });
	});
});
