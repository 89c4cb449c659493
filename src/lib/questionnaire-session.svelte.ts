// The year's follow-up questions in the browser: the questions, this year's answers live, last year's
// beside them, and the editing of the answer fields — through the same edit engine as the table's
// cells (edit-session): one write per field with its next revision, the same journal, merge and dialog.
import { answerFieldsOf, answerValues, type Answer, type AnswerField, type AnswerFieldType } from './domain/schemas';
import { answerValue, previousYear } from './domain/questionnaire';
import type { FieldPolicy, FieldRef } from './domain/edit-engine';
import type { MergeKind } from './domain/value-merge';
import { EditSession, type ConflictChoice } from './edit-session.svelte';
import { getAnswerFromServer, LiveAnswers, writeAnswer } from './firebase/answers.svelte';
import { LiveQuestionnaire } from './firebase/questionnaires.svelte';
import type { PlanSession } from './plan-session.svelte';
import { answerEditorsOf, type PresentPerson } from './domain/presence';

/** Free text merges word by word (e-mail lists too: the schema checks the merged list); a trend or a people list is one value. */
const MERGE_KIND: Record<AnswerFieldType, MergeKind> = { text: 'text', shortText: 'text', emails: 'text', trend: 'atom', people: 'atom' };

export interface AnswerConflict {
	questionId: string;
	field: AnswerField;
	mine: unknown;
	theirs: unknown;
	proposal: unknown | null;
	theirRev: number;
	theirAuthor: string | null;
}

export interface AnswerNotice {
	id: string;
	kind: 'saveFailed' | 'locked' | 'setAside';
	text: string | null;
}

let counter = 0;

export class QuestionnaireSession {
	readonly plan: PlanSession;
	readonly answers: LiveAnswers;
	readonly previous: LiveAnswers;
	readonly previousYear: string;
	/** The answer fields: the open editor, the journal, the merges and the conflicts. */
	readonly edits: EditSession;

	notices = $state.raw<AnswerNotice[]>([]);
	/** A field to put focus back into (after "edit my text again" in the conflict dialog). */
	focusRequest = $state<{ questionId: string; field: string } | null>(null);

	#questionnaires = new Map<string, LiveQuestionnaire>();

	constructor(plan: PlanSession) {
		this.plan = plan;
		this.answers = new LiveAnswers(plan.regionId, plan.year);
		this.previousYear = previousYear(plan.year);
		this.previous = new LiveAnswers(plan.regionId, this.previousYear);
		const policy: FieldPolicy = {
			kind: (ref) => {
				const f = this.#field(ref);
				return f ? MERGE_KIND[f.type] : 'atom';
			},
			empty: (ref) => {
				const f = this.#field(ref);
				return f ? answerValue(null, f) : null;
			}
		};
		this.edits = new EditSession({
			scope: 'answers',
			policy,
			// Entries are judged only with the questionnaire at hand: it says how each field merges.
			docs: () => (this.answers.status === 'ready' && this.questionnaire?.data ? { items: this.answers.items, fromCache: this.answers.fromCache } : null),
			valid: (ref, value) => {
				const f = this.#field(ref);
				return !!f && answerValues[f.type].safeParse(value).success;
			},
			write: (edit) => writeAnswer(plan.regionId, plan.year, { questionId: edit.doc, key: edit.key, baseRev: edit.baseRev, value: edit.value }, plan.person.uid),
			fetch: (questionId) => getAnswerFromServer(plan.regionId, plan.year, questionId),
			editable: () => plan.editable,
			submitted: () => plan.submitted,
			persist: (scope, entries) => plan.journal.save(scope, entries),
			notify: (kind, edit) => this.#notice(kind === 'gone' ? 'saveFailed' : kind, edit.value)
		});
		this.edits.load(plan.storedAnswers);
		plan.answerEdits = this.edits;
	}

	/** Runs the engine on every snapshot of the answers, and closes the editor when the year closes. */
	start(): () => void {
		return $effect.root(() => {
			$effect(() => {
				void this.answers.items;
				void this.answers.fromCache;
				void this.questionnaire?.data;
				if (this.answers.status === 'ready' && !this.plan.lostAccess) this.edits.pump();
			});
			$effect(() => {
				if (this.plan.submitted) this.edits.lock();
			});
			$effect(() => {
				if (this.plan.lostAccess) this.edits.stop();
			});
		});
	}

