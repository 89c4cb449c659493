// setReminderSubscription({ subscribed }): the signed-in person switches their deadline reminders
// off (reminderOptOuts/{uid} = { at, via: 'app' }) or on again (the document is deleted). Only people
// Planbordet knows — an active member of some region or staff (authorization.ts) — may call it.
import { type Firestore } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerOf, callerUid, memberRef, parseInput, refusal } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { may } from '../../../src/lib/domain/authorization';
import { setReminderSubscriptionInput } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

/** Whether the person may manage their reminders somewhere: as staff, or in some region they are a member of. */
async function mayManageReminders(fs: Firestore, uid: string): Promise<boolean> {
	const regions = await fs.collection(paths.regions()).listDocuments();
	const [staffDoc, ...memberships] = await fs.getAll(fs.doc(paths.staffMember(uid)), ...regions.map((r) => memberRef(fs, r.id, uid)));
	const callers = [callerOf(uid, undefined, staffDoc.data()), ...memberships.map((m) => callerOf(uid, m.data(), staffDoc.data()))];
	return callers.some((c) => may(c.actor, 'set-own-reminders'));
}

export const setReminderSubscription = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { subscribed } = parseInput(setReminderSubscriptionInput, request.data);
	if (!(await mayManageReminders(db(), uid))) throw refusal('set-own-reminders');
	const ref = db().doc(paths.reminderOptOut(uid));
	if (subscribed) await ref.delete();
	else await ref.set({ at: new Date(), via: 'app' });
	return { ok: true, subscribed };
});
