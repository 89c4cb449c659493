// The catalogue's `offline` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const offline = {
	banner: (n: number) =>
		`Du är offline. ${n === 0 ? 'Inga ändringar väntar' : n === 1 ? '1 ändring väntar' : `${n} ändringar väntar`} på att skickas.`
} as const;
