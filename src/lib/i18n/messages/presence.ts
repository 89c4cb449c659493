// The catalogue's `presence` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const presence = {
	label: 'Här i planen nu',
	alone: 'Bara du är här just nu.',
	self: (name: string) => `${name} (du)`
} as const;
