// Downloading a year's export (DOCX or XLSX) from the exportPlan function, the national overview's
// XLSX from exportOverview and a meeting's minutes (DOCX) from exportMinutes, which Hosting serves at
// /api/export/… and /api/minutes/… on the app's own origin: the signed-in person's ID token goes along as a Bearer header, and the file is saved through a
// temporary object URL.
import { exportFileName, exportPath, type ExportFormat } from '../domain/export-model';
import { minutesPath } from '../domain/minutes-report';
import { overviewExportPath, overviewFileName } from '../domain/overview';
import type { OverviewExportQuery } from '../domain/schemas';
import { appCheckHeaders, auth } from './app';

export type ExportErrorCode = 'unauthenticated' | 'permission-denied' | 'not-found' | 'unavailable';

export class ExportError extends Error {
	constructor(readonly code: ExportErrorCode) {
		super(`export failed: ${code}`);
		this.name = 'ExportError';
	}
}

function codeOf(status: number): ExportErrorCode {
	if (status === 401) return 'unauthenticated';
	if (status === 403) return 'permission-denied';
	if (status === 404) return 'not-found';
	return 'unavailable';
}

/** How long the object URL outlives the click: some browsers start reading it only after the handler returns. */
const REVOKE_AFTER_MS = 60_000;

export function downloadExport(regionId: string, year: string, format: ExportFormat): Promise<void> {
	return download(exportPath(regionId, year, format), exportFileName(regionId, year, format));
}

/** The overview of every region × year as XLSX, with the same filters as the screen (staff only). */
export function downloadOverview(filter: OverviewExportQuery): Promise<void> {
	return download(overviewExportPath(filter), overviewFileName(filter));
}

/** A meeting's minutes as DOCX (exportMinutes), saved as `fileName` (minutes-report.ts minutesFileName). */
export function downloadMinutes(regionId: string, year: string, meetingId: string, fileName: string): Promise<void> {
	return download(minutesPath(regionId, year, meetingId), fileName);
}

async function download(path: string, fileName: string): Promise<void> {
	const user = auth().currentUser;
	if (!user) throw new ExportError('unauthenticated');
	let response: Response;
	try {
		const token = await user.getIdToken();
		response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, ...(await appCheckHeaders()) }, cache: 'no-store' });
	} catch {
		throw new ExportError('unavailable');
	}
	if (!response.ok) throw new ExportError(codeOf(response.status));
	const blob = await response.blob().catch(() => {
		throw new ExportError('unavailable');
	});
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
