// removeMember({ regionId, uid }): a coordinator of the region (or a staff admin) takes someone out of
// the region. In one transaction the membership goes (with its audit entry) and what was only theirs
// in the region (personal-data.ts: presence, read markers, hands, queued mentions, reminder ledger), so
// firestore.rules refuse the person's next read and their open listeners at once. Someone who then
// belongs nowhere (no other membership, not staff) is forgotten everywhere and their Auth account is
// deleted; otherwise their refresh tokens are revoked. Their name stays on past history and comments.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, memberRef, parseInput } from '../shared/callable';
import { belongsElsewhere, deleteAccount, forgetEverywhere, forgetInRegion, readPersonalDocs, readRegionYears, revokeSessions } from '../shared/personal-data';
import { CALLABLE } from '../shared/options';
import { requireManager } from '../shared/region-manager';
import { isLastCoordinator } from '../../../src/lib/domain/membership';
import { member, removeMemberInput } from '../../../src/lib/domain/schemas';

export const removeMember = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, uid: target } = parseInput(removeMemberInput, request.data);
	const fs = db();
	const manager = await requireManager(fs, regionId, uid);
	const now = new Date();
	const ref = memberRef(fs, regionId, target);
	const outcome = await fs.runTransaction(async (tx) => {
		const [snap, all, yearDocs] = await Promise.all([tx.get(ref), tx.get(ref.parent), readRegionYears(tx, fs, regionId)]);
		const m = member.safeParse(snap.data());
		if (!m.success) return 'member-not-found' as const;
		const members = all.docs.flatMap((d) => {
			const p = member.safeParse(d.data());
			return p.success ? [{ uid: d.id, member: p.data }] : [];
		});
		if (isLastCoordinator(members, target)) return 'last-coordinator' as const;
		const elsewhere = await belongsElsewhere(tx, fs, target, m.data.email, regionId);
		const personal = await readPersonalDocs(tx, fs, target, elsewhere ? null : m.data.email);
		tx.delete(ref);
		forgetInRegion(tx, personal, regionId, target, yearDocs);
		if (!elsewhere) forgetEverywhere(tx, fs, personal, target);
		recordAudit(fs, tx, regionId, {
			kind: 'member-removed',
			by: uid,
			byName: manager.name,
			target,
			targetName: m.data.name,
			details: { email: m.data.email, orgId: m.data.orgId, role: m.data.role, status: m.data.status },
			at: now
		});
		return elsewhere ? ('removed' as const) : ('forgotten' as const);
	});
	if (outcome === 'member-not-found') throw new HttpsError('not-found', 'member-not-found', { reason: 'member-not-found' });
	if (outcome === 'last-coordinator') throw new HttpsError('failed-precondition', 'last-coordinator', { reason: 'last-coordinator' });
	// Deleting the account also ends its sessions: the ID tokens it holds stop verifying within the hour
	// (the rules already refuse them, the membership being gone).
	await (outcome === 'forgotten' ? deleteAccount(target) : revokeSessions(target));
	return { ok: true, uid: target };
});
