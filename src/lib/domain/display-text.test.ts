// One spelling per name: the normaliser, the characters a name is refused for, and the comparison key.
import { describe, expect, it } from 'vitest';
import { comparisonKey, hasHiddenCharacter, normalizeDisplayText } from './display-text';

const BIDI = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const STRIPPED = ['\u00AD', '\u034F', '\u115F', '\u200B', '\u200C', '\u200D', '\u2060', '\u2061', '\u2064', '\u3164', '\uFE0F', '\uFEFF', '\u{E0041}'];

describe('normalizeDisplayText', () => {
	it('composes to NFC, so "Å" typed as A + ring is the same stored name', () => {
		expect(normalizeDisplayText('A\u030Are kommun')).toBe('Åre kommun');
		expect(normalizeDisplayText('A\u030Are kommun')).toBe(normalizeDisplayText('Åre kommun'));
		expect(normalizeDisplayText('A\u034F\u030Are')).toBe('Åre');
	});

	it('collapses every kind of whitespace to one space and trims', () => {
		expect(normalizeDisplayText('  Malin \t\n Samordnare\u00A0\u3000')).toBe('Malin Samordnare');
		expect(normalizeDisplayText('Region\u2003Jämtland\u2028Härjedalen')).toBe('Region Jämtland Härjedalen');
	});

	it('strips the invisible characters that change neither letters nor order', () => {
		for (const c of STRIPPED) expect(normalizeDisplayText(`RJH${c}`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('RJH');
		expect(normalizeDisplayText('Öster\u00ADsund')).toBe('Östersund');
		expect(normalizeDisplayText('\uFEFF Malin')).toBe('Malin');
	});

	it('leaves ordinary names alone', () => {
		for (const name of ['Malin Samordnare', 'Länsstyrelsen i Jämtlands län', 'RJH', 'Anna-Lena Öst', "O'Brien"]) {
			expect(normalizeDisplayText(name)).toBe(name);
		}
	});
});

describe('hasHiddenCharacter', () => {
	it('refuses every bidirectional control, also where the rest is stripped', () => {
		for (const c of BIDI) {
			expect(hasHiddenCharacter(`Malin${c}eknil`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
			expect(hasHiddenCharacter(`\u200B${c}`)).toBe(true);
		}
	});

	it('refuses other format and control characters: annotations, Arabic number signs, NUL, DEL', () => {
		for (const c of ['\uFFF9', '\uFFFB', '\u0000', '\u007F', '\u0085', '\u0600', '\u06DD']) {
			expect(hasHiddenCharacter(`RJH${c}`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
		}
	});

	it('does not refuse what the normaliser strips or turns into spaces, nor letters of any script', () => {
		for (const c of [...STRIPPED, '\t', '\n', '\r', '\u00A0', '\u2028']) expect(hasHiddenCharacter(`RJH${c}x`)).toBe(false);
		for (const name of ['Malin Samordnare', 'Åsa Öberg', 'Sámi Giellagáldu', 'محمد', 'Zoë 😀']) expect(hasHiddenCharacter(name)).toBe(false);
	});
});

describe('comparisonKey', () => {
	it('makes case, spaces and invisible characters not matter', () => {
		expect(comparisonKey('RJH')).toBe(comparisonKey('rjh'));
		expect(comparisonKey('RJH\u2060')).toBe(comparisonKey('RJH'));
		expect(comparisonKey(' Energi  Kontoret ')).toBe(comparisonKey('energi kontoret'));
		expect(comparisonKey('ÅRE')).toBe(comparisonKey('åre'));
	});

	it('folds compatibility forms and composition, and also keys a stored name with a refused character', () => {
		expect(comparisonKey('ＲＪＨ')).toBe('rjh');
		expect(comparisonKey('A\u030Are')).toBe(comparisonKey('Åre'));
		expect(comparisonKey('RJH\u202E')).toBe('rjh');
		expect(comparisonKey('RJH\u3164')).toBe('rjh');
	});

	it('keeps letters that differ apart', () => {
		expect(comparisonKey('Are')).not.toBe(comparisonKey('Åre'));
		expect(comparisonKey('Berg')).not.toBe(comparisonKey('Bräcke'));
		expect(comparisonKey('RJH')).not.toBe(comparisonKey('RJ H'));
	});
});
