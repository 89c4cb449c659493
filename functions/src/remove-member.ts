// removeMember({ regionId, uid }): a coordinator of the region (or a staff admin) takes someone out of
// the region. The membership goes (with its audit entry, in one transaction, with their presence in
// every year of the region), so firestore.rules refuse the person's next read and their open listeners
// at once; their refresh tokens are revoked. The Auth account stays (they may belong to another region
// or be staff), and their name stays on past history and comments, which carry it already.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { auth, db } from './admin';
import { recordAudit } from './audit';
import { callerUid, memberRef, parseInput } from './callable';
import { REGION } from './params';
import { requireManager } from './region-manager';
import { isLastCoordinator } from '../../src/lib/domain/membership';
import { member, removeMemberInput } from '../../src/lib/domain/schemas';

export const removeMember = onCall({ region: REGION }, async (request) => {
	const uid = callerUid(request);
	const { regionId, uid: target } = parseInput(removeMemberInput, request.data);
	const fs = db();
	const manager = await requireManager(fs, regionId, uid);
	const now = new Date();
	const ref = memberRef(fs, regionId, target);
	const years = fs.collection('regions').doc(regionId).collection('years');
	const outcome = await fs.runTransaction(async (tx) => {
		const [snap, all, yearDocs] = await Promise.all([tx.get(ref), tx.get(ref.parent), tx.get(years)]);
		const m = member.safeParse(snap.data());
		if (!m.success) return 'member-not-found' as const;
		const members = all.docs.flatMap((d) => {
			const p = member.safeParse(d.data());
			return p.success ? [{ uid: d.id, member: p.data }] : [];
		});
		if (isLastCoordinator(members, target)) return 'last-coordinator' as const;
		tx.delete(ref);
		for (const y of yearDocs.docs) tx.delete(y.ref.collection('presence').doc(target));
		recordAudit(fs, tx, regionId, {
			kind: 'member-removed',
			by: uid,
			byName: manager.name,
			target,
			targetName: m.data.name,
			details: { email: m.data.email, orgId: m.data.orgId, role: m.data.role, status: m.data.status },
			at: now
		});
		return 'removed' as const;
	});
	if (outcome === 'member-not-found') throw new HttpsError('not-found', 'member-not-found', { reason: 'member-not-found' });
	if (outcome === 'last-coordinator') throw new HttpsError('failed-precondition', 'last-coordinator', { reason: 'last-coordinator' });
	try {
		await auth().revokeRefreshTokens(target);
	} catch (err) {
		// A membership written without an account (the seed, an old invitation) has no tokens to revoke.
		if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
	}
	return { ok: true, uid: target };
});
