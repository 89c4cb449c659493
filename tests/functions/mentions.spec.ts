// Mention mails end to end: members comment on a row of Jämtland Härjedalen's 2023 draft through
// the browser SDK (as firestore.rules require: themselves as author, server time), the notifyMentions
// trigger queues each mentioned member, and the digests go through the outbox, sendMail and the
// development inbox. At most one mail per person per 10 minutes: a second mention waits until the
// window has passed (lastSentAt backdated with the Admin SDK) and the sendMentionDigests run goes
// (called directly: the emulator cannot fire 2nd-gen schedules). The author, non-members and deleted
// comments get no mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { admin, APP_URL, clearCollections, eventually, inbox, runScheduled, resetDemo, settleOutbox, waitForMail, type Client, type InboxMail } from '../support/emulators';
import { clientPool, JH, P } from '../support/plans';
import { addRowTo } from '../../src/lib/firebase/row-writes';
import { member, mentionMailState, mentionQueueEntry, type FieldKey } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const YEAR = '2023';
const KIND = 'mention-digest';
const SUBJECT = 'Du har nämnts i handlingsplanen';
/** Long enough for the trigger to have queued and mailed anything it was going to (it takes well under a second). */
const QUIET_MS = 3000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const queue = () => admin().db.collection(paths.mentionQueue());
const mentionMail = (uid: string) => admin().db.doc(paths.mentionMailState(uid));

interface BackendTrigger {
	name: string;
	region: string;
	schedule?: { schedule: string; timeZone: string } | null;
}

interface Person {
	uid: string;
	name: string;
	email: string;
}

/** Writes a comment as a member would (the app's shape, which firestore.rules check); returns its id. */
async function writeComment(c: Client, author: Person, at: { rowId: string; parentId?: string; field?: FieldKey | null }, text: string, mentions: string[]): Promise<string> {
	const m = member.parse((await admin().db.doc(paths.member(JH, author.uid)).get()).data());
	const ref = doc(collection(c.db, paths.comments(JH, YEAR)));
	await setDoc(ref, {
		rowId: at.rowId,
		field: at.field ?? null,
		parentId: at.parentId ?? null,
		text,
		authorUid: author.uid,
		authorName: m.name,
		authorOrgId: m.orgId,
		createdAt: serverTimestamp(),
		editedAt: null,
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		mentions
	});
	return ref.id;
}

async function entriesOf(commentId: string) {
	const snap = await queue().where('commentId', '==', commentId).get();
	return snap.docs.map((d) => ({ id: d.id, ...mentionQueueEntry.parse(d.data()) }));
}

/** Waits until the comment's queue entry for uid exists (optionally in a state) and returns it. */
const untilEntry = (commentId: string, uid: string, state?: 'pending' | 'sent') =>
	eventually(async () => (await entriesOf(commentId)).find((e) => e.uid === uid && (!state || e.state === state)), `the mention of ${uid} in ${commentId}${state ? ` (${state})` : ''}`);

const mailsTo = async (p: Person): Promise<InboxMail[]> => (await inbox()).filter((m) => m.to === p.email);
const digestDocs = async () => (await admin().db.collection(paths.mail()).where('kind', '==', KIND).get()).docs;

/** The window has passed: the person's last digest went out 11 minutes ago. */
const backdate = (p: Person) => mentionMail(p.uid).set(mentionMailState.parse({ lastSentAt: new Date(Date.now() - 11 * 60_000) }));
/** The window is closed: the person's last digest went out just now. */
const justMailed = (p: Person) => mentionMail(p.uid).set(mentionMailState.parse({ lastSentAt: new Date() }));

