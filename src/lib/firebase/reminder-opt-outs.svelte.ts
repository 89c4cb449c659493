// reminderOptOuts/{uid}: present while a person has switched deadline reminders off (by the link in
// a reminder mail or in the app). Only that person reads it; only functions write it.
import { doc } from 'firebase/firestore';
import { reminderOptOut, type ReminderOptOut } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(reminderOptOut);
const optOutRef = (uid: string) => doc(db(), paths.reminderOptOut(uid)).withConverter(converter);

/** The person's opt-out, live: status 'missing' means they get reminders. */
export class LiveReminderOptOut extends LiveDoc<ReminderOptOut> {
	constructor(uid: string) {
		super(optOutRef(uid), 'reminders-denied');
	}
}
