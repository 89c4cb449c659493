// Mention mails, batched: who a comment newly mentions, whether a person's next digest may go out
// (at most one per person per 10 minutes), the direct link to the row and thread, and the Swedish
// digest listing every mention since the last one. Pure: the clock is always an argument.
import { swedishDateTime } from './deadline';
import { blocksHtml, blocksText, type MailBlock, type MailContent } from './mail-text';
import { planLink } from './reminders';
import type { Comment } from './schemas';

/** A person gets at most one mention mail per this window; later mentions wait for the next digest. */
export const MENTION_WINDOW_MS = 10 * 60_000;

/** Whether a person's next digest may go out now: never sent, or the last one is a full window ago. */
export function digestDue(lastSentAt: Date | null, now: Date): boolean {
	return lastSentAt === null || now.getTime() - lastSentAt.getTime() >= MENTION_WINDOW_MS;
}

/**
 * The uids a comment write newly mentions, in the comment's order, each once: mentioned after the
 * write but not before it (so an edit mails only the people it adds), never the author. A deleted
 * comment mentions no one.
 */
export function newMentions(before: Pick<Comment, 'mentions'> | null, after: Pick<Comment, 'mentions'> | null, authorUid: string): string[] {
	if (!after) return [];
	const already = new Set(before?.mentions ?? []);
	already.add(authorUid);
	return [...new Set(after.mentions)].filter((uid) => !already.has(uid));
}

/** `${appUrl}/plan/${regionId}/${year}?rad=${rowId}&trad=${threadId}`: the plan opened at the row and its thread. */
export function mentionLink(appUrl: string, regionId: string, year: string, rowId: string, threadId: string): string {
	return `${planLink(appUrl, regionId, year)}?rad=${encodeURIComponent(rowId)}&trad=${encodeURIComponent(threadId)}`;
}

export interface DigestMention {
	regionId: string;
	regionName: string;
	/** The plan year as its document id, "2026". */
	year: string;
	rowId: string;
	/** The thread's root comment (the comment itself when it is a root). */
	threadId: string;
	authorName: string;
	text: string;
	/** When the mention was written. */
	at: Date;
}

export interface MentionDigest {
	/** The recipient's name, for the greeting. */
	name: string;
	/** The app's absolute base URL. */
	appUrl: string;
	/** Every mention since the last digest. */
	mentions: readonly DigestMention[];
}




const planKey = (m: Pick<DigestMention, 'regionId' | 'year'>) => `${m.regionId}/${m.year}`;

/** "Du har nämnts i handlingsplanen", "Du har nämnts 3 gånger i handlingsplanen", "… i handlingsplanerna" for several plans. */
export function mentionSubject(mentions: readonly Pick<DigestMention, 'regionId' | 'year'>[]): string {
	if (mentions.length <= 1) return 'Du har nämnts i handlingsplanen';
	const plans = new Set(mentions.map(planKey)).size;
	return `Du har nämnts ${mentions.length} gånger i ${plans > 1 ? 'handlingsplanerna' : 'handlingsplanen'}`;
}

/**
 * The digest of one person's mentions, oldest first, in Swedish: plain text and HTML from the same
 * blocks, every value HTML-escaped, times in Stockholm time. Per mention who wrote it and when, in
 * which plan, the comment's text, and the direct link to the row and its thread.
 */
export function mentionDigestMail(digest: MentionDigest): MailContent {
	const mentions = [...digest.mentions].sort((a, b) => a.at.getTime() - b.at.getTime());
	const plural = mentions.length > 1;
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: [`Hej ${digest.name}!`] },
		{
			kind: 'p',
			lines: [plural ? `Du har nämnts i ${mentions.length} kommentarer i Planbordet:` : 'Du har nämnts i en kommentar i Planbordet:']
		}
	];
	for (const m of mentions) {
		blocks.push(
			{ kind: 'p', lines: [`${m.authorName} skrev den ${swedishDateTime(m.at)} i ${m.regionName} – handlingsplan ${m.year}:`] },
			{ kind: 'quote', lines: m.text.split(/\r?\n/) },
			{ kind: 'link', label: 'Öppna raden', url: mentionLink(digest.appUrl, m.regionId, m.year, m.rowId, m.threadId) }
		);
	}
	blocks.push(
		{ kind: 'p', lines: ['/Planbordet'] },
		{ kind: 'p', lines: ['Du får det här mejlet för att någon nämnde dig i en kommentar. Planbordet samlar omnämnanden och mejlar högst en gång var tionde minut.'] }
	);
	return { subject: mentionSubject(mentions), text: blocksText(blocks), html: blocksHtml(blocks) };
}
