// The catalogue's `nextYear` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const nextYear = {
	open: (year: string) => `Skapa planen för ${year}`,
	title: (year: string) => `Skapa planen för ${year}`,
	intro: (from: string, to: string) =>
		`Insatser med status Fortsätter i ${from} följer med till ${to}: planerad insats, mål och resurser. Uppföljningen börjar tom. Texten om vad ni tar med er visas som en anteckning på den nya raden.`,
	loading: 'Tar fram förhandsvisningen …',
	carried: (n: number) => `Följer med (${n})`,
	left: (n: number) => `Stannar kvar i år (${n})`,
	none: 'Inga.',
	reason: { klar: 'Klar', 'no-status': 'Ingen status' },
	dropped: (columns: string) => `Nästa års formulär saknar: ${columns}. De uppgifterna följer inte med.`,
	template: (id: string) => `Formulär: ${id}`,
	create: 'Skapa planen',
	creating: 'Skapar …',
	cancel: 'Avbryt',
	exists: (year: string) => `Planen för ${year} finns redan.`,
	openExisting: (year: string) => `Öppna planen för ${year}`,
	created: (year: string) => `Planen för ${year} är skapad.`,
	noteFrom: (year: string) => `Från ${year}:`,
	printedDraft: (when: string) => `Utkast – utskrivet ${when}`,
	printedSubmitted: (name: string, when: string) => `Inlämnad av ${name} ${when}`,
	untitled: '(utan namn)'
} as const;
