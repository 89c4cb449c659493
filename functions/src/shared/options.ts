// The deploy options every function is declared with, in one place so none can drift or forget one:
// the region (params.ts REGION) for all, App Check enforced on every callable (CALLABLE) and checked
// on every HTTP export (onAppRequest), the schedules' time zone (SCHEDULE).
import { getAppCheck } from 'firebase-admin/app-check';
import { logger } from 'firebase-functions';
import { onRequest, type HttpsFunction, type HttpsOptions, type Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import './admin';
import { REGION } from './params';
import { appCheckEnforced } from './production-config';

/** Decided once at load: a deployed function always enforces App Check (production-config.ts). */
export const APP_CHECK_ENFORCED = appCheckEnforced(process.env);

/** Firestore triggers and anything else without its own kind of options. */
export const TRIGGER = { region: REGION } as const;

/**
 * An HTTP endpoint reached from outside the app, with its own authentication: unsubscribeReminders,
 * opened from a mail and posted by mail clients (RFC 8058 one-click), which carry no App Check token;
 * its signed token is the check. Listed by name in the manifest test, so no other export slips in here.
 */
export const PUBLIC_HTTP = { region: REGION } as const;

/** Every callable: the region and App Check (a request without a valid token is refused, unauthenticated). */
export const CALLABLE = { region: REGION, enforceAppCheck: APP_CHECK_ENFORCED } as const;

/** Every schedule: 2nd gen (Cloud Scheduler calls it over HTTP) in Stockholm time. */
export const SCHEDULE = { region: REGION, timeZone: 'Europe/Stockholm' } as const;

/** The header the web app sends its App Check token in (the callables' SDK sends the same). */
export const APP_CHECK_HEADER = 'X-Firebase-AppCheck';

/**
 * Whether the request carries a valid App Check token; answers 401 { error: 'app-check' } itself when
 * not. A missing header is refused without asking Google; a present one is verified by the Admin SDK.
 */
export async function appCheckPasses(req: Request, res: Response, enforced = APP_CHECK_ENFORCED): Promise<boolean> {
	if (!enforced) return true;
	const token = req.header(APP_CHECK_HEADER);
	if (token) {
		try {
			await getAppCheck().verifyToken(token);
			return true;
		} catch (err) {
			logger.warn('an App Check token did not verify', { error: String(err) });
		}
	}
	res.set('Cache-Control', 'no-store').status(401).json({ error: 'app-check' });
	return false;
}

/** An HTTP export for the web app: onRequest in the region, answering only requests App Check vouches for. */
export function onAppRequest(opts: Omit<HttpsOptions, 'region'>, handler: (req: Request, res: Response) => void | Promise<void>): HttpsFunction {
	return onRequest({ ...opts, region: REGION }, async (req, res) => {
		if (await appCheckPasses(req, res)) await handler(req, res);
	});
}
