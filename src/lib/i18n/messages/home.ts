// The catalogue's `home` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const home = {
	title: 'Mina planer',
	intro: 'Handlingsplaner för regionala serviceprogram som du kan arbeta med.',
	staffIntro: 'Handlingsplaner för alla regioner (läsbehörighet).',
	noYears: 'Regionen har inga planer ännu.',
	year: 'År',
	status: 'Status',
	deadline: 'Sista dag att lämna in',
	open: (year: string) => `Öppna plan ${year}`,
	loading: 'Hämtar planerna …',
	regionError: (name: string) => `Planerna för ${name} kunde inte hämtas.`
} as const;
