// The catalogue's `conflict` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const conflict = {
	title: 'Någon annan har ändrat cellen',
	intro: (column: string, row: string) => `Cellen ”${column}” i ${row.toLowerCase()} ändrades medan du skrev. Välj vilken text som ska gälla.`,
	theirs: (name: string) => `Deras text (${name})`,
	mine: 'Din text',
	keepMine: 'Behåll min text',
	useTheirs: 'Använd deras text',
	proposal: 'Förslag: båda ändringarna',
	useProposal: 'Använd förslaget',
	proposalHint: 'Ni ändrade samma ord. Förslaget behåller bådas text, så att ni kan rätta den i cellen efteråt.',
	empty: '(tom)'
} as const;
