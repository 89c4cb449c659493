// beforeUserCreated: Planbordet is invite-only. An account is created only for an address that is
// a member of some region (also one only invited, even with an expired invitation) or staff, also
// when someone calls Firebase Auth directly. Whether they may sign in is beforeUserSignedIn's call.
import { beforeUserCreated as onBeforeUserCreated, HttpsError } from 'firebase-functions/v2/identity';
import { db } from '../shared/admin';
import { findPerson } from '../shared/directory';
import { REGION } from '../shared/region';

export const beforeUserCreated = onBeforeUserCreated({ region: REGION }, async (event) => {
	const email = event.data?.email?.trim().toLowerCase();
	if (!email || !(await findPerson(db(), email))) {
		throw new HttpsError('permission-denied', 'not-invited');
	}
});
