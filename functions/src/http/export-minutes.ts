// exportMinutes: GET /api/minutes/{regionId}/{year}/{meetingId}.docx (Hosting rewrites /api/minutes/**
// here) — a network meeting's minutes as a Word document, for whoever may read the region (its
// members and Tillväxtverket staff, as exportPlan), authenticated by `Authorization: Bearer <ID token>`.
// It only loads and parses (minutes-data.ts); render-minutes-docx.ts lays the file out.
import { logger } from 'firebase-functions';
import { db } from '../shared/admin';
import { fail, readableTarget } from '../shared/download';
import { onAppRequest } from '../shared/options';
import { InvalidDocument, invalidDocumentBody, InvalidRow, INVALID_ROW_STATUS, invalidRowBody } from '../shared/plan-rows';
import { loadMinutes, type LoadedMinutes } from '../shared/minutes-data';
import { minutesFileName, parseMinutesPath } from '../../../src/lib/domain/minutes-report';
import { CONTENT_TYPES } from '../../../src/lib/domain/export-model';
import * as sv from '../../../src/lib/i18n/sv';

export const exportMinutes = onAppRequest({ memory: '512MiB' }, async (req, res) => {
	const target = await readableTarget(req, res, parseMinutesPath);
	if (!target) return;

	const where = `${target.regionId}/${target.year}/${target.meetingId}`;
	let data: LoadedMinutes | null;
	try {
		data = await loadMinutes(db(), { ...target, now: new Date() });
	} catch (err) {
		if (err instanceof InvalidRow) {
			logger.warn(`minutes: ${where} reads a row that cannot be read`, { rowId: err.rowId, problems: err.problems });
			res.status(INVALID_ROW_STATUS).json(invalidRowBody(err));
			return;
		}
		if (err instanceof InvalidDocument) {
			logger.warn(`minutes: ${where} reads a document that cannot be read`, { path: err.path, fields: err.fields });
			res.status(INVALID_ROW_STATUS).json(invalidDocumentBody(err));
			return;
		}
		logger.error(`minutes: cannot read ${where}`, err);
		res.status(500).json({ error: 'internal' });
		return;
	}
	if (!data) return fail(res, { status: 404, error: 'not-found' });

	// Loaded on first use: every function shares this bundle, and the others need not start docx.
	const file = await (await import('../shared/render-minutes-docx')).renderMinutesDocx(data.report, sv.minutes);
	res.set({
		'Content-Type': CONTENT_TYPES.docx,
		'Content-Disposition': `attachment; filename="${minutesFileName(target.regionId, target.year, data.meeting.startedAt)}"`,
		'X-Content-Type-Options': 'nosniff'
	});
	res.status(200).send(file);
});
