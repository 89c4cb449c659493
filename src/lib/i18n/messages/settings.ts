// The catalogue's `settings` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const settings = {
	title: 'Påminnelser och sista dag',
	intro: 'Påminnelser skickas via e-post kl. 08:00 svensk tid till alla i regionen som kan redigera planen, så länge den inte är inlämnad.',
	date: 'Sista dag',
	time: 'Klockslag (svensk tid)',
	offsetsLegend: 'Skicka påminnelser så här många dagar före sista dag',
	offsetLabel: (n: number) => (n === 0 ? 'Samma dag' : `${n} ${n === 1 ? 'dag' : 'dagar'} före`),
	addLabel: 'Lägg till påminnelse, antal dagar före',
	added: (label: string) => `${label} har lagts till.`,
	add: 'Lägg till',
	next: (when: string, offset: string) => `Nästa påminnelse: ${when} (${offset.toLowerCase()})`,
	noneLeft: 'Inga fler påminnelser skickas före sista dag.',
	noneChosen: 'Inga påminnelser skickas för planen.',
	submittedNote: 'Planen är inlämnad, så inga påminnelser skickas.',
	save: 'Spara',
	saving: 'Sparar …',
	cancel: 'Avbryt',
	errors: {
		'date-missing': 'Ange sista dag.',
		'date-invalid': 'Datumet finns inte. Skriv det som ÅÅÅÅ-MM-DD.',
		'time-missing': 'Ange klockslag.',
		'time-invalid': 'Klockslaget stämmer inte. Skriv det som TT:MM.',
		'time-nonexistent': 'Klockslaget finns inte den dagen, eftersom klockan ställs fram till sommartid. Välj en annan tid.',
		'offsets-too-many': 'Välj högst 10 påminnelser.',
		'offsets-duplicate': 'Samma dag är vald två gånger.',
		'offsets-invalid': 'Påminnelser kan skickas 0–365 dagar före sista dag.',
		'offset-missing': 'Skriv ett antal dagar.',
		'offset-invalid': 'Skriv ett helt antal dagar, till exempel 21.',
		'offset-range': 'Påminnelser kan skickas högst 365 dagar före sista dag.',
		invalid: 'Planen kunde inte identifieras. Ladda om sidan.'
	}
} as const;
