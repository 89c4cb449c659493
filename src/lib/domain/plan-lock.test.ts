import { describe, expect, it } from 'vitest';
import { labelledMissing, type CompletenessRow } from './completeness';
import { stockholmTime } from './deadline';
import { areaCounts, completenessRows, currentReopening, deadlineState, labelMissing, submitReadiness } from './plan-lock';
import type { Reopening } from './schemas';

const deadline = stockholmTime(2027, 1, 31, 23, 59);

describe('deadlineState', () => {
	it('counts Stockholm calendar days left before the last day', () => {
		expect(deadlineState(deadline, stockholmTime(2027, 1, 19, 10, 0))).toEqual({ kind: 'left', days: 12 });
		expect(deadlineState(deadline, stockholmTime(2027, 1, 30, 23, 59))).toEqual({ kind: 'left', days: 1 });
	});

	it('says the last day from its midnight until the deadline minute', () => {
		expect(deadlineState(deadline, stockholmTime(2027, 1, 31, 0, 0))).toEqual({ kind: 'today' });
		expect(deadlineState(deadline, new Date(deadline.getTime() - 1))).toEqual({ kind: 'today' });
	});

	it('is past from the deadline on, also on the same day', () => {
		expect(deadlineState(deadline, deadline)).toEqual({ kind: 'past' });
		expect(deadlineState(stockholmTime(2027, 1, 31, 12, 0), stockholmTime(2027, 1, 31, 13, 0))).toEqual({ kind: 'past' });
		expect(deadlineState(deadline, stockholmTime(2027, 2, 2, 9, 0))).toEqual({ kind: 'past' });
	});
});

describe('submitReadiness', () => {
	it('refuses an empty plan, waits for missing fields, else is ready', () => {
		expect(submitReadiness(0, [])).toBe('empty');
		expect(submitReadiness(3, [{ rowId: 'a', field: 'goal' }])).toBe('incomplete');
		expect(submitReadiness(3, [])).toBe('ready');
	});
});

const template = {
	parts: [{ key: 'plan' as const, title: 'Plan', help: '' }],
	columns: [
		{ key: 'action' as const, part: 'plan' as const, title: 'Planerad insats', help: '', type: 'longText' as const, choices: [], required: 'always' as const, level: 'block' as const },
		{ key: 'goal' as const, part: 'plan' as const, title: 'Mål', help: '', type: 'longText' as const, choices: [], required: 'always' as const, level: 'block' as const }
	]
};
const rows: CompletenessRow[] = [
	{ id: 'b', area: 1, position: 2048, fields: { action: 'B' } },
	{ id: 'a', area: 1, position: 1024, fields: { action: 'A', goal: 'G' } },
	{ id: 'c', area: 2, position: 1024, fields: {} }
];

describe('labelMissing', () => {
	it('labels the function’s list like labelledMissing labels the local one', () => {
		const local = labelledMissing(template, rows);
		expect(labelMissing(template, rows, local.map(({ rowId, field }) => ({ rowId, field })))).toEqual(local);
		expect(local.map((m) => `${m.rowNumber}:${m.fieldTitle}`)).toEqual(['1.2:Mål', '2.1:Planerad insats', '2.1:Mål']);
	});

	it('keeps the function’s order and marks rows this browser does not have', () => {
		expect(
			labelMissing(template, rows, [
				{ rowId: 'zz', field: 'goal' },
				{ rowId: 'b', field: 'goal' }
			])
		).toEqual([
			{ rowId: 'zz', field: 'goal', rowNumber: '?', fieldTitle: 'Mål' },
			{ rowId: 'b', field: 'goal', rowNumber: '1.2', fieldTitle: 'Mål' }
		]);
	});

	it('falls back to the field key for a column the template does not have', () => {
		expect(labelMissing(template, rows, [{ rowId: 'a', field: 'effects' }])[0].fieldTitle).toBe('effects');
	});
});

describe('areaCounts', () => {
	it('lists areas in numeric order, not string order', () => {
		expect(areaCounts({ '10': 1, '2': 3, '1': 5 })).toEqual([
			{ area: 1, count: 5 },
			{ area: 2, count: 3 },
			{ area: 10, count: 1 }
		]);
		expect(areaCounts({})).toEqual([]);
	});
});

describe('currentReopening', () => {
	const r = (reason: string, at: string): Reopening => ({ by: 'u', byName: 'Malin', at: new Date(at), reason });
	it('is the newest reopening while the year is open again', () => {
		const reopenings = [r('Första gången öppnad', '2027-01-20T10:00:00Z'), r('Andra gången öppnad', '2027-01-25T10:00:00Z')];
		expect(currentReopening({ status: 'draft', reopenings })?.reason).toBe('Andra gången öppnad');
	});

	it('is nothing for a submitted year or one never reopened', () => {
		expect(currentReopening({ status: 'submitted', reopenings: [r('Första gången öppnad', '2027-01-20T10:00:00Z')] })).toBeNull();
		expect(currentReopening({ status: 'draft', reopenings: [] })).toBeNull();
	});
});

describe('completenessRows', () => {
	it('reads area, position and fields of live items', () => {
		expect(completenessRows([{ id: 'x', data: { area: 2, position: 5, fields: { goal: 'G' } } }])).toEqual([{ id: 'x', area: 2, position: 5, fields: { goal: 'G' } }]);
	});
});
