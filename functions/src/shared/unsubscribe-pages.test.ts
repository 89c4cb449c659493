import { describe, expect, it } from 'vitest';
import { confirmPage, donePage, invalidLinkPage, methodNotAllowedPage } from './unsubscribe-pages';

describe('the unsubscribe pages', () => {
	it('asks with a button that posts the token back, and says it can be undone', () => {
		const html = confirmPage('dS1rcm9rb20.abc_-');
		expect(html).toContain('<html lang="sv">');
		expect(html).toMatch(/<form method="post">\s*<input type="hidden" name="token" value="dS1rcm9rb20.abc_-">\s*<button type="submit">Avsluta påminnelser<\/button>/);
		expect(html).toContain('Du kan slå på dem igen i Planbordet.');
	});

	it('escapes the token in the form', () => {
		const html = confirmPage('"><script>alert(1)</script>');
		expect(html).not.toContain('<script>');
		expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
	});

	it('confirms in Swedish and links to the app', () => {
		const html = donePage('https://planbordet.example');
		expect(html).toContain('Du får inte längre påminnelser från Planbordet om att handlingsplanen ska lämnas in. Du kan slå på dem igen i Planbordet.');
		expect(html).toContain('<a href="https://planbordet.example">Gå till Planbordet</a>');
	});

	it('explains a broken link and a wrong method in Swedish, without a form', () => {
		expect(invalidLinkPage('https://planbordet.example')).toContain('Länken fungerar inte');
		expect(invalidLinkPage('https://planbordet.example')).not.toContain('<form');
		expect(methodNotAllowedPage('https://planbordet.example')).toContain('<html lang="sv">');
	});
});
