// The catalogue's `app` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const app = {
	name: 'Planbordet',
	tagline: 'Service Z:s handlingsplan',
	skipToContent: 'Hoppa till innehållet',
	loading: 'Laddar …',
	signOut: 'Logga ut',
	signedInAs: 'Inloggad som',
	notFoundTitle: 'Sidan finns inte',
	notFound: 'Sidan du försökte öppna finns inte.',
	errorTitle: 'Något gick fel',
	backHome: 'Till startsidan',
	noAccess: 'Ditt konto är inte medlem i någon region i Planbordet. Kontakta regionens samordnare.',
	profileError: 'Dina uppgifter kunde inte hämtas. Kontrollera anslutningen och försök igen.',
	retry: 'Försök igen',
	staffRole: { reader: 'Tillväxtverket, läsbehörighet', admin: 'Tillväxtverket, administratör' }
} as const;
