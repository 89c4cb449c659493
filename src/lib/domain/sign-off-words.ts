// The Swedish words of an organisation's sign-off in the mails (the receipt, the request, the
// reminders), kept beside the other mails' words; the app's catalogue (sv.signOff) shows the same ones.
export const SIGN_OFF_WORDS = {
	states: {
		approved: 'godkänd',
		stale: 'godkänd före senaste ändringar',
		none: 'inte godkänd'
	},
	/** The mails that name sign-offs (plan-mail.ts receipt and request, reminders.ts). */
	mail: {
		receiptHeading: 'Organisationernas godkännande av planen:',
		/** "Krokoms kommun: godkänd (Karin Krokom, 20 januari 2027 kl. 11:15)"; without who/when for 'inte godkänd'. */
		line: (org: string, state: string, who: string | null, when: string | null) => (who && when ? `${org}: ${state} (${who}, ${when})` : `${org}: ${state}`),
		notSignedOffHeading: 'Organisationer som ännu inte har godkänt planen:',
		requestSubject: (year: string, region: string) => `Godkänn handlingsplan ${year} – ${region}`,
		requestBody: (org: string, year: string, region: string, by: string) =>
			`${by} ber ${org} att gå igenom handlingsplanen ${year} för ${region} och, om ni står bakom den, godkänna den i Planbordet ("Vi står bakom planen"). Det räcker att en av er godkänner för organisationen.`,
		requestStale: 'Er organisation godkände planen tidigare, men den har ändrats sedan dess.',
		openPlan: 'Öppna planen'
	}
} as const;
