// The small Swedish pages of the unsubscribe link (unsubscribe-reminders.ts): the question with a
// button (opening the link changes nothing — mail link scanners open links), the confirmation, and
// the answer to a broken link. Self-contained HTML, every value escaped.
import { escapeHtml } from '../../../src/lib/domain/mail-text';

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Planbordet</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 2rem 1rem; color: #1b1f24; background: #f6f7f9; line-height: 1.5; }
main { max-width: 34rem; margin: 0 auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; border: 1px solid #d0d5dc; }
h1 { font-size: 1.4rem; margin-top: 0; }
button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
a { color: #1f5f8b; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

const appLink = (appUrl: string) => `<p><a href="${escapeHtml(appUrl)}">Gå till Planbordet</a></p>`;

/** GET: asks before doing anything; the button posts the token back to the same address. */
export function confirmPage(token: string): string {
	return page(
		'Avsluta påminnelser',
		`<p>Vill du sluta få påminnelser från Planbordet om att handlingsplanen ska lämnas in?</p>
<form method="post">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Avsluta påminnelser</button>
</form>
<p>Du kan slå på dem igen i Planbordet.</p>`
	);
}

/** POST with a valid token: done. */
export function donePage(appUrl: string): string {
	return page(
		'Påminnelserna är avslutade',
		`<p>Du får inte längre påminnelser från Planbordet om att handlingsplanen ska lämnas in. Du kan slå på dem igen i Planbordet.</p>
${appLink(appUrl)}`
	);
}

/** A missing, malformed or forged token (400). */
export function invalidLinkPage(appUrl: string): string {
	return page(
		'Länken fungerar inte',
		`<p>Länken för att avsluta påminnelser är ogiltig eller ofullständig. Kontrollera att du har kopierat hela länken från mejlet, eller slå av påminnelserna i Planbordet.</p>
${appLink(appUrl)}`
	);
}

/** Any method but GET, HEAD and POST (405). */
export function methodNotAllowedPage(appUrl: string): string {
	return page('Det gick inte', `<p>Sidan kan bara visas eller skickas med formuläret.</p>\n${appLink(appUrl)}`);
}
