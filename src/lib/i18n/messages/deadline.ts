// The catalogue's `deadline` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const deadline = {
	/** "12 dagar kvar till 31 januari 2027" (left is deadline.ts daysLeftText) */
	left: (left: string, date: string) => `${left} till ${date}`,
	today: (dateTime: string) => `Sista dagen idag: senast ${dateTime}`,
	past: (date: string) => `Sista dag var ${date}`
} as const;
