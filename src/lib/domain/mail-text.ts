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

/** The parts a mail is built from; each renders the same way in its text and its HTML form. */
export type MailBlock =
	| { kind: 'p'; lines: string[] }
	| { kind: 'heading'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'quote'; lines: string[] }
	| { kind: 'link'; label: string; url: string };

export function blocksText(blocks: readonly MailBlock[]): string {
	return blocks
		.map((b) => {
			switch (b.kind) {
				case 'p':
					return b.lines.join('\n');
				case 'heading':
					return b.text;
				case 'list':
					return b.items.map((i) => `  – ${i}`).join('\n');
				case 'quote':
					return b.lines.map((l) => `> ${l}`).join('\n');
				case 'link':
					return `${b.label}: ${b.url}`;
			}
		})
		.join('\n\n');
}

export function blocksHtml(blocks: readonly MailBlock[]): string {
	return blocks
		.map((b) => {
			switch (b.kind) {
				case 'p':
					return `<p>${b.lines.map(escapeHtml).join('<br>')}</p>`;
				case 'heading':
					return `<h2>${escapeHtml(b.text)}</h2>`;
				case 'list':
					return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
				case 'quote':
					return `<blockquote><p>${b.lines.map(escapeHtml).join('<br>')}</p></blockquote>`;
				case 'link':
					return `<p>${escapeHtml(b.label)}: <a href="${escapeHtml(b.url)}">${escapeHtml(b.url)}</a></p>`;
			}
		})
		.join('\n');
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
