// The catalogue's `reminders` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const reminders = {
	title: 'Påminnelser via e-post',
	on: 'Du får påminnelser via e-post före sista dag att lämna in planer som du kan redigera.',
	off: (date: string) => `Du har stängt av påminnelserna via e-post (${date}).`,
	offNow: 'Du får inga påminnelser via e-post.',
	offByLink: (date: string) => `Du stängde av påminnelserna via e-post med länken i ett mejl (${date}).`,
	turnOn: 'Slå på påminnelser igen',
	turnOff: 'Stäng av påminnelser',
	turnedOn: 'Påminnelserna är påslagna.',
	turnedOff: 'Påminnelserna är avstängda.',
	loading: 'Hämtar dina inställningar för påminnelser …',
	denied: 'Dina inställningar för påminnelser kunde inte läsas.'
} as const;
