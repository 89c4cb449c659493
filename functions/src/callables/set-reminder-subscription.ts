// setReminderSubscription({ subscribed }): the signed-in person switches their deadline reminders
// off (reminderOptOuts/{uid} = { at, via: 'app' }) or on again (the document is deleted). Only people
// Planbordet knows — a member of some region or staff — may call it.
import { type Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, memberRef, parseInput } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { setReminderSubscriptionInput } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

async function isKnownPerson(fs: Firestore, uid: string): Promise<boolean> {
	if ((await fs.doc(paths.staffMember(uid)).get()).exists) return true;
	const regions = await fs.collection(paths.regions()).listDocuments();
	if (regions.length === 0) return false;
	const memberships = await fs.getAll(...regions.map((r) => memberRef(fs, r.id, uid)));
	return memberships.some((m) => m.exists);
}

export const setReminderSubscription = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { subscribed } = parseInput(setReminderSubscriptionInput, request.data);
	if (!(await isKnownPerson(db(), uid))) throw new HttpsError('permission-denied', 'not-a-member', { reason: 'not-a-member' });
	const ref = db().doc(paths.reminderOptOut(uid));
	if (subscribed) await ref.delete();
	else await ref.set({ at: new Date(), via: 'app' });
	return { ok: true, subscribed };
});
