// beforeUserSignedIn: every sign-in (also an account's first) is checked here. The person's invitations
// that still hold become active memberships (audited as member-activated, by the member), the last
// activity of every active membership moves to now, and someone who is neither staff nor, after that,
// an active member is refused: 'invitation-expired' when all they had were expired invitations (those
// stay invited; a coordinator invites again), else 'not-invited'.
import { beforeUserSignedIn as onBeforeUserSignedIn, HttpsError } from 'firebase-functions/v2/identity';
import { db } from '../shared/admin';
import { recordAudit } from '../shared/audit';
import { lookupPerson } from '../shared/directory';
import { REGION } from '../shared/region';
import { signInPlan } from '../../../src/lib/domain/membership';
import { member } from '../../../src/lib/domain/schemas';

export const beforeUserSignedIn = onBeforeUserSignedIn({ region: REGION }, async (event) => {
	const email = event.data?.email?.trim().toLowerCase();
	const person = email ? await lookupPerson(db(), email) : null;
	if (!person) throw new HttpsError('permission-denied', 'not-invited');
	const fs = db();
	const now = new Date();
	const refusal = await fs.runTransaction(async (tx) => {
		// Decide on the memberships as they are now: one may have been removed or re-invited meanwhile.
		const snaps = person.memberships.length > 0 ? await tx.getAll(...person.memberships.map((m) => m.ref)) : [];
		const current = snaps.flatMap((s) => {
			const m = member.safeParse(s.data());
			return m.success ? [{ ref: s.ref, uid: s.id, regionId: s.ref.parent.parent?.id ?? '', member: m.data }] : [];
		});
		const plan = signInPlan(current, person.staff !== null, now);
		if (plan.refusal) return plan.refusal;
		for (const m of plan.activate) {
			tx.update(m.ref, { status: 'active', lastActiveAt: now });
			recordAudit(fs, tx, m.regionId, { kind: 'member-activated', by: m.uid, byName: m.member.name, target: m.uid, targetName: m.member.name, at: now });
		}
		for (const m of plan.touch) tx.update(m.ref, { lastActiveAt: now });
		return null;
	});
	if (refusal) throw new HttpsError('permission-denied', refusal);
});
