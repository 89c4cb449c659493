// This tab's journal of one plan in the browser's storage: read (adopting the journals of closed tabs)
// once when the plan opens, written after every change, its lease renewed while the page is open.
// The decisions are tab-journal.ts's; this only talks to localStorage and sessionStorage.
import type { FieldEdit } from './domain/edit-engine';
import { chooseTab, legacyKey, LEASE_RENEW_MS, parseLegacyJournal, parseTabJournal, serializeTabJournal, tabKey, tabOfKey, type JournalScope, type TabJournal } from './domain/tab-journal';

const TAB_ID_KEY = 'planbordet.tab';

function storage(kind: 'local' | 'session'): Storage | null {
	try {
		return kind === 'local' ? localStorage : sessionStorage;
	} catch {
		return null;
	}
}

export class JournalStore {
	readonly #regionId: string;
	readonly #year: string;
	readonly #now: () => number;
	#tab = '';
	#entries: Record<JournalScope, FieldEdit[]> = { rows: [], answers: [] };
	#renew: ReturnType<typeof setInterval> | null = null;

	constructor(regionId: string, year: string, now: () => number = Date.now) {
		this.#regionId = regionId;
		this.#year = year;
		this.#now = now;
	}

	get tab(): string {
		return this.#tab;
	}

	/** Opens this tab's journal: its own entries from before a reload, plus those it adopts. */
	open(): Record<JournalScope, FieldEdit[]> {
		const local = storage('local');
		const session = storage('session');
		const journals = new Map<string, TabJournal>();
		for (let i = 0; local && i < local.length; i += 1) {
			const key = local.key(i);
			const tab = key ? tabOfKey(this.#regionId, this.#year, key) : null;
			const j = tab ? parseTabJournal(local!.getItem(key!)) : null;
			if (tab && j && j.tab === tab) journals.set(tab, j);
		}
		let remembered: string | null = null;
		try {
			remembered = session?.getItem(TAB_ID_KEY) ?? null;
		} catch {
			remembered = null;
		}
		const choice = chooseTab(remembered, journals, this.#now(), () => crypto.randomUUID().slice(0, 12));
		this.#tab = choice.tab;
		try {
			session?.setItem(TAB_ID_KEY, choice.tab);
		} catch {
			// Without session storage a reload gets a new id and adopts its old journal once it is stale.
		}
		const rows: FieldEdit[] = [];
		const answers: FieldEdit[] = [];
		for (const tab of choice.adopt) {
			const j = journals.get(tab)!;
			rows.push(...j.rows);
			answers.push(...j.answers);
		}
		const legacy = parseLegacyJournal(local?.getItem(legacyKey(this.#regionId, this.#year)) ?? null);
		rows.push(...legacy);
		this.#entries = { rows, answers };
		this.#write();
		// Only once this tab's own record holds them: a crash in between leaves them where they were.
		for (const tab of choice.adopt) if (tab !== this.#tab) local?.removeItem(tabKey(this.#regionId, this.#year, tab));
		if (legacy.length > 0) local?.removeItem(legacyKey(this.#regionId, this.#year));
		this.#renew = setInterval(() => this.#write(), LEASE_RENEW_MS);
		return { rows, answers };
	}

	save(scope: JournalScope, entries: FieldEdit[]): void {
		this.#entries = { ...this.#entries, [scope]: entries };
		this.#write();
	}

	/** Leaving the page (a reload or a close): the record stays, free for the next tab or this one reloaded. */
	release(): void {
		if (this.#renew) clearInterval(this.#renew);
		this.#renew = null;
		this.#write(true);
	}

	/** Back from the back-forward cache: the page holds its journal again. */
	resume(): void {
		if (this.#renew || !this.#tab) return;
		this.#write();
		this.#renew = setInterval(() => this.#write(), LEASE_RENEW_MS);
	}

	#write(released = false): void {
		const local = storage('local');
		if (!local || !this.#tab) return;
		const key = tabKey(this.#regionId, this.#year, this.#tab);
		try {
			// An open tab keeps its record even when empty: a duplicated tab must see the id is taken.
			if (released && this.#entries.rows.length === 0 && this.#entries.answers.length === 0) local.removeItem(key);
			else local.setItem(key, serializeTabJournal({ tab: this.#tab, lease: this.#now(), released, ...this.#entries }));
		} catch {
			// Without storage the journal lives as long as the page; Firestore still queues the writes.
		}
	}
}
