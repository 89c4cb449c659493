// The catalogue's `history` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const history = {
	denied: 'Du har inte behörighet att se historiken.',
	rowButton: 'Historik',
	rowButtonLabel: (row: string) => `Historik för ${row.toLowerCase()}`,
	title: (row: string) => `Historik för ${row.toLowerCase()}`,
	fieldLabel: 'Kolumn',
	none: 'Inga ändringar registrerade för cellen.',
	loading: 'Hämtar historiken …',
	by: (name: string, org: string) => (org ? `${name}, ${org}` : name),
	empty: '(tom)',
	removed: 'Borttaget:',
	added: 'Tillagt:',
	before: 'Före',
	after: 'Efter',
	current: 'Nuvarande värde',
	restore: 'Återställ det här värdet',
	restoreLabel: (when: string) => `Återställ det här värdet från ${when}`,
	restored: 'Värdet är återställt som en ny ändring.',
	restoreLocked: 'Planen är inlämnad, så inget värde kan återställas.',
	close: 'Stäng',
	changeList: 'Ändringar, nyaste först'
} as const;
