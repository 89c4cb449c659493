// The members of a region, run by its coordinators: inviteMember (the mail through the real outbox and
// SMTP into the development inbox, the link signed in with through the Auth emulator, which calls
// beforeUserSignedIn), re-invitations, expired invitations, setMemberRole (the new role counts from the
// next write) and removeMember (an open listener is refused at once, presence goes, and the account of
// someone who belongs nowhere else is deleted; data-protection.spec.ts has the rest). Every refused call changes nothing: no membership, no account, no mail, no audit entry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendSignInLinkToEmail, signInWithEmailLink } from 'firebase/auth';
import { collection, doc, getDoc, getDocs, onSnapshot, serverTimestamp, updateDoc, type FirestoreError } from 'firebase/firestore';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import {
	admin,
	APP_URL,
	callError,
	clearCollections,
	client,
	eventually,
	inbox,
	PROJECT_ID,
	resetDemo,
	settleOutbox,
	signInLinkOf,
	waitForMail,
	type Client
} from '../support/emulators';
import { clientPool, JH, P, VN, yearDoc } from '../support/plans';
import { deleteRowFrom } from '../../src/lib/firebase/row-writes';
import { swedishDate } from '../../src/lib/domain/deadline';
import { auditEntry, member, type AuditEntry, type Member } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const DAY = 86_400_000;
const ADMIN = { uid: 'u-tvv-admin', email: 'admin@tillvaxtverket.example', name: 'Anna Admin' };

const members = (regionId: string) => admin().db.collection(paths.members(regionId));
const memberOf = async (regionId: string, uid: string): Promise<Member | null> => {
	const d = await members(regionId).doc(uid).get();
	return d.exists ? member.parse(d.data()) : null;
};
async function auditOf(regionId: string): Promise<Array<AuditEntry & { id: string }>> {
	const snap = await admin().db.collection(paths.audit(regionId)).get();
	return snap.docs.map((d) => ({ id: d.id, ...auditEntry.parse(d.data()) })).sort((a, b) => a.at.getTime() - b.at.getTime());
}
const mailsTo = async (email: string) => (await admin().db.collection(paths.mail()).where('to', 'array-contains', email).get()).size;
async function accountOf(email: string): Promise<string | null> {
	try {
		return (await admin().auth.getUserByEmail(email)).uid;
	} catch {
		return null;
	}
}

/** A fresh invitation input for an address nobody has used yet. */
let counter = 0;
function newcomer(over: Partial<{ name: string; orgId: string; role: 'coordinator' | 'editor'; regionId: string }> = {}) {
	counter++;
	return { regionId: JH, email: `ny${counter}.${Date.now()}@bracke.example`, name: `Nina Ny ${counter}`, orgId: 'bracke', role: 'editor' as const, ...over };
}

const isInvitation = (email: string) => (m: { to: string; subject: string }) => m.to === email && m.subject.startsWith('Inbjudan till Planbordet');
const invitationMailTo = (email: string) => waitForMail(isInvitation(email));

/**
 * The region's members and audit log and the address's mails and account, to show a refusal changed
 * nothing. lastActiveAt is left out: the history trigger moves it whenever an earlier test's edit lands.
 */
