// exportPlan: GET /api/export/{regionId}/{year}.docx | .xlsx (Hosting rewrites /api/export/** here) —
// the year's plan table and follow-up answers as a Word or Excel file, for members of the region and
// Tillväxtverket staff, authenticated by `Authorization: Bearer <Firebase ID token>`. It only loads
// and parses (the sign-offs judged against the rows' hash, sign-off.ts); export-model.ts decides the
// content, render-docx.ts and render-xlsx.ts the file.
import { logger } from 'firebase-functions';
import { db } from '../shared/admin';
import { fail, readableTarget } from '../shared/download';
import { yearRef } from '../shared/callable';
import { onAppRequest } from '../shared/options';
import { InvalidDocument, invalidDocumentBody, InvalidRow, INVALID_ROW_STATUS, invalidRowBody, parseStored, planRows } from '../shared/plan-rows';
import { CONTENT_TYPES, exportFileName, exportModel, parseExportPath, type ExportInput } from '../../../src/lib/domain/export-model';
import { answer, organization, plan, questionnaire, region, signOff, template } from '../../../src/lib/domain/schemas';
import { signOffsByOrganisation } from '../../../src/lib/domain/sign-off';
import { storedContentHash } from '../shared/content-hash';
import { paths } from '../../../src/lib/domain/paths';
import { exportSv } from '../../../src/lib/i18n/export-sv';

/**
 * Everything the export shows, read in one read-only transaction so the status, the rows and the
 * answers are of the same moment; null when the region or the year does not exist. A document that
 * fails its schema throws (InvalidRow or InvalidDocument, answered 409): a broken export must not look like a complete one.
 */
function load(regionId: string, year: string): Promise<Omit<ExportInput, 'now' | 'texts'> | null> {
	const firestore = db();
	return firestore.runTransaction(
		async (tx) => {
			const [regionSnap, planSnap] = await Promise.all([tx.get(firestore.doc(paths.region(regionId))), tx.get(yearRef(firestore, regionId, year))]);
			if (!regionSnap.exists || !planSnap.exists) return null;
			const p = parseStored(plan, planSnap);
			const [templateSnap, rowsSnap, questionnaireSnap, answersSnap, orgsSnap, signOffsSnap] = await Promise.all([
				tx.get(firestore.doc(paths.template(p.templateId))),
				tx.get(firestore.collection(paths.rows(regionId, year))),
				p.questionnaireId ? tx.get(firestore.doc(paths.questionnaire(p.questionnaireId))) : null,
				p.questionnaireId ? tx.get(firestore.collection(paths.answers(regionId, year))) : null,
				tx.get(firestore.collection(paths.organizations()).where('regionId', '==', regionId)),
				tx.get(firestore.collection(paths.signOffs(regionId, year)))
			]);
			// Each organisation's state against the exported rows: the same hash signOffPlan and submitPlan compute.
			const signOffs = signOffsByOrganisation(
				orgsSnap.docs.map((d) => ({ id: d.id, data: parseStored(organization, d) })),
				signOffsSnap.docs.map((d) => ({ id: d.id, data: parseStored(signOff, d) })),
				storedContentHash(rowsSnap.docs)
			);
			return {
				region: parseStored(region, regionSnap),
				year,
				plan: p,
				template: parseStored(template, templateSnap),
				rows: planRows(rowsSnap.docs),
				questionnaire: questionnaireSnap ? parseStored(questionnaire, questionnaireSnap) : null,
				answers: new Map((answersSnap?.docs ?? []).map((d) => [d.id, parseStored(answer, d)])),
				signOffs
			};
		},
		{ readOnly: true }
	);
}

export const exportPlan = onAppRequest({ memory: '512MiB' }, async (req, res) => {
	const target = await readableTarget(req, res, parseExportPath);
	if (!target) return;

	let data: Omit<ExportInput, 'now' | 'texts'> | null;
	try {
		data = await load(target.regionId, target.year);
	} catch (err) {
		if (err instanceof InvalidRow) {
			logger.warn(`export: ${target.regionId}/${target.year} has a row that cannot be read`, { rowId: err.rowId, problems: err.problems });
			res.status(INVALID_ROW_STATUS).json(invalidRowBody(err));
			return;
		}
		if (err instanceof InvalidDocument) {
			logger.warn(`export: ${target.regionId}/${target.year} reads a document that cannot be read`, { path: err.path, fields: err.fields });
			res.status(INVALID_ROW_STATUS).json(invalidDocumentBody(err));
			return;
		}
		logger.error(`export: cannot read ${target.regionId}/${target.year}`, err);
		res.status(500).json({ error: 'internal' });
		return;
	}
	if (!data) return fail(res, { status: 404, error: 'not-found' });

	const model = exportModel({ ...data, now: new Date(), texts: exportSv });
	// Loaded on first use: every function shares this bundle, and the others need not start docx and exceljs.
	const file = target.format === 'docx' ? await (await import('../shared/render-docx')).renderDocx(model) : await (await import('../shared/render-xlsx')).renderXlsx(model);
	res.set({
		'Content-Type': CONTENT_TYPES[target.format],
		'Content-Disposition': `attachment; filename="${exportFileName(target.regionId, target.year, target.format)}"`,
		'X-Content-Type-Options': 'nosniff'
	});
	res.status(200).send(file);
});
