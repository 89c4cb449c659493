// The Swedish mails Planbordet sends, as plain text and HTML built from the same parts; every
// value is escaped for HTML, and links are absolute.
import { swedishDate } from './deadline';
import type { MemberRole } from './schemas';

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

/** A member's role as an invitation names it: "som samordnare". */
export const ROLE_IN_SWEDISH: Record<MemberRole, string> = { coordinator: 'samordnare', editor: 'redigerare' };

export interface InvitationMailContext {
	/** The invited person's name, for the greeting. */
	name: string;
	regionName: string;
	/** Who invited them (a coordinator of the region or a Tillväxtverket admin). */
	inviterName: string;
	role: MemberRole;
	/** The one-time sign-in link to the app's confirm page (sign-in-link.ts confirmLink). */
	link: string;
	/** When the invitation stops holding (membership.ts invitationExpiry). */
	expiresAt: Date;
	/** The app's absolute base URL, for asking for a new link. */
	appUrl: string;
}

/** The invitation into a region: who invited whom as what, the sign-in link and until when it holds. */
export function invitationMail(ctx: InvitationMailContext): MailContent {
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: [`Hej ${ctx.name}!`] },
		{
			kind: 'p',
			lines: [
				`${ctx.inviterName} har bjudit in dig som ${ROLE_IN_SWEDISH[ctx.role]} i Planbordet för ${ctx.regionName}.`,
				'I Planbordet fyller nätverket i handlingsplanen för det regionala serviceprogrammet tillsammans.'
			]
		},
		{ kind: 'p', lines: ['Öppna länken och tryck på knappen "Logga in" för att gå med:'] },
		{ kind: 'link', label: 'Gå med i Planbordet', url: ctx.link },
		{
			kind: 'p',
			lines: [
				`Inbjudan gäller till den ${swedishDate(ctx.expiresAt)}.`,
				`Länken kan bara användas en gång. Har den slutat fungera kan du be om en ny inloggningslänk på ${ctx.appUrl.replace(/\/$/, '')}/logga-in.`
			]
		},
		{ kind: 'p', lines: ['Om du inte väntade dig den här inbjudan kan du bortse från meddelandet.'] },
		{ kind: 'p', lines: ['/Planbordet'] }
	];
	return { subject: `Inbjudan till Planbordet – ${ctx.regionName}`, text: blocksText(blocks), html: blocksHtml(blocks) };
}

export interface InvitationExpiredMailContext {
	name: string;
	regionName: string;
	/** Who to ask for a new invitation: the one who invited them, else the region's coordinators. */
	askName: string;
	expiredAt: Date;
}

/** Sent instead of a sign-in link to someone whose only invitations have expired. */
export function invitationExpiredMail(ctx: InvitationExpiredMailContext): MailContent {
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: [`Hej ${ctx.name}!`] },
		{
			kind: 'p',
			lines: [
				`Du har bett om en inloggningslänk till Planbordet, men din inbjudan till ${ctx.regionName} gick ut den ${swedishDate(ctx.expiredAt)}.`,
				`Be ${ctx.askName} att bjuda in dig igen, så får du en ny länk.`
			]
		},
		{ kind: 'p', lines: ['Om det inte var du som bad om länken kan du bortse från det här meddelandet.'] },
		{ kind: 'p', lines: ['/Planbordet'] }
	];
	return { subject: 'Din inbjudan till Planbordet har gått ut', text: blocksText(blocks), html: blocksHtml(blocks) };
}
