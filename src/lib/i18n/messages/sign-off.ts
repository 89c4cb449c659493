// The catalogue's `signOff` texts (sv.ts re-exports every section: a page loads only the sections it uses).
import { SIGN_OFF_WORDS } from '../../domain/sign-off-words';

/** An organisation's sign-off of the plan (domain/sign-off.ts): its action and one word per SignOffState. */
export const signOff = {
	action: 'Vi står bakom planen',
	/** The states and the mails' words live with the mails (domain/sign-off-words.ts): one copy. */
	states: SIGN_OFF_WORDS.states,
	mail: SIGN_OFF_WORDS.mail,
	/** The plan page's section (SignOffPanel.svelte). */
	heading: 'Godkännande',
	summary: (approved: number, total: number, stale: number) =>
		`${approved} av ${total} godkänt${stale > 0 ? `, ${stale} godkänd${stale === 1 ? '' : 'a'} före senaste ändringar` : ''}`,
	intro: 'Varje organisation i nätverket godkänner planen för egen del; det räcker att en av organisationens medlemmar gör det. Ändras planen efteråt visas godkännandet som ”godkänd före senaste ändringar”.',
	loading: 'Hämtar godkännandena …',
	caption: 'Organisationernas godkännande av planen',
	columns: { org: 'Organisation', state: 'Status', by: 'Godkänd av', requested: 'Senast tillfrågad' },
	by: (name: string, when: string) => `${name}, ${when}`,
	nobodyYet: '–',
	notRequested: 'Inte tillfrågad',
	ownApproved: (org: string) => `${org} har godkänt planen.`,
	ownStale: (org: string) => `Planen har ändrats sedan ${org} godkände den. Godkänn den igen om ni står bakom den.`,
	ownNone: (org: string) => `${org} har inte godkänt planen ännu.`,
	signing: 'Godkänner …',
	signed: 'Er organisation har godkänt planen.',
	request: 'Be om godkännande',
	requestHelp: 'Skickar ett e-postmeddelande till medlemmarna i varje organisation som inte har godkänt planen, eller som godkände den före senaste ändringar.',
	requesting: 'Skickar förfrågningar …',
	requested: (n: number) =>
		n === 0 ? 'Ingen förfrågan skickades.' : `${n === 1 ? 'En organisation' : `${n} organisationer`} har fått en förfrågan om godkännande.`,
	nobody: (names: string) => `Ingen förfrågan kunde skickas till ${names}: organisationen har inga aktiva medlemmar.`,
	tooMany: 'Du har redan bett om godkännande tre gånger det senaste dygnet. Försök igen senare.',
	allApproved: 'Alla organisationer har godkänt planen.',
	submittedNote: 'Planen är inlämnad. Inlämningen visar vilka organisationer som hade godkänt den.',
	/** The submit checklist (Checklist.svelte): the organisations not signed off. */
	checklistBlock: 'Måste godkänna planen före inlämning',
	checklistWarn: 'Har inte godkänt planen (hindrar inte inlämning)',
	checklistLine: (org: string, state: string) => `${org}: ${state}`,
	submitBlocked: 'Alla organisationer i nätverket måste godkänna planen innan den kan lämnas in.',
	/** The plan settings dialog (PlanSettingsDialog.svelte): plan.signOffRequirement. */
	requirementLegend: 'När en organisation inte har godkänt planen',
	requirement: { warn: 'Varnar', block: 'Stoppar inlämning' },
	requirementHelp: {
		warn: 'Planen kan lämnas in; checklistan varnar för organisationerna som inte har godkänt den.',
		block: 'Planen kan inte lämnas in förrän alla organisationer i nätverket har godkänt den.'
	}
} as const;
