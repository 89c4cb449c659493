// Running a region's network as the coordinator's page sees it: who may manage it, the order of its
// lists, the next year to plan and its templates, and the first problem of each form field (the
// callables' own zod schemas, so nothing invalid is sent). Invitations and the last coordinator are
// membership.ts's, shared with the functions.
import type * as z from 'zod/mini';
import type { Viewer } from './access';
import type { Member, MemberRole, Template } from './schemas';
import { newestPublishedFor } from './template';

/** Members, organisations and plans: a coordinator of the region or a Tillväxtverket admin (the callables check the same). */
export function canManageNetwork(v: Viewer): boolean {
	return v.memberRole === 'coordinator' || v.staffRole === 'admin';
}

/** The audit log: coordinators of the region and staff (firestore.rules let them read it). */
export function canReadAudit(v: Viewer): boolean {
	return v.memberRole === 'coordinator' || v.staffRole !== null;
}

/** Creating a plan and its deadline: the region's coordinators (createPlan, setPlanSettings). */
export function canManagePlans(v: Viewer): boolean {
	return v.memberRole === 'coordinator';
}

const collator = new Intl.Collator('sv');

/** Coordinators first, then by name (Swedish order). */
export function sortMembers<T extends { id: string; data: Pick<Member, 'role' | 'name'> }>(members: readonly T[]): T[] {
	const rank = (r: MemberRole) => (r === 'coordinator' ? 0 : 1);
	return [...members].sort((a, b) => rank(a.data.role) - rank(b.data.role) || collator.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id));
}

/** By name in Swedish order (Å, Ä, Ö last). */
export function sortByName<T extends { id: string; data: { name: string } }>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => collator.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id));
}

/** The year a new plan is proposed for: the year after the newest plan, or this year when there is none. */
export function nextPlanYear(existing: readonly string[], thisYear: number): string {
	const years = existing.map(Number).filter((y) => Number.isInteger(y));
	return String(years.length ? Math.max(...years) + 1 : thisYear);
}

/** Published templates that apply to the year, the newest first (the first is the default). */
export function templatesFor<T extends { id: string; data: Pick<Template, 'published' | 'years' | 'publishedAt'> }>(templates: readonly T[], year: number): T[] {
	const newest = newestPublishedFor([...templates], year);
	const rest = templates.filter((t) => t !== newest && t.data.published && t.data.years.includes(year));
	rest.sort((a, b) => (b.data.publishedAt?.getTime() ?? 0) - (a.data.publishedAt?.getTime() ?? 0) || b.id.localeCompare(a.id));
	return newest ? [newest, ...rest] : [];
}

/** One problem of one field: the field's name in the input and the schema's message ("invalid-email", "name-empty"). */
export interface FieldIssue {
	field: string;
	code: string;
}

/** A schema's own message ("invalid-email") is a code; zod's default wording is not, so its issue code stands in. */
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The first issue of each top-level field, in the order the schema reported them. */
export function firstIssues(issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey>; message?: string; code?: string }>): FieldIssue[] {
	const out: FieldIssue[] = [];
	for (const issue of issues) {
		const field = issue.path && issue.path.length > 0 ? String(issue.path[0]) : '';
		if (out.some((i) => i.field === field)) continue;
		const code = issue.message && CODE.test(issue.message) ? issue.message : (issue.code ?? 'invalid');
		out.push({ field, code });
	}
	return out;
}

/** Parses a form's input with the callable's schema: the parsed input, or the first problem of each field. */
export function checkInput<S extends z.ZodMiniType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; issues: FieldIssue[] } {
	const parsed = schema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	return { ok: false, issues: firstIssues(parsed.error.issues) };
}

/** "#1F5F8B", "1f5f8b" or " #1f5f8b " as the stored "#1f5f8b"; null when it is no 6-digit hex colour. */
export function normalizeColor(text: string): string | null {
	const m = /^#?([0-9a-fA-F]{6})$/.exec(text.trim());
	return m ? `#${m[1].toLowerCase()}` : null;
}
