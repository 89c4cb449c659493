// @vitest-environment jsdom
// The forms kit's one submit path on a real form element: problems beside their fields and the first
// one on the page focused, nothing sent; the parsed input sent with the busy flag up; a refusal worded
// once (failure-text.ts), or beside the fields the callable named when the form shows them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkInput } from '../../domain/form-check';
import { inviteMemberInput } from '../../domain/schemas';
import { FormState } from './form-state.svelte';

/** An invitation form: the name field comes first on the page, though the schema reports the address first. */
function setup() {
	const values = $state({ name: '', email: 'nora@', orgId: '' });
	const form = new FormState({ id: 'f', action: 'inviteMember', check: () => checkInput(inviteMemberInput, { regionId: 'jh', role: 'editor', ...values }) });
	const root = document.createElement('form');
	for (const field of ['name', 'email', 'orgId']) {
		const input = document.createElement('input');
		input.id = form.idOf(field);
		root.append(input);
	}
	document.body.append(root);
	const detach = form.attach(root);
	return { values, form, root, detach };
}

/** What the Functions SDK throws when a callable refuses. */
const refusal = (code: string, details: unknown) => Object.assign(new Error(code), { code: `functions/${code}`, details });

afterEach(() => {
	document.body.replaceChildren();
	vi.restoreAllMocks();
});

describe('FormState.submit', () => {
	it('shows each problem beside its field, focuses the first on the page and sends nothing', async () => {
		const { form } = setup();
		const run = vi.fn();
		expect(await form.submit(run)).toBe(false);
		expect(run).not.toHaveBeenCalled();
		expect(form.issues.map((i) => i.field)).toEqual(['email', 'name', 'orgId']);
		expect(form.summary).toBe('3 uppgifter behöver rättas. Inget har sparats.');
		expect(form.textOf('email')).toBe('E-postadressen ser inte ut att stämma. Skriv den som namn@exempel.se.');
		expect(form.textOf('orgId')).toBe('Välj en organisation.');
		expect(form.attrs('email', 'hint')).toEqual({ id: 'f-email', 'aria-invalid': 'true', 'aria-describedby': 'hint f-email-error' });
		expect(document.activeElement?.id).toBe('f-name');
	});

	it('reads the check again as the person types once a submit found problems', async () => {
		const { values, form } = setup();
		expect(form.issues).toEqual([]);
		await form.submit(vi.fn());
		values.email = 'nora@berg.example';
		expect(form.issueOf('email')).toBeNull();
		expect(form.summary).toBe('2 uppgifter behöver rättas. Inget har sparats.');
	});

	it('sends the parsed input with the busy flag up, and shows nothing once the call resets the fields', async () => {
		const { values, form } = setup();
		Object.assign(values, { name: ' Nora Nyman ', email: ' Nora@Berg.Example ', orgId: 'berg' });
		let busyInside = false;
		const ok = await form.submit(async (input) => {
			busyInside = form.busy;
			expect(input).toEqual({ regionId: 'jh', role: 'editor', name: 'Nora Nyman', email: 'nora@berg.example', orgId: 'berg' });
			Object.assign(values, { name: '', email: '', orgId: '' });
		});
		expect(ok).toBe(true);
		expect(busyInside).toBe(true);
		expect(form.busy).toBe(false);
		expect(form.issues).toEqual([]);
		expect(form.summary).toBeNull();
	});

	it('does nothing while a call is under way', async () => {
		const { values, form } = setup();
		Object.assign(values, { name: 'Nora', email: 'nora@berg.example', orgId: 'berg' });
		let release = () => {};
		const first = form.submit(() => new Promise<void>((r) => (release = r)));
		const second = vi.fn();
		expect(await form.submit(second)).toBe(false);
		release();
		expect(await first).toBe(true);
		expect(second).not.toHaveBeenCalled();
	});
});

describe('FormState.call', () => {
	it('words a refusal once, in failure-text.ts’s words', async () => {
		const { form } = setup();
		expect(await form.call(() => Promise.reject(refusal('already-exists', { reason: 'already-member' })))).toBe(false);
		expect(form.failure).toBe('Personen är redan medlem i regionen.');
		expect(form.summary).toBe('Personen är redan medlem i regionen.');
	});

	it('puts the fields a callable refused beside them when the form shows them, else names them', async () => {
		const { form } = setup();
		await form.call(() => Promise.reject(refusal('invalid-argument', { issues: [{ path: ['email'], message: 'invalid-email', code: 'invalid_format' }] })));
		expect(form.failure).toBeNull();
		expect(form.textOf('email')).toBe('E-postadressen ser inte ut att stämma. Skriv den som namn@exempel.se.');
		expect(document.activeElement?.id).toBe('f-email');

		await form.call(() => Promise.reject(refusal('invalid-argument', { issues: [{ path: ['uid'], message: 'Invalid', code: 'invalid_type' }] })));
		expect(form.issues).toEqual([]);
		expect(form.failure).toBe('Uppgifterna godtogs inte: person.');
	});

	it('words a failure that is not a callable’s with the function given, and says so in the console', async () => {
		const { form } = setup();
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		await form.call(() => Promise.reject(new Error('boom')), { word: () => 'Exporten gick inte att hämta.' });
		expect(form.failure).toBe('Exporten gick inte att hämta.');
		expect(log).toHaveBeenCalledOnce();
	});

	it('logs an unknown failure, and forgets it on reset', async () => {
		const { form } = setup();
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		await form.call(() => Promise.reject(new Error('boom')));
		expect(form.failure).toBe('Något gick fel. Försök igen.');
		expect(log.mock.calls[0]?.[0]).toBe('Planbordet: inviteMember failed');
		form.reset();
		expect(form.summary).toBeNull();
	});

	it('names no field when the form is not on the page (a section’s row actions)', async () => {
		const { form, detach } = setup();
		detach();
		await form.call(() => Promise.reject(refusal('invalid-argument', { issues: [{ path: ['email'], message: 'invalid-email' }] })));
		expect(form.issues).toEqual([]);
		expect(form.failure).toBe('Uppgifterna godtogs inte: e-postadress.');
	});
});

describe('a problem of the form as a whole', () => {
	it('is the alert itself rather than a count', async () => {
		const form = new FormState({
			id: 'g',
			action: 'setPlanSettings',
			check: () => ({ ok: false, issues: [{ field: '', code: 'plan', param: '' }] }),
			word: () => 'Planen kunde inte identifieras. Ladda om sidan.'
		});
		await form.submit(vi.fn());
		expect(form.summary).toBe('Planen kunde inte identifieras. Ladda om sidan.');
	});
});
