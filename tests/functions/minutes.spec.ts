// A meeting's minutes out of the stored data, against the Auth, Firestore, Functions and Hosting
// emulators: a meeting on the 2023 plan (written as the app writes it) during which Östersund edits a
// cell through the browser SDK (the recordRowHistory trigger records it) and Krokom edits another after
// it ended. exportMinutes (Hosting's /api/minutes/** rewrite) answers who may read with a DOCX holding
// the edited cell's before and after, its editor and the participants, and nothing from after the
// meeting; mailMinutes mails one Swedish mail per participant over real SMTP (maildev), refuses
// non-coordinators and a running meeting (changing nothing), and is rate-limited per meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { setLogLevel } from 'firebase/firestore';
import { admin, APP_URL, callError, clearInbox, eventually, inbox, resetDemo, settleOutbox, waitForMail, type Client } from '../support/emulators';
import { clientPool, JH, mailCount, P, VN } from '../support/plans';
import { writeCellTo } from '../../src/lib/firebase/row-writes';
import { MINUTES_MAIL_LIMIT } from '../../src/lib/domain/rate-limit';
import { member, row } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

setLogLevel('silent');

const YEAR = '2023';
const MEETING = 'minutes-spec';
const ROW = 'jh23-3-06';
const LATE_ROW = 'jh23-1-03';
const DURING = 'Servicepunkterna i byarna får längre öppettider & <fler> tjänster.';
const AFTER = 'Skrivet efter mötet.';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const url = (path: string) => `${APP_URL}/api/minutes/${path}`;
const PEOPLE = [P.coordJH, P.ostersund, P.krokom];

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The document's text: each paragraph's runs joined, paragraphs one a line. */
async function docxText(body: ArrayBuffer): Promise<string> {
	const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('')).join('\n');
}

async function storedRow(rowId: string) {
	return row.parse((await admin().db.doc(paths.row(JH, YEAR, rowId)).get()).data());
}

async function historyCount(rowId: string): Promise<number> {
	return (await admin().db.collection(paths.history(JH, YEAR)).where('rowId', '==', rowId).count().get()).data().count;
}

/** Writes a cell as the app does and waits for its history entry. */
async function edit(c: Client, uid: string, rowId: string, value: string): Promise<void> {
	const before = await historyCount(rowId);
	const r = await storedRow(rowId);
	await writeCellTo(c.db, JH, YEAR, { doc: rowId, key: 'action', baseRev: r.revs.action ?? 0, value }, uid);
	await eventually(async () => ((await historyCount(rowId)) > before ? true : undefined), `the history entry of ${rowId}`);
}

