// The catalogue's `errors` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const errors = {
	unavailable: 'Planbordet går inte att nå just nu. Kontrollera anslutningen; sidan uppdateras när anslutningen är tillbaka.',
	unreadable: 'Uppgifter i databasen kunde inte läsas. Kontakta regionens samordnare.',
	unauthenticated: 'Du är inte inloggad längre. Logga in igen.',
	generic: 'Något gick fel när uppgifterna skulle hämtas. Ladda om sidan.',
	templateMissing: 'Formuläret för året finns inte.',
	regionMissing: 'Regionen finns inte.',
	/** Refused reads of the pages that are not the plan's (failure-text.ts words every read failure on every page). */
	denied: {
		admin: 'Du har inte behörighet att se uppgifterna.',
		overview: 'Du har inte behörighet att se översikten.',
		audit: 'Du har inte behörighet att se loggen.'
	}
} as const;
