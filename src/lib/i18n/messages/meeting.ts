// The catalogue's `meeting` texts (sv.ts re-exports every section: a page loads only the sections it uses).
/** The network meeting (domain/meeting.ts, minutes.ts). */
export const meeting = {
	start: 'Starta möte',
	end: 'Avsluta möte',
	follow: 'Följ mötesledaren',
	leader: (name: string) => `Mötesledare: ${name}`,
	raiseHand: (row: string) => `Jag vill säga något om ${row}`,
	minutes: 'Minnesanteckningar',
	/** The banner while a meeting runs (role=status). */
	running: 'Möte pågår.',
	you: 'du',
	participants: 'Deltar',
	noParticipants: 'Ingen har anslutit ännu.',
	/** One organisation's people in the banner: "Östersunds kommun: Östen Östersund, …". */
	organisation: (org: string, names: string) => `${org}: ${names}`,
	youLead: 'Du leder mötet.',
	tools: 'Mötet',
	previousRow: 'Föregående rad',
	nextRow: 'Nästa rad',
	stepHelp: 'Alt+Page Up och Alt+Page Down flyttar också mötet en rad.',
	handOver: 'Lämna över',
	handOverTo: 'Lämna över ledningen till',
	noOneToHandOver: 'Ingen annan deltagare att lämna över till.',
	/** The tag on the leader's row: who is there, and in which column when in a cell. */
	leaderHere: (name: string) => `Mötesledaren ${name} är här`,
	leaderHereIn: (name: string, column: string) => `Mötesledaren ${name} är här, i ${column}`,
	raiseHandHint: 'Välj en rad i tabellen först, eller följ mötesledaren.',
	lowerOwnHand: (row: string) => `Ta ner handen (${row})`,
	handsTitle: 'Uppräckta händer',
	noHands: 'Inga uppräckta händer.',
	/** A hand in the leader's queue: order, row and who. */
	handItem: (order: number, row: string, name: string) => `${order}. ${row} – ${name}`,
	lowerHand: (name: string) => `Ta ner ${name}s hand`,
	lowerHandShort: 'Ta ner',
	unknownRow: 'en rad som inte finns längre',
	failed: {
		start: 'Mötet kunde inte startas. Försök igen.',
		end: 'Mötet kunde inte avslutas. Försök igen.',
		focus: 'Din plats i planen kunde inte visas för de andra. Försök igen.',
		handOver: 'Ledningen kunde inte lämnas över. Försök igen.',
		join: 'Du kunde inte ansluta till mötet. Sidan försöker igen om en stund.',
		hand: 'Handen kunde inte räckas upp eller tas ner. Försök igen.'
	},
	dismiss: 'Stäng meddelandet'
} as const;
