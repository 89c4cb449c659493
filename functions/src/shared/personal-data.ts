// What Planbordet keeps that is one person's alone, and forgetting it (removeMember, erasePerson): in a
// region their presence and comment read markers in every year, the mentions queued for them and their
// reminder ledger entries there; once they belong nowhere, also their reminder opt-out, mention-mail
// state and the outbox mails to them, and their Auth account. Names copied into the plan's record
// (history, comments, submissions, audit) stay: docs/data-protection.md says why.
import type { DocumentReference, Firestore, QuerySnapshot, Transaction } from 'firebase-admin/firestore';
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

/** Deletes what is the person's in one region: presence and read markers in each of its years, and the region's queued mentions and ledger entries. */
export function forgetInRegion(tx: Transaction, docs: PersonalDocs, regionId: string, uid: string, years: DocumentReference[]): void {
	for (const y of years) {
		tx.delete(y.firestore.doc(paths.presenceEntry(regionId, y.id, uid)));
		tx.delete(y.firestore.doc(paths.commentReadsOf(regionId, y.id, uid)));
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
