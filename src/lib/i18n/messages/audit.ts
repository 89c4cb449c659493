// The catalogue's `audit` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const audit = {
	heading: 'Logg',
	intro: 'Ändringar av medlemmar, organisationer och planernas inställningar, nyaste först.',
	none: 'Inga ändringar har registrerats ännu.',
	loading: 'Hämtar loggen …',
	more: 'Visa fler',
	onlyCoordinators: 'Loggen visas för regionens samordnare och Tillväxtverket.',
	memberInvited: (who: string, name: string, role: string | null, org: string | null) =>
		`${who} bjöd in ${name}${role || org ? ` (${[role, org].filter(Boolean).join(', ')})` : ''}.`,
	memberReinvited: (who: string, name: string) => `${who} skickade en ny inbjudan till ${name}.`,
	memberActivated: (name: string) => `${name} loggade in för första gången och är nu aktiv.`,
	memberRoleChanged: (who: string, name: string, from: string | null, to: string | null) =>
		from && to ? `${who} ändrade rollen för ${name} från ${from} till ${to}.` : to ? `${who} gjorde ${name} till ${to}.` : `${who} ändrade rollen för ${name}.`,
	memberRemoved: (who: string, name: string) => `${who} tog bort ${name} från nätverket.`,
	organizationAdded: (who: string, name: string) => `${who} lade till organisationen ${name}.`,
	organizationChanged: (who: string, name: string, changes: string[]) =>
		changes.length > 0 ? `${who} ändrade organisationen ${name}: ${changes.join(', ')}.` : `${who} ändrade organisationen ${name}.`,
	planCreated: (who: string, year: string, template: string | null, carriedFrom: string | null) =>
		`${who} skapade planen för ${year}${template ? ` på formuläret ${template}` : ''}${carriedFrom ? `, med fortsättande insatser från ${carriedFrom}` : ''}.`,
	planSettingsChanged: (who: string, year: string, deadline: string | null, offsets: string | null, signOff: string | null) => {
		const parts = [deadline ? `sista dag ${deadline}` : '', offsets ? `påminnelser ${offsets}` : '', signOff ?? ''].filter(Boolean);
		return parts.length > 0 ? `${who} ändrade planen för ${year}: ${parts.join(', ')}.` : `${who} ändrade sista dag och påminnelser för planen ${year}.`;
	},
	regionCreated: (who: string, name: string) => `${who} skapade regionen ${name}.`,
	regionChanged: (who: string, name: string) => `${who} ändrade regionen ${name}.`,
	orgChange: {
		name: (from: string | null, to: string | null) => (from ? `namn från ${from} till ${to ?? ''}` : `namn ${to ?? ''}`),
		shortName: (from: string | null, to: string | null) => (from ? `kortnamn från ${from} till ${to ?? ''}` : `kortnamn ${to ?? ''}`),
		kind: (from: string | null, to: string | null) => (from ? `typ från ${from} till ${to ?? ''}` : `typ ${to ?? ''}`),
		color: (from: string | null, to: string | null) => (from ? `färg från ${from} till ${to ?? ''}` : `färg ${to ?? ''}`)
	},
	role: { coordinator: 'samordnare', editor: 'redigerare' },
	orgKind: { region: 'region', lansstyrelse: 'länsstyrelse', kommun: 'kommun', myndighet: 'myndighet', annan: 'annan' },
	signOffRequirement: {
		warn: 'saknade godkännanden ger en varning vid inlämning',
		block: 'alla organisationer måste godkänna planen före inlämning'
	},
	offsets: (days: number[]) => {
		if (days.length === 0) return 'inga';
		const one = (n: number) => (n === 0 ? 'samma dag' : `${n} ${n === 1 ? 'dag' : 'dagar'} före`);
		const all = days.map(one);
		return all.length === 1 ? all[0] : `${all.slice(0, -1).join(', ')} och ${all[all.length - 1]}`;
	}
} as const;
