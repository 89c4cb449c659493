// How a comment's plain text is shown: web and e-mail addresses become links and '@Full Name' a
// mention; everything else stays text. The UI renders segments as text nodes and <a>, never as HTML.
// linkifyjs finds the addresses; the rules here decide which of them may become a link, and how.
import { find } from 'linkifyjs';
import { findMentions } from './mentions';

export type Segment =
	| { kind: 'text'; text: string }
	| { kind: 'link'; text: string; href: string }
	| { kind: 'mention'; text: string; uid: string };

/** A link must not continue a word, a path or an address ("xhttps://", "/www.", "a@www."). */
const CONTINUES = /[\p{L}\p{N}_@./:-]/u;
/** A URL ends at whitespace, a control character or one of " < > `, so an href can never leave its attribute. */
const URL_END = /[\s"<>`\u0000-\u001f\u007f]/u;
const HTTP = /^https?:\/\//i;
const WWW = /www\./giu;
const URL_HOST = /^(?:https?:\/\/|www\.)[\p{L}\p{N}]/iu;
const URL_TRAILING = /[.,;:!?'"\p{Pi}\p{Pf})\]]/u;
const MAILTO = /^mailto:/i;
/** An address needs a dotted domain (linkifyjs also takes "name@localhost") and a plain local part, so its href has no ?query or #fragment. */
const EMAIL = /^[\p{L}\p{N}._%+-]+@[^@]+\.[^@]+$/u;

interface Span {
	start: number;
	end: number;
	segment: Segment;
}

function count(s: string, ch: string): number {
	return s.split(ch).length - 1;
}

/** Drops sentence punctuation and closing quotes after a URL; a bracket stays when the URL opened it. */
function trimUrl(url: string): string {
	for (;;) {
		const last = url.at(-1) ?? '';
		if (last === ')' || last === ']') {
			if (count(url, last === ')' ? '(' : '[') >= count(url, last)) return url;
		} else if (!URL_TRAILING.test(last)) return url;
		url = url.slice(0, -1);
	}
}

/** The link for a URL found at `start`, or null when the rules above refuse it. */
function urlSpan(text: string, start: number, found: string): Span | null {
	if (CONTINUES.test(text[start - 1] ?? '')) return null;
	const url = trimUrl(found.split(URL_END, 1)[0]);
	if (!URL_HOST.test(url)) return null;
	const href = /^www\./i.test(url) ? `https://${url}` : url;
	return { start, end: start + url.length, segment: { kind: 'link', text: url, href } };
}

function emailSpan(start: number, address: string): Span | null {
	if (!EMAIL.test(address)) return null;
	return { start, end: start + address.length, segment: { kind: 'link', text: address, href: `mailto:${address}` } };
}

/**
 * http(s) URLs and e-mail addresses as linkifyjs finds them. A "mailto:" URL links its address only.
 * Every other scheme (javascript:, data:, file:, ftp: …) and bare domains ("krokom.se") stay text.
 */
function foundSpans(text: string): Span[] {
	const out: Span[] = [];
	for (const m of find(text)) {
		let span: Span | null = null;
		if (m.type === 'email') span = emailSpan(m.start, m.value);
		else if (m.type === 'url' && HTTP.test(m.value)) span = urlSpan(text, m.start, m.value);
		else if (m.type === 'url' && MAILTO.test(m.value)) {
			const address = m.value.slice('mailto:'.length);
			if (find(address, 'email').some((e) => e.start === 0 && e.end === address.length)) span = emailSpan(m.start + 'mailto:'.length, address);
		}
		if (span) out.push(span);
	}
	return out;
}

/**
 * www. addresses. linkifyjs only takes one without a scheme when its top-level domain is on its
 * list; a www. address here links whatever the domain, so each is read as the https:// URL it
 * stands for (which linkifyjs accepts with any host), and that URL's extent is used.
 */
function wwwSpans(text: string): Span[] {
	const out: Span[] = [];
	for (const m of text.matchAll(WWW)) {
		const candidate = text.slice(m.index).split(URL_END, 1)[0];
		const url = find(`https://${candidate}`, 'url').find((f) => f.start === 0);
		const span = url && urlSpan(text, m.index, url.value.slice('https://'.length));
		if (span) out.push(span);
	}
	return out;
}

/**
 * Links: http:// and https:// URLs and www. addresses (href gets https://), trailing . , ; : ! ? ) ] and
 * quotes excluded (a ')' inside a URL with a matching '(' stays); e-mail addresses as mailto:. Nothing
 * else becomes a link (javascript:, data:, vbscript: and other schemes stay text). Mentions: '@Full Name'
 * of the given people (as mentionedUids matches them). Adjacent text merges into one segment.
 */
export function segments(text: string, people: Array<{ uid: string; name: string }>): Segment[] {
	const mentions: Span[] = findMentions(text, people).map((m) => ({
		start: m.start,
		end: m.end,
		segment: { kind: 'mention', text: text.slice(m.start, m.end), uid: m.uid }
	}));
	// The earliest span wins an overlap (a URL holding an address); at the same start, the longest.
	const spans = [...mentions, ...foundSpans(text), ...wwwSpans(text)].sort((a, b) => a.start - b.start || b.end - a.end);

	const out: Segment[] = [];
	const pushText = (s: string) => {
		if (!s) return;
		const last = out.at(-1);
		if (last?.kind === 'text') last.text += s;
		else out.push({ kind: 'text', text: s });
	};
	let pos = 0;
	for (const span of spans) {
		if (span.start < pos) continue;
		pushText(text.slice(pos, span.start));
		out.push(span.segment);
		pos = span.end;
	}
	pushText(text.slice(pos));
	return out;
}
