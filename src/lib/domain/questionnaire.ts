// The follow-up questionnaire's values as the UI and the export need them: staff shares (årsarbetskrafter)
// read and written the Swedish way, an answer field's stored value by its type, and the year before.
import type * as z from 'zod/mini';
import { answerValues, MAX_ANSWER_FIELDS, planYear, staffShare, type Answer, type AnswerField, type AnswerFieldType, type StaffShare } from './schemas';

/** The value each answer field type holds (a trend is one of TRENDS, a staff field a list of people). */
export type AnswerValueOf = { [T in AnswerFieldType]: z.infer<(typeof answerValues)[T]> };
export type AnswerValue = AnswerValueOf[AnswerFieldType];

/**
 * firestore.rules finds the one changed key of an answer write by trying the question's keys by
 * index (a rules Set has no element access), for this many: the questionnaire schema refuses more.
 */
export const RULES_MAX_ANSWER_FIELDS = MAX_ANSWER_FIELDS;

/** Rounds to hundredths without float noise: 0.1 + 0.2 → 0.3, 1.005 → 1.01. */
function round2(n: number): number {
	return Math.round(Number((n * 100).toPrecision(12))) / 100;
}

const SHARE_TEXT = /^(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/**
 * A share typed by a person: "0,15" or "0.15" → 0.15, "1" → 1, ",5" → 0.5. Empty, negative, not a
 * number or outside what a staff entry may hold (0–10) → null.
 */
export function parseShare(text: string): number | null {
	const t = text.trim();
	if (!SHARE_TEXT.test(t)) return null;
	const parsed = staffShare.shape.share.safeParse(Number(t.replace(',', '.')));
	return parsed.success ? parsed.data : null;
}

/** A share the Swedish way: at most two decimals, a comma, a whole number with one decimal ("1,0"). */
export function formatShare(n: number): string {
	const r = round2(n);
	const s = String(r).replace('.', ',');
	return Number.isInteger(r) ? `${s},0` : s;
}

/** The årsarbetskrafter of a role: the people's shares summed, to hundredths. */
export function totalShares(people: ReadonlyArray<Pick<StaffShare, 'share'>>): number {
	return round2(people.reduce((sum, p) => sum + p.share, 0));
}

/** What an unanswered field shows: no text, no trend, nobody. */
export function emptyAnswerValue(type: AnswerFieldType): AnswerValue {
	return type === 'people' ? [] : '';
}

/** Whether a value fits an answer field type (the check the rules mirror, plus the people's entries). */
export function isAnswerValue<T extends AnswerFieldType>(type: T, value: unknown): value is AnswerValueOf[T] {
	return answerValues[type].safeParse(value).success;
}

/**
 * The stored value of one answer field, parsed by its type; the empty value when the answer or the
 * field is absent, or when what is stored does not fit the type (shown empty rather than guessed at).
 */
export function answerValue(a: Pick<Answer, 'fields'> | null, field: Pick<AnswerField, 'key' | 'type'>): AnswerValue {
	const parsed = answerValues[field.type].safeParse(a?.fields[field.key]);
	return parsed.success ? parsed.data : emptyAnswerValue(field.type);
}

/** The plan year before this one: "2024" → "2023" (the year a questionnaire's answers are compared with). */
export function previousYear(year: string): string {
	return String(Number(planYear.parse(year)) - 1);
}
