// The staff pages' problem and refusal texts: every code the admin forms can meet reads in Swedish.
import { describe, expect, it } from 'vitest';
import { sv } from './sv';

describe('the Swedish text of each problem', () => {
	// Every code the template, region and invitation schemas give (schemas.ts messages) and the ones
	// issueCode and the editor make up; none may fall back to the generic text.
	const codes = [
		'name-empty', 'name-too-long', 'no-years', 'duplicate-year', 'years-invalid', 'years-range', 'no-parts', 'duplicate-part',
		'no-columns', 'too-many-columns', 'duplicate-column-key', 'unknown-part', 'choices-missing', 'duplicate-choice',
		'empty-mark-value', 'choices-on-text', 'when-status-set-without-status', 'title-empty', 'title-too-long', 'help-too-long',
		'invalid-key', 'key-empty', 'key-too-long', 'invalid-choice-value', 'value-too-long', 'choice-label-empty',
		'choice-label-too-long', 'too-many-choices', 'invalid-id', 'id-empty', 'id-too-long', 'id-taken', 'area-empty',
		'area-too-long', 'no-areas', 'too-many-areas', 'short-name-empty', 'short-name-too-long', 'invalid-color', 'invalid-email', 'too-long',
		'invisible-character'
	];
	const fallback = sv.admin.issue('no-such-code', '');

	it('has a text of its own for every code', () => {
		for (const code of codes) expect(sv.admin.issue(code, 'kostnad'), code).not.toBe(fallback);
	});

	it('names the key a duplicate is about', () => {
		expect(sv.admin.issue('duplicate-column-key', 'kostnad')).toBe('Nyckeln ”kostnad” används redan av en annan kolumn. Varje kolumn behöver en egen nyckel.');
	});

	it('says why a callable refused, in Swedish, for the admin’s reasons', () => {
		const generic = sv.admin.failure('no-such-reason');
		for (const kind of ['region-exists', 'area-in-use', 'template-in-use', 'not-staff-admin', 'denied', 'already-member', 'unknown-organization']) {
			expect(sv.admin.failure(kind), kind).not.toBe(generic);
		}
	});
});
