import { describe, expect, it } from 'vitest';
import * as sv from '../i18n/sv';
import { auditLine, changeOf, type AuditTexts } from './audit-text';
import { stockholmTime } from './deadline';
import type { AuditEntry } from './schemas';

const texts: AuditTexts = sv.audit;
const orgs: Record<string, string> = { berg: 'Bergs kommun' };
const lookups = { orgName: (id: string) => orgs[id] ?? null };
const at = stockholmTime(2026, 3, 12, 14, 5);

const entry = (e: Partial<AuditEntry> & Pick<AuditEntry, 'kind'>): AuditEntry => ({
	by: 'u-samordnare-jh',
	byName: 'Malin Samordnare',
	at,
	target: 'u-nora',
	targetName: 'Nora Nyman',
	details: {},
	...e
});
const line = (e: Partial<AuditEntry> & Pick<AuditEntry, 'kind'>) => auditLine(entry(e), texts, lookups).text;

describe('audit sentences', () => {
	it('says when in Stockholm time', () => {
		expect(auditLine(entry({ kind: 'member-removed' }), texts, lookups).when).toBe('12 mars 2026 kl. 14:05');
	});

	it('says who invited whom, with role and organisation', () => {
		expect(line({ kind: 'member-invited', details: { role: 'editor', orgId: 'berg', email: 'nora@berg.example' } })).toBe(
			'Malin Samordnare bjöd in Nora Nyman (redigerare, Bergs kommun).'
		);
		expect(line({ kind: 'member-invited', details: { orgId: 'okand' } })).toBe('Malin Samordnare bjöd in Nora Nyman (okand).');
		expect(line({ kind: 'member-invited' })).toBe('Malin Samordnare bjöd in Nora Nyman.');
		expect(line({ kind: 'member-reinvited' })).toBe('Malin Samordnare skickade en ny inbjudan till Nora Nyman.');
		expect(line({ kind: 'member-activated', by: 'u-nora', byName: 'Nora Nyman' })).toBe('Nora Nyman loggade in för första gången och är nu aktiv.');
	});

	it('reads a role change recorded as from/to', () => {
		const expected = 'Malin Samordnare ändrade rollen för Nora Nyman från redigerare till samordnare.';
		expect(line({ kind: 'member-role-changed', details: { role: { from: 'editor', to: 'coordinator' } } })).toBe(expected);
		expect(line({ kind: 'member-role-changed', details: { role: 'coordinator' } })).toBe('Malin Samordnare gjorde Nora Nyman till samordnare.');
		expect(line({ kind: 'member-role-changed' })).toBe('Malin Samordnare ändrade rollen för Nora Nyman.');
	});

	it('says who removed whom', () => {
		expect(line({ kind: 'member-removed' })).toBe('Malin Samordnare tog bort Nora Nyman från nätverket.');
	});

	it('lists what changed on an organisation', () => {
		expect(line({ kind: 'organization-added', target: 'energikontoret', targetName: 'Energikontoret' })).toBe(
			'Malin Samordnare lade till organisationen Energikontoret.'
		);
		expect(
			line({
				kind: 'organization-changed',
				target: 'energikontoret',
				targetName: 'Energikontoret Mitt',
				details: { name: { from: 'Energikontoret', to: 'Energikontoret Mitt' }, kind: { from: 'annan', to: 'myndighet' }, color: { from: '#1f5f8b', to: '#8a3b12' } }
			})
		).toBe('Malin Samordnare ändrade organisationen Energikontoret Mitt: namn från Energikontoret till Energikontoret Mitt, typ från annan till myndighet, färg från #1f5f8b till #8a3b12.');
		expect(line({ kind: 'organization-changed', targetName: 'Energikontoret' })).toBe('Malin Samordnare ändrade organisationen Energikontoret.');
	});

	it('says which plan was created, on which template and from which year', () => {
		expect(line({ kind: 'plan-created', target: '2025', targetName: '2025', details: { templateId: 'rsp-2024', carriedFrom: '2024' } })).toBe(
			'Malin Samordnare skapade planen för 2025 på formuläret rsp-2024, med fortsättande insatser från 2024.'
		);
		expect(line({ kind: 'plan-created', target: '2025', targetName: '2025' })).toBe('Malin Samordnare skapade planen för 2025.');
	});

	it('says the new deadline (Stockholm time) and reminder days of a plan', () => {
		expect(
			line({
				kind: 'plan-settings-changed',
				target: '2025',
				targetName: '2025',
				details: { deadline: { from: '2026-01-31T22:59:00.000Z', to: '2026-02-15T12:00:00+01:00' }, reminderOffsets: { from: [30, 14], to: [0, 7, 14] } }
			})
		).toBe('Malin Samordnare ändrade planen för 2025: sista dag 15 februari 2026 kl. 12:00, påminnelser 14 dagar före, 7 dagar före och samma dag.');
		expect(line({ kind: 'plan-settings-changed', target: '2025', targetName: '2025', details: { reminderOffsets: [] } })).toBe(
			'Malin Samordnare ändrade planen för 2025: påminnelser inga.'
		);
		expect(line({ kind: 'plan-settings-changed', target: '2025', targetName: '2025', details: { signOffRequirement: { from: 'warn', to: 'block' } } })).toBe(
			'Malin Samordnare ändrade planen för 2025: alla organisationer måste godkänna planen före inlämning.'
		);
		expect(line({ kind: 'plan-settings-changed', target: '2025', targetName: '2025', details: { deadline: 'inte ett datum' } })).toBe(
			'Malin Samordnare ändrade sista dag och påminnelser för planen 2025.'
		);
	});

	it('names regions created and changed, falling back on the target id without a name', () => {
		expect(line({ kind: 'region-created', by: 'u-tvv-admin', byName: 'Anders Administratör', target: 'gavleborg', targetName: 'Region Gävleborg' })).toBe(
			'Anders Administratör skapade regionen Region Gävleborg.'
		);
		expect(line({ kind: 'region-changed', by: 'u-tvv-admin', byName: 'Anders Administratör', target: 'gavleborg', targetName: '' })).toBe(
			'Anders Administratör ändrade regionen gavleborg.'
		);
	});
});

describe('changeOf', () => {
	it('is null for a key that was not recorded, and a plain value is the new value', () => {
		expect(changeOf({}, 'role')).toBeNull();
		expect(changeOf({ role: 'editor' }, 'role')).toEqual({ from: null, to: 'editor' });
		expect(changeOf({ name: { from: 'A', to: 'B' } }, 'name')).toEqual({ from: 'A', to: 'B' });
		expect(changeOf({ name: { id: 'x' } }, 'name')).toBeNull();
	});
});
