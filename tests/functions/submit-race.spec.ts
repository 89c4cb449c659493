// The lock under a race: 50 cell edits by four signed-in members through the browser SDK (each a
// distinct cell, with the right revision) race one submitPlan call, ten times. Afterwards the stored
// rows must still be exactly what was submitted (their content hash equals the submission's), every
// edit either landed or was refused with permission-denied, and none is lost in between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, serverTimestamp, setLogLevel, updateDoc } from 'firebase/firestore';
import { clientAs, clearInbox, resetDemo, settleOutbox, type Client } from '../support/emulators';
import { completePlan, JH, JH_MEMBERS, P, storedRows, yearDoc } from '../support/plans';
import { plan } from '../../src/lib/domain/schemas';
import { contentHash } from '../../functions/src/shared/content-hash';
import { paths } from '../../src/lib/domain/paths';

// Refused edits would otherwise each log a PERMISSION_DENIED stream error.
setLogLevel('silent');

const YEAR = '2023';
const ROUNDS = 10;
const EDITS = 50;
const TEXT_FIELDS = ['action', 'goal', 'resources', 'outputs', 'effects', 'nextYear'] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A seeded pseudo-random sequence, so a failing round can be replayed. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

describe('submitPlan racing 50 browser edits', () => {
	const members: Array<{ uid: string; c: Client }> = [];
	let coord: Client;

	beforeAll(async () => {
		await resetDemo();
		await completePlan(JH, YEAR);
		for (const m of JH_MEMBERS) members.push({ uid: m.uid, c: await clientAs(m.uid) });
		coord = members.find((m) => m.uid === P.coordJH.uid)!.c;
	});
	afterAll(async () => {
		await Promise.all(members.map((m) => m.c.close()));
		await settleOutbox();
		await clearInbox();
	});

	it(`${ROUNDS} rounds: the stored rows always hash to the submission, and every refused edit was permission-denied`, async () => {
		const tally = { accepted: 0, refused: 0 };
		for (let round = 1; round <= ROUNDS; round++) {
			const rnd = random(round);
			await yearDoc(JH, YEAR).update({ status: 'draft' });
			const rows = await storedRows(JH, YEAR);
			const cells = rows.flatMap((r) => TEXT_FIELDS.map((field) => ({ row: r, field })));
			for (let i = cells.length - 1; i > 0; i--) {
				const j = Math.floor(rnd() * (i + 1));
				[cells[i], cells[j]] = [cells[j], cells[i]];
			}
			const chosen = cells.slice(0, EDITS);

			// Edits spread over ~600 ms; the submission starts ~200 ms in.
			const edits = chosen.map(async ({ row, field }, i) => {
				const m = members[i % members.length];
				const value = `Runda ${round}, ändring ${i + 1}`;
				await sleep(Math.floor(rnd() * 600));
				try {
					await updateDoc(doc(m.c.db, paths.row(JH, YEAR, row.id)), {
						[`fields.${field}`]: value,
						[`revs.${field}`]: (row.revs[field] ?? 0) + 1,
						updatedBy: m.uid,
						updatedAt: serverTimestamp()
					});
					return { rowId: row.id, field, value, outcome: 'accepted' as const };
				} catch (err) {
					return { rowId: row.id, field, value, outcome: (err as { code: string }).code };
				}
			});
			const submitted = sleep(150 + Math.floor(rnd() * 100)).then(() => coord.call('submitPlan', { regionId: JH, year: YEAR }));
			const [outcomes] = await Promise.all([Promise.all(edits), submitted]);

			const accepted = outcomes.filter((o) => o.outcome === 'accepted');
			const refused = outcomes.filter((o) => o.outcome !== 'accepted');
			expect(accepted.length + refused.length).toBe(EDITS);
			expect(refused.map((o) => o.outcome).filter((c) => c !== 'permission-denied'), `round ${round}`).toEqual([]);

			const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
			expect(stored.status).toBe('submitted');
			const after = await storedRows(JH, YEAR);
			expect(contentHash(after), `round ${round}`).toBe(stored.submission!.contentHash);
			const valueOf = (rowId: string, field: string) => (after.find((r) => r.id === rowId)!.fields as Record<string, unknown>)[field];
			for (const o of accepted) expect(valueOf(o.rowId, o.field)).toBe(o.value);
			for (const o of refused) expect(valueOf(o.rowId, o.field)).not.toBe(o.value);

			tally.accepted += accepted.length;
			tally.refused += refused.length;
		}
		console.log(`submit race: ${ROUNDS} rounds × ${EDITS} edits — ${tally.accepted} landed before the submission, ${tally.refused} refused after it`);
		// The race really happened: some edits landed before the lock and some were refused by it.
		expect(tally.accepted).toBeGreaterThan(0);
		expect(tally.refused).toBeGreaterThan(0);
	});
});
