// Milestones of a page load on the browser's performance timeline (User Timing marks), each set once:
// bench/cold-load reads them to say where a cold plan link's time goes. Nothing in the app reads them.
export const LOAD_MARKS = { auth: 'planbordet:auth', profile: 'planbordet:profile', planSession: 'planbordet:plan-session' } as const;

/** Marks `name` now, the first time only (a later sign-in or plan of the same page keeps the first). */
export function markLoad(name: (typeof LOAD_MARKS)[keyof typeof LOAD_MARKS]): void {
	if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
	if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
