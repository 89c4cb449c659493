// The organisations of a region's network, decided without Firebase: the document id a new one gets
// (`{regionId}-{slug of its short name}`, made unique) and when two short names are the same one.
import { comparisonKey } from './display-text';

const MAX_ID = 128;
/** Room for a "-99" suffix inside the 128-character id limit (schemas.ts id). */
const MAX_BASE = MAX_ID - 4;

/** "Östersunds kommun" → "ostersunds-kommun": lower case, diacritics dropped, anything else a single dash. */
export function slug(text: string): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return s === '' ? 'org' : s;
}

/** The id a new organisation of the region would like: `jamtland-harjedalen-energikontoret`. */
export function organizationIdBase(regionId: string, shortName: string): string {
	return `${regionId}-${slug(shortName)}`.slice(0, MAX_BASE).replace(/-+$/, '');
}

/** The ids to try in order: the base, then base-2, base-3, … (count in all). */
export function idCandidates(base: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}-${i + 1}`));
}

/** The first candidate nobody has taken; null when every one is. */
export function firstFreeId(candidates: readonly string[], taken: ReadonlySet<string>): string | null {
	return candidates.find((c) => !taken.has(c)) ?? null;
}

/** Short names are compared as people read them (display-text.ts comparisonKey): case, spaces and invisible characters do not matter. */
export function sameShortName(a: string, b: string): boolean {
	return comparisonKey(a) === comparisonKey(b);
}
