// Running a region's network as the coordinator's page sees it: the order of its lists, the next year
// to plan and its templates, and an organisation's colour as typed (forms are checked by
// form-check.ts). Who may run it is authorization.ts's; invitations and the last
// coordinator are membership.ts's, shared with the functions.
import type { Member, MemberRole, Template } from './schemas';
import { newestPublishedFor } from './template';

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

/** "#1F5F8B", "1f5f8b" or " #1f5f8b " as the stored "#1f5f8b"; null when it is no 6-digit hex colour. */
export function normalizeColor(text: string): string | null {
	const m = /^#?([0-9a-fA-F]{6})$/.exec(text.trim());
	return m ? `#${m[1].toLowerCase()}` : null;
}
