// The catalogue's `checklist` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const checklist = {
	heading: 'Det här saknas',
	help: 'Välj en uppgift för att gå till cellen i tabellen.',
	blockersHeading: 'Måste fyllas i före inlämning',
	warningsHeading: 'Bör fyllas i (hindrar inte inlämning)',
	warningsCount: (n: number) => (n === 0 ? '' : `${n} ${n === 1 ? 'uppgift' : 'uppgifter'} bör fyllas i.`),
	complete: 'Alla obligatoriska uppgifter är ifyllda.',
	empty: 'Planen har inga insatser ännu.',
	rows: (n: number) => `Planen har ${n} ${n === 1 ? 'insats' : 'insatser'}.`
} as const;
