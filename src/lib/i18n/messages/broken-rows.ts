// The catalogue's `brokenRows` texts (sv.ts re-exports every section: a page loads only the sections it uses).
/** Stored rows the app cannot read (row-repair.ts): shown apart, with what is wrong and, for a coordinator, repair and delete. */
export const brokenRows = {
	title: 'Insatser som inte kan läsas',
	intro: 'De här insatserna är sparade på ett sätt som Planbordet inte kan läsa, så de visas inte i tabellen. Tills de är reparerade eller borttagna går planen inte att lämna in eller exportera.',
	editorNote: (n: number, coordinators: string) =>
		`${n === 1 ? 'En insats' : `${n} insatser`} i planen kan inte läsas och visas inte. ${coordinators ? `Be regionens samordnare (${coordinators})` : 'Be regionens samordnare'} att reparera eller ta bort ${n === 1 ? 'den' : 'dem'}.`,
	rowId: 'Id',
	action: 'Insats',
	problems: 'Fel',
	repair: 'Reparera',
	delete: 'Ta bort',
	repairHelp: 'Reparera sparar det som går att läsa: felaktiga värden töms, okända uppgifter tas bort och en insats utan giltig plats hamnar sist i sitt område.',
	repaired: 'Insatsen är reparerad och visas i tabellen.',
	deleted: 'Insatsen är borttagen.',
	confirmTitle: 'Ta bort insatsen?',
	confirmBody: 'Insatsen tas bort ur planen och kan inte återställas.',
	cancel: 'Avbryt',
	problem: {
		id: 'insatsens id är ogiltigt (innehåller mellanslag, specialtecken eller är för långt)',
		area: 'prioriterat område saknas eller är ogiltigt',
		position: 'platsen i tabellen saknas eller är ogiltig',
		fields: (label: string) => `fältet ”${label}” har ett värde av fel sort`,
		fieldsAll: 'fälten är inte sparade som fält',
		revs: (label: string) => `versionsnumret för ”${label}” är ogiltigt`,
		revsAll: 'versionsnumren är ogiltiga',
		createdBy: 'uppgift om vem som skapade insatsen saknas',
		updatedBy: 'uppgift om vem som senast ändrade insatsen saknas',
		updatedAt: 'tidpunkten för senaste ändringen saknas eller är ogiltig',
		carriedFrom: 'uppgiften om insatsen från förra året är ogiltig',
		document: 'dokumentet är ingen insats'
	}
} as const;
