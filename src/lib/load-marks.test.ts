// The load marks: set once each, so a later sign-in or plan on the same page keeps the first milestone.
import { afterEach, describe, expect, it } from 'vitest';
import { LOAD_MARKS, markLoad } from './load-marks';

afterEach(() => performance.clearMarks());

describe('markLoad', () => {
	it('marks a milestone on the performance timeline', () => {
		markLoad(LOAD_MARKS.profile);
		expect(performance.getEntriesByName(LOAD_MARKS.profile, 'mark')).toHaveLength(1);
	});

	it('keeps the first time when the milestone comes again', async () => {
		markLoad(LOAD_MARKS.auth);
		const first = performance.getEntriesByName(LOAD_MARKS.auth, 'mark')[0].startTime;
		await new Promise((r) => setTimeout(r, 5));
		markLoad(LOAD_MARKS.auth);
		const marks = performance.getEntriesByName(LOAD_MARKS.auth, 'mark');
		expect(marks).toHaveLength(1);
		expect(marks[0].startTime).toBe(first);
	});

	it('gives each milestone its own name', () => {
		expect(new Set(Object.values(LOAD_MARKS)).size).toBe(Object.keys(LOAD_MARKS).length);
	});
});
