// The catalogue's `nav` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const nav = {
	label: 'Huvudmeny',
	overview: 'Översikt',
	admin: 'Administration',
	network: 'Nätverk och medlemmar',
	networkOf: (region: string) => `Nätverk och medlemmar, ${region}`
} as const;
