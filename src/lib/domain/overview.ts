// The national overview: every region × year with its status, deadline, hand-in and completeness, for
// Tillväxtverket's one screen and its XLSX export. Pure: the page and the exportOverview function
// load regions, plans, templates and rows and pass them in, with the clock.
import { completenessSummary, type CompletenessRow } from './completeness';
import { daysLeft, defaultDeadline } from './deadline';
import { exportPath } from './export-model';
import { overviewExportQuery, type OverviewExportQuery, type OverviewStatus, type Plan, type Template } from './schemas';

export const OVERVIEW_STATUSES: readonly OverviewStatus[] = ['notStarted', 'draft', 'reopened', 'submitted'];

export interface OverviewRegion {
	id: string;
	name: string;
}

/** One stored plan with what its completeness needs: its template's parts and columns, and its rows. */
export interface OverviewPlan {
	regionId: string;
	year: string;
	plan: Plan;
	template: Pick<Template, 'parts' | 'columns'>;
	rows: readonly CompletenessRow[];
	/** A stored row of the plan that cannot be read (row-repair.ts): the plan is shown without figures, naming it. */
	unreadableRow?: string | null;
}

export interface OverviewInput {
	regions: readonly OverviewRegion[];
	plans: readonly OverviewPlan[];
	/** Every template: the published ones' years are years the overview shows even before any plan. */
	templates: ReadonlyArray<{ id: string; data: Pick<Template, 'published' | 'years'> }>;
	/** The years to show instead of the plans' and published templates' years. */
	years?: readonly string[];
	filter?: OverviewExportQuery;
	now: Date;
}

export interface OverviewCompleteness {
	rows: number;
	/** Rows with no required cell empty (completeness.ts, the rule submitting checks). */
	completeRows: number;
	/** Required cells that are empty, over all rows. */
	missing: number;
	/** Complete rows of all rows, rounded down (so 100 means every row is complete); null without rows. */
	percent: number | null;
}

export interface OverviewRow {
	regionId: string;
	regionName: string;
	year: string;
	status: OverviewStatus;
	/** null while no plan exists. */
	templateId: string | null;
	/** The plan's deadline; for a year not started, the default one (31 January after the year). */
	deadline: Date;
	/** Calendar days in Stockholm to the deadline (negative when passed); null once submitted. */
	daysLeft: number | null;
	/** The latest hand-in, kept after a reopening. */
	submittedBy: string | null;
	submittedAt: Date | null;
	reopenings: number;
	/** null while no plan exists, and when a row of it cannot be read. */
	completeness: OverviewCompleteness | null;
	/** The id of a row of the plan that cannot be read, else null. */
	unreadableRow: string | null;
	/** The app's plan page and the plan's exports; null while no plan exists. */
	planPath: string | null;
	exports: { docx: string; xlsx: string } | null;
}

export type OverviewSummary = Record<OverviewStatus, number> & { total: number };

export interface Overview {
	/** Newest year first, then region name in Swedish order. */
	rows: OverviewRow[];
	/** The years shown (before the year filter), newest first: what a year filter offers. */
	years: string[];
	/** Counts per status of the rows after the year filter but before the status filter. */
	summary: OverviewSummary;
}

export function overviewStatusOf(p: Pick<Plan, 'status' | 'reopenings'> | null): OverviewStatus {
	if (!p) return 'notStarted';
	if (p.status === 'submitted') return 'submitted';
	return p.reopenings.length > 0 ? 'reopened' : 'draft';
}

export function overviewCompleteness(t: Pick<Template, 'parts' | 'columns'>, rows: readonly CompletenessRow[]): OverviewCompleteness {
	const s = completenessSummary(t, rows);
	const completeRows = s.rowCount - s.incompleteRows;
	return {
		rows: s.rowCount,
		completeRows,
		missing: s.totalMissing,
		percent: s.rowCount === 0 ? null : Math.floor((100 * completeRows) / s.rowCount)
	};
}

const collator = new Intl.Collator('sv');

export function overview(input: OverviewInput): Overview {
	const plans = new Map(input.plans.map((p) => [`${p.regionId}/${p.year}`, p]));
	const years = [
		...new Set(
			input.years ?? [
				...input.plans.map((p) => p.year),
				...input.templates.filter((t) => t.data.published).flatMap((t) => t.data.years.map(String))
			]
		)
	].sort((a, b) => Number(b) - Number(a));
	const shownYears = input.filter?.year ? [input.filter.year] : years;

	const all: OverviewRow[] = [];
	for (const year of shownYears) {
		for (const r of input.regions) {
			const found = plans.get(`${r.id}/${year}`) ?? null;
			const status = overviewStatusOf(found?.plan ?? null);
			const deadline = found?.plan.deadline ?? defaultDeadline(Number(year));
			const submission = found?.plan.submission ?? null;
			all.push({
				regionId: r.id,
				regionName: r.name,
				year,
				status,
				templateId: found?.plan.templateId ?? null,
				deadline,
				daysLeft: status === 'submitted' ? null : daysLeft(deadline, input.now),
				submittedBy: submission?.byName ?? null,
				submittedAt: submission?.at ?? null,
				reopenings: found?.plan.reopenings.length ?? 0,
				completeness: found && !found.unreadableRow ? overviewCompleteness(found.template, found.rows) : null,
				unreadableRow: found?.unreadableRow ?? null,
				planPath: found ? `/plan/${encodeURIComponent(r.id)}/${encodeURIComponent(year)}` : null,
				exports: found ? { docx: exportPath(r.id, year, 'docx'), xlsx: exportPath(r.id, year, 'xlsx') } : null
			});
		}
	}
	all.sort((a, b) => Number(b.year) - Number(a.year) || collator.compare(a.regionName, b.regionName) || (a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0));

	const summary: OverviewSummary = { notStarted: 0, draft: 0, reopened: 0, submitted: 0, total: all.length };
	for (const row of all) summary[row.status] += 1;
	const status = input.filter?.status;
	return { rows: status ? all.filter((row) => row.status === status) : all, years, summary };
}

/**
 * The filter of a query string (URLSearchParams entries or an HTTP framework's parsed query): empty
 * values mean "any", so a form that sends `year=` filters nothing. null when it does not parse.
 */
export function overviewQueryOf(params: Record<string, unknown>): OverviewExportQuery | null {
	const given = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined));
	const parsed = overviewExportQuery.safeParse(given);
	return parsed.success ? parsed.data : null;
}

export const OVERVIEW_EXPORT_PATH = '/api/export/overview.xlsx';

/** The export's URL path with the filter as its query: "/api/export/overview.xlsx?year=2024&status=draft". */
export function overviewExportPath(filter: OverviewExportQuery = {}): string {
	const q = new URLSearchParams();
	if (filter.year) q.set('year', filter.year);
	if (filter.status) q.set('status', filter.status);
	const s = q.toString();
	return s ? `${OVERVIEW_EXPORT_PATH}?${s}` : OVERVIEW_EXPORT_PATH;
}

export function overviewFileName(filter: OverviewExportQuery = {}): string {
	return ['oversikt', filter.year, filter.status].filter(Boolean).join('-') + '.xlsx';
}
