// setMemberRole({ regionId, uid, role }): a coordinator of the region (or a staff admin) makes a member
// a coordinator or an editor. The rules read the membership on every write, so the new role counts
// from the member's next write. The region's last active coordinator is not demoted; the same role
// again changes nothing and records nothing.
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { callerUid, memberRef, parseInput } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { requireManager } from '../shared/region-manager';
import { isLastCoordinator } from '../../../src/lib/domain/membership';
import { member, setMemberRoleInput } from '../../../src/lib/domain/schemas';

export const setMemberRole = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { regionId, uid: target, role } = parseInput(setMemberRoleInput, request.data);
	const fs = db();
	const manager = await requireManager(fs, regionId, uid);
	const now = new Date();
	const ref = memberRef(fs, regionId, target);
	const outcome = await fs.runTransaction(async (tx) => {
		const [snap, all] = await Promise.all([tx.get(ref), tx.get(ref.parent)]);
		const m = member.safeParse(snap.data());
		if (!m.success) return 'member-not-found' as const;
		if (m.data.role === role) return 'unchanged' as const;
		const members = all.docs.flatMap((d) => {
			const p = member.safeParse(d.data());
			return p.success ? [{ uid: d.id, member: p.data }] : [];
		});
		if (role !== 'coordinator' && isLastCoordinator(members, target)) return 'last-coordinator' as const;
		tx.update(ref, { role });
		recordAudit(fs, tx, regionId, {
			kind: 'member-role-changed',
			by: uid,
			byName: manager.name,
			target,
			targetName: m.data.name,
			details: { role: { from: m.data.role, to: role } },
			at: now
		});
		return 'changed' as const;
	});
	if (outcome === 'member-not-found') throw new HttpsError('not-found', 'member-not-found', { reason: 'member-not-found' });
	if (outcome === 'last-coordinator') throw new HttpsError('failed-precondition', 'last-coordinator', { reason: 'last-coordinator' });
	return { ok: true, uid: target, role, changed: outcome === 'changed' };
});
