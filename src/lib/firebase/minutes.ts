// A meeting's minutes from the browser: what they are made of, read once (the participants, the
// plan's history within the meeting's time; the comments are the page's live ones), and the
// coordinator's mailMinutes callable, whose refusal comes back as a MailMinutesFailure code.
import { actionFailure } from '../domain/action-failure';
import type { HistoryItem } from '../domain/minutes';
import type { ParticipantItem } from '../domain/meeting';
import type { MinutesRequest } from '../domain/minutes-report';
import { callFunction } from './app';
import { getHistoryBetween } from './history.svelte';
import { getParticipants } from './meetings.svelte';

export interface MinutesSources {
	participants: ParticipantItem[];
	history: HistoryItem[];
}

/** The participants and the history of [from, to]: what minutes.ts needs besides the meeting, the comments and the rows. */
export async function getMinutesSources(regionId: string, year: string, meetingId: string, from: Date, to: Date): Promise<MinutesSources> {
	const [participants, history] = await Promise.all([getParticipants(regionId, year, meetingId), getHistoryBetween(regionId, year, from, to)]);
	return { participants, history };
}

export type MailMinutesFailure = 'permission-denied' | 'too-many-requests' | 'not-found' | 'failed-precondition' | 'unavailable';

export class MailMinutesError extends Error {
	constructor(readonly code: MailMinutesFailure) {
		super(`mailMinutes failed: ${code}`);
		this.name = 'MailMinutesError';
	}
}

/** Mails an ended meeting's minutes to its participants (coordinators); answers how many were mailed. */
export async function mailMinutes(input: MinutesRequest): Promise<{ sent: number }> {
	try {
		const result = await callFunction<MinutesRequest, { ok: true; sent: number }>('mailMinutes', input);
		return { sent: result.sent };
	} catch (err) {
		const f = actionFailure(err);
		const code: MailMinutesFailure =
			f.kind === 'denied' || f.kind === 'unauthenticated'
				? 'permission-denied'
				: f.kind === 'too-many'
					? 'too-many-requests'
					: f.kind === 'not-found'
						? 'not-found'
						: f.kind === 'precondition'
							? 'failed-precondition'
							: 'unavailable';
		throw new MailMinutesError(code);
	}
}
