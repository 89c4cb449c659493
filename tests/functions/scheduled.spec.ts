// sendDeadlineReminders, the scheduled function, run in the Functions emulator with the real clock.
// A plan whose deadline is 10 days away with offsets [30, 20] has offset 20 due whatever the time of
// day, so the run mails its coordinator.
//
// How it is run: the emulator cannot fire 2nd-gen schedules, so the test calls the run the function
// calls (functions/src/shared/scheduled-runs.ts, support/emulators.ts runScheduled) against the emulators;
// the schedule's registration is read from the Functions emulator, its deploy manifest in
// functions/src/manifest.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, clearCollections, clearInbox, resetDemo, runScheduled, settleOutbox, waitForMail } from '../support/emulators';
import { P, VN, yearDoc } from '../support/plans';
import { swedishDate } from '../../src/lib/domain/deadline';
import { paths } from '../../src/lib/domain/paths';

interface BackendTrigger {
	name: string;
	region: string;
	schedule?: { schedule: string; timeZone: string } | null;
}

describe('sendDeadlineReminders (scheduled)', () => {
	beforeAll(async () => {
		await resetDemo();
		await settleOutbox();
		await clearCollections('reminderLedger', 'reminderOptOuts', 'reminderRuns');
	});

	it('is registered to run every day at 08:00 Stockholm time in europe-north1', async () => {
		const res = await fetch('http://127.0.0.1:5001/backends');
		const { backends } = (await res.json()) as { backends: Array<{ functionTriggers: BackendTrigger[] }> };
		const trigger = backends.flatMap((b) => b.functionTriggers).find((t) => t.name === 'sendDeadlineReminders');
		expect(trigger?.region).toBe('europe-north1');
		expect(trigger?.schedule).toMatchObject({ schedule: 'every day 08:00', timeZone: 'Europe/Stockholm' });
	});

	it('a run mails the coordinator of a plan whose reminder is due now', async () => {
		const deadline = new Date(Date.now() + 10 * 86_400_000);
		await yearDoc(VN, '2023').update({ deadline, reminderOffsets: [30, 20] });
		await clearInbox();

		await runScheduled('sendDeadlineReminders');

		const mail = await waitForMail((m) => m.to === P.coordVN.email);
		expect(mail.subject).toBe(`Påminnelse: handlingsplanen ska lämnas in senast ${swedishDate(deadline)}`);
		expect(mail.parsed.text).toMatch(/\d+ dagar kvar till /);
		expect(mail.parsed.text).toContain('Region Västernorrland – handlingsplan 2023');
		const ledger = await admin().db.collection(paths.reminderLedger()).where('uid', '==', P.coordVN.uid).get();
		expect(ledger.docs.map((d) => d.get('offset'))).toEqual([20]);

		// A second run the same day sends nothing more.
		await runScheduled('sendDeadlineReminders');
		expect((await admin().db.collection(paths.reminderLedger()).get()).size).toBe(1);
		expect((await admin().db.collection(paths.mail()).where('kind', '==', 'reminder').get()).size).toBe(1);
	});
});
