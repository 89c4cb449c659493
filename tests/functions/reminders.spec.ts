// The deadline-reminder job (functions/src/shared/reminder-job.ts) with an injected clock against the demo
// data in the emulators, the mails received by the development inbox: who is reminded and of what,
// the unsubscribe link (through Hosting's /api/unsubscribe), the ledger that makes every reminder go
// out once — also for overlapping runs and a run that dies midway — submitted plans, moved
// deadlines, and the `npm run reminders` CLI.
//
// The demo plans' deadline is 31 January 2024 23:59 (the 2023 plans of both regions); at 08:00 on
// 24 January 2024 their 7-day reminder is due: the 4 members of Jämtland Härjedalen and the
// coordinator of Västernorrland get one mail each, staff none. The mails name the organisations of
// the network that have not signed off the plan's current content.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { admin, APP_URL, callError, clearCollections, clearInbox, clientAs, inbox, resetDemo, settleOutbox, waitForMail, type Client, type InboxMail } from '../support/emulators';
import { JH, JH_MEMBERS, P, storedRows, VN, yearDoc } from '../support/plans';
import { contentHash } from '../../functions/src/shared/content-hash';
import { enqueueMailIn, type OutboxMail } from '../../functions/src/shared/outbox';
import { ledgerDocId, ReminderJobError, runReminderJob, type ReminderJobOptions, type ReminderReportEntry } from '../../functions/src/shared/reminder-job';
import { plan, reminderLedgerEntry, reminderOptOut } from '../../src/lib/domain/schemas';
import { verifyToken } from '../../functions/src/shared/unsubscribe-signing';
import { devUnsubscribeSecret } from '../../scripts/emulator-env.mjs';
import { paths } from '../../src/lib/domain/paths';

const root = resolve(import.meta.dirname, '../..');
/** The emulators' UNSUBSCRIBE_SECRET, generated into .planbordet/ (scripts/emulator-env.mjs). */
const SECRET = devUnsubscribeSecret();
const YEAR = '2023';
const T7 = new Date('2024-01-24T08:00:00+01:00');
const T2 = new Date('2024-01-29T08:00:00+01:00');
const T1 = new Date('2024-01-30T08:00:00+01:00');
const SUBJECT = 'Påminnelse: handlingsplanen ska lämnas in senast 31 januari 2024';
const DUE_AT_T7 = [...JH_MEMBERS, P.coordVN];
const emails = (people: ReadonlyArray<{ email: string }>) => people.map((p) => p.email).sort();

const run = (now: Date, extra: Partial<ReminderJobOptions> = {}) => runReminderJob({ db: admin().db, now, appUrl: APP_URL, secret: SECRET, ...extra });

async function reminderDocs() {
	return (await admin().db.collection(paths.mail()).where('kind', '==', 'reminder').get()).docs;
}

/** Waits for the queued reminders to be delivered and returns the inbox's reminders. */
async function deliveredReminders(): Promise<InboxMail[]> {
	await settleOutbox();
	return (await inbox()).filter((m) => m.subject.startsWith('Påminnelse:'));
}

function unsubscribeLinkOf(m: InboxMail): string {
	const link = /Avsluta påminnelser: (\S+)/.exec(m.parsed.text ?? '')?.[1];
	if (!link) throw new Error(`no unsubscribe link in: ${m.parsed.text}`);
	return link;
}

/** Every (person, plan, offset) of the reports, to count them. */
const sent = (...reports: ReminderReportEntry[][]) => reports.flat().flatMap((r) => r.items.map((i) => `${r.email} ${i.regionId}/${i.year}/${i.offset}`));

