// PlanPresence's own decisions with the Firestore edge played by the test: when it beats, what it
// announces, that it leaves once (and never after access ended), and whom it lists as present.
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, PRESENCE_TTL_MS } from './domain/presence';
import type { Presence } from './domain/schemas';
import { LEAVE_TIMEOUT_MS, PlanPresence, PRESENCE_TICK_MS, type PresenceOptions } from './plan-presence.svelte';

const edge = vi.hoisted(() => ({
	writePresence: vi.fn((..._args: unknown[]) => Promise.resolve()),
	removePresence: vi.fn((..._args: unknown[]): Promise<void> => Promise.resolve()),
	signOutHooks: new Set<() => Promise<void>>(),
	/** The latest listener made, as the test fills it. */
	live: null as { items: Array<{ id: string; data: Presence; pending: boolean }> } | null
}));

vi.mock('./firebase/presence.svelte', () => ({
	LivePresence: class {
		items: Array<{ id: string; data: Presence; pending: boolean }> = [];
		constructor() {
			edge.live = this;
		}
	},
	writePresence: edge.writePresence,
	removePresence: edge.removePresence
}));

vi.mock('./session.svelte', () => ({
	session: {
		beforeSignOut(hook: () => Promise<void>) {
			edge.signOutHooks.add(hook);
			return () => edge.signOutHooks.delete(hook);
		}
	}
}));

const me = { uid: 'u-anna', name: 'Anna Andersson', orgId: 'krokom' };
let win: EventTarget;
let nav: { onLine: boolean };
let stops: Array<() => void> = [];

beforeEach(() => {
	vi.useFakeTimers({ now: new Date('2025-03-03T09:00:00Z') });
	edge.writePresence.mockClear();
	edge.removePresence.mockReset().mockImplementation(() => Promise.resolve());
	edge.signOutHooks.clear();
	win = new EventTarget();
	nav = { onLine: true };
	vi.stubGlobal('navigator', nav);
	vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
	vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
	vi.useRealTimers();
});

function presence(over: Partial<PresenceOptions> = {}) {
	const p = new PlanPresence({ regionId: 'jh', year: '2025', person: me, writes: true, planReady: () => true, members: () => null, ...over });
	return p;
}

function started(p: PlanPresence): PlanPresence {
	stops.push(p.start());
	flushSync();
	return p;
}

const pageEvent = (type: 'pagehide' | 'pageshow', persisted: boolean) => win.dispatchEvent(Object.assign(new Event(type), { persisted }));

/** What each presence write announced. */
const written = () => edge.writePresence.mock.calls.map((c) => c[3] as { cell: unknown; answer: unknown });

describe('the heartbeat', () => {
	it('announces a member at start and every HEARTBEAT_MS, but only into a plan known to exist', () => {
		// (The unit project compiles for the server, where $effect does not run: the announce when the
		// plan turns ready mid-way is the e2e suite's; here the guard on every beat is checked.)
		let ready = false;
		started(presence({ planReady: () => ready }));
		vi.advanceTimersByTime(HEARTBEAT_MS);
		expect(edge.writePresence).not.toHaveBeenCalled();

		ready = true;
		vi.advanceTimersByTime(HEARTBEAT_MS);
		expect(edge.writePresence).toHaveBeenCalledTimes(1);
		expect(edge.writePresence.mock.calls[0].slice(0, 4)).toEqual(['jh', '2025', 'u-anna', { name: me.name, orgId: 'krokom', cell: null, answer: null }]);
		expect(edge.writePresence.mock.calls[0][4]).toEqual(new Date());

		started(presence());
		expect(edge.writePresence).toHaveBeenCalledTimes(2);
	});

	it('does not beat while offline, and beats when the browser comes back online', () => {
		nav.onLine = false;
		started(presence());
		vi.advanceTimersByTime(HEARTBEAT_MS);
		expect(edge.writePresence).not.toHaveBeenCalled();

		nav.onLine = true;
		win.dispatchEvent(new Event('online'));
		expect(edge.writePresence).toHaveBeenCalledTimes(1);
	});

	it('never writes or removes anything for a staff reader', async () => {
		const p = started(presence({ writes: false }));
		p.setCell({ rowId: 'r1', field: 'action' });
		p.setAnswer({ questionId: 'q1', field: 'text' });
		vi.advanceTimersByTime(HEARTBEAT_MS);
		pageEvent('pagehide', false);
		await p.leave();
		expect(edge.writePresence).not.toHaveBeenCalled();
		expect(edge.removePresence).not.toHaveBeenCalled();
		expect(edge.signOutHooks.size).toBe(0);
	});

	it('announces a new cell at once, and only when the cell changed', () => {
		const p = started(presence());
		edge.writePresence.mockClear();

		p.setCell({ rowId: 'r1', field: 'action' });
		p.setCell({ rowId: 'r1', field: 'action' });
		expect(written()).toEqual([expect.objectContaining({ cell: { rowId: 'r1', field: 'action' } })]);

		p.setCell({ rowId: 'r1', field: 'who' });
		p.setCell(null);
		p.setCell(null);
		expect(written().map((w) => w.cell)).toEqual([{ rowId: 'r1', field: 'action' }, { rowId: 'r1', field: 'who' }, null]);
	});

	it('forgets an answer field only when one is still in it', () => {
		const p = started(presence());
		edge.writePresence.mockClear();

		p.setAnswer({ questionId: 'q1', field: 'text' });
		p.setAnswer({ questionId: 'q2', field: 'text' });
		p.leaveAnswer({ questionId: 'q1', field: 'text' });
		expect(written().map((w) => w.answer)).toEqual([{ questionId: 'q1', field: 'text' }, { questionId: 'q2', field: 'text' }]);

		p.leaveAnswer({ questionId: 'q2', field: 'text' });
		expect(written().map((w) => w.answer)).toEqual([{ questionId: 'q1', field: 'text' }, { questionId: 'q2', field: 'text' }, null]);
	});
});

