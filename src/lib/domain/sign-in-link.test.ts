import { describe, it, expect } from 'vitest';
import { confirmLink } from './sign-in-link';

const firebaseLink =
	'https://planbordet.firebaseapp.com/__/auth/action?apiKey=AIzaKey&mode=signIn&oobCode=OOB-123_x' +
	'&continueUrl=https%3A%2F%2Fevil.example%2Fsteal';
const appUrl = 'https://planbordet.example';

const parse = (s: string) => new URL(s);

describe('confirmLink', () => {
	it('points at the app confirm page', () => {
		const u = parse(confirmLink(firebaseLink, appUrl));
		expect(u.origin).toBe(appUrl);
		expect(u.pathname).toBe('/logga-in/bekrafta');
	});

	it('keeps mode, oobCode and apiKey', () => {
		const p = parse(confirmLink(firebaseLink, appUrl)).searchParams;
		expect(p.get('mode')).toBe('signIn');
		expect(p.get('oobCode')).toBe('OOB-123_x');
		expect(p.get('apiKey')).toBe('AIzaKey');
	});

	it('adds lang=sv when the link has no language', () => {
		expect(parse(confirmLink(firebaseLink, appUrl)).searchParams.get('lang')).toBe('sv');
	});

	it('drops continueUrl and any other parameter', () => {
		const withExtra = `${firebaseLink}&utm_source=mail&redirect=https%3A%2F%2Fevil.example`;
		const p = parse(confirmLink(withExtra, appUrl)).searchParams;
		expect(p.has('continueUrl')).toBe(false);
		expect(p.has('utm_source')).toBe(false);
		expect(p.has('redirect')).toBe(false);
		expect([...p.keys()].sort()).toEqual(['apiKey', 'lang', 'mode', 'oobCode']);
	});

	it('keeps a tenantId when present', () => {
		const p = parse(confirmLink(`${firebaseLink}&tenantId=t-1`, appUrl)).searchParams;
		expect(p.get('tenantId')).toBe('t-1');
	});

	it('builds the expected URL exactly', () => {
		expect(confirmLink(firebaseLink, appUrl)).toBe(
			'https://planbordet.example/logga-in/bekrafta?mode=signIn&oobCode=OOB-123_x&apiKey=AIzaKey&lang=sv'
		);
	});

	it('does not double the slash when the app URL ends with one', () => {
		expect(confirmLink(firebaseLink, `${appUrl}/`)).toMatch(/^https:\/\/planbordet\.example\/logga-in\/bekrafta\?/);
	});

	it('works for a local app URL with a port', () => {
		const u = parse(confirmLink(firebaseLink, 'http://127.0.0.1:5173'));
		expect(u.host).toBe('127.0.0.1:5173');
		expect(u.pathname).toBe('/logga-in/bekrafta');
	});

	it('re-encodes parameter values safely', () => {
		const link = 'https://x.example/__/auth/action?mode=signIn&oobCode=a%2Bb%3D%26c&apiKey=k';
		expect(parse(confirmLink(link, appUrl)).searchParams.get('oobCode')).toBe('a+b=&c');
	});

	it('throws on a link that is not a URL', () => {
		expect(() => confirmLink('not a url', appUrl)).toThrow();
	});
});
