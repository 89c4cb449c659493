// The catalogue's `activity` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const activity = {
	toggle: 'Aktivitet',
	title: 'Senaste aktivitet i planen',
	close: 'Stäng aktiviteten',
	none: 'Ingen aktivitet ännu.',
	more: 'Visa fler',
	loading: 'Hämtar …',
	created: (who: string, row: string) => `${who} lade till ${row.toLowerCase()}`,
	edited: (who: string, column: string, row: string) => `${who} ändrade ${column} i ${row.toLowerCase()}`,
	moved: (who: string, row: string) => `${who} flyttade ${row.toLowerCase()}`,
	deleted: (who: string, row: string) => `${who} tog bort en insats i område ${row}`,
	commented: (who: string, row: string) => `${who} kommenterade ${row.toLowerCase()}`,
	removedRow: 'en borttagen insats'
} as const;
