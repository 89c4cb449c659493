// Live readers: a Firestore listener wrapped as a rune class. It starts when a component first reads
// it, stops when none does, reports errors as ReadFailure codes (the page words them), and can all be
// stopped before sign-out.
import {
	onSnapshot,
	type DocumentData,
	type DocumentReference,
	type FirestoreDataConverter,
	type Query,
	type QueryDocumentSnapshot,
	type SnapshotOptions
} from 'firebase/firestore';
import { createSubscriber } from 'svelte/reactivity';
import type * as z from 'zod/mini';
import type { DeniedRead, ReadFailure } from '../domain/read-failure';
import { errorCode, readFailure } from './errors';

/** Thrown by a converter for a document its reader refuses: a LiveQuery keeps its id and data to show it. */
export class UnreadableDocument extends Error {
	constructor(readonly data: unknown) {
		super('The document does not parse with its schema.');
		this.name = 'UnreadableDocument';
	}
}

/**
 * Reads every document with `read` (given its id and its data); timestamps not yet confirmed read as
 * estimates. A document it refuses throws UnreadableDocument.
 */
export function readingConverter<T>(read: (id: string, data: DocumentData) => { ok: true; value: T } | { ok: false }): FirestoreDataConverter<T, DocumentData> {
	return {
		toFirestore(): DocumentData {
			throw new Error('Planbordet writes through untyped references with explicit field paths.');
		},
		fromFirestore(snapshot: QueryDocumentSnapshot, options?: SnapshotOptions): T {
			const data = snapshot.data({ ...options, serverTimestamps: 'estimate' });
			const result = read(snapshot.id, data);
			if (!result.ok) throw new UnreadableDocument(data);
			return result.value;
		}
	};
}

/** Parses every document with its zod schema on read. */
export function zodConverter<T>(schema: z.ZodMiniType<T>): FirestoreDataConverter<T, DocumentData> {
	return readingConverter<T>((_id, data) => {
		const parsed = schema.safeParse(data);
		return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
	});
}

const active = new Set<() => void>();
let closed = false;

/** Stops every listener (before signing out: a listener outliving its user only fails). */
export function stopAllListeners(): void {
	closed = true;
	for (const stop of [...active]) stop();
	active.clear();
}

/** Lets listeners start again, after a new sign-in. */
export function reopenListeners(): void {
	closed = false;
}

function listen(start: () => () => void): () => void {
	if (closed) return () => {};
	let stopped = false;
	const unsubscribe = start();
	const stop = () => {
		if (stopped) return;
		stopped = true;
		active.delete(stop);
		unsubscribe();
	};
	active.add(stop);
	return stop;
}

export type LiveStatus = 'loading' | 'ready' | 'missing' | 'error';

/** One document, live. `data` is null while loading, when missing and after an error. */
export class LiveDoc<T> {
	#status = $state<LiveStatus>('loading');
	#data = $state<T | null>(null);
	#error = $state<ReadFailure | null>(null);
	#denied = $state(false);
	#fromCache = $state(true);
	#subscribe: () => void;

	constructor(ref: DocumentReference<T>, denied: DeniedRead | 'generic') {
		this.#subscribe = createSubscriber((update) =>
			listen(() =>
				onSnapshot(
					ref,
					{ includeMetadataChanges: true },
					(snap) => {
						this.#fromCache = snap.metadata.fromCache;
						try {
							const data = snap.exists() ? snap.data() : null;
							this.#data = data;
							this.#status = data === null ? 'missing' : 'ready';
							this.#error = null;
						} catch (err) {
							this.#data = null;
							this.#status = 'error';
							this.#error = readFailure(err, denied);
							console.error(`Planbordet: ${ref.path} could not be read`, err);
						}
						update();
					},
					(err) => {
						this.#status = 'error';
						this.#data = null;
						this.#denied = errorCode(err) === 'permission-denied';
						this.#error = readFailure(err, denied);
						console.error(`Planbordet: listening to ${ref.path} failed`, err);
						update();
					}
				)
			)
		);
	}

	get status(): LiveStatus {
		this.#subscribe();
		return this.#status;
	}
	get data(): T | null {
		this.#subscribe();
		return this.#data;
	}
	get error(): ReadFailure | null {
		this.#subscribe();
		return this.#error;
	}
	get fromCache(): boolean {
		this.#subscribe();
		return this.#fromCache;
	}
	/** The listener was refused by the rules (the reader lost access, or never had it). */
	get denied(): boolean {
		this.#subscribe();
		return this.#denied;
	}
}

