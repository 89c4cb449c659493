import { describe, expect, it } from 'vitest';
import { segments, type Segment } from './rich-text';

const people = [
	{ uid: 'anna', name: 'Anna' },
	{ uid: 'annas', name: 'Anna Svensson' },
	{ uid: 'bo', name: 'Bo Ek' }
];
const seg = (text: string) => segments(text, people);
const text = (t: string): Segment => ({ kind: 'text', text: t });
const link = (t: string, href = t): Segment => ({ kind: 'link', text: t, href });
const links = (t: string) => seg(t).filter((s) => s.kind === 'link');

describe('segments: plain text', () => {
	it('returns one text segment for text without links or mentions, and none for no text', () => {
		expect(seg('Hej på dig!\nNy rad.')).toEqual([text('Hej på dig!\nNy rad.')]);
		expect(seg('')).toEqual([]);
	});

	it('gives back every character, in order', () => {
		const input = 'Se https://ex.example/a?b=1, skriv till info@ex.example eller @Bo Ek (www.ex.example).';
		expect(seg(input).map((s) => s.text).join('')).toBe(input);
	});
});

describe('segments: web addresses', () => {
	it('links http and https URLs as written', () => {
		expect(seg('Se https://ex.example/plan?x=1&y=2#a här')).toEqual([
			text('Se '),
			link('https://ex.example/plan?x=1&y=2#a'),
			text(' här')
		]);
		expect(seg('http://ex.example')).toEqual([link('http://ex.example')]);
		expect(links('HTTPS://EX.EXAMPLE/A')).toEqual([link('HTTPS://EX.EXAMPLE/A')]);
	});

	it('links www. addresses with an https:// href', () => {
		expect(seg('Läs www.ex.example/sida.')).toEqual([text('Läs '), link('www.ex.example/sida', 'https://www.ex.example/sida'), text('.')]);
	});

	it('leaves trailing sentence punctuation and quotes out of the link', () => {
		for (const end of ['.', ',', ';', ':', '!', '?', ')', ']', '"', "'", '”', '’', '»', '.)', '!"', '?”']) {
			expect(seg(`https://ex.example/a${end}`)).toEqual([link('https://ex.example/a'), text(end)]);
		}
	});

	it("keeps a ')' or ']' that closes one opened inside the URL", () => {
		expect(links('(se https://sv.wikipedia.example/wiki/Ombud_(handel))')).toEqual([link('https://sv.wikipedia.example/wiki/Ombud_(handel)')]);
		expect(links('https://ex.example/a[1]')).toEqual([link('https://ex.example/a[1]')]);
		expect(seg('(https://ex.example/a)')).toEqual([text('('), link('https://ex.example/a'), text(')')]);
	});

	it('keeps punctuation inside the URL and Swedish letters in the path', () => {
		expect(links('https://ex.example/a.b,c;d/Östersund?q=å.')).toEqual([link('https://ex.example/a.b,c;d/Östersund?q=å')]);
	});

	it('needs a host after the scheme or www.', () => {
		expect(seg('https:// och www. och http://.')).toEqual([text('https:// och www. och http://.')]);
	});

	it('does not start a link inside a word or a path', () => {
		expect(seg('xhttps://ex.example')).toEqual([text('xhttps://ex.example')]);
		expect(seg('foo/www.ex.example')).toEqual([text('foo/www.ex.example')]);
	});

	it('ends a URL at whitespace, quotes, angle brackets and backticks', () => {
		expect(links('https://ex.example/a b')).toEqual([link('https://ex.example/a')]);
		expect(links('https://ex.example/a<b')).toEqual([link('https://ex.example/a')]);
		expect(links('https://ex.example/a`b')).toEqual([link('https://ex.example/a')]);
		expect(links('https://ex.example/a\tb')).toEqual([link('https://ex.example/a')]);
	});
});

describe('segments: e-mail addresses', () => {
	it('links an address with a mailto: href, sentence punctuation left out', () => {
		expect(seg('Mejla anna.svensson+plan@krokom.ex.se.')).toEqual([
			text('Mejla '),
			link('anna.svensson+plan@krokom.ex.se', 'mailto:anna.svensson+plan@krokom.ex.se'),
			text('.')
		]);
	});

	it('needs a domain with a top-level part of letters', () => {
		expect(seg('anna@localhost och a@b.c och a@b.se2')).toEqual([text('anna@localhost och a@b.c och a@b.se2')]);
	});

	it('lets a URL that holds an address stay one link', () => {
		expect(seg('https://ex.example/?to=a@b.se')).toEqual([link('https://ex.example/?to=a@b.se')]);
	});

	it('links the address in "mailto:" text but not the scheme', () => {
		expect(seg('mailto:a@b.se')).toEqual([text('mailto:'), link('a@b.se', 'mailto:a@b.se')]);
	});
});

describe('segments: mentions', () => {
	it('marks the mentioned full names with their uid', () => {
		expect(seg('@Anna Svensson och @Bo Ek, titta')).toEqual([
			{ kind: 'mention', text: '@Anna Svensson', uid: 'annas' },
			text(' och '),
			{ kind: 'mention', text: '@Bo Ek', uid: 'bo' },
			text(', titta')
		]);
	});

	it('keeps the text as typed and matches as mentionedUids does', () => {
		expect(seg('hej @anna!')).toEqual([text('hej '), { kind: 'mention', text: '@anna', uid: 'anna' }, text('!')]);
		expect(seg('@Bo Ekström och kalle@Bo Ek')).toEqual([text('@Bo Ekström och kalle@Bo Ek')]);
	});

	it('mixes mentions and links', () => {
		expect(seg('@Bo Ek: www.ex.example')).toEqual([
			{ kind: 'mention', text: '@Bo Ek', uid: 'bo' },
			text(': '),
			link('www.ex.example', 'https://www.ex.example')
		]);
	});
});

describe('segments: hostile text stays text', () => {
	const safeHref = (href: string) => /^(https?:\/\/|mailto:)/i.test(href) && !/["<>\s]/.test(href);

	it.each([
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'<a href="javascript:alert(1)">x</a>'
	])('%s', (payload) => {
		expect(seg(payload)).toEqual([text(payload)]);
	});

	it('does not link a www. address hidden in a javascript: URL', () => {
		expect(links('javascript://www.ex.example/%0aalert(1)')).toEqual([]);
	});

	it('cuts a URL at a quote or bracket so the rest stays text', () => {
		const out = seg('https://ex.example/"><script>alert(1)</script>');
		expect(out).toEqual([link('https://ex.example/'), text('"><script>alert(1)</script>')]);
		const onerror = seg("https://ex.example/'onmouseover='alert(1)'<b>");
		expect(onerror.every((s) => s.kind !== 'link' || safeHref(s.href))).toBe(true);
	});

	it('only ever gives http(s) and mailto hrefs without quotes, angle brackets or whitespace', () => {
		const nasty = [
			'https://ex.example/"onclick="alert(1)',
			'www.ex.example/<svg/onload=alert(1)>',
			'http://ex.example/\u0000x',
			'a@b.se"><script>',
			'https://ex.example/\u2028x',
			'(https://ex.example/x)"',
			'https://ex.example/a b@c.se javascript:alert(1)'
		];
		for (const n of nasty) {
			const hrefs = links(n).map((s) => (s.kind === 'link' ? s.href : ''));
			expect(hrefs.length).toBeGreaterThan(0);
			for (const h of hrefs) expect(safeHref(h), `${n} -> ${h}`).toBe(true);
		}
	});
});
