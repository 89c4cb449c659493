import { describe, expect, it } from 'vitest';
import { firstFreeId, idCandidates, organizationIdBase, sameShortName, slug } from './organizations';
import { id } from './schemas';

describe('slug', () => {
	it('lower-cases, drops Swedish diacritics and joins words with one dash', () => {
		expect(slug('Östersunds kommun')).toBe('ostersunds-kommun');
		expect(slug('Åre')).toBe('are');
		expect(slug('Bräcke')).toBe('bracke');
		expect(slug('  Energikontoret  Mitt ')).toBe('energikontoret-mitt');
	});

	it('turns punctuation into dashes and trims them', () => {
		expect(slug('LST/Jämtland (län)!')).toBe('lst-jamtland-lan');
		expect(slug('Café & Co.')).toBe('cafe-co');
	});

	it('gives "org" for a name without a letter or digit', () => {
		expect(slug('—!?')).toBe('org');
		expect(slug('')).toBe('org');
	});
});

describe('organizationIdBase', () => {
	it('is the region id and the slug of the short name', () => {
		expect(organizationIdBase('jamtland-harjedalen', 'Energikontoret')).toBe('jamtland-harjedalen-energikontoret');
	});

	it('always is a valid document id, also for a very long region id, with room for a suffix', () => {
		const base = organizationIdBase('r'.repeat(128), 'Ö Ö');
		expect(base.length).toBeLessThanOrEqual(124);
		expect(id.safeParse(`${base}-99`).success).toBe(true);
		expect(id.safeParse(organizationIdBase('jamtland-harjedalen', 'Härjedalens kommun')).success).toBe(true);
	});
});

describe('idCandidates and firstFreeId', () => {
	it('tries the base, then -2, -3, …', () => {
		expect(idCandidates('jh-berg', 3)).toEqual(['jh-berg', 'jh-berg-2', 'jh-berg-3']);
	});

	it('picks the first id nobody has', () => {
		const c = idCandidates('jh-berg', 4);
		expect(firstFreeId(c, new Set())).toBe('jh-berg');
		expect(firstFreeId(c, new Set(['jh-berg', 'jh-berg-2']))).toBe('jh-berg-3');
		expect(firstFreeId(c, new Set(c))).toBeNull();
	});
});

describe('sameShortName', () => {
	it('ignores case and spacing', () => {
		expect(sameShortName('LST', ' lst ')).toBe(true);
		expect(sameShortName('Energi  Kontoret', 'energi kontoret')).toBe(true);
		expect(sameShortName('ÅRE', 'åre')).toBe(true);
	});

	it('ignores invisible characters and compatibility forms, also in a name stored before names were normalised', () => {
		expect(sameShortName('RJH\u2060', 'RJH')).toBe(true);
		expect(sameShortName('RJH', 'R\u200BJH')).toBe(true);
		expect(sameShortName('ＲＪＨ', 'rjh')).toBe(true);
	});

	it('tells different names apart', () => {
		expect(sameShortName('Berg', 'Bräcke')).toBe(false);
		expect(sameShortName('Are', 'Åre')).toBe(false);
	});
});
