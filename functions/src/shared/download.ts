// The HTTP downloads' one gate and one way of refusing: a GET only, never cached, a path the export
// knows, a verified ID token, and — for a region's document — `may(…, 'read-region')`. Each refusal is
// a status with a structured error code; exportPlan and exportMinutes share the gate, exportOverview the refusal.
import type { Request, Response } from 'firebase-functions/v2/https';
import { db } from './admin';
import { bearerUid } from './id-token';
import { readCaller } from './callable';
import { may } from '../../../src/lib/domain/authorization';

export type DownloadFailure =
	| { status: 400; error: 'invalid-query' }
	| { status: 401; error: 'unauthenticated' }
	| { status: 403; error: 'permission-denied' }
	| { status: 404; error: 'not-found' }
	| { status: 405; error: 'method-not-allowed' };

export function fail(res: Response, f: DownloadFailure): void {
	res.status(f.status).json({ error: f.error });
}

/** Answers GET-only and no-store; false (already answered 405) for another method. */
export function getOnly(req: Request, res: Response): boolean {
	res.set('Cache-Control', 'no-store');
	if (req.method === 'GET') return true;
	res.set('Allow', 'GET');
	fail(res, { status: 405, error: 'method-not-allowed' });
	return false;
}

/**
 * The region document a GET asks for, when the caller may read the region; null once the request has
 * been answered with 405, 404, 401 or 403.
 */
export async function readableTarget<T extends { regionId: string }>(req: Request, res: Response, parse: (path: string) => T | null): Promise<T | null> {
	if (!getOnly(req, res)) return null;
	const target = parse(req.path);
	if (!target) return (fail(res, { status: 404, error: 'not-found' }), null);
	const uid = await bearerUid(req);
	if (!uid) return (fail(res, { status: 401, error: 'unauthenticated' }), null);
	if (!may((await readCaller(db(), uid, target.regionId)).actor, 'read-region')) return (fail(res, { status: 403, error: 'permission-denied' }), null);
	return target;
}
