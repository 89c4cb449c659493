import { describe, expect, it } from 'vitest';
import { digestDue, mentionDigestMail, mentionLink, mentionSubject, MENTION_WINDOW_MS, newMentions, type DigestMention } from './mention-batch';

const at = (iso: string) => new Date(iso);
const c = (...mentions: string[]) => ({ mentions });

describe('digestDue', () => {
	const sent = at('2026-03-05T13:00:00Z');

	it('is due for someone never mailed', () => {
		expect(digestDue(null, sent)).toBe(true);
	});

	it('is not due within ten minutes of the last digest, and due from the tenth minute on', () => {
		expect(MENTION_WINDOW_MS).toBe(600_000);
		expect(digestDue(sent, sent)).toBe(false);
		expect(digestDue(sent, at('2026-03-05T13:09:59.999Z'))).toBe(false);
		expect(digestDue(sent, at('2026-03-05T13:10:00Z'))).toBe(true);
		expect(digestDue(sent, at('2026-03-05T13:11:00Z'))).toBe(true);
		expect(digestDue(sent, at('2026-03-06T08:00:00Z'))).toBe(true);
	});

	it('is not due when the last digest lies in the future (a clock behind the recorded one)', () => {
		expect(digestDue(sent, at('2026-03-05T12:55:00Z'))).toBe(false);
	});
});

describe('newMentions', () => {
	it('returns everyone a new comment mentions, except its author, each once in order', () => {
		expect(newMentions(null, c('u2', 'u1', 'u3', 'u2'), 'u1')).toEqual(['u2', 'u3']);
	});

	it('returns only the people an edit adds', () => {
		expect(newMentions(c('u2'), c('u2', 'u3'), 'u1')).toEqual(['u3']);
		expect(newMentions(c('u2', 'u3'), c('u3'), 'u1')).toEqual([]);
	});

	it('returns no one for a deleted comment or one that mentions only its author', () => {
		expect(newMentions(c('u2'), null, 'u1')).toEqual([]);
		expect(newMentions(null, c('u1'), 'u1')).toEqual([]);
	});
});

describe('mentionLink', () => {
	it('opens the plan at the row and its thread', () => {
		expect(mentionLink('https://planbordet.example/', 'jamtland-harjedalen', '2026', 'row1', 'thr1')).toBe(
			'https://planbordet.example/plan/jamtland-harjedalen/2026?rad=row1&trad=thr1'
		);
	});
});

describe('mentionDigestMail', () => {
	const base = { regionId: 'jamtland-harjedalen', regionName: 'Region Jämtland Härjedalen', year: '2026' };
	const first: DigestMention = {
		...base,
		rowId: 'rowA',
		threadId: 'thrA',
		authorName: 'Malin Samordnare',
		text: 'Kan du titta på målet?\nDet saknas siffror.',
		// 13:03 UTC in March is 14:03 in Stockholm (winter time).
		at: at('2026-03-05T13:03:00Z')
	};
	const second: DigestMention = {
		...base,
		rowId: 'rowB',
		threadId: 'thrB',
		authorName: 'Östen <Östersund> & co',
		text: '<script>alert("x")</script> se raden',
		// 11:30 UTC in July is 13:30 in Stockholm (summer time).
		at: at('2026-07-01T11:30:00Z')
	};

	it('greets the person and names the author, time, plan, text and direct link of one mention', () => {
		const m = mentionDigestMail({ name: 'Karin Krokom', appUrl: 'https://planbordet.example', mentions: [first] });
		expect(m.subject).toBe('Du har nämnts i handlingsplanen');
		expect(m.text).toBe(
			[
				'Hej Karin Krokom!',
				'',
				'Du har nämnts i en kommentar i Planbordet:',
				'',
				'Malin Samordnare skrev den 5 mars 2026 kl. 14:03 i Region Jämtland Härjedalen – handlingsplan 2026:',
				'',
				'> Kan du titta på målet?',
				'> Det saknas siffror.',
				'',
				'Öppna raden: https://planbordet.example/plan/jamtland-harjedalen/2026?rad=rowA&trad=thrA',
				'',
				'/Planbordet',
				'',
				'Du får det här mejlet för att någon nämnde dig i en kommentar. Planbordet samlar omnämnanden och mejlar högst en gång var tionde minut.'
			].join('\n')
		);
		expect(m.html).toContain('<blockquote><p>Kan du titta på målet?<br>Det saknas siffror.</p></blockquote>');
		expect(m.html).toContain(
			'<a href="https://planbordet.example/plan/jamtland-harjedalen/2026?rad=rowA&amp;trad=thrA">https://planbordet.example/plan/jamtland-harjedalen/2026?rad=rowA&amp;trad=thrA</a>'
		);
	});

	it('lists several mentions oldest first under a plural subject', () => {
		const m = mentionDigestMail({ name: 'Karin', appUrl: 'https://planbordet.example', mentions: [second, first] });
		expect(m.subject).toBe('Du har nämnts 2 gånger i handlingsplanen');
		expect(m.text).toContain('Du har nämnts i 2 kommentarer i Planbordet:');
		expect(m.text.indexOf('rad=rowA')).toBeGreaterThan(0);
		expect(m.text.indexOf('rad=rowA')).toBeLessThan(m.text.indexOf('rad=rowB'));
		expect(m.text).toContain('skrev den 1 juli 2026 kl. 13:30 i');
	});

	it('keeps the text as written in plain text and escapes every value in HTML', () => {
		const m = mentionDigestMail({ name: 'Karin "K" <k>', appUrl: 'https://planbordet.example', mentions: [second] });
		expect(m.text).toContain('> <script>alert("x")</script> se raden');
		expect(m.html).not.toContain('<script>');
		expect(m.html).not.toContain('<Östersund>');
		expect(m.html).not.toContain('<k>');
		expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; se raden');
		expect(m.html).toContain('Östen &lt;Östersund&gt; &amp; co skrev');
		expect(m.html).toContain('Hej Karin &quot;K&quot; &lt;k&gt;!');
	});

	it('says handlingsplanerna when the mentions are in several plans', () => {
		expect(mentionSubject([base, { ...base, year: '2027' }, base])).toBe('Du har nämnts 3 gånger i handlingsplanerna');
	});
});
