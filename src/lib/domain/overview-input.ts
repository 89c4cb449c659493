// The overview page's reads put together for overview.ts: each stored plan with its template and its
// rows (found by the region and year of their paths), and which templates the plans use. Pure.
import type { OverviewInput, OverviewPlan } from './overview';
import type { Plan, Region, Row, Template } from './schemas';

/** A plan or row document with the region and year of its path (firebase/overview.svelte.ts). */
export interface PlacedDoc<T> {
	regionId: string;
	year: string;
	id?: string;
	data: T;
}

export interface OverviewSources {
	regions: ReadonlyArray<{ id: string; data: Pick<Region, 'name'> }>;
	years: ReadonlyArray<PlacedDoc<Plan>>;
	rows: ReadonlyArray<PlacedDoc<Row> & { id: string }>;
	templates: ReadonlyArray<{ id: string; data: Template }>;
}

/** A template a plan names but that is gone or unreadable: no columns, so nothing counts as missing. */
const NO_TEMPLATE: Pick<Template, 'parts' | 'columns'> = { parts: [], columns: [] };

/**
 * The regions, plans and templates for overview(): rows grouped under their plan (rows of a year
 * with no plan document are left out), plans of regions that are not listed left out too.
 * `missingTemplates` names the plans whose template could not be found, for the page to say so.
 */
export function overviewSources(s: OverviewSources): Pick<OverviewInput, 'regions' | 'plans' | 'templates'> & { missingTemplates: string[] } {
	const regionIds = new Set(s.regions.map((r) => r.id));
	const templates = new Map(s.templates.map((t) => [t.id, t.data]));
	const rowsOf = new Map<string, OverviewPlan['rows'][number][]>();
	for (const r of s.rows) {
		const key = `${r.regionId}/${r.year}`;
		const list = rowsOf.get(key) ?? [];
		list.push({ id: r.id, area: r.data.area, position: r.data.position, fields: r.data.fields });
		rowsOf.set(key, list);
	}
	const missingTemplates: string[] = [];
	const plans: OverviewPlan[] = s.years
		.filter((y) => regionIds.has(y.regionId))
		.map((y) => {
			const template = templates.get(y.data.templateId);
			if (!template) missingTemplates.push(`${y.regionId}/${y.year}`);
			return { regionId: y.regionId, year: y.year, plan: y.data, template: template ?? NO_TEMPLATE, rows: rowsOf.get(`${y.regionId}/${y.year}`) ?? [] };
		});
	return {
		regions: s.regions.map((r) => ({ id: r.id, name: r.data.name })),
		plans,
		templates: s.templates,
		missingTemplates
	};
}
