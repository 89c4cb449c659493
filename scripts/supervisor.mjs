// Watches a running Emulator Suite: firebase-tools logs one line when an emulator dies and keeps serving
// the rest, so `npm start` probes every emulator's port itself and reports the first that stops answering.
import { portInUse } from './processes.mjs';

/** Pure: the watched emulators that have now failed `needed` probes in a row, given the previous streaks. */
export function countFailures(streaks, results, needed) {
	const next = new Map();
	for (const { name, up } of results) next.set(name, up ? 0 : (streaks.get(name) ?? 0) + 1);
	return { streaks: next, dead: results.filter((r) => next.get(r.name) >= needed).map((r) => r.name) };
}

/**
 * Probes each { name, port } every `intervalMs`; calls `onDeath(names)` once when any has refused
 * `needed` connections in a row (two by default, so one slow accept on a busy machine is not a death).
 */
export function watchEmulators(emulators, { intervalMs = 1000, needed = 2, onDeath }) {
	let streaks = new Map();
	let stopped = false;
	let timer;
	const tick = async () => {
		const results = await Promise.all(emulators.map(async (e) => ({ name: e.name, up: await portInUse(e.port) })));
		if (stopped) return;
		const outcome = countFailures(streaks, results, needed);
		streaks = outcome.streaks;
		if (outcome.dead.length) {
			stopped = true;
			onDeath(outcome.dead);
		} else timer = setTimeout(tick, intervalMs);
	};
	timer = setTimeout(tick, intervalMs);
	return {
		stop() {
			stopped = true;
			clearTimeout(timer);
		}
	};
}
