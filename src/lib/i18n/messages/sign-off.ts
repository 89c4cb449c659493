// The catalogue's `signOff` texts (sv.ts re-exports every section: a page loads only the sections it uses).
import { SIGN_OFF_WORDS } from '../../domain/sign-off-words';

/** An organisation's sign-off of the plan (domain/sign-off.ts): its action and one word per SignOffState. */
export const signOff = {
	action: 'Vi står bakom planen',
	/** The states and the mails' words live with the mails (domain/sign-off-words.ts): one copy. */
	states: SIGN_OFF_WORDS.states,
	mail: SIGN_OFF_WORDS.mail
} as const;
