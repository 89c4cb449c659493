// What Planbordet keeps that is one person's alone, and forgetting it (removeMember, erasePerson): in a
// region their presence, comment read markers, raised hands and place in a running meeting in every year,
// the mentions queued for them and their reminder ledger entries there; once they belong nowhere, also their reminder opt-out, mention-mail
// state and the outbox mails to them, and their Auth account. Names copied into the plan's record
// (history, comments, submissions, sign-offs, who took part in an ended meeting, audit) stay:
// docs/data-protection.md says why.
import type { DocumentReference, Firestore, QueryDocumentSnapshot, QuerySnapshot, Transaction } from 'firebase-admin/firestore';
import { auth } from './admin';
import { GROUPS, paths } from '../../../src/lib/domain/paths';

/** What a transaction must read before it may forget the person (a transaction reads before it writes). */
export interface PersonalDocs {
	queue: QuerySnapshot;
	ledger: QuerySnapshot;
	/** The outbox mails to the person's address (every mail has one recipient). */
	mails: QuerySnapshot | null;
}

export async function readPersonalDocs(tx: Transaction, fs: Firestore, uid: string, email: string | null): Promise<PersonalDocs> {
	const [queue, ledger, mails] = await Promise.all([
		tx.get(fs.collection(paths.mentionQueue()).where('uid', '==', uid)),
		tx.get(fs.collection(paths.reminderLedger()).where('uid', '==', uid)),
		email ? tx.get(fs.collection(paths.mail()).where('to', 'array-contains', email)) : null
	]);
	return { queue, ledger, mails };
}

/** A year of a region and its meetings (a handful a year), read inside the transaction that forgets. */
export interface YearDocs {
	year: DocumentReference;
	meetings: QueryDocumentSnapshot[];
}

/** Every year of the region with its meetings: what forgetInRegion needs read before it writes. */
export async function readRegionYears(tx: Transaction, fs: Firestore, regionId: string): Promise<YearDocs[]> {
	const years = await tx.get(fs.collection(paths.years(regionId)));
	return Promise.all(years.docs.map(async (y) => ({ year: y.ref, meetings: (await tx.get(fs.collection(paths.meetings(regionId, y.id)))).docs })));
}

/**
 * Deletes what is the person's in one region: presence and read markers in each of its years, their
 * raised hands and their place in a meeting still running (an ended meeting keeps who took part: its
 * minutes are the plan's record), and the region's queued mentions and ledger entries.
 */
export function forgetInRegion(tx: Transaction, docs: PersonalDocs, regionId: string, uid: string, years: YearDocs[]): void {
	for (const { year: y, meetings } of years) {
		tx.delete(y.firestore.doc(paths.presenceEntry(regionId, y.id, uid)));
		tx.delete(y.firestore.doc(paths.commentReadsOf(regionId, y.id, uid)));
		for (const m of meetings) {
			tx.delete(y.firestore.doc(paths.meetingHand(regionId, y.id, m.id, uid)));
			// endedAt is null while a meeting runs (schemas.ts meeting); a document without it counts as running.
			if (!m.get('endedAt')) tx.delete(y.firestore.doc(paths.meetingParticipant(regionId, y.id, m.id, uid)));
		}
	}
	for (const d of [...docs.queue.docs, ...docs.ledger.docs]) if (d.get('regionId') === regionId) tx.delete(d.ref);
}

/** Deletes what is the person's wherever they were: every queued mention and ledger entry, the opt-out, the mention-mail state and mails to them. */
export function forgetEverywhere(tx: Transaction, fs: Firestore, docs: PersonalDocs, uid: string): void {
	for (const d of [...docs.queue.docs, ...docs.ledger.docs, ...(docs.mails?.docs ?? [])]) tx.delete(d.ref);
	tx.delete(fs.doc(paths.reminderOptOut(uid)));
	tx.delete(fs.doc(paths.mentionMailState(uid)));
}

/** Whether the person still belongs somewhere besides `exceptRegionId`: a membership (any status) or a staff record. */
export async function belongsElsewhere(tx: Transaction, fs: Firestore, uid: string, email: string, exceptRegionId: string | null): Promise<boolean> {
	const [memberships, staffDoc] = await Promise.all([
		tx.get(fs.collectionGroup(GROUPS.members).where('email', '==', email)),
		tx.get(fs.doc(paths.staffMember(uid)))
	]);
	return staffDoc.exists || memberships.docs.some((d) => d.ref.parent.parent?.id !== exceptRegionId);
}

/** A membership written without an account (the seed, an old invitation) has no account to act on. */
function unlessNoAccount(err: unknown): void {
	if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
}

export const revokeSessions = (uid: string): Promise<void> => auth().revokeRefreshTokens(uid).catch(unlessNoAccount);
export const deleteAccount = (uid: string): Promise<void> => auth().deleteUser(uid).catch(unlessNoAccount);