describe('leaving', () => {
	it('removes the presence once and writes nothing after it', async () => {
		const p = started(presence());
		edge.writePresence.mockClear();

		await p.leave();
		await p.leave();
		pageEvent('pagehide', false);
		expect(edge.removePresence).toHaveBeenCalledTimes(1);
		expect(edge.removePresence).toHaveBeenCalledWith('jh', '2025', 'u-anna');

		p.setCell({ rowId: 'r1', field: 'action' });
		vi.advanceTimersByTime(HEARTBEAT_MS);
		expect(edge.writePresence).not.toHaveBeenCalled();
	});

	it('leaves on pagehide and comes back when the page is restored from the back/forward cache', () => {
		started(presence());
		edge.writePresence.mockClear();

		pageEvent('pagehide', false);
		expect(edge.removePresence).toHaveBeenCalledTimes(1);
		pageEvent('pageshow', false);
		expect(edge.writePresence).not.toHaveBeenCalled();
		pageEvent('pageshow', true);
		expect(edge.writePresence).toHaveBeenCalledTimes(1);
	});

	it('does not hold a sign-out longer than LEAVE_TIMEOUT_MS when the removal hangs', async () => {
		started(presence());
		edge.removePresence.mockImplementation(() => new Promise<void>(() => undefined));
		expect(edge.signOutHooks.size).toBe(1);

		let done = false;
		void [...edge.signOutHooks][0]().then(() => (done = true));
		await vi.advanceTimersByTimeAsync(LEAVE_TIMEOUT_MS - 1);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
		expect(edge.removePresence).toHaveBeenCalledTimes(1);
	});

	it('after stop() (access ended) it neither beats nor removes', async () => {
		const p = started(presence());
		edge.writePresence.mockClear();

		p.stop();
		p.setCell({ rowId: 'r1', field: 'action' });
		vi.advanceTimersByTime(HEARTBEAT_MS);
		await p.leave();
		expect(edge.writePresence).not.toHaveBeenCalled();
		expect(edge.removePresence).not.toHaveBeenCalled();
	});

	it('its stop function ends the heartbeat and unhooks the page and sign-out listeners', () => {
		const p = presence();
		const stop = p.start();
		flushSync();
		stop();
		edge.writePresence.mockClear();

		vi.advanceTimersByTime(HEARTBEAT_MS);
		win.dispatchEvent(new Event('online'));
		pageEvent('pagehide', false);
		expect(edge.writePresence).not.toHaveBeenCalled();
		expect(edge.removePresence).not.toHaveBeenCalled();
		expect(edge.signOutHooks.size).toBe(0);
	});
});

describe('people', () => {
	const entry = (uid: string, name: string, lastSeen: Date) => ({
		id: uid,
		pending: false,
		data: { name, orgId: 'krokom', cell: null, answer: null, lastSeen, expireAt: new Date(lastSeen.getTime() + 86_400_000) }
	});

	it('lists present members, oneself first, and drops people removed from the network or gone stale', () => {
		const members = new Map<string, unknown>([
			['u-anna', {}],
			['u-bo', {}],
			['u-cecilia', {}]
		]);
		let memberList: ReadonlyMap<string, unknown> | null = null;
		const p = started(presence({ members: () => memberList }));
		const t0 = new Date();
		edge.live!.items = [entry('u-cecilia', 'Cecilia', t0), entry('u-removed', 'Borttagen', t0), entry('u-anna', 'Anna Andersson', t0), entry('u-bo', 'Bo', new Date(t0.getTime() - PRESENCE_TTL_MS + PRESENCE_TICK_MS))];

		// While the members are unknown nobody is filtered out by membership.
		expect(p.people.map((x) => x.uid)).toEqual(['u-anna', 'u-bo', 'u-removed', 'u-cecilia']);

		memberList = members;
		expect(p.people.map((x) => x.uid)).toEqual(['u-anna', 'u-bo', 'u-cecilia']);

		// Bo's heartbeat stopped: after the next tick he is gone.
		vi.advanceTimersByTime(PRESENCE_TICK_MS);
		expect(p.people.map((x) => x.uid)).toEqual(['u-anna', 'u-cecilia']);
	});
});
