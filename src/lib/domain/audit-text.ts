// A region's audit log entry as one sentence: who did what to whom, and when (Stockholm time). The
// wording is the caller's catalogue (sv.audit implements AuditTexts); this module only reads the
// entry's details — a changed value as { from, to } (how the functions record a change), a plain
// value as itself — and picks the sentence.
import { swedishDateTime } from './deadline';
import type { AuditEntry, MemberRole, SignOffRequirement } from './schemas';

type OrgKind = 'region' | 'lansstyrelse' | 'kommun' | 'myndighet' | 'annan';

/** The sentences of the log; `who` is the actor's name as recorded, `name` the target's. */
export interface AuditTexts {
	memberInvited(who: string, name: string, role: string | null, org: string | null): string;
	memberReinvited(who: string, name: string): string;
	memberActivated(name: string): string;
	memberRoleChanged(who: string, name: string, from: string | null, to: string | null): string;
	memberRemoved(who: string, name: string): string;
	organizationAdded(who: string, name: string): string;
	organizationChanged(who: string, name: string, changes: string[]): string;
	planCreated(who: string, year: string, template: string | null, carriedFrom: string | null): string;
	planSettingsChanged(who: string, year: string, deadline: string | null, offsets: string | null, signOff: string | null): string;
	regionCreated(who: string, name: string): string;
	regionChanged(who: string, name: string): string;
	/** One changed property of an organisation: "namn från A till B". */
	orgChange: Record<'name' | 'shortName' | 'kind' | 'color', (from: string | null, to: string | null) => string>;
	role: Record<MemberRole, string>;
	orgKind: Record<OrgKind, string>;
	/** What the organisations' sign-off does at hand-in (plan setting signOffRequirement). */
	signOffRequirement: Record<SignOffRequirement, string>;
	/** Reminder days as a phrase ("30, 14 och 7 dagar före", "inga påminnelser"). */
	offsets(days: number[]): string;
}

export interface AuditLookups {
	/** An organisation's name by id, when the page knows it. */
	orgName(orgId: string): string | null;
}

export interface AuditLine {
	text: string;
	/** "12 mars 2026 kl. 14:05" (Stockholm). */
	when: string;
}

export interface Change {
	from: unknown;
	to: unknown;
}

function record(v: unknown): Record<string, unknown> | null {
	return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The change of one detail key: a recorded { from, to }, or a plain value as the new value; null when absent. */
export function changeOf(details: Record<string, unknown>, key: string): Change | null {
	const v = details[key];
	if (v === undefined) return null;
	const r = record(v);
	if (r && ('from' in r || 'to' in r)) return { from: r.from ?? null, to: r.to ?? null };
	return r ? null : { from: null, to: v };
}

/** A detail's current (new) value. */
function valueOf(details: Record<string, unknown>, key: string): unknown {
	return changeOf(details, key)?.to ?? null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

function roleText(t: AuditTexts, v: unknown): string | null {
	return v === 'coordinator' || v === 'editor' ? t.role[v] : text(v);
}

function kindText(t: AuditTexts, v: unknown): string | null {
	return typeof v === 'string' && v in t.orgKind ? t.orgKind[v as OrgKind] : text(v);
}

function deadlineText(v: unknown): string | null {
	const at = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : v && typeof v === 'object' && 'toDate' in v ? (v as { toDate(): Date }).toDate() : null;
	return at && !Number.isNaN(at.getTime()) ? swedishDateTime(at) : null;
}

function signOffRequirementText(t: AuditTexts, v: unknown): string | null {
	return v === 'warn' || v === 'block' ? t.signOffRequirement[v] : null;
}

function offsetsText(t: AuditTexts, v: unknown): string | null {
	if (!Array.isArray(v) || !v.every((n) => typeof n === 'number')) return null;
	return t.offsets([...v].sort((a, b) => b - a));
}

export function auditLine(entry: AuditEntry, t: AuditTexts, lookups: AuditLookups): AuditLine {
	const who = entry.byName;
	const name = entry.targetName || entry.target;
	const d = entry.details;
	const when = swedishDateTime(entry.at);
	const orgOf = (v: unknown) => (typeof v === 'string' ? (lookups.orgName(v) ?? v) : null);
	switch (entry.kind) {
		case 'member-invited':
			return { text: t.memberInvited(who, name, roleText(t, valueOf(d, 'role')), orgOf(valueOf(d, 'orgId'))), when };
		case 'member-reinvited':
			return { text: t.memberReinvited(who, name), when };
		case 'member-activated':
			return { text: t.memberActivated(name), when };
		case 'member-role-changed': {
			const c = changeOf(d, 'role');
			return { text: t.memberRoleChanged(who, name, roleText(t, c?.from), roleText(t, c?.to)), when };
		}
		case 'member-removed':
			return { text: t.memberRemoved(who, name), when };
		case 'organization-added':
			return { text: t.organizationAdded(who, name), when };
		case 'organization-changed': {
			const changes: string[] = [];
			for (const key of ['name', 'shortName', 'kind', 'color'] as const) {
				const c = changeOf(d, key);
				if (!c) continue;
				const show = key === 'kind' ? (v: unknown) => kindText(t, v) : text;
				changes.push(t.orgChange[key](show(c.from), show(c.to)));
			}
			return { text: t.organizationChanged(who, name, changes), when };
		}
		case 'plan-created':
			return { text: t.planCreated(who, name, text(valueOf(d, 'templateId')), text(valueOf(d, 'carriedFrom') ?? valueOf(d, 'fromYear'))), when };
		case 'plan-settings-changed':
			return {
				text: t.planSettingsChanged(who, name, deadlineText(valueOf(d, 'deadline')), offsetsText(t, valueOf(d, 'reminderOffsets')), signOffRequirementText(t, valueOf(d, 'signOffRequirement'))),
				when
			};
		case 'region-created':
			return { text: t.regionCreated(who, name), when };
		case 'region-changed':
			return { text: t.regionChanged(who, name), when };
	}
}
