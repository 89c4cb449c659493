// How a comment's plain text is shown: web and e-mail addresses become links and '@Full Name' a
// mention; everything else stays text. The UI renders segments as text nodes and <a>, never as HTML.
import { findMentions } from './mentions';

export type Segment =
	| { kind: 'text'; text: string }
	| { kind: 'link'; text: string; href: string }
	| { kind: 'mention'; text: string; uid: string };

/**
 * A URL runs to whitespace, a control character or one of " < > `, so an href can never leave its
 * attribute. It must not continue a word, a path or an address ("xhttps://", "/www.", "a@www.").
 */
const WEB_ADDRESS = /(?<![\p{L}\p{N}_@./:-])(?:https?:\/\/|www\.)[^\s"<>`\u0000-\u001f\u007f]+/giu;
const URL_HOST = /^(?:https?:\/\/|www\.)[\p{L}\p{N}]/iu;
const URL_TRAILING = /[.,;:!?'"\p{Pi}\p{Pf})\]]/u;

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const EMAIL = new RegExp(`(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@(?:${LABEL}\\.)+\\p{L}{2,}(?![\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}])`, 'gu');

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

function urlSpans(text: string): Span[] {
	const out: Span[] = [];
	for (const m of text.matchAll(WEB_ADDRESS)) {
		const url = trimUrl(m[0]);
		if (!URL_HOST.test(url)) continue;
		const href = /^www\./i.test(url) ? `https://${url}` : url;
		out.push({ start: m.index, end: m.index + url.length, segment: { kind: 'link', text: url, href } });
	}
	return out;
}

function emailSpans(text: string): Span[] {
	return [...text.matchAll(EMAIL)].map((m) => ({
		start: m.index,
		end: m.index + m[0].length,
		segment: { kind: 'link', text: m[0], href: `mailto:${m[0]}` }
	}));
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
	const spans = [...mentions, ...emailSpans(text), ...urlSpans(text)].sort((a, b) => a.start - b.start || b.end - a.end);

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
