// inviteMember({ regionId, email, name, orgId, role }): a coordinator of the region (or a staff admin)
// brings someone into the region (invitation.ts): 'invited' until their first sign-in
// (beforeUserSignedIn), for INVITATION_DAYS; inviting an invited person again sends a fresh link.
import { onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput } from '../shared/callable';
import { invite } from '../shared/invitation';
import { CALLABLE } from '../shared/options';
import { APP_URL } from '../shared/params';
import { requireManager, requireRegion } from '../shared/region-manager';
import { inviteMemberInput } from '../../../src/lib/domain/schemas';

export const inviteMember = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const input = parseInput(inviteMemberInput, request.data);
	const fs = db();
	const manager = await requireManager(fs, input.regionId, uid);
	const r = await requireRegion(fs, input.regionId);
	const invited = await invite(fs, input, r.name, manager, APP_URL.value(), new Date());
	return { ok: true, uid: invited.uid, status: 'invited', invitationExpiresAt: invited.invitationExpiresAt.toISOString() };
});
