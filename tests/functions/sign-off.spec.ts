// signOffPlan against the Auth, Firestore and Functions emulators: who may sign off and what is
// refused (changing nothing), the stored sign-off of the caller's organisation, its hash equal to the
// one submitPlan records for the same rows, and a sign-off going stale after an edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldValue } from 'firebase-admin/firestore';
import { setLogLevel } from 'firebase/firestore';
import { admin, callError, type Client, resetDemo } from '../support/emulators';
import { clientPool, completePlan, JH, P, refusedCall, storedRows, VN, yearDoc } from '../support/plans';
import { plan, signOff } from '../../src/lib/domain/schemas';
import { signOffState } from '../../src/lib/domain/sign-off';
import { contentHash } from '../../functions/src/shared/content-hash';
import { paths } from '../../src/lib/domain/paths';

setLogLevel('silent');

const YEAR = '2023';
const storedSignOff = async (orgId: string) => {
	const snap = await admin().db.doc(paths.signOff(JH, YEAR, orgId)).get();
	return snap.exists ? signOff.parse(snap.data()) : null;
};
const currentHash = async () => contentHash(await storedRows(JH, YEAR));

describe('signOffPlan', () => {
	const pool = clientPool();
	const as = pool.as;
	let lst: Client;

	beforeAll(async () => {
		await resetDemo();
		lst = await as(P.lst.uid);
	});
	afterAll(async () => {
		await pool.closeAll();
	});

	const refused = async (c: Client, data: unknown, regionId = JH, year = YEAR) => {
		const before = (await admin().db.collection(paths.signOffs(regionId, year)).get()).docs.map((d) => [d.id, d.data()]);
		const err = await refusedCall(c, 'signOffPlan', data, { regionId, year });
		expect((await admin().db.collection(paths.signOffs(regionId, year)).get()).docs.map((d) => [d.id, d.data()])).toEqual(before);
		return err;
	};

	it('refuses an anonymous caller with unauthenticated', async () => {
		expect((await refused(pool.anonymous(), { regionId: JH, year: YEAR })).code).toBe('functions/unauthenticated');
	});

	it('refuses malformed input with invalid-argument and the zod issues', async () => {
		for (const data of [{ regionId: JH, year: 2023 }, { regionId: JH }, { regionId: JH, year: YEAR, orgId: 'berg' }, { regionId: 'a/b', year: YEAR }, null]) {
			const err = await refused(lst, data);
			expect(err.code, JSON.stringify(data)).toBe('functions/invalid-argument');
			expect((err.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
		}
	});

	it('refuses a staff reader, another region’s coordinator and a member of another region with permission-denied', async () => {
		for (const uid of [P.reader.uid, P.coordVN.uid]) {
			const err = await refused(await as(uid), { regionId: JH, year: YEAR });
			expect(err.code, uid).toBe('functions/permission-denied');
			expect(err.details).toEqual({ reason: 'not-a-member' });
		}
		const err = await refused(lst, { regionId: VN, year: YEAR }, VN);
		expect(err.code).toBe('functions/permission-denied');
	});

	it('answers not-found for a year the region has no plan for', async () => {
		const err = await refused(lst, { regionId: JH, year: '2031' }, JH, '2031');
		expect(err.code).toBe('functions/not-found');
		expect(err.details).toEqual({ reason: 'plan-not-found' });
	});

	it('refuses a member whose organisation is not in the region’s network', async () => {
		const krokom = admin().db.doc(paths.member(JH, P.krokom.uid));
		const orgId = (await krokom.get()).get('orgId');
		await krokom.update({ orgId: 'tillvaxtverket' });
		try {
			const err = await refused(await as(P.krokom.uid), { regionId: JH, year: YEAR });
			expect(err.code).toBe('functions/failed-precondition');
			expect(err.details).toEqual({ reason: 'unknown-organization' });
		} finally {
			await krokom.update({ orgId });
		}
	});

	it('signs off for the caller’s organisation: who, when and the hash of the stored rows', async () => {
		const started = Date.now();
		const answer = await lst.call<{ ok: boolean; signOff: { orgId: string; at: string; contentHash: string } }>('signOffPlan', { regionId: JH, year: YEAR });
		const stored = await storedSignOff('lst-jamtland');
		expect(stored).toMatchObject({ orgId: 'lst-jamtland', uid: P.lst.uid, name: P.lst.name });
		expect(stored!.at.getTime()).toBeGreaterThanOrEqual(started - 1000);
		expect(stored!.contentHash).toBe(await currentHash());
		expect(answer).toEqual({ ok: true, signOff: { ...stored, at: stored!.at.toISOString() } });
		expect(signOffState(stored, await currentHash())).toBe('approved');
	});

	it('keeps one sign-off per organisation: another organisation signs off beside it', async () => {
		await (await as(P.ostersund.uid)).call('signOffPlan', { regionId: JH, year: YEAR });
		const ids = (await admin().db.collection(paths.signOffs(JH, YEAR)).get()).docs.map((d) => d.id).sort();
		expect(ids).toEqual(['lst-jamtland', 'ostersund']);
	});

	it('an edit after a sign-off makes it stale; signing off again approves the new content', async () => {
		const [first] = await storedRows(JH, YEAR);
		await yearDoc(JH, YEAR).collection('rows').doc(first.id).update({
			'fields.action': `${String(first.fields.action ?? '')} (ändrad)`,
			[`revs.action`]: (first.revs.action ?? 0) + 1,
			updatedBy: P.krokom.uid,
			updatedAt: FieldValue.serverTimestamp()
		});
		expect(signOffState(await storedSignOff('lst-jamtland'), await currentHash())).toBe('stale');
		expect(signOffState(await storedSignOff('ostersund'), await currentHash())).toBe('stale');
		expect(signOffState(await storedSignOff('berg'), await currentHash())).toBe('none');

		await lst.call('signOffPlan', { regionId: JH, year: YEAR });
		expect(signOffState(await storedSignOff('lst-jamtland'), await currentHash())).toBe('approved');
		expect(signOffState(await storedSignOff('ostersund'), await currentHash())).toBe('stale');
	});

	it('records the same hash as submitPlan for the same rows; a submitted plan is past signing off', async () => {
		await completePlan(JH, YEAR);
		await lst.call('signOffPlan', { regionId: JH, year: YEAR });
		const signed = await storedSignOff('lst-jamtland');
		await (await as(P.coordJH.uid)).call('submitPlan', { regionId: JH, year: YEAR });
		const submitted = plan.parse((await yearDoc(JH, YEAR).get()).data());
		expect(submitted.status).toBe('submitted');
		expect(submitted.submission!.contentHash).toBe(signed!.contentHash);

		const err = await callError(lst.call('signOffPlan', { regionId: JH, year: YEAR }));
		expect(err.code).toBe('functions/failed-precondition');
		expect(err.details).toEqual({ reason: 'plan-submitted' });
		expect(await storedSignOff('lst-jamtland')).toEqual(signed);
	});
});
