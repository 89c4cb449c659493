// The catalogue's `role` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const role = { coordinator: 'Samordnare', editor: 'Redigerare' } as const;
