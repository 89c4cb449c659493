// The catalogue's `planStatus` texts (sv.ts re-exports every section: a page loads only the sections it uses).
export const planStatus = { draft: 'Utkast', submitted: 'Inlämnad' } as const;
