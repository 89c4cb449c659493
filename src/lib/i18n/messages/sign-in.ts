// The catalogue's `signIn` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const signIn = {
	title: 'Logga in',
	intro: 'Skriv din e-postadress så skickar vi en inloggningslänk. Du behöver inget lösenord.',
	emailLabel: 'E-postadress',
	send: 'Skicka inloggningslänk',
	sending: 'Skickar …',
	sent: (email: string) => `Vi har skickat en inloggningslänk till ${email}. Öppna länken i mejlet för att logga in. Länken kan bara användas en gång.`,
	sentNote: 'Hittar du inget mejl? Titta i skräpposten. Om adressen inte är inbjuden till Planbordet kommer inget mejl.',
	tooMany: 'För många försök. Vänta en stund och försök igen.',
	invalidEmail: 'E-postadressen ser inte ut att stämma. Kontrollera den och försök igen.',
	emptyEmail: 'Skriv din e-postadress.',
	failed: 'Inloggningslänken kunde inte skickas. Kontrollera anslutningen och försök igen.',
	alreadySignedIn: (name: string) => `Du är redan inloggad som ${name}.`,
	toPlans: 'Till dina planer'
} as const;
