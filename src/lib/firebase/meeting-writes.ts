// The network meeting's writes (meetings/{meetingId}, its participants/{uid} and hands/{uid}) in exactly
// the shapes firestore.rules accept, on a given Firestore instance: the app passes its own
// (meetings.svelte.ts), the meeting benchmark a Node client's. No Svelte, no app singleton.
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import type { FieldKey } from '../domain/schemas';
import { paths } from '../domain/paths';

/** The person writing, as their membership names them (the rules compare both with it). */
export interface Me {
	uid: string;
	name: string;
	orgId: string;
}

const meetingRef = (db: Firestore, regionId: string, year: string, meetingId: string) => doc(db, paths.meeting(regionId, year, meetingId));
const participantRef = (db: Firestore, regionId: string, year: string, meetingId: string, uid: string) => doc(db, paths.meetingParticipant(regionId, year, meetingId, uid));
const handRef = (db: Firestore, regionId: string, year: string, meetingId: string, uid: string) => doc(db, paths.meetingHand(regionId, year, meetingId, uid));

/** A coordinator starts a meeting on a draft and leads it; answers the new meeting's id. */
export async function startMeetingIn(db: Firestore, regionId: string, year: string, me: Me): Promise<string> {
	const ref = doc(collection(db, paths.meetings(regionId, year)));
	await setDoc(ref, { leaderUid: me.uid, leaderName: me.name, startedBy: me.uid, startedAt: serverTimestamp(), endedAt: null, focus: null });
	return ref.id;
}

/** A coordinator ends a running meeting; the focus goes with it. */
export function endMeetingIn(db: Firestore, regionId: string, year: string, meetingId: string): Promise<void> {
	return updateDoc(meetingRef(db, regionId, year, meetingId), { endedAt: serverTimestamp(), focus: null });
}

/** The leader moves the focus to a row (field null) or a cell of it, or off (null). */
export function moveFocusIn(db: Firestore, regionId: string, year: string, meetingId: string, focus: { rowId: string; field: FieldKey | null } | null): Promise<void> {
	return updateDoc(meetingRef(db, regionId, year, meetingId), { focus: focus ? { rowId: focus.rowId, field: focus.field, at: serverTimestamp() } : null });
}

/** The leader (or a coordinator) hands the lead to an active member, under their membership's name. */
export function handOverLeadIn(db: Firestore, regionId: string, year: string, meetingId: string, to: { uid: string; name: string }): Promise<void> {
	return updateDoc(meetingRef(db, regionId, year, meetingId), { leaderUid: to.uid, leaderName: to.name });
}

/** Joining: one's participant document, the first time (the rules keep joinedAt from then on). */
export function joinMeetingIn(db: Firestore, regionId: string, year: string, meetingId: string, me: Me): Promise<void> {
	return setDoc(participantRef(db, regionId, year, meetingId, me.uid), { name: me.name, orgId: me.orgId, joinedAt: serverTimestamp(), lastSeenAt: serverTimestamp() });
}

/** Still here: refreshes lastSeenAt of one's participant document (after joinMeeting). */
export function touchParticipantIn(db: Firestore, regionId: string, year: string, meetingId: string, uid: string): Promise<void> {
	return updateDoc(participantRef(db, regionId, year, meetingId, uid), { lastSeenAt: serverTimestamp() });
}

/** Raises one's own hand on a row (or moves it there). */
export function raiseHandIn(db: Firestore, regionId: string, year: string, meetingId: string, uid: string, rowId: string): Promise<void> {
	return setDoc(handRef(db, regionId, year, meetingId, uid), { rowId, raisedAt: serverTimestamp() });
}

/** Lowers a hand: one's own, or anyone's as the leader. */
export function lowerHandIn(db: Firestore, regionId: string, year: string, meetingId: string, uid: string): Promise<void> {
	return deleteDoc(handRef(db, regionId, year, meetingId, uid));
}
