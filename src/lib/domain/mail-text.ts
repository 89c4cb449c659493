// The Swedish mails Planbordet sends, as plain text and HTML built from the same parts; every
// value is escaped for HTML, and links are absolute.
export interface MailContent {
	subject: string;
	text: string;
	html: string;
}

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function signInMail(link: string, name: string | null): MailContent {
	const greeting = name ? `Hej ${name}!` : 'Hej!';
	const text = [
		greeting,
		'',
		'Du har bett om en inloggningslänk till Planbordet, Service Z:s handlingsplan.',
		'Öppna länken och tryck på knappen "Logga in" för att logga in:',
		'',
		link,
		'',
		'Länken kan bara användas en gång. Om det inte var du som bad om den kan du bortse från det här meddelandet.',
		'',
		'/Planbordet'
	].join('\n');
	const html =
		`<p>${escapeHtml(greeting)}</p>` +
		'<p>Du har bett om en inloggningslänk till Planbordet, Service Z:s handlingsplan. ' +
		'Öppna länken och tryck på knappen <strong>Logga in</strong> för att logga in:</p>' +
		`<p><a href="${escapeHtml(link)}">Logga in i Planbordet</a></p>` +
		'<p>Länken kan bara användas en gång. Om det inte var du som bad om den kan du bortse från det här meddelandet.</p>' +
		'<p>/Planbordet</p>';
	return { subject: 'Din inloggningslänk till Planbordet', text, html };
}
