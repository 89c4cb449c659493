// The year's follow-up questions in the browser: the questions, this year's answers live, last year's
// beside them, and the editing of one answer field at a time — one write per field with its next
// revision, so a write over someone else's newer text is refused and comes back as a conflict.
import { answerFieldsOf, answerValues, type Answer, type AnswerField, type Question } from './domain/schemas';
import { answerValue, previousYear } from './domain/questionnaire';
import { errorCode } from './firebase/errors';
import { getAnswerFromServer, LiveAnswers, writeAnswer } from './firebase/answers.svelte';
import { LiveQuestionnaire } from './firebase/questionnaires.svelte';
import type { PlanSession } from './plan-session.svelte';
import { answerEditorsOf, type PresentPerson } from './domain/presence';

/** A typing pause this long saves the field, as in the table. */
export const ANSWER_IDLE_SAVE_MS = 1500;

export interface AnswerDraft {
	value: unknown;
	/** The revision the next write builds on. */
	baseRev: number;
	/** The value last written (or shown when editing started): an unchanged draft is not written. */
	saved: unknown;
	/**
	 * The person left the field: the draft stays shown until the stored copy has caught up with the
	 * last write (else the old value flashes back for a moment and, in a list, takes the focus with it).
	 */
	leaving: boolean;
}

export interface AnswerConflict {
	questionId: string;
	field: AnswerField;
	mine: unknown;
	theirs: unknown;
	theirRev: number;
	theirAuthor: string | null;
}

export interface AnswerNotice {
	id: string;
	kind: 'saveFailed' | 'locked';
	text: string | null;
}

const keyOf = (questionId: string, field: string) => `${questionId}/${field}`;
let counter = 0;

export class QuestionnaireSession {
	readonly plan: PlanSession;
	readonly answers: LiveAnswers;
	readonly previous: LiveAnswers;
	readonly previousYear: string;

	drafts = $state<Record<string, AnswerDraft>>({});
	conflicts = $state.raw<AnswerConflict[]>([]);
	notices = $state.raw<AnswerNotice[]>([]);
	/** A field to put focus back into (after "edit my text again" in the conflict dialog). */
	focusRequest = $state<{ questionId: string; field: string } | null>(null);

	#questionnaires = new Map<string, LiveQuestionnaire>();
	#timers = new Map<string, ReturnType<typeof setTimeout>>();
	/**
	 * Fields with a write not yet confirmed. One write per field at a time, as the table's journal
	 * does: a second write on top of an unconfirmed one could pass the revision rule after the first
	 * was refused, over someone else's text.
	 */
	#inflight = new Set<string>();

	constructor(plan: PlanSession) {
		this.plan = plan;
		this.answers = new LiveAnswers(plan.regionId, plan.year);
		this.previousYear = previousYear(plan.year);
		this.previous = new LiveAnswers(plan.regionId, this.previousYear);
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

	/** The draft that still counts: not one left behind whose write the stored copy already shows. */
	#draft(questionId: string, field: AnswerField): AnswerDraft | null {
		const d = this.drafts[keyOf(questionId, field.key)];
		if (!d) return null;
		if (d.leaving && this.revOf(questionId, field.key) >= d.baseRev && JSON.stringify(d.value) === JSON.stringify(d.saved)) return null;
		return d;
	}

	/** What a field shows: one's own draft while editing it, else the stored value. */
	valueOf(questionId: string, field: AnswerField): unknown {
		const d = this.#draft(questionId, field);
		return d ? d.value : answerValue(this.stored(questionId), field);
	}

	isEditing(questionId: string, field: AnswerField): boolean {
		const d = this.#draft(questionId, field);
		return d !== null && !d.leaving;
	}

	/** A change typed into a field: kept as a draft, saved after a pause (or at once with `now`). */
	setDraft(questionId: string, field: AnswerField, value: unknown, now = false): void {
		if (!this.editable) return;
		const k = keyOf(questionId, field.key);
		const current = this.#draft(questionId, field);
		if (current) {
			current.value = value;
			current.leaving = false;
		} else {
			const stored = answerValue(this.stored(questionId), field);
			this.drafts[k] = { value, baseRev: this.revOf(questionId, field.key), saved: stored, leaving: false };
		}
		this.#clearTimer(k);
		if (now) this.finish(questionId, field);
		else this.#timers.set(k, setTimeout(() => this.save(questionId, field), ANSWER_IDLE_SAVE_MS));
	}

