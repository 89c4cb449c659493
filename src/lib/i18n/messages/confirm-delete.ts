// The catalogue's `confirmDelete` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const confirmDelete = {
	title: 'Ta bort insatsen?',
	body: (label: string) => `${label} och allt som står i den tas bort från planen.`,
	confirm: 'Ta bort insatsen',
	cancel: 'Avbryt'
} as const;
