// submitPlan with a template that only warns about some columns (rsp-2024): the 2025 plan as the
// network wrote it (tests/fixtures/plan-2025-warnings.json: three rows without a status, three empty
// follow-up cells) is accepted with its six warnings in the submission record, and the same plan with
// one empty blocking cell is refused as before, listing only that cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDemo, type Client } from '../support/emulators';
import { clientPool, JH, P, refusedCall, storedRows, templateOf, yearDoc } from '../support/plans';
import { warningsPlan, writeWarningsPlan } from '../support/plan-fixture';
import { checklistOf } from '../../src/lib/domain/completeness';
import { plan } from '../../src/lib/domain/schemas';
import { contentHash } from '../../functions/src/shared/content-hash';

// The demo's Jämtland Härjedalen 2024 is a draft on rsp-2024 without rows: the fixture's rows go there.
const YEAR = '2024';

describe('submitPlan with warnings (rsp-2024)', () => {
	const pool = clientPool();
	let coord: Client;

	beforeAll(async () => {
		await resetDemo();
		coord = await pool.as(P.coordJH.uid);
		expect((await templateOf(JH, YEAR)).columns.find((c) => c.key === 'status')?.level).toBe('warn');
		expect(warningsPlan.templateId).toBe('rsp-2024');
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	it('refuses the plan with one blocking cell empty, listing only that cell (not the warnings)', async () => {
		await writeWarningsPlan(JH, YEAR, P.coordJH.uid, { rowId: 'jh25-2-01', field: 'goal' });
		const err = await refusedCall(coord, 'submitPlan', { regionId: JH, year: YEAR }, { regionId: JH, year: YEAR, mailKind: 'plan-submitted' });
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'incomplete', missing: [{ rowId: 'jh25-2-01', field: 'goal' }] });
	});

	it('accepts the plan as the network wrote it and records its six warnings', async () => {
		await writeWarningsPlan(JH, YEAR, P.coordJH.uid);
		const rows = await storedRows(JH, YEAR);
		expect(rows).toHaveLength(14);
		const { blockers, warnings } = checklistOf(await templateOf(JH, YEAR), rows);
		expect(blockers).toEqual([]);
		expect(warnings).toHaveLength(6);

		const answer = await coord.call<{ ok: boolean; submission: Record<string, unknown> }>('submitPlan', { regionId: JH, year: YEAR });
		const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
		expect(stored.status).toBe('submitted');
		const s = stored.submission!;
		expect(s.rowCount).toBe(14);
		expect(s.warnings).toEqual(warnings);
		expect(s.warnings.filter((w) => w.field === 'status').map((w) => w.rowId)).toEqual(['jh25-2-03', 'jh25-3-04', 'jh25-3-05']);
		expect(s.contentHash).toBe(contentHash(rows));
		expect(answer).toEqual({ ok: true, submission: { ...s, at: s.at.toISOString() } });
	});
});
