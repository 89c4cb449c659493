// The catalogue's `confirm` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const confirm = {
	title: 'Logga in',
	as: (email: string) => `Logga in som ${email}`,
	button: 'Logga in',
	signingIn: 'Loggar in …',
	askEmail: 'Du öppnade länken på en annan enhet eller i en annan webbläsare. Skriv e-postadressen som länken skickades till.',
	notALink: 'Den här sidan öppnas från inloggningslänken i mejlet. Länken saknas eller är ofullständig.',
	requestNew: 'Begär en ny länk',
	usedOrExpired: 'Länken har redan använts eller har gått ut. Begär en ny länk.',
	wrongEmail: 'E-postadressen stämmer inte med länken. Skriv adressen som länken skickades till.',
	notInvited: 'Adressen är inte inbjuden till Planbordet. Kontakta regionens samordnare.',
	invitationExpired: 'Din inbjudan har gått ut (den gällde i 14 dagar). Be regionens samordnare att bjuda in dig igen.',
	failed: 'Inloggningen misslyckades. Kontrollera anslutningen och försök igen.'
} as const;
