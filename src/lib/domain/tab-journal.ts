// Whose unsent edits are whose: every browser tab keeps its own journal of a plan (so a refused
// replay reaches the person who typed it), renews a lease on it while open, and a tab that opens
// later adopts the journals of tabs that closed without sending (and the one-list journal of old).
import { parseEntries, serializeEntries, type FieldEdit } from './edit-engine';
import { legacyJournalEntry, tabJournalRecord } from './schemas';

/** How often an open tab renews its lease. */
export const LEASE_RENEW_MS = 5_000;
/** A journal whose lease is this old belongs to a tab that is gone (or asleep long enough to lose it). */
export const LEASE_STALE_MS = 30_000;

export type JournalScope = 'rows' | 'answers';

export interface TabJournal {
	tab: string;
	/** When the owner last renewed (ms since the epoch). */
	lease: number;
	/** The owner left the page (a reload or a close): the journal is free to be taken back or adopted. */
	released: boolean;
	rows: FieldEdit[];
	answers: FieldEdit[];
}

/** The storage key of one plan's journal in the first version, before tabs had their own. */
export function legacyKey(regionId: string, year: string | number): string {
	return `planbordet.journal.${regionId}.${year}`;
}

export function tabKey(regionId: string, year: string | number, tab: string): string {
	return `${legacyKey(regionId, year)}.tab.${tab}`;
}

/** The tab id of a key of this plan, or null for any other key. */
export function tabOfKey(regionId: string, year: string | number, key: string): string | null {
	const prefix = `${legacyKey(regionId, year)}.tab.`;
	return key.startsWith(prefix) && key.length > prefix.length ? key.slice(prefix.length) : null;
}


function parseJson(raw: string | null): unknown {
	if (!raw) return null;
	try {
		return JSON.parse(raw);
	} catch {
		return null;
	}
}

export function parseTabJournal(raw: string | null): TabJournal | null {
	const parsed = tabJournalRecord.safeParse(parseJson(raw));
	if (!parsed.success) return null;
	const { tab, lease, released, rows, answers } = parsed.data;
	return { tab, lease, released, rows: parseEntries(rows), answers: parseEntries(answers) };
}

export function serializeTabJournal(j: TabJournal): string {
	return JSON.stringify({ v: 2, tab: j.tab, lease: j.lease, released: j.released, rows: serializeEntries(j.rows), answers: serializeEntries(j.answers) });
}

/** The first version's journal: row edits without their base (they can only ask when overtaken). */
export function parseLegacyJournal(raw: string | null): FieldEdit[] {
	const data = parseJson(raw);
	if (!Array.isArray(data)) return [];
	return parseEntries(
		data.flatMap((d) => {
			const e = legacyJournalEntry.safeParse(d);
			return e.success ? [{ doc: e.data.rowId, key: e.data.field, baseRev: e.data.baseRev, base: null, value: e.data.value }] : [];
		})
	);
}

/** Someone else holds this journal: its lease is fresh and its owner did not leave. */
export function isHeld(j: TabJournal, now: number): boolean {
	return !j.released && now - j.lease < LEASE_STALE_MS;
}

export interface TabChoice {
	/** The id this tab uses. */
	tab: string;
	/** The journals (by tab id) whose entries this tab takes over and whose keys it removes. */
	adopt: string[];
}

/**
 * Which journal a tab opening the plan uses, and which it adopts. A reload keeps its tab id (from
 * session storage) and finds its own journal released; a duplicated tab carries the same id while the
 * original still holds it, so it takes a fresh one. Journals nobody holds are adopted, as is the old list.
 */
export function chooseTab(remembered: string | null, journals: ReadonlyMap<string, TabJournal>, now: number, freshId: () => string): TabChoice {
	const own = remembered ? journals.get(remembered) : undefined;
	const tab = remembered && !(own && isHeld(own, now)) ? remembered : freshId();
	const adopt = [...journals.values()].filter((j) => j.tab === tab || !isHeld(j, now)).map((j) => j.tab);
	return { tab, adopt };
}
