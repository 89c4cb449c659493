// The Swedish mails about a plan's lock: the receipt every member of the region gets when a
// coordinator submits the year (with the organisations' sign-offs), the notice when a coordinator
// reopens it (with the reason), and the request to an organisation to sign the plan off.
// Plain text and HTML from the same blocks, every value HTML-escaped, times in Stockholm time.
import { swedishDateTime } from './deadline';
import { blocksHtml, blocksText, type MailBlock, type MailContent } from './mail-text';
import { planLink } from './reminders';
import type { PriorityArea, Reopening, Submission, SubmittedSignOff } from './schemas';
import { SIGN_OFF_WORDS } from './sign-off-words';




/** "1 insats", "5 insatser", "0 insatser" */
export function insatserText(n: number): string {
	return `${n} ${n === 1 ? 'insats' : 'insatser'}`;
}

export interface PlanMailContext {
	/** The recipient's name, for the greeting. */
	name: string;
	regionId: string;
	regionName: string;
	/** The plan year as its document id, "2026". */
	year: string;
	/** The app's absolute base URL. */
	appUrl: string;
}

/**
 * "1. Stärka tillgängligheten …: 5 insatser" per area, in area order, from a submission's
 * rowsPerArea and the region's area titles (an area the region no longer has reads "Område n").
 */
export function areaLines(rowsPerArea: Readonly<Record<string, number>>, areas: readonly PriorityArea[]): string[] {
	return Object.keys(rowsPerArea)
		.map(Number)
		.sort((a, b) => a - b)
		.map((n) => {
			const title = areas.find((a) => a.number === n)?.title ?? `Område ${n}`;
			return `${n}. ${title}: ${insatserText(rowsPerArea[String(n)])}`;
		});
}

/** "Krokoms kommun: godkänd (Karin Krokom, 20 januari 2027 kl. 11:15)" per organisation of a submission, in its order. */
export function signOffLines(signOffs: readonly SubmittedSignOff[]): string[] {
	const t = SIGN_OFF_WORDS;
	return signOffs.map((o) => t.mail.line(o.orgName, t.states[o.state], o.state === 'none' ? null : o.name, o.state === 'none' || !o.at ? null : swedishDateTime(o.at)));
}

/** The receipt of a submission: who handed in the plan and when, rows per priority area, the sign-offs, the link. */
export function submissionReceiptMail(ctx: PlanMailContext & { submission: Submission; areas: readonly PriorityArea[] }): MailContent {
	const s = ctx.submission;
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: [`Hej ${ctx.name}!`] },
		{
			kind: 'p',
			lines: [`${s.byName} lämnade in handlingsplanen ${ctx.year} för ${ctx.regionName} den ${swedishDateTime(s.at)}.`]
		},
		{ kind: 'p', lines: ['Insatser per prioriterat område:'] },
		{ kind: 'list', items: areaLines(s.rowsPerArea, ctx.areas) },
		{ kind: 'p', lines: [`Totalt ${insatserText(s.rowCount)}.`] },
		// A submission made before sign-offs existed (or of a network without organisations) lists none.
		...(s.signOffs.length > 0 ? ([{ kind: 'p', lines: [SIGN_OFF_WORDS.mail.receiptHeading] }, { kind: 'list', items: signOffLines(s.signOffs) }] satisfies MailBlock[]) : []),
		{
			kind: 'p',
			lines: [
				'Planen är nu låst: ingen kan ändra den förrän en samordnare öppnar den igen och anger varför.',
				`Kontrollsumma (SHA-256) för det inlämnade innehållet: ${s.contentHash}`
			]
		},
		{ kind: 'link', label: 'Öppna planen', url: planLink(ctx.appUrl, ctx.regionId, ctx.year) },
		{ kind: 'p', lines: ['/Planbordet'] }
	];
	return {
		subject: `Handlingsplan ${ctx.year} är inlämnad – ${ctx.regionName}`,
		text: blocksText(blocks),
		html: blocksHtml(blocks)
	};
}

/** The notice of a reopening: who reopened the plan, when and why, the link. */
export function reopenedMail(ctx: PlanMailContext & { reopening: Reopening }): MailContent {
	const r = ctx.reopening;
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: [`Hej ${ctx.name}!`] },
		{
			kind: 'p',
			lines: [`${r.byName} har öppnat planen igen: handlingsplanen ${ctx.year} för ${ctx.regionName}, den ${swedishDateTime(r.at)}.`]
		},
		{ kind: 'p', lines: ['Motivering:', ...r.reason.split(/\r?\n/)] },
		{
			kind: 'p',
			lines: ['Planen går att ändra igen. När den är klar lämnar en samordnare in den på nytt.']
		},
		{ kind: 'link', label: 'Öppna planen', url: planLink(ctx.appUrl, ctx.regionId, ctx.year) },
		{ kind: 'p', lines: ['/Planbordet'] }
	];
	return {
		subject: `Handlingsplan ${ctx.year} är öppnad igen – ${ctx.regionName}`,
		text: blocksText(blocks),
		html: blocksHtml(blocks)
	};
}

/**
 * The request to one organisation to sign off the year's plan (requestSignOff): one mail to its
 * active members, with the link; `stale` when its earlier sign-off predates the latest changes.
 */
export function signOffRequestMail(ctx: Omit<PlanMailContext, 'name'> & { orgName: string; byName: string; stale: boolean }): MailContent {
	const t = SIGN_OFF_WORDS.mail;
	const blocks: MailBlock[] = [
		{ kind: 'p', lines: ['Hej!'] },
		{ kind: 'p', lines: [t.requestBody(ctx.orgName, ctx.year, ctx.regionName, ctx.byName)] },
		...(ctx.stale ? [{ kind: 'p', lines: [t.requestStale] } satisfies MailBlock] : []),
		{ kind: 'link', label: t.openPlan, url: planLink(ctx.appUrl, ctx.regionId, ctx.year) },
		{ kind: 'p', lines: ['/Planbordet'] }
	];
	return { subject: t.requestSubject(ctx.year, ctx.regionName), text: blocksText(blocks), html: blocksHtml(blocks) };
}
