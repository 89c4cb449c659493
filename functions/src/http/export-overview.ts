// exportOverview: GET /api/export/overview.xlsx?year=&status= (Hosting rewrites the path here, before
// /api/export/**) — the national overview as an Excel file for Tillväxtverket staff (readers and
// admins), authenticated by `Authorization: Bearer <Firebase ID token>`. It loads every region, plan,
// template and the plans' rows in one read-only transaction; overview.ts decides the content and
// render-overview-xlsx.ts the file.
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { db } from '../shared/admin';
import { readCaller } from '../shared/callable';
import { bearerUid } from '../shared/id-token';
import { fail, getOnly } from '../shared/download';
import { onAppRequest } from '../shared/options';
import { APP_URL } from '../shared/params';
import { InvalidRow, planRows } from '../shared/plan-rows';
import { overview, overviewFileName, overviewQueryOf, type OverviewInput, type OverviewPlan } from '../../../src/lib/domain/overview';
import { may } from '../../../src/lib/domain/authorization';
import { plan, region, template, type OverviewExportQuery } from '../../../src/lib/domain/schemas';
import { GROUPS, paths, planIdsOf } from '../../../src/lib/domain/paths';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Everything the overview shows, of one moment. Only the rows of the plans the year filter keeps are
 * read. A document that fails its schema throws: a broken overview must not look like a complete one —
 * except a plan's row that cannot be read: that plan alone is shown without figures, naming the row,
 * so one bad row does not hide every region's plan.
 */
function load(fs: Firestore, filter: OverviewExportQuery): Promise<Omit<OverviewInput, 'now' | 'filter'>> {
	return fs.runTransaction(
		async (tx) => {
			const [regionsSnap, templatesSnap, yearsSnap] = await Promise.all([
				tx.get(fs.collection(paths.regions())),
				tx.get(fs.collection(paths.templates())),
				tx.get(fs.collectionGroup(GROUPS.years))
			]);
			const regions = regionsSnap.docs.map((d) => ({ id: d.id, name: region.parse(d.data()).name }));
			const known = new Set(regions.map((r) => r.id));
			const templates = templatesSnap.docs.map((d) => ({ id: d.id, data: template.parse(d.data()) }));
			// Only regions/{r}/years/{year}: a "years" collection anywhere else is not a plan.
			const planDocs = yearsSnap.docs.filter((d) => {
				const ids = planIdsOf(d.ref.path);
				return ids !== null && known.has(ids.regionId) && (!filter.year || ids.year === filter.year);
			});
			const plans = await Promise.all(
				planDocs.map(async (d): Promise<OverviewPlan> => {
					const p = plan.parse(d.data());
					const t = templates.find((x) => x.id === p.templateId);
					if (!t) throw new Error(`plan ${d.ref.path} names template ${p.templateId}, which does not exist`);
					const rowsSnap = await tx.get(fs.collection(paths.rows(d.ref.parent.parent!.id, d.id)));
					const shown = { regionId: d.ref.parent.parent!.id, year: d.id, plan: p, template: t.data };
					try {
						return { ...shown, rows: planRows(rowsSnap.docs).map(({ id, row }) => ({ id, area: row.area, position: row.position, fields: row.fields })), unreadableRow: null };
					} catch (e) {
						if (!(e instanceof InvalidRow)) throw e;
						logger.warn(`overview export: ${d.ref.path} has a row that cannot be read`, { rowId: e.rowId, problems: e.problems });
						return { ...shown, rows: [], unreadableRow: e.rowId };
					}
				})
			);
			return { regions, templates, plans };
		},
		{ readOnly: true }
	);
}

export const exportOverview = onAppRequest({ memory: '512MiB' }, async (req, res) => {
	if (!getOnly(req, res)) return;
	const uid = await bearerUid(req);
	if (!uid) return fail(res, { status: 401, error: 'unauthenticated' });
	const fs = db();
	if (!may((await readCaller(fs, uid, null)).actor, 'read-overview')) return fail(res, { status: 403, error: 'permission-denied' });
	const filter = overviewQueryOf(req.query as Record<string, unknown>);
	if (!filter) return fail(res, { status: 400, error: 'invalid-query' });

	let data: Omit<OverviewInput, 'now' | 'filter'>;
	try {
		data = await load(fs, filter);
	} catch (err) {
		logger.error('overview export: cannot read the plans', err);
		res.status(500).json({ error: 'internal' });
		return;
	}
	const now = new Date();
	const o = overview({ ...data, filter, now });
	// Loaded on first use: every function shares this bundle, and the others need not start exceljs.
	const file = await (await import('../shared/render-overview-xlsx')).renderOverviewXlsx(o, { filter, now, appUrl: APP_URL.value() });
	res.set({
		'Content-Type': XLSX,
		'Content-Disposition': `attachment; filename="${overviewFileName(filter)}"`,
		'X-Content-Type-Options': 'nosniff'
	});
	res.status(200).send(file);
});