	#field(ref: FieldRef): AnswerField | null {
		const q = this.questionnaire?.data?.questions.find((x) => x.id === ref.doc);
		return q ? (answerFieldsOf(q).find((f) => f.key === ref.key) ?? null) : null;
	}

	get questionnaire(): LiveQuestionnaire | null {
		const id = this.plan.plan.data?.questionnaireId;
		if (!id) return null;
		let live = this.#questionnaires.get(id);
		if (!live) {
			live = new LiveQuestionnaire(id);
			this.#questionnaires.set(id, live);
		}
		return live;
	}

	get editable(): boolean {
		return this.plan.editable;
	}

	stored(questionId: string): Answer | null {
		return this.answers.items.find((i) => i.id === questionId)?.data ?? null;
	}

	lastYear(questionId: string, field: AnswerField): unknown {
		return answerValue(this.previous.items.find((i) => i.id === questionId)?.data ?? null, field);
	}

	hasLastYear(): boolean {
		return this.previous.status === 'ready' && this.previous.items.length > 0;
	}

	revOf(questionId: string, key: string): number {
		return this.stored(questionId)?.revs[key] ?? 0;
	}

	get conflicts(): AnswerConflict[] {
		return this.edits.conflicts.flatMap((c) => {
			const field = this.#field(c);
			return field ? [{ questionId: c.doc, field, mine: c.mine, theirs: c.theirs, proposal: c.proposal, theirRev: c.theirRev, theirAuthor: c.theirAuthor }] : [];
		});
	}

	/** What a field shows: one's own draft while editing it, one's unsent value, else the stored value. */
	valueOf(questionId: string, field: AnswerField): unknown {
		return this.edits.valueOf({ doc: questionId, key: field.key });
	}

	/** Being edited, or left with a value the field refuses (its error stays shown). */
	isEditing(questionId: string, field: AnswerField): boolean {
		const ref = { doc: questionId, key: field.key };
		return this.edits.isEditing(ref) || this.edits.held.some((d) => d.doc === questionId && d.key === field.key);
	}

	/** A change typed into a field: kept as a draft, saved after a pause (or at once with `now`). */
	setDraft(questionId: string, field: AnswerField, value: unknown, now = false): void {
		const ref = { doc: questionId, key: field.key };
		if (!this.edits.isEditing(ref) && !this.edits.startEdit(ref)) return;
		this.edits.setDraft(value);
		if (now) this.edits.finishEdit();
	}

	/** Writes the draft if it changed and fits the field (an invalid value stays a draft, unsaved). */
	save(questionId: string, field: AnswerField): void {
		if (this.edits.isEditing({ doc: questionId, key: field.key })) this.edits.saveDraft();
	}

	/** Leaving the field: save, and show the live value again. */
	finish(questionId: string, field: AnswerField): void {
		if (this.edits.isEditing({ doc: questionId, key: field.key })) this.edits.finishEdit();
	}

	resolveConflict(choice: ConflictChoice): void {
		const c = this.edits.resolveConflict(choice);
		if (c && choice === 'edit' && this.editable) {
			this.edits.editConflicted(c);
			this.focusRequest = { questionId: c.doc, field: c.key };
		}
	}

	dismiss(id: string): void {
		this.notices = this.notices.filter((n) => n.id !== id);
	}

	#notice(kind: AnswerNotice['kind'], value: unknown): void {
		const text = typeof value === 'string' ? value : Array.isArray(value) ? JSON.stringify(value) : null;
		this.notices = [...this.notices, { id: `a${(counter += 1)}`, kind, text }];
	}

	/** An older value back, as a new edit on the field's current revision (refused on a locked plan). */
	restore(questionId: string, field: AnswerField, value: unknown): boolean {
		return this.edits.setNow({ doc: questionId, key: field.key }, value);
	}

	/* ---------- presence: who is in which answer field ---------- */

	enter(questionId: string, field: AnswerField): void {
		this.plan.presence.setAnswer({ questionId, field: field.key });
	}

	leave(questionId: string, field: AnswerField): void {
		this.plan.presence.leaveAnswer({ questionId, field: field.key });
	}

	/** The others in this answer field now. */
	editorsOf(questionId: string, field: AnswerField): PresentPerson[] {
		return answerEditorsOf(this.plan.presence.people, { questionId, field: field.key }, this.plan.person.uid);
	}

}
