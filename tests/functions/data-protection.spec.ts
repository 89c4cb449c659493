// Retention and erasure (docs/data-protection.md) against the emulators: the writers set the TTL field
// (outbox mails, rate limits, the mention queue), removeMember forgets what was the person's alone —
// in the region, and everywhere with their account once they belong nowhere — and a staff admin's
// erasePerson takes a person out of every region. What the plan's record carries (history, comments,
// the audit log, who took part in an ended meeting) stays. Every refused erasure changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collection, doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { admin, callError, clearCollections, eventually, resetDemo, settleOutbox, type Client } from '../support/emulators';
import { clientPool, JH, P, VN } from '../support/plans';
import { RETENTION } from '../../src/lib/domain/retention';
import { SIGN_IN_LIMIT } from '../../src/lib/domain/rate-limit';
import { auditEntry, mail, member, mentionQueueEntry } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const ADMIN = { uid: 'u-tvv-admin', email: 'admin@tillvaxtverket.example', name: 'Anna Admin' };
/** The writers use their own clock, the test its: a generous bound for the emulator's pace. */
const SLACK = 60_000;

const db = () => admin().db;
const exists = async (path: string) => (await db().doc(path).get()).exists;

function expectWithin(actual: Date, from: number, to: number, what: string): void {
	expect(actual.getTime(), what).toBeGreaterThanOrEqual(from - SLACK);
	expect(actual.getTime(), what).toBeLessThanOrEqual(to + SLACK);
}

async function accountExists(uid: string): Promise<boolean> {
	try {
		await admin().auth.getUser(uid);
		return true;
	} catch {
		return false;
	}
}

interface Person {
	uid: string;
	email: string;
	name: string;
}

/** Every meeting personWithData wrote, deleted after the spec. */
const meetings: string[] = [];

let counter = 0;
function newPerson(): Person {
	counter++;
	const stamp = `${Date.now()}${counter}`;
	return { uid: `u-dp-${stamp}`, email: `dp${stamp}@bracke.example`, name: `Dora Data ${counter}` };
}

/**
 * A person with an account, an active membership in each region given, and everything the app and
 * the functions keep for them: presence and read markers in each year, a queued mention and a ledger
 * entry per region, an opt-out, mention-mail state and a mail — and in the plan's record, a history
 * entry and a comment of theirs in the first region.
 */