describe('mention mails', () => {
	const pool = clientPool();
	let ost: Client;
	let lst: Client;
	let rowId: string;
	let rootId: string;
	const rootText = 'Karin, kan du fylla i <målet> & resurserna för den här insatsen?';

	beforeAll(async () => {
		await resetDemo();
		await clearCollections('mentionQueue', 'mentionMail');
		[ost, lst] = await Promise.all([pool.as(P.ostersund.uid), pool.as(P.lst.uid)]);
		const added = addRowTo(ost.db, JH, YEAR, 1, 'z0', P.ostersund.uid);
		rowId = added.id;
		await added.written;
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
	});

	describe('the first mention of a person', () => {
		let mail: InboxMail;
		beforeAll(async () => {
			rootId = await writeComment(ost, P.ostersund, { rowId, field: 'goal' }, rootText, [P.krokom.uid]);
			mail = await waitForMail((m) => m.to === P.krokom.email && m.subject === SUBJECT);
		});

		it('is mailed at once: who wrote, the plan, the comment and the link to the row and thread', () => {
			const text = mail.parsed.text ?? '';
			const link = `${APP_URL}/plan/${JH}/${YEAR}?rad=${rowId}&trad=${rootId}`;
			expect(text).toContain('Hej Karin Krokom!');
			expect(text).toContain('Du har nämnts i en kommentar i Planbordet:');
			expect(text).toMatch(/Östen Östersund skrev den \d{1,2} \S+ \d{4} kl\. \d\d:\d\d i Region Jämtland Härjedalen – handlingsplan 2023:/);
			expect(text).toContain(`> ${rootText}`);
			expect(text).toContain(`Öppna raden: ${link}`);
			expect(mail.parsed.html).toContain(`href="${link.replace('&', '&amp;')}"`);
			expect(mail.parsed.html).toContain('kan du fylla i &lt;målet&gt; &amp; resurserna');
		});

		it('marks the queue entry sent with the outbox mail, and records when', async () => {
			const [entry] = await entriesOf(rootId);
			const docs = await digestDocs();
			expect(docs).toHaveLength(1);
			expect(entry).toMatchObject({ id: `${JH}~${YEAR}~${rootId}~${P.krokom.uid}`, uid: P.krokom.uid, rowId, threadId: rootId, state: 'sent', mailId: docs[0].id });
			expect(docs[0].get('to')).toEqual([P.krokom.email]);
			expect(mentionMailState.parse((await mentionMail(P.krokom.uid).get()).data()).lastSentAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
		});
	});

	describe('a second mention within 10 minutes', () => {
		let replyId: string;
		const replyText = 'Och titta gärna på effekterna också, Karin.';

		beforeAll(async () => {
			replyId = await writeComment(lst, P.lst, { rowId, parentId: rootId }, replyText, [P.krokom.uid]);
			await untilEntry(replyId, P.krokom.uid);
			await sleep(QUIET_MS);
			await settleOutbox();
		});

		it('is queued, not mailed', async () => {
			expect(await untilEntry(replyId, P.krokom.uid)).toMatchObject({ state: 'pending', mailId: null, threadId: rootId, authorName: P.lst.name });
			expect(await mailsTo(P.krokom)).toHaveLength(1);
			expect(await digestDocs()).toHaveLength(1);
		});

		it('goes out in one digest when the schedule runs after the window has passed', async () => {
			await backdate(P.krokom);
			await runScheduled('sendMentionDigests');
			const entry = await untilEntry(replyId, P.krokom.uid, 'sent');
			await settleOutbox();
			const mails = await mailsTo(P.krokom);
			expect(mails).toHaveLength(2);
			const digest = mails.find((m) => m.parsed.text?.includes(replyText));
			expect(digest?.subject).toBe(SUBJECT);
			expect(digest?.parsed.text).toContain(`Lars Länsstyrelsen skrev den`);
			expect(digest?.parsed.text).toContain(`Öppna raden: ${APP_URL}/plan/${JH}/${YEAR}?rad=${rowId}&trad=${rootId}`);
			// Only what was pending: the root comment went out in the first mail.
			expect(digest?.parsed.text).not.toContain(rootText);
			expect((await digestDocs()).map((d) => d.id)).toContain(entry.mailId);
		});

		it('a second run sends nothing more', async () => {
			await backdate(P.krokom);
			await runScheduled('sendMentionDigests');
			await sleep(QUIET_MS);
			await settleOutbox();
			expect(await mailsTo(P.krokom)).toHaveLength(2);
			expect(await digestDocs()).toHaveLength(2);
		});
	});

	describe('mentioning nobody who may be mailed', () => {
		it('mails neither the author nor people who are not members of the region', async () => {
			const before = (await digestDocs()).length;
			const id = await writeComment(ost, P.ostersund, { rowId }, 'En anteckning till mig själv, Vera och Tove.', [P.ostersund.uid, P.coordVN.uid, P.reader.uid]);
			await sleep(QUIET_MS);
			await settleOutbox();
			expect(await entriesOf(id)).toEqual([]);
			expect(await digestDocs()).toHaveLength(before);
			for (const p of [P.ostersund, P.coordVN, P.reader]) expect(await mailsTo(p)).toEqual([]);
		});
	});

	describe('a deleted comment', () => {
		let deletedId: string;
		let keptId: string;
		const deletedText = 'Den här kommentaren tas bort innan den mejlas.';
		const keptText = 'Lars, den här står kvar.';

		beforeAll(async () => {
			// Both people were mailed a moment ago, so their new mentions wait in the queue.
			await justMailed(P.krokom);
			await justMailed(P.lst);
			keptId = await writeComment(ost, P.ostersund, { rowId }, keptText, [P.lst.uid]);
			deletedId = await writeComment(ost, P.ostersund, { rowId }, deletedText, [P.krokom.uid]);
			await untilEntry(keptId, P.lst.uid, 'pending');
			await untilEntry(deletedId, P.krokom.uid, 'pending');
			await deleteDoc(doc(ost.db, paths.comment(JH, YEAR, deletedId)));
		});

		it('takes its pending mention out of the queue', async () => {
			await eventually(async () => ((await entriesOf(deletedId)).length === 0 ? true : undefined), 'the deleted comment’s queue entry to go');
		});

		it('is not mailed when the schedule runs; the other pending mention is', async () => {
			const krokomBefore = (await mailsTo(P.krokom)).length;
			await backdate(P.krokom);
			await backdate(P.lst);
			await runScheduled('sendMentionDigests');
			await untilEntry(keptId, P.lst.uid, 'sent');
			await settleOutbox();
			expect((await mailsTo(P.lst)).filter((m) => m.parsed.text?.includes(keptText))).toHaveLength(1);
			expect(await mailsTo(P.krokom)).toHaveLength(krokomBefore);
			expect((await inbox()).filter((m) => m.parsed.text?.includes(deletedText))).toEqual([]);
		});
	});

	describe('a comment edited while its mention waits', () => {
		let rewrittenId: string;
		let unmentionedId: string;
		const firstText = 'Lars, första versionen.';
		const rewrittenText = 'Lars, den omskrivna versionen gäller.';
		const unmentionedText = 'Karin behöver inte titta på det här längre.';

		beforeAll(async () => {
			await justMailed(P.krokom);
			await justMailed(P.lst);
			rewrittenId = await writeComment(ost, P.ostersund, { rowId }, firstText, [P.lst.uid]);
			unmentionedId = await writeComment(ost, P.ostersund, { rowId }, unmentionedText, [P.krokom.uid]);
			await untilEntry(rewrittenId, P.lst.uid, 'pending');
			await untilEntry(unmentionedId, P.krokom.uid, 'pending');
			await updateDoc(doc(ost.db, paths.comment(JH, YEAR, rewrittenId)), { text: rewrittenText, mentions: [P.lst.uid], editedAt: serverTimestamp() });
			await updateDoc(doc(ost.db, paths.comment(JH, YEAR, unmentionedId)), { text: unmentionedText, mentions: [], editedAt: serverTimestamp() });
		});

		it('is mailed with the text as it is now, and not to someone no longer mentioned', async () => {
			const krokomBefore = (await mailsTo(P.krokom)).length;
			await backdate(P.krokom);
			await backdate(P.lst);
			await runScheduled('sendMentionDigests');
			await untilEntry(rewrittenId, P.lst.uid, 'sent');
			await eventually(async () => ((await entriesOf(unmentionedId)).length === 0 ? true : undefined), 'the unmentioned entry to go');
			await settleOutbox();
			const lst = await mailsTo(P.lst);
			expect(lst.filter((m) => m.parsed.text?.includes(rewrittenText))).toHaveLength(1);
			expect(lst.filter((m) => m.parsed.text?.includes(firstText))).toEqual([]);
			expect(await mailsTo(P.krokom)).toHaveLength(krokomBefore);
		});
	});

	it('sendMentionDigests is registered to run every 2 minutes, Stockholm time, in europe-north1', async () => {
		const res = await fetch('http://127.0.0.1:5001/backends');
		const { backends } = (await res.json()) as { backends: Array<{ functionTriggers: BackendTrigger[] }> };
		const trigger = backends.flatMap((b) => b.functionTriggers).find((t) => t.name === 'sendMentionDigests');
		expect(trigger?.region).toBe('europe-north1');
		expect(trigger?.schedule).toMatchObject({ schedule: 'every 2 minutes', timeZone: 'Europe/Stockholm' });
	});

	it('the queue and the outbox agree: every sent entry names a mention-digest mail', async () => {
		const mailIds = new Set((await digestDocs()).map((d) => d.id));
		const entries = (await queue().get()).docs.map((d) => mentionQueueEntry.parse(d.data()));
		expect(entries.length).toBeGreaterThan(0);
		for (const e of entries) if (e.state === 'sent') expect(mailIds.has(e.mailId ?? '')).toBe(true);
		expect(entries.filter((e) => e.state === 'pending')).toEqual([]);
	});
});
