// The deadline-reminder run, shared by the scheduled function (sendDeadlineReminders, daily 08:00
// Stockholm) and the CLI (`npm run reminders -- --now …`). The database and the clock are passed in.
//
// 1. Read every draft plan (collection group `years`, status == 'draft') whose schedule has a due
//    offset, with its region, template, rows (missing fields: completeness.ts labelledMissing),
//    members, the network's organisations and their sign-offs (those not signed off are named); the plans' ledger entries; the opt-outs. Compute the digests with reminders.ts
//    planReminders: at most one mail per person, listing each of their due plans.
// 2. Per person, ONE transaction: re-read the person's opt-out, the ledger documents of the digest's
//    items and those plans; drop items already in the ledger, plans no longer draft, and plans whose
//    deadline date changed since step 1; if anything remains, create its ledger documents AND the
//    outbox mail in that same transaction. So two overlapping runs send each (plan, person, deadline
//    date, offset) once, and a run that dies midway leaves no half-done person: the next run sends
//    the rest.
// Imports nothing that reads deployment parameters, so the CLI runs it with a plain Admin SDK app.
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { enqueueMailIn, type OutboxMail } from './outbox';
import { labelledMissing } from '../../../src/lib/domain/completeness';
import {
	dueOffset,
	effectiveDeadline,
	effectiveOffsets,
	ledgerKey,
	planReminders,
	reminderMail,
	type ReminderDigest,
	type ReminderMember,
	type ReminderPlan
} from '../../../src/lib/domain/reminders';
import { member, organization, plan, planYear, region, signOff, storedRow, template, type Region, type Template } from '../../../src/lib/domain/schemas';
import { notSignedOff, signOffsByOrganisation } from '../../../src/lib/domain/sign-off';
import { contentHash } from './content-hash';
import { signToken } from './unsubscribe-signing';
import { GROUPS, paths, planIdsOf } from '../../../src/lib/domain/paths';

/** Where a run queues its mails: the outbox by default; tests swap it to simulate a crash. */
export interface ReminderOutbox {
	enqueueIn(tx: Transaction, db: Firestore, mail: OutboxMail, id: string): string;
}

export const defaultOutbox: ReminderOutbox = { enqueueIn: enqueueMailIn };

export interface ReminderJobOptions {
	db: Firestore;
	now: Date;
	/** The app's absolute base URL (links to plans and the unsubscribe endpoint). */
	appUrl: string;
	/** UNSUBSCRIBE_SECRET: signs each person's unsubscribe link. */
	secret: string;
	outbox?: ReminderOutbox;
	/** Called after each person's transaction has committed; a throw ends the run there. */
	onQueued?: (entry: ReminderReportEntry) => void | Promise<void>;
}

export interface ReminderReportEntry {
	uid: string;
	email: string;
	items: Array<{ regionId: string; year: string; offset: number }>;
	mailId: string;
}

