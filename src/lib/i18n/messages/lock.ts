// The catalogue's `lock` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const lock = {
	submittedBy: (name: string, when: string) => `Inlämnad av ${name} ${when}`,
	areaCountsLabel: 'Insatser per prioriterat område när planen lämnades in',
	areaCount: (area: number, n: number) => `Område ${area}: ${n} ${n === 1 ? 'insats' : 'insatser'}`,
	submittedWarnings: (n: number) => `Lämnades in med ${n} ${n === 1 ? 'uppgift' : 'uppgifter'} som borde ha fyllts i.`,
	reopenedBy: (name: string, when: string, reason: string) => `Öppnad igen av ${name} den ${when}: ”${reason}”`,
	announceSubmitted: 'Planen har lämnats in och kan inte längre ändras.',
	announceReopened: 'Planen har öppnats igen och kan ändras.',
	settingsSaved: 'Sista dag och påminnelser är sparade.',
	actions: 'Inlämning',
	submit: 'Lämna in planen',
	reopen: 'Öppna planen igen',
	settings: 'Påminnelser och sista dag',
	showMissing: 'Visa vad som saknas',
	loadFailed: 'Det gick inte att öppna. Kontrollera anslutningen och försök igen.'
} as const;