describe('the minutes of a meeting', () => {
	const pool = clientPool();
	const meetingRef = () => admin().db.doc(paths.meeting(JH, YEAR, MEETING));
	const tokenOf = async (uid: string) => (await pool.as(uid)).auth.currentUser!.getIdToken();
	const get = (path: string, token?: string) => fetch(url(path), { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
	let oldText: string;
	let coord: Client;

	beforeAll(async () => {
		await resetDemo();
		await clearInbox();
		const db = admin().db;
		oldText = String((await storedRow(ROW)).fields.action ?? '');
		coord = await pool.as(P.coordJH.uid);
		// The seed's own rows, history and comments are written just before: the meeting starts after them.
		await new Promise((r) => setTimeout(r, 1000));
		await meetingRef().set({ leaderUid: P.coordJH.uid, leaderName: P.coordJH.name, startedBy: P.coordJH.uid, startedAt: new Date(), endedAt: null, focus: null });
		for (const p of PEOPLE) {
			const m = member.parse((await db.doc(paths.member(JH, p.uid)).get()).data());
			await db.doc(paths.meetingParticipant(JH, YEAR, MEETING, p.uid)).set({ name: m.name, orgId: m.orgId, joinedAt: new Date(), lastSeenAt: new Date() });
		}
		await edit(await pool.as(P.ostersund.uid), P.ostersund.uid, ROW, DURING);
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
	});

	it('mailMinutes refuses a meeting still running, mailing nothing', async () => {
		const err = await callError(coord.call('mailMinutes', { regionId: JH, year: YEAR, meetingId: MEETING }));
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'meeting-running' });
		expect(await mailCount('minutes')).toBe(0);
	});

	describe('once the meeting has ended', () => {
		beforeAll(async () => {
			await meetingRef().update({ endedAt: new Date() });
			await new Promise((r) => setTimeout(r, 50));
			// An edit after the end is no part of the minutes.
			await edit(await pool.as(P.krokom.uid), P.krokom.uid, LATE_ROW, AFTER);
		});

		it('exportMinutes answers 401 without a token, 403 for another region, 404 for an unknown meeting or path', async () => {
			expect((await get(`${JH}/${YEAR}/${MEETING}.docx`)).status).toBe(401);
			const vn = await tokenOf(P.coordVN.uid);
			const refused = await get(`${JH}/${YEAR}/${MEETING}.docx`, vn);
			expect(refused.status).toBe(403);
			expect(await refused.json()).toEqual({ error: 'permission-denied' });
			const token = await coord.auth.currentUser!.getIdToken();
			expect((await get(`${JH}/${YEAR}/okant-mote.docx`, token)).status).toBe(404);
			expect((await get(`${JH}/${YEAR}/${MEETING}.pdf`, token)).status).toBe(404);
			expect((await get(`${VN}/${YEAR}/${MEETING}.docx`, vn)).status).toBe(404);
		});

		it('exportMinutes serves a DOCX holding the changed cell before and after, who changed it and the participants', async () => {
			for (const uid of [P.coordJH.uid, P.krokom.uid, P.reader.uid]) {
				const res = await get(`${JH}/${YEAR}/${MEETING}.docx`, await tokenOf(uid));
				expect(res.status, uid).toBe(200);
				expect(res.headers.get('content-type')).toBe(DOCX);
				expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="minnesanteckningar-jamtland-harjedalen-2023-\d{4}-\d{2}-\d{2}\.docx"$/);
				const text = await docxText(await res.arrayBuffer());
				expect(text).toContain('Minnesanteckningar');
				expect(text).toContain('Mötesledare: Malin Samordnare');
				expect(text).toContain(oldText);
				expect(text).toContain(DURING);
				expect(text).toContain('Insats 3.6\nPlanerade insatser\n');
				for (const p of PEOPLE) expect(text).toContain(p.name);
				expect(text).toContain('Östersunds kommun: Östen Östersund');
				expect(text).not.toContain(AFTER);
			}
		});

		it('mailMinutes refuses members who are not coordinators and staff with permission-denied, mailing nothing', async () => {
			for (const uid of [P.ostersund.uid, P.reader.uid, P.coordVN.uid]) {
				const err = await callError((await pool.as(uid)).call('mailMinutes', { regionId: JH, year: YEAR, meetingId: MEETING }));
				expect(err.code, uid).toBe('functions/permission-denied');
			}
			expect(await mailCount('minutes')).toBe(0);
			const bad = await callError(coord.call('mailMinutes', { regionId: JH, year: YEAR }));
			expect(bad.code).toBe('functions/invalid-argument');
		});

		it('mailMinutes sends one Swedish mail per participant over SMTP, holding the change', async () => {
			expect(await coord.call('mailMinutes', { regionId: JH, year: YEAR, meetingId: MEETING })).toEqual({ ok: true, sent: 3 });
			for (const p of PEOPLE) {
				const m = await waitForMail((x) => x.to === p.email && x.subject.startsWith('Minnesanteckningar'));
				expect(m.subject).toMatch(/^Minnesanteckningar \d+ \S+ \d{4} – handlingsplan 2023, Region Jämtland Härjedalen$/);
				expect(m.parsed.text).toContain(`Insats 3.6, Planerade insatser: ${oldText}`);
				expect(m.parsed.text).toContain(`→ ${DURING} (Östen Östersund)`);
				expect(m.parsed.text).not.toContain(AFTER);
				expect(m.parsed.html).toContain('&amp; &lt;fler&gt;');
			}
			// One mail each, to one address each: nobody else was written to.
			const sent = (await inbox()).filter((m) => m.subject.startsWith('Minnesanteckningar'));
			expect(sent.map((m) => m.to).sort()).toEqual(PEOPLE.map((p) => p.email).sort());
			expect(new Set(sent.map((m) => m.id)).size).toBe(3);
		});

		it('mailMinutes is rate-limited per meeting: past the limit it answers resource-exhausted and mails nothing', async () => {
			for (let i = 1; i < MINUTES_MAIL_LIMIT.max; i++) expect(await coord.call('mailMinutes', { regionId: JH, year: YEAR, meetingId: MEETING })).toEqual({ ok: true, sent: 3 });
			const queued = await mailCount('minutes');
			expect(queued).toBe(3 * MINUTES_MAIL_LIMIT.max);
			const err = await callError(coord.call('mailMinutes', { regionId: JH, year: YEAR, meetingId: MEETING }));
			expect(err.code).toBe('functions/resource-exhausted');
			expect(err.details).toEqual({ reason: 'too-many-requests' });
			expect(await mailCount('minutes')).toBe(queued);
		});
	});
});
