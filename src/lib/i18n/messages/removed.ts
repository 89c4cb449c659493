// The catalogue's `removed` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const removed = {
	heading: 'Du har inte längre tillgång till planen',
	removed: (region: string) => `Du har inte längre tillgång till ${region}. En samordnare har tagit bort dig från nätverket.`,
	denied: (region: string) => `Du har inte längre tillgång till ${region}. Din behörighet har ändrats medan sidan var öppen.`,
	unsaved: (n: number) =>
		`${n === 1 ? 'En ändring' : `${n} ändringar`} hann inte sparas och kan inte sparas nu. Kopiera texten om du vill spara den på annat sätt:`,
	home: 'Till startsidan'
} as const;
