// A static single-page app: every route renders in the browser (Hosting serves 200.html for all).
export const ssr = false;
export const prerender = false;
