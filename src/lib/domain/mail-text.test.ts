import { describe, it, expect } from 'vitest';
import { escapeHtml, invitationExpiredMail, invitationMail, signInMail } from './mail-text';

const link = 'https://planbordet.example/logga-in/bekrafta?mode=signIn&oobCode=abc123&apiKey=key&lang=sv';

describe('escapeHtml', () => {
	it('escapes the five HTML-significant characters', () => {
		expect(escapeHtml(`& < > " '`)).toBe('&amp; &lt; &gt; &quot; &#39;');
	});

	it('escapes & first so entities are not double-decoded', () => {
		expect(escapeHtml('&lt;')).toBe('&amp;lt;');
	});

	it('leaves ordinary and Swedish text alone', () => {
		expect(escapeHtml('Åsa Öberg, Härjedalen')).toBe('Åsa Öberg, Härjedalen');
		expect(escapeHtml('')).toBe('');
	});

	it('neutralises a script tag', () => {
		expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
	});
});

describe('signInMail', () => {
	it('has a Swedish subject', () => {
		expect(signInMail(link, null).subject).toBe('Din inloggningslänk till Planbordet');
	});

	it('puts the link on its own line in the text', () => {
		const { text } = signInMail(link, 'Karin Krokom');
		expect(text.split('\n')).toContain(link);
	});

	it('links to the same address in the HTML, escaped for the attribute', () => {
		const { html } = signInMail(link, 'Karin Krokom');
		expect(html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
		const href = /href="([^"]*)"/.exec(html)?.[1];
		expect(href?.replaceAll('&amp;', '&')).toBe(link);
	});

	it('greets by name, or without one', () => {
		expect(signInMail(link, 'Karin Krokom').text.startsWith('Hej Karin Krokom!\n')).toBe(true);
		expect(signInMail(link, 'Karin Krokom').html).toContain('<p>Hej Karin Krokom!</p>');
		expect(signInMail(link, null).text.startsWith('Hej!\n')).toBe(true);
		expect(signInMail(link, null).html).toContain('<p>Hej!</p>');
	});

	it('treats an empty name as no name', () => {
		expect(signInMail(link, '').text.startsWith('Hej!\n')).toBe(true);
	});

	it('is written in Swedish and explains the one-time link', () => {
		const { text, html } = signInMail(link, null);
		for (const body of [text, html]) {
			expect(body).toContain('inloggningslänk till Planbordet');
			expect(body).toContain('Logga in');
			expect(body).toContain('Länken kan bara användas en gång.');
			expect(body).toContain('/Planbordet');
		}
	});

	it('escapes the name in the HTML (no injected markup)', () => {
		const name = '<script>alert(1)</script> & <img src=x onerror="x">';
		const { text, html } = signInMail(link, name);
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<img');
		expect(html).toContain('Hej &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=&quot;x&quot;&gt;!');
		// Plain text is not HTML: the name appears as typed.
		expect(text).toContain(`Hej ${name}!`);
	});

	it('escapes a link that tries to break out of the href attribute', () => {
		const evil = 'https://planbordet.example/x?a="><script>alert(1)</script>';
		const { html } = signInMail(evil, null);
		expect(html).not.toContain('<script>');
		expect(html).toContain('href="https://planbordet.example/x?a=&quot;&gt;&lt;script&gt;');
	});

	it('has exactly one link in the HTML', () => {
		expect(signInMail(link, 'Karin').html.match(/<a /g)).toHaveLength(1);
	});
});

describe('invitationMail', () => {
	const ctx = {
		name: 'Nina Ny',
		regionName: 'Region Jämtland Härjedalen',
		inviterName: 'Malin Samordnare',
		role: 'editor' as const,
		link,
		// 23:30 on 15 March in Stockholm; an hour later it is 16 March there (the date is Stockholm's, not UTC's).
		expiresAt: new Date('2026-03-15T22:30:00Z'),
		appUrl: 'https://planbordet.example/'
	};

	it('names the region in the subject', () => {
		expect(invitationMail(ctx).subject).toBe('Inbjudan till Planbordet – Region Jämtland Härjedalen');
	});

	it('says who invited whom, as what, and until when the invitation holds (Stockholm date)', () => {
		const { text, html } = invitationMail(ctx);
		for (const body of [text, html]) {
			expect(body).toContain('Hej Nina Ny!');
			expect(body).toContain('Malin Samordnare har bjudit in dig som redigerare i Planbordet för Region Jämtland Härjedalen.');
			expect(body).toContain('Inbjudan gäller till den 15 mars 2026.');
			expect(body).toContain('be om en ny inloggningslänk på https://planbordet.example/logga-in.');
		}
		expect(invitationMail({ ...ctx, expiresAt: new Date('2026-03-15T23:30:00Z') }).text).toContain('till den 16 mars 2026.');
		expect(invitationMail({ ...ctx, role: 'coordinator' }).text).toContain('dig som samordnare i Planbordet');
	});

	it('puts the sign-in link in the text and as the one link in the HTML', () => {
		const { text, html } = invitationMail(ctx);
		expect(text.split(/\s+/)).toContain(link);
		expect(html.match(/<a /g)).toHaveLength(1);
		expect(/href="([^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&')).toBe(link);
	});

	it('escapes the names in the HTML', () => {
		const { html, text } = invitationMail({ ...ctx, name: '<b>Nina</b>', inviterName: 'A & B <script>' });
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<b>');
		expect(html).toContain('Hej &lt;b&gt;Nina&lt;/b&gt;!');
		expect(html).toContain('A &amp; B &lt;script&gt; har bjudit in dig');
		expect(text).toContain('A & B <script> har bjudit in dig');
	});
});

describe('invitationExpiredMail', () => {
	const ctx = { name: 'Nina Ny', regionName: 'Region Jämtland Härjedalen', askName: 'Malin Samordnare', expiredAt: new Date('2026-03-15T09:00:00Z') };

	it('says the invitation expired, when, and whom to ask, with no link', () => {
		const { subject, text, html } = invitationExpiredMail(ctx);
		expect(subject).toBe('Din inbjudan till Planbordet har gått ut');
		for (const body of [text, html]) {
			expect(body).toContain('Hej Nina Ny!');
			expect(body).toContain('din inbjudan till Region Jämtland Härjedalen gick ut den 15 mars 2026.');
			expect(body).toContain('Be Malin Samordnare att bjuda in dig igen');
		}
		expect(html).not.toContain('<a ');
		expect(text).not.toContain('http');
	});

	it('escapes the names in the HTML', () => {
		expect(invitationExpiredMail({ ...ctx, askName: '<i>x</i>' }).html).toContain('Be &lt;i&gt;x&lt;/i&gt; att');
	});
});
