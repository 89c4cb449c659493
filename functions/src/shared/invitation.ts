// Inviting a person into a region: their Auth account fetched or created (so the membership is keyed
// by their uid from the start), the membership 'invited' for INVITATION_DAYS, the audit entry and the
// invitation mail with a sign-in link in one transaction. Used by inviteMember and by createRegion
// for a new region's first coordinator. Inviting an invited person again gives a fresh period and link.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { auth } from './admin';
import { recordAudit } from './audit';
import { memberRef } from './callable';
import { memberByEmail } from './directory';
import { enqueueMailIn } from './outbox';
import type { Manager } from './region-manager';
import { invitationMail } from '../../../src/lib/domain/mail-text';
import { invitationExpiry } from '../../../src/lib/domain/membership';
import { member, organization, type InviteMemberInput, type Member } from '../../../src/lib/domain/schemas';
import { confirmLink } from '../../../src/lib/domain/sign-in-link';
import { paths } from '../../../src/lib/domain/paths';
function alreadyMember(): HttpsError {
	return new HttpsError('already-exists', 'already-member', { reason: 'already-member' });
}

async function requireOrganization(fs: Firestore, regionId: string, orgId: string): Promise<void> {
	const o = organization.safeParse((await fs.doc(paths.organization(orgId)).get()).data());
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

export interface Invitation {
	uid: string;
	invitationExpiresAt: Date;
}

/**
 * Invites the person (input) into the region on behalf of `by`; refuses an active member
 * (already-exists/already-member) and an organisation of another region (not-found/unknown-organization).
 */
export async function invite(fs: Firestore, input: InviteMemberInput, regionName: string, by: Manager, appUrl: string, now: Date): Promise<Invitation> {
	const { regionId, email } = input;
	await requireOrganization(fs, regionId, input.orgId);
	const existing = await memberByEmail(fs, regionId, email);
	if (existing?.member.status === 'active') throw alreadyMember();

	const expiresAt = invitationExpiry(now);
	const memberUid = existing?.uid ?? (await accountFor(email, input.name));
	const firebaseLink = await auth().generateSignInWithEmailLink(email, { url: `${appUrl}/logga-in/bekrafta`, handleCodeInApp: true });
	const mail = invitationMail({ name: input.name, regionName, inviterName: by.name, role: input.role, link: confirmLink(firebaseLink, appUrl), expiresAt, appUrl });
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
			invitedBy: by.uid,
			invitationExpiresAt: expiresAt,
			lastActiveAt: stored.success ? stored.data.lastActiveAt : null
		});
		tx.set(ref, data);
		const reinvited = stored.success;
		recordAudit(fs, tx, regionId, {
			kind: reinvited ? 'member-reinvited' : 'member-invited',
			by: by.uid,
			byName: by.name,
			target: memberUid,
			targetName: input.name,
			details: reinvited
				? { invitationExpiresAt: expiresAt.toISOString(), ...changedDetails(stored.data, input) }
				: { email, orgId: input.orgId, role: input.role, invitationExpiresAt: expiresAt.toISOString() },
			at: now
		});
		enqueueMailIn(tx, fs, { ...mail, to: [email], kind: 'invitation', queuedAt: now });
		return 'invited' as const;
	});
	if (outcome === 'already-member') throw alreadyMember();
	return { uid: memberUid, invitationExpiresAt: expiresAt };
}
