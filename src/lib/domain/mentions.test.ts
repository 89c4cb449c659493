import { describe, expect, it } from 'vitest';
import { findMentions, insertMention, isInsertedMention, matchMentionables, mentionQuery, mentionedUids, type Mentionable } from './mentions';
import { MAX_MENTIONS } from './schemas';

/** mentionQuery with the caret written as '|' in the text. */
const queryAt = (withCaret: string) => mentionQuery(withCaret.replace('|', ''), withCaret.indexOf('|'));

describe('mentionQuery', () => {
	it("finds '@' at the start of the text, with an empty query right after it", () => {
		expect(queryAt('@|')).toEqual({ start: 0, query: '' });
		expect(queryAt('@An|')).toEqual({ start: 0, query: 'An' });
	});

	it("finds '@' after whitespace or an opening bracket or quote", () => {
		expect(queryAt('Hej @Ber|')).toEqual({ start: 4, query: 'Ber' });
		expect(queryAt('rad ett\n@Ce|')).toEqual({ start: 8, query: 'Ce' });
		for (const open of ['(', '[', '{', '"', "'"]) expect(queryAt(`se ${open}@Da|`)).toEqual({ start: 4, query: 'Da' });
	});

	it("ignores an '@' inside a word, such as an e-mail address", () => {
		expect(queryAt('anna@exa|')).toBeNull();
		expect(queryAt('x@@An|')).toBeNull();
	});

	it('takes the query up to the caret only', () => {
		expect(queryAt('@An|na Svensson')).toEqual({ start: 0, query: 'An' });
	});

	it('accepts Swedish letters, marks, hyphens, dots and single spaces between words', () => {
		expect(queryAt('@Åsa Öberg-Ärlig|')).toEqual({ start: 0, query: 'Åsa Öberg-Ärlig' });
		expect(queryAt('@René J. Lindé|')).toEqual({ start: 0, query: 'René J. Lindé' });
		expect(queryAt('@Rene\u0301|')).toEqual({ start: 0, query: 'Rene\u0301' });
		expect(queryAt('@Anna |')).toEqual({ start: 0, query: 'Anna ' });
	});

	it('ends at a newline, a double space, a leading space, digits or other characters', () => {
		expect(queryAt('@Anna\nSv|')).toBeNull();
		expect(queryAt('@Anna  Sv|')).toBeNull();
		expect(queryAt('@ Anna|')).toBeNull();
		expect(queryAt('@Anna2|')).toBeNull();
		expect(queryAt('@Anna, hej|')).toBeNull();
	});

	it('allows a query of 40 characters but not 41', () => {
		const forty = 'a'.repeat(40);
		expect(queryAt(`@${forty}|`)).toEqual({ start: 0, query: forty });
		expect(queryAt(`@${forty}a|`)).toBeNull();
	});

	it('is null when there is no @ or the caret is out of range', () => {
		expect(queryAt('Hej An|')).toBeNull();
		expect(mentionQuery('@An', 4)).toBeNull();
		expect(mentionQuery('@An', -1)).toBeNull();
		expect(mentionQuery('', 0)).toBeNull();
	});
});

