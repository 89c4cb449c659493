// regions/{regionId}/years/{year}/meetings/{meetingId} and its participants/{uid} and hands/{uid}: the
// network meeting, read live (each listener starts when a page first reads it and stops when none
// does; a refusal or an unparsable document is a ReadFailure code) and written in exactly the shapes
// firestore.rules accept: the writer as themselves, server times, one concern per write.
import { collection, deleteDoc, doc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { meeting, meetingHand, meetingParticipant, type FieldKey, type Meeting, type MeetingHand, type MeetingParticipant } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, LiveQuery, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const meetingConverter = zodConverter(meeting);
const participantConverter = zodConverter(meetingParticipant);
const handConverter = zodConverter(meetingHand);

const meetingRef = (regionId: string, year: string, meetingId: string) => doc(db(), paths.meeting(regionId, year, meetingId));

/** Every meeting of a year's plan (a handful a year); meeting.ts runningMeeting picks the running one. */
export class LiveMeetings extends LiveQuery<Meeting> {
	constructor(regionId: string, year: string) {
		super(collection(db(), paths.meetings(regionId, year)).withConverter(meetingConverter), 'plan-denied', `meetings of ${regionId}/${year}`);
	}
}

/** One meeting: its leader, focus and end. */
export class LiveMeeting extends LiveDoc<Meeting> {
	constructor(regionId: string, year: string, meetingId: string) {
		super(meetingRef(regionId, year, meetingId).withConverter(meetingConverter), 'plan-denied');
	}
}

/** Who has joined the meeting (meeting.ts isPresent tells who is still there). */
export class LiveParticipants extends LiveQuery<MeetingParticipant> {
	constructor(regionId: string, year: string, meetingId: string) {
		super(collection(db(), paths.meetingParticipants(regionId, year, meetingId)).withConverter(participantConverter), 'plan-denied', `participants of meeting ${meetingId}`);
	}
}

/** Everyone who joined a meeting, read once (an ended meeting's minutes: nobody joins it any more). */
export async function getParticipants(regionId: string, year: string, meetingId: string): Promise<Array<{ id: string; data: MeetingParticipant }>> {
	const snap = await getDocs(collection(db(), paths.meetingParticipants(regionId, year, meetingId)).withConverter(participantConverter));
	return snap.docs.map((d) => ({ id: d.id, data: d.data() }));
}

/** The raised hands (meeting.ts handQueue orders them). */
export class LiveHands extends LiveQuery<MeetingHand> {
	constructor(regionId: string, year: string, meetingId: string) {
		super(collection(db(), paths.meetingHands(regionId, year, meetingId)).withConverter(handConverter), 'plan-denied', `hands of meeting ${meetingId}`);
	}
}

/** The person writing, as their membership names them (the rules compare both with it). */
export interface Me {
	uid: string;
	name: string;
	orgId: string;
}

/** A coordinator starts a meeting on a draft and leads it; answers the new meeting's id. */
export async function startMeeting(regionId: string, year: string, me: Me): Promise<string> {
	const ref = doc(collection(db(), paths.meetings(regionId, year)));
	await setDoc(ref, { leaderUid: me.uid, leaderName: me.name, startedBy: me.uid, startedAt: serverTimestamp(), endedAt: null, focus: null });
	return ref.id;
}

/** A coordinator ends a running meeting; the focus goes with it. */
export function endMeeting(regionId: string, year: string, meetingId: string): Promise<void> {
	return updateDoc(meetingRef(regionId, year, meetingId), { endedAt: serverTimestamp(), focus: null });
}

/** The leader moves the focus to a row (field null) or a cell of it, or off (null). */
export function moveFocus(regionId: string, year: string, meetingId: string, focus: { rowId: string; field: FieldKey | null } | null): Promise<void> {
	return updateDoc(meetingRef(regionId, year, meetingId), { focus: focus ? { rowId: focus.rowId, field: focus.field, at: serverTimestamp() } : null });
}

/** The leader (or a coordinator) hands the lead to an active member, under their membership's name. */
export function handOverLead(regionId: string, year: string, meetingId: string, to: { uid: string; name: string }): Promise<void> {
	return updateDoc(meetingRef(regionId, year, meetingId), { leaderUid: to.uid, leaderName: to.name });
}

const participantRef = (regionId: string, year: string, meetingId: string, uid: string) => doc(db(), paths.meetingParticipant(regionId, year, meetingId, uid));

/** Joining: one's participant document, the first time (the rules keep joinedAt from then on). */
export function joinMeeting(regionId: string, year: string, meetingId: string, me: Me): Promise<void> {
	return setDoc(participantRef(regionId, year, meetingId, me.uid), { name: me.name, orgId: me.orgId, joinedAt: serverTimestamp(), lastSeenAt: serverTimestamp() });
}

/** Still here: refreshes lastSeenAt of one's participant document (after joinMeeting). */
export function touchParticipant(regionId: string, year: string, meetingId: string, uid: string): Promise<void> {
	return updateDoc(participantRef(regionId, year, meetingId, uid), { lastSeenAt: serverTimestamp() });
}

const handRef = (regionId: string, year: string, meetingId: string, uid: string) => doc(db(), paths.meetingHand(regionId, year, meetingId, uid));

/** Raises one's own hand on a row (or moves it there). */
export function raiseHand(regionId: string, year: string, meetingId: string, uid: string, rowId: string): Promise<void> {
	return setDoc(handRef(regionId, year, meetingId, uid), { rowId, raisedAt: serverTimestamp() });
}

/** Lowers a hand: one's own, or anyone's as the leader. */
export function lowerHand(regionId: string, year: string, meetingId: string, uid: string): Promise<void> {
	return deleteDoc(handRef(regionId, year, meetingId, uid));
}