describe('the reminder job', () => {
	const clients: Client[] = [];

	beforeAll(async () => {
		await resetDemo();
	});
	afterAll(async () => {
		await Promise.all(clients.map((c) => c.close()));
		await settleOutbox();
	});

	/** A clean slate for a test that counts mails: no ledger, no opt-outs, no outbox documents. */
	async function fresh() {
		await settleOutbox();
		await clearCollections('reminderLedger', 'reminderOptOuts', 'mail');
		await clearInbox();
	}

	describe('seven days before 31 January 2024', () => {
		let report: ReminderReportEntry[];
		beforeAll(async () => {
			await fresh();
			report = await run(T7);
		});

		it('queues one mail to each JH member and the VN coordinator, none to staff', async () => {
			expect(report.map((r) => r.email).sort()).toEqual(emails(DUE_AT_T7));
			for (const r of report) {
				const regionId = r.email === P.coordVN.email ? VN : JH;
				expect(r.items).toEqual([{ regionId, year: YEAR, offset: 7 }]);
			}
			const docs = await reminderDocs();
			expect(docs.map((d) => d.id).sort()).toEqual(report.map((r) => r.mailId).sort());
			expect(docs.flatMap((d) => d.get('to'))).not.toContain(P.reader.email);
		});

		it('records one ledger entry per person and plan, keyed by the deadline date and offset', async () => {
			const ledger = await admin().db.collection(paths.reminderLedger()).get();
			expect(ledger.size).toBe(5);
			for (const d of ledger.docs) {
				const e = reminderLedgerEntry.parse(d.data());
				expect(d.id).toBe(ledgerDocId(e.key));
				expect(e.key).toBe(`${e.regionId}/${YEAR}/${e.uid}/2024-01-31/7`);
				expect(e.mailId).toBe(report.find((r) => r.uid === e.uid)?.mailId);
			}
		});

		it('delivers Swedish reminders with days left, what is missing, the plan link and a personal unsubscribe link', async () => {
			for (const m of JH_MEMBERS) {
				const mail = await waitForMail((x) => x.to === m.email && x.subject === SUBJECT);
				const text = mail.parsed.text ?? '';
				expect(text).toContain(`Hej ${m.name}!`);
				expect(text).toContain('Region Jämtland Härjedalen – handlingsplan 2023');
				expect(text).toContain('7 dagar kvar till 31 januari 2024 kl. 23:59.');
				expect(text).toContain('4 uppgifter saknas:');
				expect(text).toContain('  – Insats 1.3: Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt');
				expect(text).toContain('  – Insats 1.4: Resultat/förväntade resultat i form av effekter på kort, medellång och lång sikt');
				expect(text).toContain('  – Insats 3.4: Status');
				expect(text).toContain('  – Insats 3.5: Status');
				expect(text).toContain(`Öppna planen: ${APP_URL}/plan/${JH}/${YEAR}`);
				const link = unsubscribeLinkOf(mail);
				expect(link.startsWith(`${APP_URL}/api/unsubscribe?token=`)).toBe(true);
				expect(verifyToken(new URL(link).searchParams.get('token'), SECRET)).toBe(m.uid);
				expect(mail.parsed.html).toContain(`href="${APP_URL}/plan/${JH}/${YEAR}"`);
				// RFC 2369 / 8058: the mail client's own unsubscribe button posts to the same link.
				const header = (key: string) => mail.parsed.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');
				expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}>`);
				expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
			}
			const vn = await waitForMail((x) => x.to === P.coordVN.email && x.subject === SUBJECT);
			expect(vn.parsed.text).toContain('Region Västernorrland – handlingsplan 2023');
			expect(vn.parsed.text).toContain('Planen har inga insatser ännu');
			expect(emails((await deliveredReminders()).map((m) => ({ email: m.to })))).toEqual(emails(DUE_AT_T7));
		});

		it('sends nothing when run again at the same instant', async () => {
			const before = (await reminderDocs()).length;
			expect(await run(T7)).toEqual([]);
			expect((await reminderDocs()).length).toBe(before);
		});

		it('sends nothing later the same day, nor the day after (the next offset, 2, is due on 29 January)', async () => {
			expect(await run(new Date('2024-01-24T15:00:00+01:00'))).toEqual([]);
			expect(await run(new Date('2024-01-25T08:00:00+01:00'))).toEqual([]);
		});
	});

	describe('the unsubscribe link', () => {
		let links: Map<string, string>;
		beforeAll(async () => {
			await fresh();
			await run(T7);
			links = new Map();
			for (const m of JH_MEMBERS) links.set(m.uid, unsubscribeLinkOf(await waitForMail((x) => x.to === m.email && x.subject === SUBJECT)));
		});

		it('shows a Swedish page with a button when opened, and changes nothing', async () => {
			const res = await fetch(links.get(P.ostersund.uid)!);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('text/html');
			const html = await res.text();
			expect(html).toContain('<html lang="sv">');
			expect(html).toContain('Vill du sluta få påminnelser');
			expect(html).toMatch(/<form method="post">[\s\S]*<button type="submit">Avsluta påminnelser<\/button>/);
			const head = await fetch(links.get(P.ostersund.uid)!, { method: 'HEAD' });
			expect(head.status).toBe(200);
			expect((await admin().db.doc(`reminderOptOuts/${P.ostersund.uid}`).get()).exists).toBe(false);
		});

		it('unsubscribes when the page’s form is posted through Hosting', async () => {
			const link = links.get(P.ostersund.uid)!;
			const token = new URL(link).searchParams.get('token')!;
			const res = await fetch(link, { method: 'POST', body: new URLSearchParams({ token }) });
			expect(res.status).toBe(200);
			const html = await res.text();
			expect(html).toContain('Du får inte längre påminnelser');
			expect(html).toContain('Du kan slå på dem igen i Planbordet.');
			const optOut = reminderOptOut.parse((await admin().db.doc(`reminderOptOuts/${P.ostersund.uid}`).get()).data());
			expect(optOut.via).toBe('link');
		});

		it('unsubscribes with a mail client’s RFC 8058 one-click POST', async () => {
			const res = await fetch(links.get(P.krokom.uid)!, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'List-Unsubscribe=One-Click'
			});
			expect(res.status).toBe(200);
			expect(reminderOptOut.parse((await admin().db.doc(`reminderOptOuts/${P.krokom.uid}`).get()).data()).via).toBe('link');
		});

		it('the next due run (2 days before) skips the people who unsubscribed', async () => {
			await clearInbox();
			const report = await run(T2);
			expect(report.map((r) => r.email).sort()).toEqual(emails([P.coordJH, P.lst, P.coordVN]));
			const delivered = await deliveredReminders();
			expect(emails(delivered.map((m) => ({ email: m.to })))).toEqual(emails([P.coordJH, P.lst, P.coordVN]));
			expect(delivered.find((m) => m.to === P.coordJH.email)?.parsed.text).toContain('2 dagar kvar till 31 januari 2024 kl. 23:59.');
		});

		it('switching reminders on again in the app brings them back for the next due run', async () => {
			const c = await clientAs(P.ostersund.uid);
			clients.push(c);
			expect(await c.call('setReminderSubscription', { subscribed: true })).toEqual({ ok: true, subscribed: true });
			expect((await admin().db.doc(`reminderOptOuts/${P.ostersund.uid}`).get()).exists).toBe(false);
			const report = await run(T1);
			expect(report.map((r) => r.email).sort()).toEqual(emails([P.coordJH, P.lst, P.ostersund, P.coordVN]));
			expect(report.find((r) => r.uid === P.ostersund.uid)?.items).toEqual([{ regionId: JH, year: YEAR, offset: 1 }]);
		});
	});

	describe('exactly once', () => {
		beforeEach(fresh);

		it('two overlapping runs queue exactly one mail per person', async () => {
			const [a, b] = await Promise.all([run(T7), run(T7)]);
			// Both runs read an empty ledger and computed all five digests; the per-person transactions let each through once.
			expect(new Set(sent(a, b)).size).toBe(sent(a, b).length);
			expect([...a, ...b].map((r) => r.email).sort()).toEqual(emails(DUE_AT_T7));
			const docs = await reminderDocs();
			expect(docs.flatMap((d) => d.get('to')).sort()).toEqual(emails(DUE_AT_T7));
			expect(emails((await deliveredReminders()).map((m) => ({ email: m.to })))).toEqual(emails(DUE_AT_T7));
		});

		it('a run that dies after the first person leaves the rest to the next run, which sends each person once', async () => {
			const killed = run(T7, {
				onQueued: () => {
					throw new Error('the process died');
				}
			});
			await expect(killed).rejects.toThrow('the process died');
			const first = await reminderDocs();
			expect(first).toHaveLength(1);
			expect((await admin().db.collection(paths.reminderLedger()).get()).docs.map((d) => d.get('mailId'))).toEqual([first[0].id]);

			const rest = await run(T7);
			expect(rest).toHaveLength(4);
			expect(rest.map((r) => r.email)).not.toContain(first[0].get('to')[0]);
			expect((await reminderDocs()).flatMap((d) => d.get('to')).sort()).toEqual(emails(DUE_AT_T7));
			expect(emails((await deliveredReminders()).map((m) => ({ email: m.to })))).toEqual(emails(DUE_AT_T7));
		});

		it('a transaction that fails while queueing leaves no ledger entry behind, so the next run still sends it', async () => {
			let calls = 0;
			const failingOutbox = {
				enqueueIn(tx: Transaction, db: Firestore, mail: OutboxMail, id: string) {
					if (++calls > 1) throw new Error('outbox unavailable');
					return enqueueMailIn(tx, db, mail, id);
				}
			};
			const err = await run(T7, { outbox: failingOutbox }).catch((e: unknown) => e);
			expect(err).toBeInstanceOf(ReminderJobError);
			const { report, failures } = err as ReminderJobError;
			expect(report).toHaveLength(1);
			expect(failures).toHaveLength(4);
			const ledger = await admin().db.collection(paths.reminderLedger()).get();
			expect(ledger.docs.map((d) => d.get('uid'))).toEqual([report[0].uid]);
			expect(await reminderDocs()).toHaveLength(1);

			const rest = await run(T7);
			expect(rest.map((r) => r.uid).sort()).toEqual(failures.map((f) => f.uid).sort());
			expect(emails((await deliveredReminders()).map((m) => ({ email: m.to })))).toEqual(emails(DUE_AT_T7));
		});
	});

	describe('what is due', () => {
		beforeEach(fresh);

		it('a submitted plan gets no reminders', async () => {
			await yearDoc(JH, YEAR).update({ status: 'submitted' });
			try {
				const report = await run(T7);
				expect(report.map((r) => r.email)).toEqual([P.coordVN.email]);
			} finally {
				await yearDoc(JH, YEAR).update({ status: 'draft' });
			}
		});

		it('`npm run reminders -- --now …` runs the job at that instant, prints what it queued, and the mails arrive', async () => {
			const { code, stdout } = await npm(['run', 'reminders', '--', '--now', '2024-01-24T08:00:00+01:00']);
			expect(code).toBe(0);
			expect(stdout).toContain('queued 5 mails');
			for (const m of JH_MEMBERS) expect(stdout).toMatch(new RegExp(`${m.email}\\s+jamtland-harjedalen 2023 \\(7 dagar före\\)`));
			expect(stdout).toMatch(new RegExp(`${P.coordVN.email}\\s+vasternorrland 2023 \\(7 dagar före\\)`));
			expect(emails((await deliveredReminders()).map((m) => ({ email: m.to })))).toEqual(emails(DUE_AT_T7));

			const again = await npm(['run', 'reminders', '--', '--now', '2024-01-24T08:00:00+01:00']);
			expect(again.code).toBe(0);
			expect(again.stdout).toContain('nothing to send');
		});

		it('`npm run reminders` refuses an invalid --now with a clear error and exit code 1', async () => {
			const { code, stderr } = await npm(['run', 'reminders', '--', '--now', '24 januari']);
			expect(code).toBe(1);
			expect(stderr).toContain('--now must be an ISO 8601 date-time with an offset');
			expect(await reminderDocs()).toHaveLength(0);
		});

		it('after setPlanSettings moves the deadline, the next run follows the new schedule', async () => {
			const coord = await clientAs(P.coordJH.uid);
			clients.push(coord);
			const answer = await coord.call('setPlanSettings', { regionId: JH, year: YEAR, deadline: '2024-02-15T23:59:00+01:00', reminderOffsets: [3, 10] });
			expect(answer).toEqual({ ok: true, deadline: '2024-02-15T22:59:00.000Z', reminderOffsets: [10, 3] });
			try {
				const stored = plan.parse((await yearDoc(JH, YEAR).get()).data());
				expect(stored.deadline.toISOString()).toBe('2024-02-15T22:59:00.000Z');
				expect(stored.reminderOffsets).toEqual([10, 3]);

				// 24 January: nothing is due for JH any more (its first reminder is on 5 February).
				expect((await run(T7)).map((r) => r.email)).toEqual([P.coordVN.email]);
				const feb5 = await run(new Date('2024-02-05T08:00:00+01:00'));
				expect(feb5.map((r) => r.email).sort()).toEqual(emails(JH_MEMBERS));
				for (const r of feb5) expect(r.items).toEqual([{ regionId: JH, year: YEAR, offset: 10 }]);
				const mail = await waitForMail((x) => x.to === P.lst.email && x.subject === 'Påminnelse: handlingsplanen ska lämnas in senast 15 februari 2024');
				expect(mail.parsed.text).toContain('10 dagar kvar till 15 februari 2024 kl. 23:59.');
				const ledger = await admin().db.collection(paths.reminderLedger()).where('regionId', '==', JH).get();
				expect(ledger.docs.map((d) => d.get('key'))).toContain(`${JH}/${YEAR}/${P.lst.uid}/2024-02-15/10`);
			} finally {
				await coord.call('setPlanSettings', { regionId: JH, year: YEAR, deadline: '2024-01-31T23:59:00+01:00', reminderOffsets: [30, 14, 7, 2, 1] });
			}
		});

		it('an editor may not change the plan settings', async () => {
			const editor = await clientAs(P.lst.uid);
			clients.push(editor);
			const err = await callError(editor.call('setPlanSettings', { regionId: JH, year: YEAR, deadline: '2024-03-01T23:59:00+01:00', reminderOffsets: [] }));
			expect(err.code).toBe('functions/permission-denied');
		});
	});
});

function npm(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((done, fail) => {
		const child = spawn('npm', args, { cwd: root, env: process.env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		child.on('error', fail);
		child.on('exit', (code) => done({ code, stdout, stderr }));
	});
}

describe('reminders and invitees', () => {
	beforeAll(async () => {
		await resetDemo();
		await clearCollections('reminderLedger', 'reminderOptOuts', 'mail');
	});
	afterAll(async () => {
		await settleOutbox();
	});

	it('an invitee who has not signed in yet gets no reminder; the active members do', async () => {
		const invitee = 'inbjuden@kommun.example';
		await admin().db.doc(paths.member(JH, 'u-inbjuden')).set({
			email: invitee,
			name: 'Inbjuden Person',
			orgId: 'krokom',
			role: 'editor',
			status: 'invited',
			invitedAt: T7,
			invitedBy: 'u-samordnare-jh',
			invitationExpiresAt: new Date(T7.getTime() + 14 * 86_400_000),
			lastActiveAt: null
		});
		const report = await run(T7);
		expect(report.map((r) => r.email)).not.toContain(invitee);
		expect(report.map((r) => r.email).sort()).toEqual(emails(DUE_AT_T7));
	});
});

describe('reminders and sign-offs', () => {
	beforeAll(async () => {
		await resetDemo();
		await clearCollections('reminderLedger', 'reminderOptOuts', 'mail');
	});
	afterAll(async () => {
		await settleOutbox();
	});

	it('names the network’s organisations that have not signed off the current content, with their state', async () => {
		const hash = contentHash(await storedRows(JH, YEAR));
		const at = new Date('2024-01-20T10:00:00Z');
		await admin().db.doc(paths.signOff(JH, YEAR, 'lst-jamtland')).set({ orgId: 'lst-jamtland', uid: P.lst.uid, name: P.lst.name, at, contentHash: hash });
		await admin().db.doc(paths.signOff(JH, YEAR, 'ostersund')).set({ orgId: 'ostersund', uid: P.ostersund.uid, name: P.ostersund.name, at, contentHash: '0'.repeat(64) });
		await run(T7);
		const text = (await waitForMail((x) => x.to === P.krokom.email && x.subject === SUBJECT)).parsed.text ?? '';
		expect(text).toContain('Organisationer som ännu inte har godkänt planen:');
		expect(text).toContain('  – Krokoms kommun (inte godkänd)');
		expect(text).toContain('  – Östersunds kommun (godkänd före senaste ändringar)');
		expect(text).toContain('  – Åre kommun (inte godkänd)');
		expect(text).not.toContain('Länsstyrelsen Jämtlands län (');
	});
});
