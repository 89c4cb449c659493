// unsubscribeReminders: the HTTP endpoint behind "Avsluta påminnelser" in reminder mails, served by
// Hosting at /api/unsubscribe?token=… (firebase.json rewrite). The token names one person and is
// signed with UNSUBSCRIBE_SECRET (shared/unsubscribe-signing.ts), so no sign-in is needed.
// - GET/HEAD: a page with a button; opening the link changes nothing (mail scanners open links).
// - POST: the button's form, or a mail client's RFC 8058 one-click request (body
//   `List-Unsubscribe=One-Click`, token in the URL): writes reminderOptOuts/{uid} { at, via: 'link' }.
// - A missing or forged token: 400 with a Swedish page; other methods: 405.
import { onRequest, type Request } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { PUBLIC_HTTP } from '../shared/options';
import { APP_URL, UNSUBSCRIBE_SECRET } from '../shared/params';
import { confirmPage, donePage, invalidLinkPage, methodNotAllowedPage } from '../shared/unsubscribe-pages';
import { unsubscribeInput } from '../../../src/lib/domain/schemas';
import { verifyToken } from '../shared/unsubscribe-signing';
import { paths } from '../../../src/lib/domain/paths';

function tokenOf(req: Request): unknown {
	const body: unknown = req.body;
	if (req.method === 'POST' && body && typeof body === 'object' && typeof (body as { token?: unknown }).token === 'string') {
		return (body as { token: string }).token;
	}
	return req.query.token;
}

export const unsubscribeReminders = onRequest({ ...PUBLIC_HTTP, secrets: [UNSUBSCRIBE_SECRET] }, async (req, res) => {
	const appUrl = APP_URL.value();
	res.set({
		'Content-Type': 'text/html; charset=utf-8',
		'Cache-Control': 'no-store',
		'X-Robots-Tag': 'noindex',
		'Referrer-Policy': 'no-referrer',
		'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	});
	if (!['GET', 'HEAD', 'POST'].includes(req.method)) {
		res.set('Allow', 'GET, HEAD, POST').status(405).send(methodNotAllowedPage(appUrl));
		return;
	}
	const input = unsubscribeInput.safeParse({ token: tokenOf(req) });
	const uid = input.success ? verifyToken(input.data.token, UNSUBSCRIBE_SECRET.value()) : null;
	if (!input.success || !uid) {
		res.status(400).send(invalidLinkPage(appUrl));
		return;
	}
	if (req.method !== 'POST') {
		res.status(200).send(confirmPage(input.data.token));
		return;
	}
	await db().doc(paths.reminderOptOut(uid)).set({ at: new Date(), via: 'link' });
	res.status(200).send(donePage(appUrl));
});