	/** Writes the draft if it changed and fits the field (an invalid value stays a draft, unsaved). */
	save(questionId: string, field: AnswerField): void {
		const k = keyOf(questionId, field.key);
		this.#clearTimer(k);
		const d = this.#draft(questionId, field);
		if (!d || JSON.stringify(d.value) === JSON.stringify(d.saved)) return;
		const parsed = answerValues[field.type].safeParse($state.snapshot(d.value));
		if (!parsed.success) return;
		// Sent when the write in flight is confirmed (#write saves again then).
		if (this.#inflight.has(k)) return;
		const baseRev = d.baseRev;
		d.saved = parsed.data;
		d.baseRev = baseRev + 1;
		this.#write(questionId, field, baseRev, parsed.data);
	}

	/** Leaving the field: save, and show the live value again. */
	finish(questionId: string, field: AnswerField): void {
		const d = this.#draft(questionId, field);
		if (!d) return;
		this.save(questionId, field);
		const valid = answerValues[field.type].safeParse($state.snapshot(d.value)).success;
		// An invalid value stays as a draft (its error stays visible) rather than being dropped.
		if (valid) d.leaving = true;
	}

	#write(questionId: string, field: AnswerField, baseRev: number, value: unknown): void {
		const k = keyOf(questionId, field.key);
		this.#inflight.add(k);
		writeAnswer(this.plan.regionId, this.plan.year, { questionId, key: field.key, baseRev, value }, this.plan.person.uid).then(
			() => {
				this.#inflight.delete(k);
				this.save(questionId, field);
			},
			async (err) => {
				this.#inflight.delete(k);
				// What the person has typed since that write is theirs too: it goes into the notice or conflict.
				const mine = this.drafts[k] ? $state.snapshot(this.drafts[k].value) : value;
				if (errorCode(err) !== 'permission-denied') {
					console.error('Planbordet: an answer was not saved', err);
					this.#drop(questionId, field);
					this.#notice('saveFailed', mine);
					return;
				}
				if (this.plan.submitted) {
					this.#drop(questionId, field);
					this.#notice('locked', mine);
					return;
				}
				try {
					const server = await getAnswerFromServer(this.plan.regionId, this.plan.year, questionId);
					const theirRev = server?.revs[field.key] ?? 0;
					const theirs = answerValue(server, field);
					this.#drop(questionId, field);
					if (theirRev !== baseRev && JSON.stringify(theirs) !== JSON.stringify(mine)) {
						this.conflicts = [...this.conflicts, { questionId, field, mine, theirs, theirRev, theirAuthor: server?.updatedBy ?? null }];
					} else if (theirRev === baseRev) {
						this.#notice('saveFailed', mine);
					}
				} catch (readErr) {
					this.#drop(questionId, field);
					console.error('Planbordet: an answer was refused and could not be re-read', readErr);
					this.#notice('saveFailed', mine);
				}
			}
		);
	}

	resolveConflict(choice: 'mine' | 'theirs' | 'edit'): void {
		const [c, ...rest] = this.conflicts;
		if (!c) return;
		this.conflicts = rest;
		if (choice === 'mine') this.#write(c.questionId, c.field, c.theirRev, c.mine);
		if (choice === 'edit' && this.editable) {
			this.drafts[keyOf(c.questionId, c.field.key)] = { value: c.mine, baseRev: c.theirRev, saved: c.theirs, leaving: false };
			this.focusRequest = { questionId: c.questionId, field: c.field.key };
		}
	}

	/** A refused write's draft goes: the notice or the conflict dialog holds its text now. */
	#drop(questionId: string, field: AnswerField): void {
		this.#clearTimer(keyOf(questionId, field.key));
		delete this.drafts[keyOf(questionId, field.key)];
	}

	dismiss(id: string): void {
		this.notices = this.notices.filter((n) => n.id !== id);
	}

	#notice(kind: AnswerNotice['kind'], value: unknown): void {
		const text = typeof value === 'string' ? value : Array.isArray(value) ? JSON.stringify(value) : null;
		this.notices = [...this.notices, { id: `a${(counter += 1)}`, kind, text }];
	}

	#clearTimer(k: string): void {
		const t = this.#timers.get(k);
		if (t) clearTimeout(t);
		this.#timers.delete(k);
	}

	/** An older value back, as a new edit on the field's current revision (refused on a locked plan). */
	restore(questionId: string, field: AnswerField, value: unknown): boolean {
		if (!this.editable || !answerValues[field.type].safeParse(value).success) return false;
		this.setDraft(questionId, field, value, true);
		return true;
	}

	/* ---------- presence: who is in which answer field ---------- */

	enter(questionId: string, field: AnswerField): void {
		if (this.plan.writesPresence) this.plan.setPresenceAnswer({ questionId, field: field.key });
	}

	leave(questionId: string, field: AnswerField): void {
		if (this.plan.writesPresence) this.plan.leavePresenceAnswer({ questionId, field: field.key });
	}

	/** The others in this answer field now. */
	editorsOf(questionId: string, field: AnswerField): PresentPerson[] {
		return answerEditorsOf(this.plan.people, { questionId, field: field.key }, this.plan.person.uid);
	}

	/** Saves every pending draft (leaving the page). */
	flush(questions: Question[]): void {
		for (const q of questions) for (const f of answerFieldsOf(q)) if (this.isEditing(q.id, f)) this.save(q.id, f);
	}
}
