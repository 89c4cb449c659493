// The lastActiveAt step (member-activity.ts activityStep): a quarter of an hour wherever the function
// runs, and a benchmark's shorter step only inside the Functions emulator.
import { describe, expect, it } from 'vitest';
import { activityStep, BENCH_ACTIVITY_STEP_VAR } from './member-activity';
import { ACTIVITY_STEP_MS } from '../../../src/lib/domain/membership';

describe('activityStep', () => {
	it('is the quarter of an hour without the emulator, whatever the variable says', () => {
		expect(activityStep({})).toBe(ACTIVITY_STEP_MS);
		expect(activityStep({ [BENCH_ACTIVITY_STEP_VAR]: '0' })).toBe(ACTIVITY_STEP_MS);
		expect(activityStep({ FUNCTIONS_EMULATOR: 'false', [BENCH_ACTIVITY_STEP_VAR]: '22500' })).toBe(ACTIVITY_STEP_MS);
	});

	it("takes the benchmark's step in the Functions emulator, 0 (every edit) included", () => {
		expect(activityStep({ FUNCTIONS_EMULATOR: 'true', [BENCH_ACTIVITY_STEP_VAR]: '22500' })).toBe(22_500);
		expect(activityStep({ FUNCTIONS_EMULATOR: 'true', [BENCH_ACTIVITY_STEP_VAR]: '0' })).toBe(0);
	});

	it('keeps the quarter of an hour in the emulator when the variable is absent or not a whole number', () => {
		expect(activityStep({ FUNCTIONS_EMULATOR: 'true' })).toBe(ACTIVITY_STEP_MS);
		for (const raw of ['', '-1', '1.5', '15m', ' 100']) expect(activityStep({ FUNCTIONS_EMULATOR: 'true', [BENCH_ACTIVITY_STEP_VAR]: raw })).toBe(ACTIVITY_STEP_MS);
	});
});