/** Some people's transactions failed; the others were queued (report). The next run retries the failed ones. */
export class ReminderJobError extends Error {
	constructor(
		readonly report: ReminderReportEntry[],
		readonly failures: Array<{ uid: string; error: unknown }>
	) {
		super(`reminders failed for ${failures.length} ${failures.length === 1 ? 'person' : 'people'}: ${failures.map((f) => `${f.uid}: ${String(f.error)}`).join('; ')}`);
		this.name = 'ReminderJobError';
	}
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** `${appUrl}/api/unsubscribe?token=…` — Hosting rewrites it to the unsubscribeReminders function. */
export function unsubscribeUrl(appUrl: string, uid: string, secret: string): string {
	return `${trimSlash(appUrl)}/api/unsubscribe?token=${encodeURIComponent(signToken(uid, secret))}`;
}

/** A ledger document's id: the ledger key with "/" replaced by "~" (schemas.ts reminderLedgerEntry). */
export const ledgerDocId = (key: string) => key.replaceAll('/', '~');

const ALREADY_EXISTS = 6;

/** Reads what the run needs: the due draft plans with their missing fields, the members, ledger and opt-outs. */
async function readState(db: Firestore, now: Date) {
	const drafts = await db.collectionGroup(GROUPS.years).where('status', '==', 'draft').get();
	const regions = new Map<string, Promise<Region | null>>();
	const templates = new Map<string, Promise<Template | null>>();
	const members: Record<string, ReminderMember[]> = {};
	const regionOf = (id: string) => {
		if (!regions.has(id)) regions.set(id, db.doc(paths.region(id)).get().then((s) => region.safeParse(s.data()).data ?? null));
		return regions.get(id) as Promise<Region | null>;
	};
	const templateOf = (id: string) => {
		if (!templates.has(id)) templates.set(id, db.doc(paths.template(id)).get().then((s) => template.safeParse(s.data()).data ?? null));
		return templates.get(id) as Promise<Template | null>;
	};

	const plans: ReminderPlan[] = [];
	const ledger: string[] = [];
	const skipped: string[] = [];
	await Promise.all(
		drafts.docs.map(async (d) => {
			const ids = planIdsOf(d.ref.path);
			if (!ids) return;
			const regionRef = db.doc(paths.region(ids.regionId));
			const p = plan.safeParse(d.data());
			const year = planYear.safeParse(d.id);
			if (!p.success || !year.success) return void skipped.push(d.ref.path);
			const deadline = effectiveDeadline(year.data, p.data.deadline);
			const offsets = effectiveOffsets(p.data.reminderOffsets);
			// Nothing due at all (also: no offsets, or the deadline has passed): skip without reading the rows.
			if (dueOffset({ deadline, offsets, now, sent: new Set() }) === null) return;
			const [r, t, rows, ledgerDocs, orgDocs, signOffDocs] = await Promise.all([
				regionOf(regionRef.id),
				templateOf(p.data.templateId),
				db.collection(paths.rows(ids.regionId, ids.year)).get(),
				db.collection(paths.reminderLedger()).where('regionId', '==', regionRef.id).where('year', '==', year.data).get(),
				db.collection(paths.organizations()).where('regionId', '==', regionRef.id).get(),
				db.collection(paths.signOffs(ids.regionId, ids.year)).get()
			]);
			if (!r || !t) return void skipped.push(d.ref.path);
			if (!members[regionRef.id]) {
				members[regionRef.id] = [];
				const memberDocs = await db.collection(paths.members(regionRef.id)).get();
				for (const m of memberDocs.docs) {
					const parsed = member.safeParse(m.data());
					if (parsed.success && parsed.data.status === 'active') members[regionRef.id].push({ uid: m.id, email: parsed.data.email, name: parsed.data.name, role: parsed.data.role });
				}
			}
			const parsedRows = rows.docs.flatMap((x) => {
				const parsed = storedRow.safeParse(x.data());
				return parsed.success ? [{ id: x.id, area: parsed.data.area, position: parsed.data.position, fields: parsed.data.fields }] : [];
			});
			for (const l of ledgerDocs.docs) if (typeof l.get('key') === 'string') ledger.push(l.get('key'));
			// An organisation or sign-off that does not parse is left out (a reminder is never held up by one bad document).
			const unsigned = notSignedOff(
				signOffsByOrganisation(
					orgDocs.docs.flatMap((o) => {
						const parsed = organization.safeParse(o.data());
						return parsed.success ? [{ id: o.id, data: parsed.data }] : [];
					}),
					signOffDocs.docs.flatMap((s) => {
						const parsed = signOff.safeParse(s.data());
						return parsed.success ? [{ id: s.id, data: parsed.data }] : [];
					}),
					contentHash(parsedRows)
				)
			);
			plans.push({
				regionId: regionRef.id,
				regionName: r.name,
				year: year.data,
				status: p.data.status,
				deadline: p.data.deadline,
				offsets: p.data.reminderOffsets,
				missing: labelledMissing(t, parsedRows),
				rowCount: parsedRows.length,
				notSignedOff: unsigned.map((o) => ({ name: o.name, state: o.state === 'stale' ? 'stale' : 'none' }))
			});
		})
	);
	const optOuts = await db.collection(paths.reminderOptOuts()).listDocuments();
	return { plans, members, ledger, unsubscribed: optOuts.map((o) => o.id), skipped };
}

/** One person's transaction: queues what is still unsent of their digest; null when nothing is. */
async function queueDigest(opts: Required<Pick<ReminderJobOptions, 'db' | 'now' | 'appUrl' | 'secret' | 'outbox'>>, digest: ReminderDigest): Promise<ReminderReportEntry | null> {
	const { db, now, appUrl, secret, outbox } = opts;
	const mailId = db.collection(paths.mail()).doc().id;
	const url = unsubscribeUrl(appUrl, digest.uid, secret);
	const ledgerRefs = digest.items.map((i) => db.doc(paths.reminderLedgerEntry(ledgerDocId(i.ledgerKey))));
	const planRefs = digest.items.map((i) => db.doc(paths.year(i.regionId, i.year)));
	return db.runTransaction(async (tx) => {
		const [optOut, ...snaps] = await tx.getAll(db.doc(paths.reminderOptOut(digest.uid)), ...ledgerRefs, ...planRefs);
		if (optOut.exists) return null;
		const ledgerSnaps = snaps.slice(0, digest.items.length);
		const planSnaps = snaps.slice(digest.items.length);
		const items = digest.items.filter((item, k) => {
			if (ledgerSnaps[k].exists) return false;
			const p = plan.safeParse(planSnaps[k].data());
			if (!p.success || p.data.status !== 'draft') return false;
			const deadline = effectiveDeadline(item.year, p.data.deadline);
			return ledgerKey({ regionId: item.regionId, year: item.year, uid: digest.uid, deadline, offset: item.offset }) === item.ledgerKey;
		});
		if (items.length === 0) return null;
		const content = reminderMail({ ...digest, items }, { appUrl, unsubscribeUrl: url });
		for (const item of items) {
			tx.create(db.doc(paths.reminderLedgerEntry(ledgerDocId(item.ledgerKey))), {
				key: item.ledgerKey,
				regionId: item.regionId,
				year: item.year,
				uid: digest.uid,
				offset: item.offset,
				mailId,
				createdAt: FieldValue.serverTimestamp()
			});
		}
		outbox.enqueueIn(
			tx,
			db,
			{
				...content,
				to: [digest.email],
				kind: 'reminder',
				queuedAt: now,
				headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
			},
			mailId
		);
		return { uid: digest.uid, email: digest.email, items: items.map((i) => ({ regionId: i.regionId, year: i.year, offset: i.offset })), mailId };
	});
}

/**
 * Runs the reminders once at `now` and returns what it queued, one entry per person mailed. When
 * some people's transactions fail, the others are still queued and a ReminderJobError (with the
 * report) is thrown at the end.
 */
export async function runReminderJob(options: ReminderJobOptions): Promise<ReminderReportEntry[]> {
	const { db, now, appUrl, secret } = options;
	const outbox = options.outbox ?? defaultOutbox;
	const state = await readState(db, now);
	const digests = planReminders({ ...state, now, appUrl });
	const report: ReminderReportEntry[] = [];
	const failures: Array<{ uid: string; error: unknown }> = [];
	for (const digest of digests) {
		let entry: ReminderReportEntry | null = null;
		try {
			// A concurrent run may create the same ledger document between our read and our commit;
			// the retried transaction then finds it and drops the item.
			for (let attempt = 1; ; attempt++) {
				try {
					entry = await queueDigest({ db, now, appUrl, secret, outbox }, digest);
					break;
				} catch (err) {
					if ((err as { code?: unknown }).code !== ALREADY_EXISTS || attempt >= 3) throw err;
				}
			}
		} catch (error) {
			failures.push({ uid: digest.uid, error });
			continue;
		}
		if (!entry) continue;
		report.push(entry);
		await options.onQueued?.(entry);
	}
	if (failures.length > 0) throw new ReminderJobError(report, failures);
	return report;
}
