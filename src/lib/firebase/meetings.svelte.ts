// regions/{regionId}/years/{year}/meetings/{meetingId} and its participants/{uid} and hands/{uid}: the
// network meeting, read live (each listener starts when a page first reads it and stops when none
// does; a refusal or an unparsable document is a ReadFailure code) and written in exactly the shapes
// firestore.rules accept (meeting-writes.ts): the writer as themselves, server times, one concern per write.
import { collection, doc, getDocs } from 'firebase/firestore';
import { meeting, meetingHand, meetingParticipant, type FieldKey, type Meeting, type MeetingHand, type MeetingParticipant } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, LiveQuery, zodConverter } from './live.svelte';
import { endMeetingIn, handOverLeadIn, joinMeetingIn, lowerHandIn, moveFocusIn, raiseHandIn, startMeetingIn, touchParticipantIn, type Me } from './meeting-writes';
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
export type { Me } from './meeting-writes';

// The writes on the app's Firestore; their shapes live in meeting-writes.ts (the benchmark's too).

/** A coordinator starts a meeting on a draft and leads it; answers the new meeting's id. */
export function startMeeting(regionId: string, year: string, me: Me): Promise<string> {
	return startMeetingIn(db(), regionId, year, me);
}

export function endMeeting(regionId: string, year: string, meetingId: string): Promise<void> {
	return endMeetingIn(db(), regionId, year, meetingId);
}

/** The leader moves the focus to a row (field null) or a cell of it, or off (null). */
export function moveFocus(regionId: string, year: string, meetingId: string, focus: { rowId: string; field: FieldKey | null } | null): Promise<void> {
	return moveFocusIn(db(), regionId, year, meetingId, focus);
}

export function handOverLead(regionId: string, year: string, meetingId: string, to: { uid: string; name: string }): Promise<void> {
	return handOverLeadIn(db(), regionId, year, meetingId, to);
}

export function joinMeeting(regionId: string, year: string, meetingId: string, me: Me): Promise<void> {
	return joinMeetingIn(db(), regionId, year, meetingId, me);
}

export function touchParticipant(regionId: string, year: string, meetingId: string, uid: string): Promise<void> {
	return touchParticipantIn(db(), regionId, year, meetingId, uid);
}

export function raiseHand(regionId: string, year: string, meetingId: string, uid: string, rowId: string): Promise<void> {
	return raiseHandIn(db(), regionId, year, meetingId, uid, rowId);
}

export function lowerHand(regionId: string, year: string, meetingId: string, uid: string): Promise<void> {
	return lowerHandIn(db(), regionId, year, meetingId, uid);
}