describe('matchMentionables', () => {
	const p = (uid: string, name: string, orgName = 'Krokoms kommun'): Mentionable => ({ uid, name, orgName });
	const people = [
		p('1', 'Östen Ärlig', 'Region Jämtland Härjedalen'),
		p('2', 'Anna Svensson'),
		p('3', 'Bertil Annander', 'Åre kommun'),
		p('4', 'Åsa Öberg', 'Länsstyrelsen Jämtlands län'),
		p('5', 'Anna-Karin Ek', 'Bergs kommun'),
		p('6', 'Zelda Anna', 'Strömsunds kommun')
	];
	const uids = (query: string, limit?: number) => matchMentionables(people, query, limit).map((x) => x.uid);

	it('puts the full-name prefix matches first, then word matches, each in Swedish name order', () => {
		// Anna Svensson and Anna-Karin Ek start with "anna" (a space sorts before a hyphen); Bertil
		// Annander and Zelda Anna only have a word that does.
		expect(uids('anna')).toEqual(['2', '5', '3', '6']);
	});

	it('ignores case and diacritics', () => {
		expect(uids('OSTEN')).toEqual(['1']);
		expect(uids('asa')).toEqual(['4']);
		expect(uids('oberg')).toEqual(['4']);
		expect(uids('Öberg')).toEqual(['4']);
	});

	it('matches the start of a word of the organisation name', () => {
		expect(uids('harj')).toEqual(['1']);
		expect(uids('krokom')).toEqual(['2']);
		expect(uids('are')).toEqual(['3']);
	});

	it('matches only at the start of a word, including after a hyphen', () => {
		expect(uids('vensson')).toEqual([]);
		expect(uids('karin')).toEqual(['5']);
	});

	it('matches a multi-word query against the name from any word', () => {
		expect(uids('anna s')).toEqual(['2']);
		expect(uids('svensson')).toEqual(['2']);
		expect(uids('jämtlands l')).toEqual(['4']);
	});

	it('keeps the trailing space of a query being typed, so a finished name no longer matches', () => {
		expect(uids('anna ')).toEqual(['2']);
		expect(uids('Anna Svensson ')).toEqual([]);
	});

	it('returns everyone for an empty query, in Swedish order: Å, Ä, Ö after Z', () => {
		expect(matchMentionables(people, '', 100).map((x) => x.name)).toEqual([
			'Anna Svensson',
			'Anna-Karin Ek',
			'Bertil Annander',
			'Zelda Anna',
			'Åsa Öberg',
			'Östen Ärlig'
		]);
	});

	it('returns at most the limit, eight by default', () => {
		const many = Array.from({ length: 12 }, (_, i) => p(`u${i}`, `Person ${String(i).padStart(2, '0')}`));
		expect(matchMentionables(many, '')).toHaveLength(8);
		expect(matchMentionables(many, 'per', 3).map((x) => x.uid)).toEqual(['u0', 'u1', 'u2']);
		expect(matchMentionables(many, 'per', 0)).toEqual([]);
	});

	it('orders people with the same name by organisation', () => {
		const twins = [p('b', 'Anna Svensson', 'Åre kommun'), p('a', 'Anna Svensson', 'Bergs kommun')];
		expect(matchMentionables(twins, 'anna').map((x) => x.uid)).toEqual(['a', 'b']);
	});
});

describe('insertMention', () => {
	it('replaces the query with the full name, no trailing space, caret right after the name', () => {
		expect(insertMention('Hej @An', 4, 7, 'Anna Svensson')).toEqual({ text: 'Hej @Anna Svensson', caret: 18 });
	});

	it('gives exactly one space when the person types one after the name', () => {
		const r = insertMention('Hej @An', 4, 7, 'Anna Svensson');
		const typed = `${r.text.slice(0, r.caret)} ${r.text.slice(r.caret)}kolla`;
		expect(typed).toBe('Hej @Anna Svensson kolla');
		expect(typed).not.toContain('  ');
	});

	it('keeps the text after the caret, punctuation right after the name', () => {
		const r = insertMention('Hej @An, kolla', 4, 7, 'Anna Svensson');
		expect(r.text).toBe('Hej @Anna Svensson, kolla');
		expect(r.text.slice(0, r.caret)).toBe('Hej @Anna Svensson');
	});

	it('does not add a space where one already follows the caret', () => {
		expect(insertMention('@An och Bo', 0, 3, 'Anna Svensson')).toEqual({ text: '@Anna Svensson och Bo', caret: 14 });
	});

	it('separates the name from a word that would run on into it', () => {
		const r = insertMention('@Anna', 0, 3, 'Anna Svensson');
		expect(r).toEqual({ text: '@Anna Svensson na', caret: 15 });
		expect(findMentions(r.text, [{ uid: 'a', name: 'Anna Svensson' }])).toHaveLength(1);
	});

	it('inserts at a bare @', () => {
		expect(insertMention('@', 0, 1, 'Åsa Öberg')).toEqual({ text: '@Åsa Öberg', caret: 10 });
	});

	it('leaves a mention findMentions reads, and once a space is typed no open query offers the person again', () => {
		const people = [{ uid: '2', name: 'Anna Svensson', orgName: 'X' }];
		const r = insertMention('Hej @an', 4, 7, 'Anna Svensson');
		expect(findMentions(r.text, people)).toEqual([{ start: 4, end: 18, uid: '2' }]);
		const spaced = `${r.text} `;
		const q = mentionQuery(spaced, spaced.length);
		expect(q === null || matchMentionables(people, q.query).length === 0).toBe(true);
	});
});

