// The catalogue's `documents` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const documents = {
	heading: 'Exportera och skriv ut',
	docx: 'Ladda ned som Word (DOCX)',
	xlsx: 'Ladda ned som Excel (XLSX)',
	print: 'Skriv ut eller spara som PDF',
	downloading: 'Hämtar filen …',
	downloaded: 'Filen är nedladdad.',
	failed: {
		unauthenticated: 'Du är inte inloggad längre. Logga in igen.',
		'permission-denied': 'Du har inte behörighet att exportera planen.',
		'not-found': 'Planen finns inte.',
		unavailable: 'Exporten gick inte att hämta. Kontrollera anslutningen och försök igen.'
	}
} as const;
