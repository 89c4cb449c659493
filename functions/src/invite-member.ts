// inviteMember({ regionId, email, name, orgId, role }): a coordinator of the region (or a staff admin)
// brings someone into the region. The person's Firebase Auth account is fetched or created here, so the
// membership is keyed by their uid from the start; it is 'invited' until their first sign-in
// (beforeUserSignedIn) and holds for INVITATION_DAYS. Inviting an invited person again starts a fresh
// period with a fresh link. Membership, audit entry and mail are written in one transaction.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { auth, db } from './admin';
import { recordAudit } from './audit';
import { callerUid, memberRef, parseInput } from './callable';
import { memberByEmail } from './directory';
import { enqueueMailIn } from './outbox';
import { APP_URL, REGION } from './params';
import { requireManager, requireRegion, type Manager } from './region-manager';
import { invitationMail } from '../../src/lib/domain/mail-text';
import { invitationExpiry } from '../../src/lib/domain/membership';
import { inviteMemberInput, member, organization, type InviteMemberInput, type Member } from '../../src/lib/domain/schemas';
import { confirmLink } from '../../src/lib/domain/sign-in-link';

function alreadyMember(): HttpsError {
	return new HttpsError('already-exists', 'already-member', { reason: 'already-member' });
}

async function requireOrganization(fs: Firestore, regionId: string, orgId: string): Promise<void> {
	const o = organization.safeParse((await fs.collection('organizations').doc(orgId).get()).data());
	if (!o.success || o.data.regionId !== regionId) throw new HttpsError('not-found', 'unknown-organization', { reason: 'unknown-organization' });
}

/** The uid of the address's Auth account, created when there is none (an Admin SDK creation runs no beforeUserCreated). */
async function accountFor(email: string, name: string): Promise<string> {
	try {
		return (await auth().getUserByEmail(email)).uid;
	} catch (err) {
		if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
	}
	try {
		return (await auth().createUser({ email, displayName: name })).uid;
	} catch (err) {
		// A concurrent invitation of the same address created it first.
		if ((err as { code?: string }).code !== 'auth/email-already-exists') throw err;
		return (await auth().getUserByEmail(email)).uid;
	}
}

/** What changed in a re-invitation besides its period: the values given now that differ from the stored ones. */
function changedDetails(stored: Member, input: InviteMemberInput): Record<string, { from: string; to: string }> {
	const out: Record<string, { from: string; to: string }> = {};
	for (const key of ['name', 'orgId', 'role'] as const) if (stored[key] !== input[key]) out[key] = { from: stored[key], to: input[key] };
	return out;
}

export const inviteMember = onCall({ region: REGION }, async (request) => {
	const uid = callerUid(request);
	const input = parseInput(inviteMemberInput, request.data);
	const { regionId, email } = input;
	const fs = db();
	const manager: Manager = await requireManager(fs, regionId, uid);
	const r = await requireRegion(fs, regionId);
	await requireOrganization(fs, regionId, input.orgId);
	const existing = await memberByEmail(fs, regionId, email);
	if (existing?.member.status === 'active') throw alreadyMember();

	const now = new Date();
	const expiresAt = invitationExpiry(now);
	const memberUid = existing?.uid ?? (await accountFor(email, input.name));
	const appUrl = APP_URL.value();
	const firebaseLink = await auth().generateSignInWithEmailLink(email, { url: `${appUrl}/logga-in/bekrafta`, handleCodeInApp: true });
	const mail = invitationMail({ name: input.name, regionName: r.name, inviterName: manager.name, role: input.role, link: confirmLink(firebaseLink, appUrl), expiresAt, appUrl });

	const ref = memberRef(fs, regionId, memberUid);
	const outcome = await fs.runTransaction(async (tx) => {
		// Read again under the transaction: a concurrent invitation or sign-in may have got there first.
		const stored = member.safeParse((await tx.get(ref)).data());
		if (stored.success && stored.data.status === 'active') return 'already-member' as const;
		const data = member.parse({
			email,
			name: input.name,
			orgId: input.orgId,
			role: input.role,
			status: 'invited',
			invitedAt: now,
			invitedBy: uid,
			invitationExpiresAt: expiresAt,
			lastActiveAt: stored.success ? stored.data.lastActiveAt : null
		});
		tx.set(ref, data);
		const reinvited = stored.success;
		recordAudit(fs, tx, regionId, {
			kind: reinvited ? 'member-reinvited' : 'member-invited',
			by: uid,
			byName: manager.name,
			target: memberUid,
			targetName: input.name,
			details: reinvited
				? { invitationExpiresAt: expiresAt.toISOString(), ...changedDetails(stored.data, input) }
				: { email, orgId: input.orgId, role: input.role, invitationExpiresAt: expiresAt.toISOString() },
			at: now
		});
		enqueueMailIn(tx, fs, { ...mail, to: [email], kind: 'invitation' });
		return 'invited' as const;
	});
	if (outcome === 'already-member') throw alreadyMember();
	return { ok: true, uid: memberUid, status: 'invited', invitationExpiresAt: expiresAt.toISOString() };
});