async function personWithData(p: Person, regionIds: string[]): Promise<Record<string, string[]>> {
	await admin().auth.createUser({ uid: p.uid, email: p.email, displayName: p.name, emailVerified: true });
	const owned: Record<string, string[]> = {};
	const meetingRecord: string[] = [];
	const now = Timestamp.now();
	const later = Timestamp.fromMillis(Date.now() + 3_600_000);
	for (const regionId of regionIds) {
		const own: string[] = [];
		await db().doc(paths.member(regionId, p.uid)).set({ email: p.email, name: p.name, orgId: regionId === JH ? 'bracke' : 'region-vn', role: 'editor', status: 'active' });
		for (const y of (await db().collection(paths.years(regionId)).listDocuments()).map((d) => d.id)) {
			const presence = db().doc(paths.presenceEntry(regionId, y, p.uid));
			await presence.set({ name: p.name, orgId: 'bracke', cell: null, answer: null, lastSeen: now, expireAt: later });
			const reads = db().doc(paths.commentReadsOf(regionId, y, p.uid));
			await reads.set({ seen: { someThread: now } });
			own.push(presence.path, reads.path);
		}
		// In the region's first year a running meeting and an ended one, the person in both with a raised
		// hand: their hands and their place in the running one are theirs; the ended one's list of who took
		// part is the meeting's record. Someone else's hand in the running meeting stays.
		const year = (await db().collection(paths.years(regionId)).listDocuments())[0].id;
		const other = regionId === JH ? P.ostersund : P.coordJH;
		for (const ended of [false, true]) {
			const meeting = db().doc(paths.meeting(regionId, year, `dp-${ended ? 'ended' : 'running'}-${p.uid}`));
			meetings.push(meeting.path);
			await meeting.set({ leaderUid: other.uid, leaderName: 'Ledaren', startedBy: other.uid, startedAt: now, endedAt: ended ? now : null, focus: null });
			const participant = db().doc(paths.meetingParticipant(regionId, year, meeting.id, p.uid));
			await participant.set({ name: p.name, orgId: 'bracke', joinedAt: now, lastSeenAt: now });
			const hand = db().doc(paths.meetingHand(regionId, year, meeting.id, p.uid));
			await hand.set({ rowId: 'r1', raisedAt: now });
			own.push(hand.path);
			(ended ? meetingRecord : own).push(participant.path);
			if (!ended) {
				const othersHand = db().doc(paths.meetingHand(regionId, year, meeting.id, other.uid));
				await othersHand.set({ rowId: 'r1', raisedAt: now });
				meetingRecord.push(othersHand.path, meeting.path);
			}
		}
		const queued = db().doc(paths.mentionQueueEntry(`${regionId}~2023~c-${p.uid}~${p.uid}`));
		await queued.set({ uid: p.uid, regionId, year: '2023', commentId: `c-${p.uid}`, threadId: `c-${p.uid}`, rowId: 'r1', authorName: 'Någon', text: 'Hej', createdAt: now, state: 'sent', mailId: 'm1', expireAt: later });
		const ledger = db().doc(paths.reminderLedgerEntry(`${regionId}~2023~${p.uid}~2024-01-31~7`));
		await ledger.set({ key: ledger.id, regionId, year: '2023', uid: p.uid, offset: 7, mailId: 'm1', createdAt: now });
		own.push(queued.path, ledger.path);
		owned[regionId] = own;
	}
	const optOut = db().doc(paths.reminderOptOut(p.uid));
	await optOut.set({ at: now, via: 'app' });
	const mentionMail = db().doc(paths.mentionMailState(p.uid));
	await mentionMail.set({ lastSentAt: now });
	// A mail that has gone out already (state sent), so the outbox trigger leaves it as it is.
	const outbox = db().doc(paths.outboxMail(`dp-${p.uid}`));
	await outbox.set({ to: [p.email], subject: 'Hej', text: 'Hej', kind: 'test', createdAt: now, state: 'sent', attempts: 1, error: null, sentAt: now, expireAt: later });
	owned.everywhere = [optOut.path, mentionMail.path, outbox.path];
	// Their part of the plan's record.
	const history = db().doc(paths.historyEntry(regionIds[0], '2023', `dp-${p.uid}`));
	await history.set({ rowId: 'r1', kind: 'edit', field: 'goal', old: '', new: 'Mål', by: p.uid, byName: p.name, orgId: 'bracke', area: 1, at: now, eventId: `e-${p.uid}` });
	const comment = db().doc(paths.comment(regionIds[0], '2023', `c-${p.uid}`));
	await comment.set({ rowId: 'r1', field: null, parentId: null, text: 'En kommentar', authorUid: p.uid, authorName: p.name, authorOrgId: 'bracke', createdAt: now, editedAt: null, resolved: false, resolvedBy: null, resolvedAt: null, mentions: [] });
	owned.record = [history.path, comment.path, ...meetingRecord];
	return owned;
}

async function auditOf(regionId: string, target: string) {
	const snap = await db().collection(paths.audit(regionId)).where('target', '==', target).get();
	return snap.docs.map((d) => auditEntry.parse(d.data()));
}

// The emulators run every trigger of the seed and of the other specs' writes in turn: on a busy machine
// a trigger may start many seconds after its write, hence the long waits.
const WAIT = 90_000;

