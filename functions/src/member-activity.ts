// A member's last activity (members/{uid}.lastActiveAt, shown in the member list): sign-in sets it
// (beforeUserSignedIn), and so does every recorded edit (the history triggers). Only an existing
// membership is touched: a removed member's late edit must not bring their membership back.
import type { Firestore } from 'firebase-admin/firestore';
import { memberRef } from './callable';

const NOT_FOUND = 5;

export async function touchMember(fs: Firestore, regionId: string, uid: string, at: Date): Promise<void> {
	try {
		await memberRef(fs, regionId, uid).update({ lastActiveAt: at });
	} catch (err) {
		if ((err as { code?: unknown }).code !== NOT_FOUND) throw err;
	}
}
