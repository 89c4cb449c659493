// Names people read — person names, organisation names and short names, region, area and template
// names — as they are stored: one spelling per name (NFC, single spaces, no invisible characters),
// and the key two names are compared by when they must be unique. The schemas apply it at every boundary.

/**
 * Bidirectional controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) reorder how text is
 * displayed: "Malin\u202Eeknil" shows a different name from the one stored. A person typing a Swedish
 * name never means one, and stripping it would store something other than what the form showed, so
 * a name with one is refused.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Invisible characters that change neither the letters nor their order: Unicode's default-ignorable
 * code points (soft hyphen, zero-width space and joiners, word joiner, BOM, variation selectors,
 * Hangul fillers, tags …; the bidi controls among them are refused above). They arrive with text
 * pasted from Word or a web page, and the name reads the same without them, so they are stripped:
 * the person cannot see them, and refusing would leave them unable to find what to fix.
 */
const STRIPPED = /\p{Default_Ignorable_Code_Point}/gu;

/** Any other format or control character (interlinear annotations, Arabic number signs, NUL …): no meaning in a name, refused. */
const OTHER_HIDDEN = /[\p{Cf}\p{Cc}]/u;

/** Every whitespace (tabs, line breaks, no-break and ideographic spaces) is one plain space between words. */
const SPACES = /\s+/gu;

/** The name as stored: the harmless invisible characters stripped (first, so what they separated can compose), NFC, spaces collapsed and trimmed. */
export function normalizeDisplayText(text: string): string {
	return text.replace(STRIPPED, '').normalize('NFC').replace(SPACES, ' ').trim();
}

/**
 * Whether a name holds a character it is refused for (bidi controls; any format or control character
 * the normaliser does not strip). Whitespace controls (tab, line break) are not refused: they become spaces.
 */
export function hasHiddenCharacter(text: string): boolean {
	return BIDI_CONTROL.test(text) || OTHER_HIDDEN.test(text.replace(STRIPPED, '').replace(SPACES, ' '));
}

/**
 * The key two names are the same name by: as people read them, so case, spacing, invisible
 * characters and compatibility forms (full-width "ＲＪＨ", the "ﬁ" ligature) do not matter, but
 * letters do ("Are" is not "Åre"). It accepts any stored text, also one from before names were
 * normalised, so a refused character in an old name cannot make it unique either.
 */
export function comparisonKey(text: string): string {
	return text
		.replace(STRIPPED, '')
		.replace(/\p{Cf}/gu, '')
		.normalize('NFKC')
		.replace(SPACES, ' ')
		.trim()
		.toLocaleLowerCase('sv');
}
