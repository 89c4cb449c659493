// The forms kit's state: one form's field problems, its busy flag and its failed call, and the one
// submit path every form takes (check with the callable's schema, call, word a refusal, focus the
// first field in error). FormField, FormError and FormActions show it.
import { tick } from 'svelte';
import { actionFailure, type ActionFailure } from '../../domain/action-failure';
import type { FieldIssue, FormCheck } from '../../domain/form-check';
import { failureText, issueText } from '../../i18n/failure-text';
import * as sv from '../../i18n/sv';

export interface FormOptions<T> {
	/** The form's `$props.id()`: each field's element id is built from it and the field's path. */
	id: string;
	/** What the call is ("inviteMember"), named in the console when it fails unexpectedly. */
	action: string;
	/** The input to send, or its problems by field (form-check.ts checkInput). Read again as the person types once a submit has found problems. */
	check?: () => FormCheck<T>;
	/** A problem's sentence beside its field; issueText unless the form's codes are worded elsewhere. */
	word?: (issue: FieldIssue) => string;
}

export interface CallOptions {
	/** A failure the form words itself (a link to the plan that exists): true when it did. */
	onfailure?: (f: ActionFailure) => boolean;
	/** The console's name of this call, when the form makes more than one. */
	action?: string;
	/** A failure that is not a callable's (a download: failure-text.ts exportFailureText), worded by its own function. */
	word?: (err: unknown) => string;
}

/** The attributes an input takes from the kit: its id and whether, and by what, it is described as invalid. */
export interface FieldAttributes {
	id: string;
	'aria-invalid': 'true' | undefined;
	'aria-describedby': string | undefined;
}

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button';

export class FormState<T = unknown> {
	/** A call is under way: the submit button says so (aria-disabled) and a second submit does nothing. */
	busy = $state(false);
	/** The failed call's sentence (failure-text.ts), shown by FormError. */
	failure = $state<string | null>(null);

	#options: FormOptions<T>;
	/** Since a submit found problems, the check is read again live: a fixed field loses its message. */
	#attempted = $state(false);
	/** Problems the callable sent back (invalid-argument), shown until the next submit. */
	#returned = $state.raw<FieldIssue[]>([]);
	#root: HTMLElement | null = null;

	constructor(options: FormOptions<T>) {
		this.#options = options;
	}

	/** The problems shown now, the first of each field. */
	readonly issues: FieldIssue[] = $derived.by(() => {
		if (this.#returned.length > 0) return this.#returned;
		if (!this.#attempted || !this.#options.check) return [];
		const checked = this.#options.check();
		return checked.ok ? [] : checked.issues;
	});

	/** FormError's line: a problem of the form as a whole (field ''), else how many fields need fixing, else the failed call. */
	readonly summary: string | null = $derived.by(() => {
		const whole = this.issues.find((i) => i.field === '');
		if (whole) return (this.#options.word ?? issueText)(whole);
		return this.issues.length > 0 ? sv.forms.fixErrors(this.issues.length) : this.failure;
	});

	/** `{@attach form.attach}` on the <form>: where the kit looks for the fields to focus. */
	attach = (element: HTMLElement) => {
		this.#root = element;
		return () => {
			if (this.#root === element) this.#root = null;
		};
	};

	/** The element id of a field ("organization.color" → "<id>-organization-color"). */
	idOf(field: string): string {
		return `${this.#options.id}-${field.replaceAll('.', '-')}`;
	}

	errorIdOf(field: string): string {
		return `${this.idOf(field)}-error`;
	}

	issueOf(field: string): FieldIssue | null {
		return this.issues.find((i) => i.field === field) ?? null;
	}

	/** The sentence beside a field, or null when it has no problem. */
	textOf(field: string): string | null {
		const issue = this.issueOf(field);
		return issue ? (this.#options.word ?? issueText)(issue) : null;
	}

	/** Spread on a field's input: its id, aria-invalid, and aria-describedby (the hints given, then the problem). */
	attrs(field: string, ...hints: Array<string | null | undefined>): FieldAttributes {
		const invalid = this.issueOf(field) !== null;
		const describedBy = [...hints, invalid ? this.errorIdOf(field) : null].filter((x): x is string => !!x);
		return { id: this.idOf(field), 'aria-invalid': invalid ? 'true' : undefined, 'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined };
	}

	/** Forgets every problem and failure (a dialog opened again starts clean). */
	reset() {
		this.#attempted = false;
		this.#returned = [];
		this.failure = null;
	}

	/**
	 * Checks the input; with problems, shows them and focuses the first field in error; else runs the
	 * call with the input (see call). True when the call succeeded.
	 */
	async submit(run: (data: T) => Promise<void> | void, options: CallOptions = {}): Promise<boolean> {
		if (this.busy) return false;
		this.failure = null;
		this.#returned = [];
		const check = this.#options.check;
		if (!check) throw new Error('FormState.submit: the form has no check (use call)');
		const checked = check();
		if (!checked.ok) {
			this.#attempted = true;
			await this.#focusFirst();
			return false;
		}
		// The input is good: what the call's success resets (emptied fields) must not show as problems.
		this.#attempted = false;
		return this.call(() => run(checked.data), options);
	}

	/**
	 * Runs a call with the busy flag up. A refusal becomes one sentence (failureText), or, when the
	 * callable refused fields this form shows, their problems beside them.
	 */
	async call(run: () => Promise<void> | void, options: CallOptions = {}): Promise<boolean> {
		if (this.busy) return false;
		this.failure = null;
		this.#returned = [];
		this.busy = true;
		try {
			await run();
			return true;
		} catch (err) {
			if (options.word) {
				this.failure = options.word(err);
				console.error(`Planbordet: ${options.action ?? this.#options.action} failed`, err);
				return false;
			}
			const f = actionFailure(err);
			if (f.kind === 'unknown' || f.kind === 'unavailable') console.error(`Planbordet: ${options.action ?? this.#options.action} failed`, err);
			if (options.onfailure?.(f)) return false;
			if (f.kind === 'invalid' && f.issues.some((i) => this.#shows(i.field))) {
				this.#returned = f.issues;
				await this.#focusFirst();
			} else {
				this.failure = failureText(f);
			}
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** Whether the form has an element for the field (a callable may name one it does not show; actions without a form show none). */
	#shows(field: string): boolean {
		return this.#root?.querySelector(`[id="${this.idOf(field)}"]`) != null;
	}

	/** Focus on the field in error that comes first on the page (a group: its first control). */
	async #focusFirst() {
		await tick();
		const root = this.#root;
		if (!root) return;
		const elements = this.issues.flatMap((i) => {
			const el = root.querySelector<HTMLElement>(`[id="${this.idOf(i.field)}"]`);
			return el ? [el] : [];
		});
		elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
		const first = elements[0];
		if (!first) return;
		(first.matches(FOCUSABLE) ? first : (first.querySelector<HTMLElement>(FOCUSABLE) ?? first)).focus();
	}
}