async function stateOf(regionId: string, email: string) {
	const m = await members(regionId).get();
	return {
		members: m.docs.map((d) => [d.id, { ...d.data(), lastActiveAt: null }] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
		audit: (await auditOf(regionId)).length,
		mails: await mailsTo(email),
		account: await accountOf(email)
	};
}

async function refused(c: Client, name: string, data: { regionId?: unknown; email?: unknown } & Record<string, unknown>) {
	const regionId = typeof data.regionId === 'string' ? data.regionId : JH;
	const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : 'nobody@example.org';
	const before = await stateOf(regionId, email);
	const err = await callError(c.call(name, data));
	expect(await stateOf(regionId, email)).toEqual(before);
	return err;
}

/** The error a blocking function's refusal reaches the browser SDK as, or 'ok'. */
async function signInError(p: Promise<unknown>): Promise<string> {
	try {
		await p;
		return 'ok';
	} catch (err) {
		const e = err as { code?: string; message?: string };
		return `${e.code} ${e.message}`;
	}
}

describe('region members', () => {
	const pool = clientPool();
	let coord: Client;

	beforeAll(async () => {
		await resetDemo();
		await admin().db.doc(paths.staffMember(ADMIN.uid)).set({ email: ADMIN.email, name: ADMIN.name, orgId: 'tillvaxtverket', role: 'admin' });
		coord = await pool.as(P.coordJH.uid);
	});
	beforeEach(async () => {
		await clearCollections('rateLimits');
	});
	afterAll(async () => {
		await pool.closeAll();
		await settleOutbox();
	});

	describe('inviteMember and the first sign-in', () => {
		it('invites: account and invited membership, audit entry, a Swedish mail whose link signs in and activates exactly that region', async () => {
			const input = newcomer();
			const before = Date.now();
			const answer = await coord.call<{ ok: boolean; uid: string; status: string; invitationExpiresAt: string }>('inviteMember', input);
			expect(answer).toMatchObject({ ok: true, status: 'invited' });
			expect(answer.uid).toBe(await accountOf(input.email));

			const stored = await memberOf(JH, answer.uid);
			expect(stored).toMatchObject({ email: input.email, name: input.name, orgId: 'bracke', role: 'editor', status: 'invited', invitedBy: P.coordJH.uid, lastActiveAt: null });
			const expires = stored!.invitationExpiresAt!.getTime();
			expect(expires - stored!.invitedAt!.getTime()).toBe(14 * DAY);
			expect(expires).toBeGreaterThanOrEqual(before + 14 * DAY - 5000);
			expect(expires).toBeLessThanOrEqual(Date.now() + 14 * DAY + 5000);
			expect(new Date(answer.invitationExpiresAt).getTime()).toBe(expires);

			const invited = (await auditOf(JH)).filter((e) => e.target === answer.uid);
			expect(invited).toHaveLength(1);
			expect(invited[0]).toMatchObject({ kind: 'member-invited', by: P.coordJH.uid, byName: P.coordJH.name, targetName: input.name, details: { role: 'editor', orgId: 'bracke' } });
			expect(Math.abs(invited[0].at.getTime() - Date.now())).toBeLessThan(60_000);

			const m = await invitationMailTo(input.email);
			expect(m.subject).toBe('Inbjudan till Planbordet – Region Jämtland Härjedalen');
			const text = m.parsed.text ?? '';
			expect(text).toContain(`Hej ${input.name}!`);
			expect(text).toContain('Malin Samordnare har bjudit in dig som redigerare i Planbordet för Region Jämtland Härjedalen.');
			expect(text).toContain(`Inbjudan gäller till den ${swedishDate(new Date(expires))}.`);

			// Before signing in, the invitation gives no access (the rules count only active members).
			const early = await pool.as(answer.uid);
			await expect(getDocs(collection(early.db, paths.rows(JH, '2024')))).rejects.toMatchObject({ code: 'permission-denied' });

			const c = client();
			const link = signInLinkOf(m);
			expect(link.startsWith(`${APP_URL}/logga-in/bekrafta?`)).toBe(true);
			const cred = await signInWithEmailLink(c.auth, input.email, link);
			expect(cred.user.uid).toBe(answer.uid);

			const active = await memberOf(JH, answer.uid);
			expect(active?.status).toBe('active');
			expect(Math.abs((active?.lastActiveAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
			const activated = (await auditOf(JH)).filter((e) => e.target === answer.uid && e.kind === 'member-activated');
			expect(activated).toHaveLength(1);
			expect(activated[0]).toMatchObject({ by: answer.uid, byName: input.name, targetName: input.name });

			expect((await getDoc(doc(c.db, paths.year(JH, '2024')))).exists()).toBe(true);
			await expect(getDocs(collection(c.db, paths.rows(JH, '2023')))).resolves.toBeTruthy();
			await expect(getDoc(doc(c.db, paths.year(VN, '2023')))).rejects.toMatchObject({ code: 'permission-denied' });
			await expect(getDocs(collection(c.db, paths.members(VN)))).rejects.toMatchObject({ code: 'permission-denied' });
			await c.close();
		});

		it('a staff admin invites too, under their own name', async () => {
			const input = newcomer({ regionId: VN, orgId: 'region-vn', role: 'coordinator' });
			const staffAdmin = await pool.as(ADMIN.uid);
			const answer = await staffAdmin.call<{ uid: string }>('inviteMember', input);
			expect((await memberOf(VN, answer.uid))?.role).toBe('coordinator');
			expect((await auditOf(VN)).find((e) => e.target === answer.uid)).toMatchObject({ kind: 'member-invited', by: ADMIN.uid, byName: ADMIN.name });
			const m = await invitationMailTo(input.email);
			expect(m.subject).toBe('Inbjudan till Planbordet – Region Västernorrland');
			expect(m.parsed.text).toContain('Anna Admin har bjudit in dig som samordnare i Planbordet för Region Västernorrland.');
		});

		it('inviting an invited person again sends a fresh link and starts a fresh 14 days', async () => {
			const input = newcomer();
			const first = await coord.call<{ uid: string }>('inviteMember', input);
			const firstMail = await invitationMailTo(input.email);
			// Let the first invitation be ten days old.
			const tenDaysAgo = new Date(Date.now() - 10 * DAY);
			await members(JH).doc(first.uid).update({ invitedAt: tenDaysAgo, invitationExpiresAt: new Date(tenDaysAgo.getTime() + 14 * DAY) });

			const again = await coord.call<{ uid: string; status: string; invitationExpiresAt: string }>('inviteMember', { ...input, role: 'coordinator' });
			expect(again).toMatchObject({ uid: first.uid, status: 'invited' });
			const stored = await memberOf(JH, first.uid);
			expect(stored?.invitationExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
			expect(stored?.role).toBe('coordinator');
			const secondMail = await eventually(async () => (await inbox()).find((m) => isInvitation(input.email)(m) && m.id !== firstMail.id), 'the second invitation mail');
			expect(signInLinkOf(secondMail)).not.toBe(signInLinkOf(firstMail));
			expect(secondMail.parsed.text).toContain('dig som samordnare');

			const entries = (await auditOf(JH)).filter((e) => e.target === first.uid);
			expect(entries.map((e) => e.kind)).toEqual(['member-invited', 'member-reinvited']);
			expect(entries[1].details).toMatchObject({ role: { from: 'editor', to: 'coordinator' } });

			const c = client();
			await signInWithEmailLink(c.auth, input.email, signInLinkOf(secondMail));
			expect((await memberOf(JH, first.uid))?.status).toBe('active');
			await c.close();
		});

		it('an expired invitation is refused at sign-in and stays invited; asking for a link mails that it expired', async () => {
			const input = newcomer();
			const { uid } = await coord.call<{ uid: string }>('inviteMember', input);
			const m = await invitationMailTo(input.email);
			// While the invitation holds, asking for a link gets an ordinary sign-in link.
			await pool.anonymous().call('requestSignInLink', { email: input.email });
			await waitForMail((x) => x.to === input.email && x.subject === 'Din inloggningslänk till Planbordet');
			const expiredAt = new Date(Date.now() - DAY);
			await members(JH).doc(uid).update({ invitationExpiresAt: expiredAt });

			const c = client();
			expect(await signInError(signInWithEmailLink(c.auth, input.email, signInLinkOf(m)))).toMatch(/^auth\/.*invitation-expired/);
			expect(c.auth.currentUser).toBeNull();
			expect((await memberOf(JH, uid))?.status).toBe('invited');
			expect((await auditOf(JH)).filter((e) => e.target === uid).map((e) => e.kind)).toEqual(['member-invited']);

			expect(await c.call('requestSignInLink', { email: input.email })).toEqual({ ok: true });
			const notice = await waitForMail((x) => x.to === input.email && x.subject === 'Din inbjudan till Planbordet har gått ut');
			expect(notice.parsed.text).toContain(`din inbjudan till Region Jämtland Härjedalen gick ut den ${swedishDate(expiredAt)}.`);
			expect(notice.parsed.text).toContain('Be Malin Samordnare att bjuda in dig igen');
			const kinds = (await admin().db.collection(paths.mail()).where('to', 'array-contains', input.email).get()).docs.map((d) => d.get('kind'));
			expect(kinds.sort()).toEqual(['invitation', 'invitation-expired', 'sign-in']);
			await c.close();
		});

		it('refuses a duplicate member, a malformed address and an unknown or foreign organisation, changing nothing', async () => {
			const dup = await refused(coord, 'inviteMember', { ...newcomer(), email: P.ostersund.email });
			expect(dup).toMatchObject({ code: 'functions/already-exists', details: { reason: 'already-member' } });
			const dupCase = await refused(coord, 'inviteMember', { ...newcomer(), email: ` ${P.ostersund.email.toUpperCase()} ` });
			expect(dupCase).toMatchObject({ code: 'functions/already-exists', details: { reason: 'already-member' } });

			for (const email of ['inte-en-adress', 'a@', '']) {
				const err = await refused(coord, 'inviteMember', { ...newcomer(), email });
				expect(err.code, email).toBe('functions/invalid-argument');
				expect(err.details).toMatchObject({ issues: expect.any(Array) });
			}
			for (const data of [{ ...newcomer(), role: 'admin' }, { ...newcomer(), name: '  ' }, { ...newcomer(), extra: 1 }]) {
				expect((await refused(coord, 'inviteMember', data)).code, JSON.stringify(data)).toBe('functions/invalid-argument');
			}
			for (const orgId of ['finns-inte', 'region-vn', 'tillvaxtverket']) {
				const err = await refused(coord, 'inviteMember', newcomer({ orgId }));
				expect(err, orgId).toMatchObject({ code: 'functions/not-found', details: { reason: 'unknown-organization' } });
			}
		});

		it('refuses a name with a right-to-left override or another bidi control, and stores a name in its normalised spelling', async () => {
			for (const name of ['Nina\u202Eyn', '\u2067Nina Ny', 'Nina\u200FNy']) {
				const err = await refused(coord, 'inviteMember', newcomer({ name }));
				expect(err.code, JSON.stringify(name)).toBe('functions/invalid-argument');
				expect(err.details).toMatchObject({ issues: [expect.objectContaining({ path: ['name'], message: 'invisible-character' })] });
			}
			const { uid } = await coord.call<{ uid: string }>('inviteMember', newcomer({ name: ' Nina\u00A0\u200BNy  ' }));
			expect((await memberOf(JH, uid))?.name).toBe('Nina Ny');
		});

		it('refuses editors, another region’s coordinator, staff readers and anonymous callers, changing nothing', async () => {
			for (const uid of [P.lst.uid, P.coordVN.uid, P.reader.uid]) {
				const err = await refused(await pool.as(uid), 'inviteMember', newcomer());
				expect(err, uid).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-a-coordinator' } });
			}
			expect((await refused(pool.anonymous(), 'inviteMember', newcomer())).code).toBe('functions/unauthenticated');
			expect((await refused(coord, 'inviteMember', newcomer({ regionId: VN, orgId: 'region-vn' }))).code).toBe('functions/permission-denied');
		});

		it('refuses an invited coordinator who has not signed in yet', async () => {
			const { uid } = await coord.call<{ uid: string }>('inviteMember', newcomer({ role: 'coordinator' }));
			const err = await refused(await pool.as(uid), 'inviteMember', newcomer());
			expect(err).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-a-coordinator' } });
		});

		it('refuses a sign-in by someone who is neither member nor staff', async () => {
			const email = `okand.${Date.now()}@example.org`;
			await admin().auth.createUser({ email });
			const c = client();
			await sendSignInLinkToEmail(c.auth, email, { url: `${APP_URL}/logga-in/bekrafta`, handleCodeInApp: true });
			const res = await fetch(`http://127.0.0.1:9099/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
			const { oobCodes } = (await res.json()) as { oobCodes: Array<{ email: string; oobLink: string }> };
			const link = oobCodes.filter((o) => o.email === email).at(-1)?.oobLink as string;
			expect(await signInError(signInWithEmailLink(c.auth, email, link))).toMatch(/^auth\/.*not-invited/);
			await c.close();
		});
	});

	describe('setMemberRole', () => {
		/** A row of JH 2024 created by Karin Krokom, for a coordinator to delete. */
		async function krokomsRow(): Promise<string> {
			const ref = yearDoc(JH, '2024').collection('rows').doc();
			await ref.set({ area: 1, position: 1000 + counter++, fields: {}, revs: {}, createdBy: P.krokom.uid, updatedBy: P.krokom.uid, updatedAt: FieldValue.serverTimestamp() });
			return ref.id;
		}

		it("takes effect on the next write: a promoted editor deletes another person's row, demoted again they cannot", async () => {
			const ost = await pool.as(P.ostersund.uid);
			const first = await krokomsRow();
			await expect(deleteRowFrom(ost.db, JH, '2024', first, P.ostersund.uid)).rejects.toMatchObject({ code: 'permission-denied' });

			expect(await coord.call('setMemberRole', { regionId: JH, uid: P.ostersund.uid, role: 'coordinator' })).toEqual({ ok: true, uid: P.ostersund.uid, role: 'coordinator', changed: true });
			await deleteRowFrom(ost.db, JH, '2024', first, P.ostersund.uid);
			expect((await yearDoc(JH, '2024').collection('rows').doc(first).get()).exists).toBe(false);

			await coord.call('setMemberRole', { regionId: JH, uid: P.ostersund.uid, role: 'editor' });
			const second = await krokomsRow();
			await expect(deleteRowFrom(ost.db, JH, '2024', second, P.ostersund.uid)).rejects.toMatchObject({ code: 'permission-denied' });
			expect((await yearDoc(JH, '2024').collection('rows').doc(second).get()).exists).toBe(true);

			const entries = (await auditOf(JH)).filter((e) => e.kind === 'member-role-changed' && e.target === P.ostersund.uid);
			expect(entries.map((e) => e.details)).toEqual([{ role: { from: 'editor', to: 'coordinator' } }, { role: { from: 'coordinator', to: 'editor' } }]);
			expect(entries[0]).toMatchObject({ by: P.coordJH.uid, byName: P.coordJH.name, targetName: P.ostersund.name });
		});

		it('the same role again changes nothing and records nothing', async () => {
			const before = await stateOf(JH, P.lst.email);
			expect(await coord.call('setMemberRole', { regionId: JH, uid: P.lst.uid, role: 'editor' })).toEqual({ ok: true, uid: P.lst.uid, role: 'editor', changed: false });
			expect(await stateOf(JH, P.lst.email)).toEqual(before);
		});

		it('refuses to demote the last active coordinator, an unknown member and non-coordinators, changing nothing', async () => {
			// Västernorrland's one active coordinator (the coordinator the staff admin invited has not signed in).
			expect((await members(VN).where('role', '==', 'coordinator').get()).docs.map((d) => [d.id, d.get('status') ?? 'active'])).toEqual(
				expect.arrayContaining([[P.coordVN.uid, 'active']])
			);
			const last = await refused(await pool.as(P.coordVN.uid), 'setMemberRole', { regionId: VN, uid: P.coordVN.uid, role: 'editor' });
			expect(last).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'last-coordinator' } });
			const unknown = await refused(coord, 'setMemberRole', { regionId: JH, uid: 'u-finns-inte', role: 'editor' });
			expect(unknown).toMatchObject({ code: 'functions/not-found', details: { reason: 'member-not-found' } });
			const other = await refused(coord, 'setMemberRole', { regionId: JH, uid: P.coordVN.uid, role: 'editor' });
			expect(other).toMatchObject({ code: 'functions/not-found', details: { reason: 'member-not-found' } });
			const editor = await refused(await pool.as(P.lst.uid), 'setMemberRole', { regionId: JH, uid: P.lst.uid, role: 'coordinator' });
			expect(editor).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-a-coordinator' } });
			expect((await refused(coord, 'setMemberRole', { regionId: JH, uid: P.lst.uid, role: 'owner' })).code).toBe('functions/invalid-argument');
		});

		it('lets the last coordinator step down once another coordinator is active, and then protects that one', async () => {
			// The coordinator the staff admin invited into Västernorrland, as if they had signed in.
			const other = (await members(VN).where('status', '==', 'invited').where('role', '==', 'coordinator').get()).docs[0].id;
			await members(VN).doc(other).update({ status: 'active' });
			const vera = await pool.as(P.coordVN.uid);
			expect(await vera.call('setMemberRole', { regionId: VN, uid: P.coordVN.uid, role: 'editor' })).toMatchObject({ ok: true, changed: true });

			const newcomerCoord = await pool.as(other);
			const last = await refused(newcomerCoord, 'setMemberRole', { regionId: VN, uid: other, role: 'editor' });
			expect(last).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'last-coordinator' } });
			await newcomerCoord.call('setMemberRole', { regionId: VN, uid: P.coordVN.uid, role: 'coordinator' });
			// Back to one active coordinator in Västernorrland, for the removal tests below.
			await vera.call('setMemberRole', { regionId: VN, uid: other, role: 'editor' });
			expect((await memberOf(VN, P.coordVN.uid))?.role).toBe('coordinator');
			expect((await memberOf(VN, other))?.role).toBe('editor');
		});
	});

	describe('removeMember', () => {
		it("ends access at once: the open page's listeners are refused, presence goes, and the account of a member of no other region goes", async () => {
			const { db, auth } = admin();
			for (const year of ['2023', '2024']) {
				await yearDoc(JH, year).collection('presence').doc(P.krokom.uid).set({ name: P.krokom.name, orgId: 'krokom', cell: null, lastSeen: Timestamp.now() });
			}

			// The open page's listeners: its own membership, who is here, the rows of the plan.
			const krokom = await pool.as(P.krokom.uid);
			const watched = {
				membership: doc(krokom.db, paths.member(JH, P.krokom.uid)),
				presence: collection(krokom.db, paths.presence(JH, '2023')),
				rows: collection(krokom.db, paths.rows(JH, '2023'))
			};
			const errors: Record<string, FirestoreError | undefined> = {};
			const seen: Record<string, number> = { membership: 0, presence: 0, rows: 0 };
			const rowTexts: string[] = [];
			const stops = [
				onSnapshot(watched.membership, () => seen.membership++, (e) => (errors.membership = e)),
				onSnapshot(watched.presence, () => seen.presence++, (e) => (errors.presence = e)),
				onSnapshot(watched.rows, (snap) => {
					seen.rows++;
					for (const d of snap.docs) rowTexts.push(String(d.get('fields.nextYear') ?? ''));
				}, (e) => (errors.rows = e))
			];
			await eventually(async () => (Object.values(seen).every((n) => n > 0) ? true : undefined), 'the first snapshots');

			expect(await coord.call('removeMember', { regionId: JH, uid: P.krokom.uid })).toEqual({ ok: true, uid: P.krokom.uid });
			// The membership and presence change with the removal, so their listeners are refused at once.
			for (const key of ['membership', 'presence'] as const) {
				expect(await eventually(async () => errors[key]?.code, `the ${key} listener to be refused`, 5000)).toBe('permission-denied');
			}
			// Rules are checked for what a listener is sent: the rows listener is refused at the next change
			// of the rows, and that change never reaches the removed person.
			const secret = `Efter borttagningen ${Date.now()}`;
			const rowRef = yearDoc(JH, '2023').collection('rows').doc('jh23-2-01');
			const rev = ((await rowRef.get()).get('revs.nextYear') as number | undefined) ?? 0;
			const ost = await pool.as(P.ostersund.uid);
			await updateDoc(doc(ost.db, paths.row(JH, '2023', 'jh23-2-01')), {
				'fields.nextYear': secret,
				'revs.nextYear': rev + 1,
				updatedBy: P.ostersund.uid,
				updatedAt: serverTimestamp()
			});
			expect(await eventually(async () => errors.rows?.code, 'the rows listener to be refused', 5000)).toBe('permission-denied');
			expect(rowTexts).not.toContain(secret);
			stops.forEach((stop) => stop());

			expect(await memberOf(JH, P.krokom.uid)).toBeNull();
			for (const year of ['2023', '2024']) expect((await yearDoc(JH, year).collection('presence').doc(P.krokom.uid).get()).exists, year).toBe(false);
			await expect(auth.getUser(P.krokom.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });

			const removed = (await auditOf(JH)).filter((e) => e.kind === 'member-removed');
			expect(removed).toHaveLength(1);
			expect(removed[0]).toMatchObject({ by: P.coordJH.uid, byName: P.coordJH.name, target: P.krokom.uid, targetName: P.krokom.name, details: { role: 'editor', orgId: 'krokom' } });
			expect(Math.abs(removed[0].at.getTime() - Date.now())).toBeLessThan(60_000);
			// The history that carries the name (the rows created as Karin Krokom above) is not touched.
			const hers = await db.collectionGroup('history').where('by', '==', P.krokom.uid).get();
			expect(hers.size).toBeGreaterThan(0);
			expect(hers.docs.every((d) => d.get('byName') === P.krokom.name)).toBe(true);
		});

		it('the removed person cannot sign in again: the link is refused and no account is created', async () => {
			const c = client();
			const mailsBefore = await mailsTo(P.krokom.email);
			await c.call('requestSignInLink', { email: P.krokom.email });
			expect(await mailsTo(P.krokom.email)).toBe(mailsBefore);
			await sendSignInLinkToEmail(c.auth, P.krokom.email, { url: `${APP_URL}/logga-in/bekrafta`, handleCodeInApp: true });
			const res = await fetch(`http://127.0.0.1:9099/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
			const { oobCodes } = (await res.json()) as { oobCodes: Array<{ email: string; oobLink: string }> };
			const link = oobCodes.filter((o) => o.email === P.krokom.email).at(-1)?.oobLink as string;
			expect(await signInError(signInWithEmailLink(c.auth, P.krokom.email, link))).toMatch(/^auth\/.*not-invited/);
			await c.close();

			expect(await accountOf(P.krokom.email)).toBeNull();
		});

		it('refuses removing the last active coordinator, an unknown member and non-coordinators, changing nothing', async () => {
			const last = await refused(await pool.as(ADMIN.uid), 'removeMember', { regionId: VN, uid: P.coordVN.uid });
			expect(last).toMatchObject({ code: 'functions/failed-precondition', details: { reason: 'last-coordinator' } });
			const gone = await refused(coord, 'removeMember', { regionId: JH, uid: P.krokom.uid });
			expect(gone).toMatchObject({ code: 'functions/not-found', details: { reason: 'member-not-found' } });
			const editor = await refused(await pool.as(P.lst.uid), 'removeMember', { regionId: JH, uid: P.ostersund.uid });
			expect(editor).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-a-coordinator' } });
			const otherRegion = await refused(await pool.as(P.coordVN.uid), 'removeMember', { regionId: JH, uid: P.ostersund.uid });
			expect(otherRegion).toMatchObject({ code: 'functions/permission-denied', details: { reason: 'not-a-coordinator' } });
			expect((await refused(coord, 'removeMember', { regionId: JH })).code).toBe('functions/invalid-argument');
		});
	});

	describe('last activity', () => {
		it("a member's recorded edit moves their lastActiveAt to the edit's time, at most once a quarter of an hour", async () => {
			const ost = await pool.as(P.ostersund.uid);
			const rowId = 'jh23-2-01';
			const rowRef = yearDoc(JH, '2023').collection('rows').doc(rowId);
			const edit = async (text: string) => {
				const rev = ((await rowRef.get()).get('revs.nextYear') as number | undefined) ?? 0;
				await updateDoc(doc(ost.db, paths.row(JH, '2023', rowId)), {
					'fields.nextYear': text,
					'revs.nextYear': rev + 1,
					updatedBy: P.ostersund.uid,
					updatedAt: serverTimestamp()
				});
				const at = ((await rowRef.get()).get('updatedAt') as Timestamp).toMillis();
				await eventually(async () => ((await yearDoc(JH, '2023').collection('history').where('rowId', '==', rowId).where('at', '==', Timestamp.fromMillis(at)).get()).size > 0 ? true : undefined), 'the history entry');
				return at;
			};
			// Last seen twenty minutes ago: the next edit is due to move it.
			await members(JH).doc(P.ostersund.uid).update({ lastActiveAt: Timestamp.fromMillis(Date.now() - 20 * 60_000) });
			const editedAt = await edit('Vi fortsätter med servicepunkterna.');
			await eventually(async () => ((await memberOf(JH, P.ostersund.uid))?.lastActiveAt?.getTime() === editedAt ? true : undefined), 'lastActiveAt to move');
			// A second edit a moment later is recorded, but the membership (which every plan page reads) is not written again.
			await edit('Vi fortsätter med servicepunkterna och ombuden.');
			await new Promise((r) => setTimeout(r, 1500));
			expect((await memberOf(JH, P.ostersund.uid))?.lastActiveAt?.getTime()).toBe(editedAt);
		});

		it('an edit recorded after the writer was removed does not bring the membership back', async () => {
			const ghost = 'u-ghost';
			await members(JH).doc(ghost).set({ email: 'ghost@bracke.example', name: 'Gösta Ghost', orgId: 'bracke', role: 'editor' });
			await members(JH).doc(ghost).delete();
			const ref = yearDoc(JH, '2024').collection('rows').doc();
			await ref.set({ area: 1, position: 5000, fields: {}, revs: {}, createdBy: ghost, updatedBy: ghost, updatedAt: FieldValue.serverTimestamp() });
			await eventually(async () => ((await yearDoc(JH, '2024').collection('history').where('rowId', '==', ref.id).get()).size > 0 ? true : undefined), 'the history entry');
			// The trigger touches the membership right after writing the history: give it that moment.
			await new Promise((r) => setTimeout(r, 2000));
			expect((await members(JH).doc(ghost).get()).exists).toBe(false);
		});
	});
});
