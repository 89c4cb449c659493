// The catalogue's `reopen` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const reopen = {
	title: 'Öppna planen igen',
	intro: 'När planen öppnas igen kan den ändras, och den behöver lämnas in på nytt. Anledningen visas på planen.',
	reasonLabel: 'Varför öppnas planen igen?',
	reasonHint: 'Minst 10 tecken.',
	confirm: 'Öppna igen',
	reopening: 'Öppnar …',
	cancel: 'Avbryt'
} as const;
