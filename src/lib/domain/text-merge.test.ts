import { describe, expect, it } from 'vitest';
import { mergeText, tokenize } from './text-merge';

const merged = (text: string) => ({ kind: 'merged', text });

// A follow-up cell of the 2023 plan (seed/plans/jamtland-harjedalen-2023.json, row jh23-3-04).
const OUTPUTS =
	'TVV beviljade projektet Resurser till genomförande av regionalt serviceprogram Jämtlands län.\n' +
	'Investeringsmedlen inom landsbygdsprogram met (LST) är nu upparbetade.';

describe('tokenize', () => {
	it('splits words, spaces, each line break and single punctuation, and rebuilds the text exactly', () => {
		expect(tokenize('Öka  tillgång,\n\nnu (LST).')).toEqual(['Öka', '  ', 'tillgång', ',', '\n', '\n', 'nu', ' ', '(', 'LST', ')', '.']);
		const text = 'a\r\nb\tc – 2023-12-31 é\u0301';
		expect(tokenize(text).join('')).toBe(text);
		expect(tokenize('')).toEqual([]);
	});
});

describe('mergeText', () => {
	it('takes the one side that changed, and either side when both wrote the same', () => {
		expect(mergeText('a', 'a', 'b')).toEqual(merged('b'));
		expect(mergeText('a', 'b', 'a')).toEqual(merged('b'));
		expect(mergeText('a', 'b', 'b')).toEqual(merged('b'));
		expect(mergeText('a b c', 'a X c', 'a X c')).toEqual(merged('a X c'));
	});

	it('keeps a fix at the start and an addition at the end', () => {
		const mine = OUTPUTS.replace('TVV beviljade', 'Tillväxtverket beviljade');
		const theirs = OUTPUTS + ' Slutrapport lämnad i december.';
		expect(mergeText(OUTPUTS, mine, theirs)).toEqual(merged(mine + ' Slutrapport lämnad i december.'));
	});

	it('merges changes to different words of one line', () => {
		expect(mergeText('Vi ska göra X i år', 'Vi måste göra X i år', 'Vi ska göra X i höst')).toEqual(merged('Vi måste göra X i höst'));
	});

	describe('two people appending a line to the same cell', () => {
		it('keeps both lines, theirs (stored first) first, when the base does not end with a line break', () => {
			const r = mergeText(OUTPUTS, OUTPUTS + '\nRegionen: två möten.', OUTPUTS + '\nLänsstyrelsen: ett yttrande.');
			expect(r).toEqual(merged(OUTPUTS + '\nLänsstyrelsen: ett yttrande.\nRegionen: två möten.'));
		});

		it('puts a line break between the two lines when the base ends with one', () => {
			const base = OUTPUTS + '\n';
			expect(mergeText(base, base + 'Regionen', base + 'Länsstyrelsen')).toEqual(merged(base + 'Länsstyrelsen\nRegionen'));
			expect(mergeText(base, base + 'Regionen\n', base + 'Länsstyrelsen\n')).toEqual(merged(base + 'Länsstyrelsen\nRegionen\n'));
		});

		it('keeps two first lines in an empty cell apart', () => {
			expect(mergeText('', 'Regionen', 'Länsstyrelsen')).toEqual(merged('Länsstyrelsen\nRegionen'));
		});

		it('keeps a line typed by both once', () => {
			expect(mergeText('A', 'A\nSamma rad', 'A\nSamma rad')).toEqual(merged('A\nSamma rad'));
		});

		it('takes the stored text when it already holds my line (my write landed and they typed after it)', () => {
			expect(mergeText('A', 'A\nMin rad', 'A\nMin rad\nDeras rad')).toEqual(merged('A\nMin rad\nDeras rad'));
			expect(mergeText('A', 'A\nMin rad och mer', 'A\nMin rad')).toEqual(merged('A\nMin rad och mer'));
		});
	});

	it('merges words inserted at one place in a line, theirs first, with a space and not before hanging punctuation', () => {
		expect(mergeText('a b', 'a X b', 'a Y b')).toEqual(merged('a Y X b'));
		expect(mergeText('a, b', 'a, b, c', 'a, b, d')).toEqual(merged('a, b, d, c'));
	});

	it('keeps a line appended after a word the other person changed', () => {
		expect(mergeText('Vi ska göra X i år', 'Vi ska göra X i år\nNy rad', 'Vi ska göra X i 2024')).toEqual(merged('Vi ska göra X i 2024\nNy rad'));
		expect(mergeText('Vi ska göra X i år', 'Vi ska göra X i 2024', 'Vi ska göra X i år\nNy rad')).toEqual(merged('Vi ska göra X i 2024\nNy rad'));
	});

	it('reports the same word changed differently as a conflict whose proposal holds theirs then mine', () => {
		const base = 'Vi ska göra X i år.';
		const mine = 'Vi ska genomföra X i år.';
		const theirs = 'Vi ska utföra X i år.';
		expect(mergeText(base, mine, theirs)).toEqual({ kind: 'conflict', proposal: 'Vi ska utföra genomföra X i år.', theirs, mine });
	});

	it('reports a deletion against a change of the same words as a conflict, and merges the rest around it', () => {
		const r = mergeText('Ett två tre fyra fem', 'Ett tre fyra FEM', 'Ett TVÅ tre fyra fem');
		expect(r).toEqual({ kind: 'conflict', proposal: 'Ett TVÅ tre fyra FEM', theirs: 'Ett TVÅ tre fyra fem', mine: 'Ett tre fyra FEM' });
	});

	it('treats a line break as a token of its own, so a change at the end of one line does not touch the next', () => {
		expect(mergeText('ett\ntvå', 'ETT\ntvå', 'ett\nTVÅ')).toEqual(merged('ETT\nTVÅ'));
	});
});
