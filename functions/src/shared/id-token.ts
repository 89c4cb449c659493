// Who calls an HTTP function: the uid of the Firebase ID token in `Authorization: Bearer …`, verified
// and checked for revocation; null for none or a bad one.
import type { Request } from 'firebase-functions/v2/https';
import { auth } from './admin';

export async function bearerUid(req: Request): Promise<string | null> {
	const m = /^Bearer +(\S+)$/i.exec(req.get('authorization') ?? '');
	if (!m) return null;
	try {
		return (await auth().verifyIdToken(m[1], true)).uid;
	} catch {
		return null;
	}
}