describe('retention and erasure', { timeout: 240_000 }, () => {
	const pool = clientPool();
	let coordJH: Client;
	let staffAdmin: Client;

	beforeAll(async () => {
		await resetDemo();
		await db().doc(paths.staffMember(ADMIN.uid)).set({ email: ADMIN.email, name: ADMIN.name, orgId: 'tillvaxtverket', role: 'admin' });
		coordJH = await pool.as(P.coordJH.uid);
		staffAdmin = await pool.as(ADMIN.uid);
	});
	beforeEach(async () => {
		await clearCollections('rateLimits');
	});
	afterAll(async () => {
		// The meetings written here would be running meetings on the demo plans for the specs after this one.
		for (const path of meetings.splice(0)) await db().recursiveDelete(db().doc(path));
		await pool.closeAll();
		await settleOutbox();
	});

	describe('TTL fields', () => {
		it('a sign-in request stamps its rate-limit document one window on, and its mail a week on', async () => {
			const before = Date.now();
			await pool.anonymous().call('requestSignInLink', { email: P.ostersund.email });
			const after = Date.now();
			const limits = (await db().collection(paths.rateLimits()).get()).docs;
			expect(limits.length).toBeGreaterThan(0);
			for (const d of limits) expectWithin((d.get('expireAt') as Timestamp).toDate(), before + SIGN_IN_LIMIT.windowMs, after + SIGN_IN_LIMIT.windowMs, d.id);
			const mails = (await db().collection(paths.mail()).where('to', 'array-contains', P.ostersund.email).where('kind', '==', 'sign-in').get()).docs;
			expect(mails).toHaveLength(1);
			const m = mail.parse(mails[0].data());
			expectWithin(m.expireAt, before + RETENTION.mail, after + RETENTION.mail, 'the mail');
		});

		it('every mail the functions queued carries the expiry, a week after it was created', async () => {
			const all = (await db().collection(paths.mail()).get()).docs;
			expect(all.length).toBeGreaterThan(0);
			for (const d of all) {
				const m = mail.parse(d.data());
				expect(Math.abs(m.expireAt.getTime() - (m.createdAt.getTime() + RETENTION.mail)), d.id).toBeLessThan(SLACK);
			}
		});

		it("a pending mention expires a month after the comment, a mailed one a week after it went out", async () => {
			const ost = await pool.as(P.ostersund.uid);
			const author = member.parse((await db().doc(paths.member(JH, P.ostersund.uid)).get()).data());
			const rowId = (await db().collection(paths.rows(JH, '2023')).limit(1).get()).docs[0].id;
			const comment = async (text: string, mentions: string[]) => {
				const ref = doc(collection(ost.db, paths.comments(JH, '2023')));
				await setDoc(ref, {
					rowId,
					field: null,
					parentId: null,
					text,
					authorUid: P.ostersund.uid,
					authorName: author.name,
					authorOrgId: author.orgId,
					createdAt: serverTimestamp(),
					editedAt: null,
					resolved: false,
					resolvedBy: null,
					resolvedAt: null,
					mentions
				});
				return ref.id;
			};
			const entryOf = (commentId: string, state: 'pending' | 'sent') =>
				eventually(async () => {
					const snap = await db().collection(paths.mentionQueue()).where('commentId', '==', commentId).get();
					const e = snap.docs.map((d) => mentionQueueEntry.parse(d.data())).find((x) => x.state === state);
					return e;
				}, `the ${state} mention in ${commentId}`, WAIT);

			// Krokom's window is closed (mailed just now): the mention waits, pending.
			await db().doc(paths.mentionMailState(P.krokom.uid)).set({ lastSentAt: new Date() });
			const waiting = await entryOf(await comment('@Karin Krokom titta här', [P.krokom.uid]), 'pending');
			expect(waiting.expireAt.getTime()).toBe(waiting.createdAt.getTime() + RETENTION.mentionPending);

			// Länsstyrelsen's window is open: the mention is mailed at once and kept a week from then.
			await db().doc(paths.mentionMailState(P.lst.uid)).delete();
			const before = Date.now();
			const sent = await entryOf(await comment('@Lars Länsstyrelsen titta här', [P.lst.uid]), 'sent');
			expectWithin(sent.expireAt, before + RETENTION.mentionSent, Date.now() + RETENTION.mentionSent, 'the mailed mention');
		});
	});

	describe('removeMember', () => {
		it('forgets a person who belongs nowhere else: their data in the region and everywhere, and their account; the record stays', async () => {
			const p = newPerson();
			const owned = await personWithData(p, [JH]);
			expect(await coordJH.call('removeMember', { regionId: JH, uid: p.uid })).toEqual({ ok: true, uid: p.uid });

			for (const path of [...owned[JH], ...owned.everywhere]) expect(await exists(path), path).toBe(false);
			expect(await exists(paths.member(JH, p.uid))).toBe(false);
			expect(await accountExists(p.uid)).toBe(false);
			for (const path of owned.record) expect(await exists(path), path).toBe(true);
			expect((await db().doc(owned.record[0]).get()).get('byName')).toBe(p.name);
			expect(await auditOf(JH, p.uid)).toMatchObject([{ kind: 'member-removed', targetName: p.name }]);
		});

		it('keeps what the person still needs when they belong to another region: that region, their opt-out and account (tokens revoked)', async () => {
			const p = newPerson();
			const owned = await personWithData(p, [JH, VN]);
			const validAfter = new Date((await admin().auth.getUser(p.uid)).tokensValidAfterTime ?? 0).getTime();
			// tokensValidAfterTime has whole seconds: make sure the revocation falls in a later second.
			await new Promise((r) => setTimeout(r, 1100));
			await coordJH.call('removeMember', { regionId: JH, uid: p.uid });

			for (const path of owned[JH]) expect(await exists(path), path).toBe(false);
			for (const path of [...owned[VN], ...owned.everywhere, ...owned.record]) expect(await exists(path), path).toBe(true);
			expect(member.parse((await db().doc(paths.member(VN, p.uid)).get()).data()).name).toBe(p.name);
			const user = await admin().auth.getUser(p.uid);
			expect(new Date(user.tokensValidAfterTime ?? 0).getTime()).toBeGreaterThan(validAfter);
		});

		it('keeps the account of a staff person who is also a member', async () => {
			const p = newPerson();
			await personWithData(p, [JH]);
			await db().doc(paths.staffMember(p.uid)).set({ email: p.email, name: p.name, orgId: 'tillvaxtverket', role: 'reader' });
			await coordJH.call('removeMember', { regionId: JH, uid: p.uid });
			expect(await accountExists(p.uid)).toBe(true);
			expect(await exists(`reminderOptOuts/${p.uid}`)).toBe(true);
		});
	});

	describe('erasePerson', () => {
		it('erases a person from every region and everywhere, with an audit entry per region that keeps no address', async () => {
			const p = newPerson();
			const owned = await personWithData(p, [JH, VN]);
			expect(await staffAdmin.call('erasePerson', { uid: p.uid })).toEqual({ ok: true, uid: p.uid, regions: [JH, VN] });

			for (const path of [...owned[JH], ...owned[VN], ...owned.everywhere]) expect(await exists(path), path).toBe(false);
			for (const regionId of [JH, VN]) expect(await exists(`regions/${regionId}/members/${p.uid}`), regionId).toBe(false);
			expect(await accountExists(p.uid)).toBe(false);
			for (const path of owned.record) expect(await exists(path), path).toBe(true);
			for (const regionId of [JH, VN]) {
				const entries = await auditOf(regionId, p.uid);
				expect(entries).toMatchObject([{ kind: 'member-removed', by: ADMIN.uid, byName: ADMIN.name, targetName: p.name, details: { erased: true } }]);
				expect(JSON.stringify(entries[0].details)).not.toContain(p.email);
			}
		});

		it('finds the person by address, and erases a staff record too', async () => {
			const p = newPerson();
			const owned = await personWithData(p, [VN]);
			await db().doc(paths.staffMember(p.uid)).set({ email: p.email, name: p.name, orgId: 'tillvaxtverket', role: 'reader' });
			expect(await staffAdmin.call('erasePerson', { email: p.email.toUpperCase() })).toEqual({ ok: true, uid: p.uid, regions: [VN] });
			for (const path of [...owned[VN], ...owned.everywhere, paths.staffMember(p.uid)]) expect(await exists(path), path).toBe(false);
			expect(await accountExists(p.uid)).toBe(false);
		});

		it('refuses non-admins, oneself, an unknown person and the last coordinator of a region, changing nothing', async () => {
			const p = newPerson();
			const owned = await personWithData(p, [JH]);
			const everything = [...owned[JH], ...owned.everywhere, paths.member(JH, p.uid)];
			const unchanged = async () => {
				for (const path of everything) expect(await exists(path), path).toBe(true);
				expect(await accountExists(p.uid)).toBe(true);
				expect(await accountExists(P.coordVN.uid)).toBe(true);
				expect(await exists(`regions/${VN}/members/${P.coordVN.uid}`)).toBe(true);
				expect(await auditOf(JH, p.uid)).toEqual([]);
			};

			const reader = await pool.as(P.reader.uid);
			expect(await callError(coordJH.call('erasePerson', { uid: p.uid }))).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-staff-admin' } });
			expect(await callError(reader.call('erasePerson', { uid: p.uid }))).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-staff-admin' } });
			expect(await callError(pool.anonymous().call('erasePerson', { uid: p.uid }))).toMatchObject({ code: 'functions/unauthenticated' });
			expect(await callError(staffAdmin.call('erasePerson', { uid: ADMIN.uid }))).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'cannot-erase-self' } });
			expect(await callError(staffAdmin.call('erasePerson', { uid: 'u-nobody-here' }))).toMatchObject({ code: 'functions/not-found', details: { reason: 'person-not-found' } });
			expect(await callError(staffAdmin.call('erasePerson', { email: 'nobody@nowhere.example' }))).toMatchObject({ code: 'functions/not-found', details: { reason: 'person-not-found' } });
			expect(await callError(staffAdmin.call('erasePerson', { uid: P.coordVN.uid }))).toMatchObject({
				code: 'functions/failed-precondition',
				details: { reason: 'last-coordinator', regionId: VN }
			});
			expect((await callError(staffAdmin.call('erasePerson', { uid: p.uid, email: p.email }))).code).toBe('functions/invalid-argument');
			expect((await callError(staffAdmin.call('erasePerson', {}))).code).toBe('functions/invalid-argument');
			await unchanged();
		});
	});
});
