import { describe, expect, it } from 'vitest';
import { actionFailure } from './action-failure';

/** What the Functions SDK throws: FunctionsError has a prefixed code, a message and details. */
const fnError = (code: string, message = code, details?: unknown) => Object.assign(new Error(message), { code: `functions/${code}`, details });

describe('actionFailure', () => {
	it('reads an incomplete plan with the function’s missing fields, dropping malformed entries', () => {
		const err = fnError('failed-precondition', 'incomplete', {
			reason: 'incomplete',
			missing: [{ rowId: 'jh23-1-01', field: 'goal' }, { rowId: 'x', field: 'no pe' }, 'junk', { rowId: 'jh23-2-01', field: 'status' }]
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
		expect(actionFailure(fnError('invalid-argument'))).toEqual({ kind: 'invalid', issues: [] });
		expect(actionFailure(fnError('unauthenticated'))).toEqual({ kind: 'unauthenticated' });
		expect(actionFailure(fnError('resource-exhausted'))).toEqual({ kind: 'too-many' });
	});

	it('reads the reasons of the network and Tillväxtverket callables from details.reason, whatever the code', () => {
		const cases: Array<[string, string]> = [
			['already-exists', 'already-member'],
			['failed-precondition', 'unknown-organization'],
			['not-found', 'member-not-found'],
			['failed-precondition', 'last-coordinator'],
			['already-exists', 'organization-exists'],
			['already-exists', 'plan-exists'],
			['failed-precondition', 'no-template'],
			['not-found', 'template-not-found'],
			['failed-precondition', 'template-not-for-year'],
			['failed-precondition', 'no-previous-plan'],
			['permission-denied', 'not-a-coordinator'],
			['permission-denied', 'not-staff-admin'],
			['already-exists', 'region-exists'],
			['not-found', 'region-not-found'],
			['failed-precondition', 'area-in-use'],
			['failed-precondition', 'template-in-use']
		];
		for (const [code, reason] of cases) expect(actionFailure(fnError(code, reason, { reason })), reason).toEqual({ kind: reason });
		expect(actionFailure(fnError('already-exists', 'x', { reason: 'plan-exists', year: '2025' }))).toEqual({ kind: 'plan-exists' });
	});

	it('falls back on the code when a reason is unknown or missing', () => {
		expect(actionFailure(fnError('permission-denied', 'x', { reason: 'something-new' }))).toEqual({ kind: 'denied' });
		expect(actionFailure(fnError('already-exists', 'x'))).toEqual({ kind: 'exists' });
		expect(actionFailure(fnError('not-found', 'x', { reason: 'plan-not-found' }))).toEqual({ kind: 'not-found' });
	});

	it('names the fields of invalid input from the zod issues, first problem per field', () => {
		const err = fnError('invalid-argument', 'invalid-input', {
			issues: [
				{ code: 'invalid_format', path: ['email'], message: 'invalid-email' },
				{ code: 'too_small', path: ['name'], message: 'name-empty' },
				{ code: 'too_big', path: ['name'], message: 'name-too-long' },
				{ code: 'invalid_value', path: ['role'], message: 'Invalid option: expected one of "coordinator"|"editor"' },
				'junk'
			]
		});
		expect(actionFailure(err)).toEqual({
			kind: 'invalid',
			issues: [
				{ field: 'email', code: 'invalid-email', param: '' },
				{ field: 'name', code: 'name-empty', param: '' },
				{ field: 'role', code: 'invalid', param: '' }
			]
		});
		expect(actionFailure(fnError('invalid-argument', 'invalid-email', { reason: 'invalid-email' }))).toEqual({
			kind: 'invalid',
			issues: [{ field: 'email', code: 'invalid-email', param: '' }]
		});
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
