// The supervisor's rule: an emulator is dead after `needed` refused probes in a row, not after one.
import { expect, test } from 'vitest';
import { countFailures } from './supervisor.mjs';
import { suitePorts } from './processes.mjs';

test('one refused probe is not a death; two in a row are; an answer resets the streak', () => {
	let streaks = new Map();
	const step = (up: Record<string, boolean>) => {
		const r = countFailures(streaks, Object.entries(up).map(([name, u]) => ({ name, up: u })), 2);
		streaks = r.streaks;
		return r.dead;
	};
	expect(step({ auth: true, firestore: false })).toEqual([]);
	expect(step({ auth: true, firestore: true })).toEqual([]);
	expect(step({ auth: true, firestore: false })).toEqual([]);
	expect(step({ auth: false, firestore: false })).toEqual(['firestore']);
});

test('suitePorts reads the chosen emulators and the hub from firebase.json', () => {
	const ports = suitePorts(`${import.meta.dirname}/..`, 'auth,firestore');
	expect(ports.emulators).toEqual([
		{ name: 'auth', port: 9099 },
		{ name: 'firestore', port: 8080 }
	]);
	expect(ports.hub).toBe(4400);
});
