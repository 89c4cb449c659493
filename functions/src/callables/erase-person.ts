// erasePerson({ uid } | { email }): a staff admin erases a person on request (GDPR art. 17). Every
// membership goes, in every region, with an audit entry there (member-removed, details.erased); what
// was theirs alone (personal-data.ts) in every year of every region and everywhere; their staff record;
// then their Auth account. Names copied into the plan's record stay (docs/data-protection.md). Refused
// for the last active coordinator of a region (`last-coordinator`, details.regionId), for oneself
// (`cannot-erase-self`) and for someone Planbordet does not know (`person-not-found`).
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { auth, db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, parseInput, requireMay } from '../shared/callable';
import { deleteAccount, forgetEverywhere, forgetInRegion, readPersonalDocs, readRegionYears } from '../shared/personal-data';
import { CALLABLE } from '../shared/options';
import { isLastCoordinator } from '../../../src/lib/domain/membership';
import { erasePersonInput, member, staff } from '../../../src/lib/domain/schemas';
import { GROUPS, paths } from '../../../src/lib/domain/paths';

type Outcome = { ok: true; regions: string[] } | { ok: false; reason: 'person-not-found' } | { ok: false; reason: 'last-coordinator'; regionId: string };

/** The uid of an address: its Auth account, else a membership keyed by it (an invitation written without one). */
async function uidOf(email: string): Promise<string | null> {
	try {
		return (await auth().getUserByEmail(email)).uid;
	} catch (err) {
		if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
	}
	const snap = await db().collectionGroup(GROUPS.members).where('email', '==', email).limit(1).get();
	return snap.docs[0]?.id ?? null;
}

async function accountEmail(uid: string): Promise<string | null> {
	try {
		return (await auth().getUser(uid)).email ?? null;
	} catch (err) {
		if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
		return null;
	}
}

export const erasePerson = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const input = parseInput(erasePersonInput, request.data);
	const fs = db();
	const admin = await requireMay(fs, uid, null, 'erase-person');
	const target = 'uid' in input ? input.uid : await uidOf(input.email);
	if (target === null) throw new HttpsError('not-found', 'person-not-found', { reason: 'person-not-found' });
	if (target === uid) throw new HttpsError('failed-precondition', 'cannot-erase-self', { reason: 'cannot-erase-self' });
	const now = new Date();
	const email = await accountEmail(target);
	const regionIds = (await fs.collection(paths.regions()).listDocuments()).map((r) => r.id);

	const outcome = await fs.runTransaction(async (tx): Promise<Outcome> => {
		const staffRef = fs.doc(paths.staffMember(target));
		const [staffDoc, ...perRegion] = await Promise.all([
			tx.get(staffRef),
			...regionIds.map(async (regionId) => {
				const [all, years] = await Promise.all([tx.get(fs.collection(paths.members(regionId))), readRegionYears(tx, fs, regionId)]);
				const members = all.docs.flatMap((d) => {
					const p = member.safeParse(d.data());
					return p.success ? [{ uid: d.id, member: p.data }] : [];
				});
				return { regionId, members, years };
			})
		]);
		const memberships = perRegion.flatMap((r) => {
			const m = r.members.find((x) => x.uid === target)?.member;
			return m ? [{ ...r, member: m }] : [];
		});
		const staffRecord = staff.safeParse(staffDoc.data());
		const address = email ?? memberships[0]?.member.email ?? (staffRecord.success ? staffRecord.data.email : null);
		if (memberships.length === 0 && !staffDoc.exists && email === null) return { ok: false, reason: 'person-not-found' };
		const last = memberships.find((r) => isLastCoordinator(r.members, target));
		if (last) return { ok: false, reason: 'last-coordinator', regionId: last.regionId };

		const personal = await readPersonalDocs(tx, fs, target, address);
		for (const r of perRegion) forgetInRegion(tx, personal, r.regionId, target, r.years);
		forgetEverywhere(tx, fs, personal, target);
		tx.delete(staffRef);
		for (const r of memberships) {
			tx.delete(fs.doc(paths.member(r.regionId, target)));
			recordAudit(fs, tx, r.regionId, {
				kind: 'member-removed',
				by: uid,
				byName: admin.name,
				target,
				targetName: r.member.name,
				// No address: the erasure leaves the log the name and the organisation, the record of who took part.
				details: { erased: true, orgId: r.member.orgId, role: r.member.role },
				at: now
			});
		}
		return { ok: true, regions: memberships.map((r) => r.regionId) };
	});
	if (!outcome.ok && outcome.reason === 'person-not-found') throw new HttpsError('not-found', 'person-not-found', { reason: 'person-not-found' });
	if (!outcome.ok) throw new HttpsError('failed-precondition', 'last-coordinator', { reason: 'last-coordinator', regionId: outcome.regionId });
	await deleteAccount(target);
	return { ok: true, uid: target, regions: outcome.regions };
});