export interface LiveItem<T> {
	id: string;
	data: T;
	/** A write of this browser to the document is not yet confirmed by the server. */
	pending: boolean;
}

export interface UnreadableItem {
	id: string;
	/** The stored data; null when the reader failed otherwise. */
	data: unknown;
}

/**
 * Warm-up listeners, opened ahead of the reader that will need them (a cold plan link: the rows while
 * the profile still loads). The SDK serves a later listener of the same document or query from this
 * one's target at once; a refusal or an unreadable document is left to that reader to report. They
 * stop with the others before sign-out.
 */
export function warmQuery<T>(query: Query<T>): () => void {
	return listen(() => onSnapshot(query, () => {}, () => {}));
}

/** A warm-up listener of one document; `onData` gets it (null when missing or unreadable). */
export function warmDoc<T>(ref: DocumentReference<T>, onData: (data: T | null) => void = () => {}): () => void {
	return listen(() =>
		onSnapshot(
			ref,
			(snap) => {
				let data: T | null = null;
				try {
					data = snap.exists() ? snap.data() : null;
				} catch {
					// unreadable: its live reader reports it
				}
				onData(data);
			},
			() => {}
		)
	);
}

/** A query, live, with the snapshot metadata the offline banner and the edit journal need. */
export class LiveQuery<T> {
	#status = $state<LiveStatus>('loading');
	#items = $state.raw<LiveItem<T>[]>([]);
	#error = $state<ReadFailure | null>(null);
	#unreadable = $state.raw<UnreadableItem[]>([]);
	#denied = $state(false);
	#fromCache = $state(true);
	#subscribe: () => void;

	constructor(query: Query<T>, denied: DeniedRead | 'generic', label: string) {
		this.#subscribe = createSubscriber((update) =>
			listen(() =>
				onSnapshot(
					query,
					{ includeMetadataChanges: true },
					(snap) => {
						const items: LiveItem<T>[] = [];
						const unreadable: UnreadableItem[] = [];
						for (const d of snap.docs) {
							try {
								items.push({ id: d.id, data: d.data(), pending: d.metadata.hasPendingWrites });
							} catch (err) {
								unreadable.push({ id: d.id, data: err instanceof UnreadableDocument ? err.data : null });
								console.error(`Planbordet: ${d.ref.path} could not be read`, err);
							}
						}
						this.#items = items;
						this.#unreadable = unreadable;
						this.#fromCache = snap.metadata.fromCache;
						this.#status = 'ready';
						this.#error = null;
						update();
					},
					(err) => {
						this.#status = 'error';
						this.#denied = errorCode(err) === 'permission-denied';
						this.#error = readFailure(err, denied);
						console.error(`Planbordet: listening to ${label} failed`, err);
						update();
					}
				)
			)
		);
	}

	get status(): LiveStatus {
		this.#subscribe();
		return this.#status;
	}
	get items(): LiveItem<T>[] {
		this.#subscribe();
		return this.#items;
	}
	get error(): ReadFailure | null {
		this.#subscribe();
		return this.#error;
	}
	/** Documents that did not parse with their schema (left out of `items`). */
	get unreadable(): number {
		this.#subscribe();
		return this.#unreadable.length;
	}
	/** Those documents: their ids, and their data as stored (for a page that shows what is wrong). */
	get unreadableItems(): UnreadableItem[] {
		this.#subscribe();
		return this.#unreadable;
	}
	get fromCache(): boolean {
		this.#subscribe();
		return this.#fromCache;
	}
	/** The listener was refused by the rules (the reader lost access, or never had it). */
	get denied(): boolean {
		this.#subscribe();
		return this.#denied;
	}
}