describe('isInsertedMention', () => {
	it('is true right after an inserted name, and false once the text there changes', () => {
		const r = insertMention('Hej @an', 4, 7, 'Anna Svensson');
		const inserted = { start: 4, name: 'Anna Svensson' };
		expect(isInsertedMention(r.text, mentionQuery(r.text, r.caret)!, inserted)).toBe(true);
		const shortened = r.text.slice(0, -1);
		expect(isInsertedMention(shortened, mentionQuery(shortened, shortened.length)!, inserted)).toBe(false);
		expect(isInsertedMention(r.text, mentionQuery(r.text, r.caret)!, null)).toBe(false);
	});
});

describe('mentionedUids and findMentions', () => {
	const people = [
		{ uid: 'anna', name: 'Anna' },
		{ uid: 'annas', name: 'Anna Svensson' },
		{ uid: 'bo', name: 'Bo Ek' },
		{ uid: 'asa', name: 'Åsa Öberg' }
	];

	it('finds full names after @, in order of first occurrence, each once', () => {
		expect(mentionedUids('@Bo Ek och @Åsa Öberg, och @Bo Ek igen', people)).toEqual(['bo', 'asa']);
	});

	it('lets the longer name win over a shorter prefix, whatever the order of people', () => {
		expect(mentionedUids('@Anna Svensson kan du', people)).toEqual(['annas']);
		expect(mentionedUids('@Anna Svensson kan du', [...people].reverse())).toEqual(['annas']);
		expect(mentionedUids('@Anna Sven', people)).toEqual(['anna']);
	});

	it('needs the end, whitespace or punctuation after the name', () => {
		expect(mentionedUids('@Bo Ek', people)).toEqual(['bo']);
		expect(mentionedUids('(@Bo Ek)', people)).toEqual(['bo']);
		expect(mentionedUids('@Bo Ek.', people)).toEqual(['bo']);
		expect(mentionedUids('@Bo Ek\nnästa rad', people)).toEqual(['bo']);
		expect(mentionedUids('@Bo Ekström', people)).toEqual([]);
		expect(mentionedUids('@Anna-Karin', people)).toEqual([]);
		expect(mentionedUids('@Bo Ek2', people)).toEqual([]);
	});

	it('needs a mention to start where mentionQuery would, so an e-mail address is none', () => {
		expect(mentionedUids('skriv till kalle@Bo Ek', people)).toEqual([]);
		expect(mentionedUids('"@Bo Ek"', people)).toEqual(['bo']);
	});

	it('ignores case, not diacritics', () => {
		expect(mentionedUids('@bo ek', people)).toEqual(['bo']);
		expect(mentionedUids('@ÅSA ÖBERG', people)).toEqual(['asa']);
		expect(mentionedUids('@Asa Oberg', people)).toEqual([]);
	});

	it(`returns at most ${MAX_MENTIONS} uids`, () => {
		const many = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => ({ uid: `u${i}`, name: `Person ${i}` }));
		const text = many.map((x) => `@${x.name}`).join(' ');
		expect(mentionedUids(text, many)).toEqual(many.slice(0, MAX_MENTIONS).map((x) => x.uid));
	});

	it('gives the places of the mentions, from the @ to the end of the name', () => {
		const text = 'Hej @Bo Ek och @anna!';
		expect(findMentions(text, people)).toEqual([
			{ start: 4, end: 10, uid: 'bo' },
			{ start: 15, end: 20, uid: 'anna' }
		]);
		expect(text.slice(4, 10)).toBe('@Bo Ek');
	});

	it('finds nothing without people or without @', () => {
		expect(mentionedUids('@Bo Ek', [])).toEqual([]);
		expect(mentionedUids('Bo Ek', people)).toEqual([]);
		expect(mentionedUids('@', [{ uid: 'blank', name: '' }])).toEqual([]);
	});
});
