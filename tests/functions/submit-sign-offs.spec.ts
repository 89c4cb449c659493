// Sign-offs at submission, against the Auth, Firestore, Functions emulators and the development inbox:
// the plan's signOffRequirement (setPlanSettings; 'warn' by default), requestSignOff mailing each
// organisation that has not signed off (fresh) once, submitPlan refusing with 'not-signed-off' when the
// setting is 'block' (changing nothing) and otherwise recording every organisation's sign-off in the
// submission and the receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldValue } from 'firebase-admin/firestore';
import { setLogLevel } from 'firebase/firestore';
import { admin, APP_URL, clearInbox, inbox, resetDemo, waitForMail, type Client } from '../support/emulators';
import { clientPool, completePlan, JH, P, refusedCall, storedRows, yearDoc } from '../support/plans';
import { auditEntry, member, plan } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

setLogLevel('silent');

const YEAR = '2023';
const storedPlan = async () => plan.parse((await yearDoc(JH, YEAR).get()).data());
const limiter = () => admin().db.doc(paths.rateLimit(`sign-off-request-${JH}-${YEAR}`));
const outbox = async (kind: string) => (await admin().db.collection(paths.mail()).where('kind', '==', kind).get()).docs.map((d) => d.data());

/** The network's organisations with an active member, from the stored members: who a request can reach. */
async function activeEmailsByOrg(): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>();
	for (const d of (await admin().db.collection(paths.members(JH)).get()).docs) {
		const m = member.parse(d.data());
		if (m.status === 'active') out.set(m.orgId, [...(out.get(m.orgId) ?? []), m.email].sort());
	}
	return out;
}

