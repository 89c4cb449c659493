// The catalogue's `submit` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const submit = {
	title: 'Lämna in planen',
	intro: 'När planen lämnas in låses den: ingen kan ändra den förrän en samordnare öppnar den igen.',
	empty: 'En plan utan insatser kan inte lämnas in.',
	incomplete: 'Fyll i uppgifterna som saknas innan planen lämnas in.',
	ready: 'Planen är klar att lämnas in.',
	readyWithWarnings: 'Planen kan lämnas in. Uppgifterna under ”Bör fyllas i” saknas fortfarande; de sparas med inlämningen.',
	serverMissing: 'Planen lämnades inte in: enligt den sparade planen saknas det här.',
	pending: 'Dina senaste ändringar skickas fortfarande. Vänta tills de är sparade innan du lämnar in.',
	confirm: 'Lämna in',
	submitting: 'Lämnar in …',
	cancel: 'Avbryt'
} as const;
