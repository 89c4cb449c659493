// Every form's problem and refusal texts: each code a form can meet reads in Swedish, and a failed
// call has one wording on every page (failure-text.ts).
import { describe, expect, it } from 'vitest';
import { REASONS } from '../domain/action-failure';
import { failureText, issueText } from './failure-text';
import * as sv from './sv';

const issue = (code: string, field = 'x', param = 'kostnad') => ({ field, code, param });

describe('the Swedish text of each problem', () => {
	// Every code the template, region, organisation and invitation schemas give (schemas.ts messages)
	// and the ones issueCode and the editor make up; none may fall back to the generic text.
	const codes = [
		'name-empty', 'name-too-long', 'no-years', 'duplicate-year', 'years-invalid', 'years-range', 'no-parts', 'duplicate-part',
		'no-columns', 'too-many-columns', 'duplicate-column-key', 'unknown-part', 'choices-missing', 'duplicate-choice',
		'empty-mark-value', 'choices-on-text', 'when-status-set-without-status', 'title-empty', 'title-too-long', 'help-too-long',
		'invalid-key', 'key-empty', 'key-too-long', 'invalid-choice-value', 'value-too-long', 'choice-label-empty',
		'choice-label-too-long', 'too-many-choices', 'invalid-id', 'id-empty', 'id-too-long', 'id-taken', 'area-empty',
		'area-too-long', 'no-areas', 'too-many-areas', 'short-name-empty', 'short-name-too-long', 'invalid-color', 'invalid-email', 'too-long',
		'invisible-character', 'invalid-year', 'reason-too-short', 'reason-too-long'
	];

	it('has a text of its own for every code', () => {
		for (const code of codes) expect(issueText(issue(code)), code).not.toBe(sv.forms.invalidValue);
		expect(issueText(issue('no-such-code'))).toBe(sv.forms.invalidValue);
	});

	it('names the key or id a problem is about', () => {
		expect(issueText(issue('duplicate-column-key'))).toBe('Nyckeln ”kostnad” används redan av en annan kolumn. Varje kolumn behöver en egen nyckel.');
		expect(issueText(issue('id-taken', 'templateId', 'rsp-2028'))).toBe('Det finns redan en mall med id:t ”rsp-2028”. Välj ett annat.');
	});

	it('says what a field needs when zod’s own issue has no text, by the field’s last part', () => {
		expect(issueText(issue('invalid', 'orgId'))).toBe('Välj en organisation.');
		expect(issueText(issue('invalid', 'coordinator.email'))).toBe('Skriv en giltig e-postadress.');
	});
});

describe('the one wording of a failed call', () => {
	it('has a text of its own for every reason a callable names', () => {
		const generic = failureText({ kind: 'unknown' });
		for (const kind of REASONS.filter((r) => r !== 'incomplete')) expect(failureText({ kind }), kind).not.toBe(generic);
	});

	it('speaks of the template as the staff admin’s page does', () => {
		expect(failureText({ kind: 'template-in-use' })).toBe('Mallen används av en plan och kan inte ändras längre. Skapa en ny version i stället.');
	});

	it('names the fields of invalid input it knows, else says the input was refused', () => {
		expect(failureText({ kind: 'invalid', issues: [issue('invalid', 'email'), issue('invalid', 'orgId')] })).toBe('Uppgifterna godtogs inte: e-postadress, organisation.');
		expect(failureText({ kind: 'invalid', issues: [issue('invalid', 'somewhere')] })).toBe(sv.actionErrors.invalid);
	});
});