describe('sign-offs at submission', () => {
	const pool = clientPool();
	const as = pool.as;
	let coord: Client;
	let settings: { regionId: string; year: string; deadline: string; reminderOffsets: number[] };

	beforeAll(async () => {
		await resetDemo();
		await clearInbox();
		await limiter().delete();
		await completePlan(JH, YEAR);
		coord = await as(P.coordJH.uid);
		const p = await storedPlan();
		settings = { regionId: JH, year: YEAR, deadline: p.deadline.toISOString(), reminderOffsets: p.reminderOffsets };
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	it('a plan warns by default; a coordinator sets block (audited), and leaving it out keeps it', async () => {
		expect((await storedPlan()).signOffRequirement).toBe('warn');
		const refused = await refusedCall(await as(P.krokom.uid), 'setPlanSettings', { ...settings, signOffRequirement: 'block' }, { regionId: JH, year: YEAR });
		expect(refused.code).toBe('functions/permission-denied');
		const bad = await refusedCall(coord, 'setPlanSettings', { ...settings, signOffRequirement: 'strict' }, { regionId: JH, year: YEAR });
		expect(bad.code).toBe('functions/invalid-argument');

		const answer = await coord.call<Record<string, unknown>>('setPlanSettings', { ...settings, signOffRequirement: 'block' });
		expect(answer).toMatchObject({ ok: true, signOffRequirement: 'block' });
		expect((await storedPlan()).signOffRequirement).toBe('block');
		const audit = (await admin().db.collection(paths.audit(JH)).where('kind', '==', 'plan-settings-changed').get()).docs.map((d) => auditEntry.parse(d.data()));
		expect(audit.map((e) => e.details)).toContainEqual({ signOffRequirement: { from: 'warn', to: 'block' } });

		await coord.call('setPlanSettings', settings);
		expect((await storedPlan()).signOffRequirement).toBe('block');
	});

	it('sign-offs: Länsstyrelsen fresh, Östersund stale after an edit, the rest none', async () => {
		const lst = await as(P.lst.uid);
		await lst.call('signOffPlan', { regionId: JH, year: YEAR });
		await (await as(P.ostersund.uid)).call('signOffPlan', { regionId: JH, year: YEAR });
		const [first] = await storedRows(JH, YEAR);
		await yearDoc(JH, YEAR).collection('rows').doc(first.id).update({
			'fields.action': `${String(first.fields.action ?? '')} (ändrad)`,
			'revs.action': (first.revs.action ?? 0) + 1,
			updatedBy: P.krokom.uid,
			updatedAt: FieldValue.serverTimestamp()
		});
		await lst.call('signOffPlan', { regionId: JH, year: YEAR });
	});

	it('requestSignOff is a coordinator’s, with well-formed input', async () => {
		const err = await refusedCall(await as(P.krokom.uid), 'requestSignOff', { regionId: JH, year: YEAR }, { regionId: JH, year: YEAR, mailKind: 'sign-off-request' });
		expect(err.code).toBe('functions/permission-denied');
		expect(err.details).toEqual({ reason: 'not-a-coordinator' });
		const bad = await refusedCall(coord, 'requestSignOff', { regionId: JH, year: 2023 }, { regionId: JH, year: YEAR, mailKind: 'sign-off-request' });
		expect(bad.code).toBe('functions/invalid-argument');
	});

	it('requestSignOff mails each organisation not signed off (fresh) once, to its active members, and records when', async () => {
		const started = Date.now();
		const answer = await coord.call<{ ok: boolean; organizations: Array<{ orgId: string; state: string; recipients: number }> }>('requestSignOff', { regionId: JH, year: YEAR });
		const emails = await activeEmailsByOrg();
		const asked = answer.organizations;
		// Ten organisations in the network, Länsstyrelsen's sign-off is fresh: the other nine are asked.
		expect(asked.map((o) => o.orgId).sort()).toEqual(['are', 'berg', 'bracke', 'harjedalen', 'krokom', 'ostersund', 'ragunda', 'region-jh', 'stromsund']);
		expect(asked.find((o) => o.orgId === 'ostersund')?.state).toBe('stale');
		expect(asked.find((o) => o.orgId === 'krokom')?.state).toBe('none');
		for (const o of asked) expect(o.recipients, o.orgId).toBe(emails.get(o.orgId)?.length ?? 0);

		const queued = await outbox('sign-off-request');
		const reached = asked.filter((o) => o.recipients > 0);
		expect(queued).toHaveLength(reached.length);
		expect(queued.map((m) => (m.to as string[]).join()).sort()).toEqual(reached.map((o) => emails.get(o.orgId)!.join()).sort());

		const ost = await waitForMail((m) => m.to === P.ostersund.email && m.subject.startsWith('Godkänn handlingsplan 2023'));
		expect(ost.parsed.text).toContain('Malin Samordnare ber Östersunds kommun att gå igenom handlingsplanen 2023');
		expect(ost.parsed.text).toContain('har ändrats sedan dess');
		expect(ost.parsed.text).toContain(`${APP_URL}/plan/${JH}/${YEAR}`);
		const krokom = await waitForMail((m) => m.to === P.krokom.email && m.subject.startsWith('Godkänn handlingsplan 2023'));
		expect(krokom.parsed.text).not.toContain('har ändrats sedan dess');
		expect((await inbox()).filter((m) => m.to === P.lst.email && m.subject.startsWith('Godkänn'))).toEqual([]);

		const requests = (await storedPlan()).signOffRequests;
		expect(Object.keys(requests).sort()).toEqual(reached.map((o) => o.orgId).sort());
		for (const at of Object.values(requests)) expect(at.getTime()).toBeGreaterThanOrEqual(started - 1000);
	});

	it('requestSignOff is rate-limited per plan: over the limit it is refused and mails nothing', async () => {
		const now = Date.now();
		await limiter().set({ times: [now - 3000, now - 2000, now - 1000], expireAt: new Date(now + 86_400_000) });
		const err = await refusedCall(coord, 'requestSignOff', { regionId: JH, year: YEAR }, { regionId: JH, year: YEAR, mailKind: 'sign-off-request' });
		expect(err.code).toBe('functions/resource-exhausted');
		expect(err.details).toEqual({ reason: 'too-many-requests' });
		await limiter().delete();
	});

	it('with block, submitPlan refuses listing the organisations not signed off, changing nothing', async () => {
		const err = await refusedCall(coord, 'submitPlan', { regionId: JH, year: YEAR }, { regionId: JH, year: YEAR, mailKind: 'plan-submitted' });
		expect(err.code).toBe('functions/failed-precondition');
		const details = err.details as { reason: string; organizations: Array<{ orgId: string; name: string; state: string }> };
		expect(details.reason).toBe('not-signed-off');
		expect(details.organizations).toHaveLength(9);
		expect(details.organizations).toContainEqual({ orgId: 'ostersund', name: 'Östersunds kommun', state: 'stale' });
		expect(details.organizations).toContainEqual({ orgId: 'krokom', name: 'Krokoms kommun', state: 'none' });
		expect(details.organizations.map((o) => o.orgId)).not.toContain('lst-jamtland');
	});

	it('with warn, submitPlan records every organisation’s sign-off and the receipt lists them', async () => {
		await coord.call('setPlanSettings', { ...settings, signOffRequirement: 'warn' });
		const answer = await coord.call<{ ok: boolean; submission: { signOffs: Array<Record<string, unknown>> } }>('submitPlan', { regionId: JH, year: YEAR });
		const s = (await storedPlan()).submission!;
		expect(s.signOffs).toHaveLength(10);
		const lst = s.signOffs.find((o) => o.orgId === 'lst-jamtland')!;
		expect(lst).toMatchObject({ orgName: 'Länsstyrelsen Jämtlands län', state: 'approved', uid: P.lst.uid, name: P.lst.name, contentHash: s.contentHash });
		const ost = s.signOffs.find((o) => o.orgId === 'ostersund')!;
		expect(ost).toMatchObject({ state: 'stale', uid: P.ostersund.uid, name: P.ostersund.name });
		expect(ost.contentHash).not.toBe(s.contentHash);
		expect(s.signOffs.find((o) => o.orgId === 'krokom')).toEqual({ orgId: 'krokom', orgName: 'Krokoms kommun', state: 'none', uid: null, name: null, at: null, contentHash: null });
		expect(answer.submission.signOffs).toEqual(s.signOffs.map((o) => ({ ...o, at: o.at?.toISOString() ?? null })));

		const receipt = await waitForMail((m) => m.to === P.krokom.email && m.subject.startsWith('Handlingsplan 2023 är inlämnad'));
		const text = receipt.parsed.text ?? '';
		expect(text).toContain('Organisationernas godkännande av planen:');
		expect(text).toMatch(/Länsstyrelsen Jämtlands län: godkänd \(Lars Länsstyrelsen, \d+ \S+ \d{4} kl\. \d\d:\d\d\)/);
		expect(text).toMatch(/Östersunds kommun: godkänd före senaste ändringar \(Östen Östersund, /);
		expect(text).toContain('Krokoms kommun: inte godkänd');
	});

	it('requestSignOff on a submitted plan is refused with plan-submitted', async () => {
		const err = await refusedCall(coord, 'requestSignOff', { regionId: JH, year: YEAR }, { regionId: JH, year: YEAR, mailKind: 'sign-off-request' });
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'plan-submitted' });
	});
});
