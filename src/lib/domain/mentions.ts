// Mentions in comments: the "@query" being typed and who it can mean, putting the chosen name into
// the text, and which people a finished text mentions. A mention is '@' and the person's full name.
import { MAX_MENTIONS } from './schemas';

export interface Mentionable {
	uid: string;
	name: string;
	orgName: string;
}

export interface MentionMatch {
	/** Index of the '@'. */
	start: number;
	/** Index just after the name. */
	end: number;
	uid: string;
}

const MAX_QUERY = 40;
const DEFAULT_LIMIT = 8;
const QUERY_CHAR = /[\p{L}\p{M}.-]/u;
/** What may come just before a mention's '@', so "anna@example.se" is never one. */
const BEFORE_AT = /[\s([{"']/u;
/** What may follow a mentioned name. A hyphen continues the name ("@Anna-Karin" is not "@Anna"). */
const AFTER_NAME = /[\s\p{P}\p{S}]/u;

/**
 * The "@query" being typed at the caret: '@' at text start or after whitespace or ( [ { " ', the query
 * the characters between '@' and the caret (letters incl. åäöé, marks, '-', '.', single spaces between
 * words; no newline; ≤ 40 chars; not starting with a space). null when the caret is not in one.
 * A trailing space is kept, so "Anna " still narrows to the Annas with a surname.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
	if (!Number.isInteger(caret) || caret < 0 || caret > text.length) return null;
	for (let i = caret - 1; i >= 0 && caret - i - 1 <= MAX_QUERY; i--) {
		const ch = text[i];
		if (ch === '@') {
			if (i > 0 && !BEFORE_AT.test(text[i - 1])) return null;
			const query = text.slice(i + 1, caret);
			if (query.startsWith(' ') || query.includes('  ')) return null;
			return { start: i, query };
		}
		if (ch !== ' ' && !QUERY_CHAR.test(ch)) return null;
	}
	return null;
}

const collator = new Intl.Collator('sv');

function fold(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv').replace(/\s+/g, ' ');
}

/** Whether `query` starts at the beginning of the name or of one of its words (after a space or hyphen). */
function matchesWord(name: string, query: string): boolean {
	for (let p = 0; p !== -1 && p < name.length; ) {
		if (name.startsWith(query, p)) return true;
		const next = name.slice(p).search(/[ -]/);
		p = next === -1 ? -1 : p + next + 1;
	}
	return false;
}

/**
 * Case- and diacritic-insensitive prefix match on any word of the name or the organisation's name;
 * prefix of the full name first, then by name in Swedish collation; at most `limit`. Empty query = all.
 */
export function matchMentionables(people: Mentionable[], query: string, limit = DEFAULT_LIMIT): Mentionable[] {
	const q = fold(query);
	const ranked: Array<{ person: Mentionable; full: boolean }> = [];
	for (const person of people) {
		const name = fold(person.name.trim());
		const full = name.startsWith(q);
		if (full || matchesWord(name, q) || matchesWord(fold(person.orgName.trim()), q)) ranked.push({ person, full });
	}
	return ranked
		.sort(
			(a, b) =>
				Number(b.full) - Number(a.full) ||
				collator.compare(a.person.name, b.person.name) ||
				collator.compare(a.person.orgName, b.person.orgName) ||
				(a.person.uid < b.person.uid ? -1 : a.person.uid > b.person.uid ? 1 : 0)
		)
		.slice(0, Math.max(0, limit))
		.map((r) => r.person);
}

/**
 * Replaces '@query' (from start to caret) with '@Full Name' and puts the caret right after the name,
 * so the space the person types next is the only one. Only when the text after the caret would run
 * on into the name (a letter, digit or '-') is a space put between them, and the caret after it.
 */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
	const head = `${text.slice(0, start)}@${name}`;
	const rest = text.slice(caret);
	const runsOn = rest !== '' && (rest[0] === '-' || !AFTER_NAME.test(rest[0]));
	return runsOn ? { text: `${head} ${rest}`, caret: head.length + 1 } : { text: head + rest, caret: head.length };
}

/**
 * Whether the '@query' at the caret is exactly a mention just inserted there (insertMention's result,
 * untouched): the list should then stay closed rather than offer the same person again.
 */
export function isInsertedMention(text: string, query: { start: number; query: string }, inserted: { start: number; name: string } | null): boolean {
	return inserted !== null && query.start === inserted.start && query.query === inserted.name && text.startsWith(`@${inserted.name}`, inserted.start);
}

/**
 * Every '@Full Name' of the given people in the text, in order: '@' where a mention can start, the
 * name in any case, then the end, whitespace or punctuation. At each '@' the longest name wins; of
 * two people with the same name, the first given.
 */
export function findMentions(text: string, people: Array<{ uid: string; name: string }>): MentionMatch[] {
	const candidates = people.filter((p) => p.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
	const out: MentionMatch[] = [];
	let from = 0;
	for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', from)) {
		from = at + 1;
		if (at > 0 && !BEFORE_AT.test(text[at - 1])) continue;
		for (const p of candidates) {
			const end = at + 1 + p.name.length;
			if (end > text.length) continue;
			if (text.slice(at + 1, end).toLocaleLowerCase('sv') !== p.name.toLocaleLowerCase('sv')) continue;
			if (end < text.length && (text[end] === '-' || !AFTER_NAME.test(text[end]))) continue;
			out.push({ start: at, end, uid: p.uid });
			from = end;
			break;
		}
	}
	return out;
}

/**
 * The uids whose '@Full Name' occurs in the text (followed by end, whitespace or punctuation; longer
 * names win over shorter prefixes), unique, in order of first occurrence, at most MAX_MENTIONS.
 */
export function mentionedUids(text: string, people: Array<{ uid: string; name: string }>): string[] {
	const uids = new Set<string>();
	for (const m of findMentions(text, people)) {
		if (uids.size === MAX_MENTIONS) break;
		uids.add(m.uid);
	}
	return [...uids];
}
