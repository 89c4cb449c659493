// Planbordet's Cloud Functions; one per file, this file only re-exports them (the blocking Auth
// functions are a codebase of their own, blocking.ts). It also gives the shared
// zod/mini schemas zod's English issue messages (the browser goes without, to stay small), so the
// issues in callable errors and a failed mail's error read as they did with classic zod.
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export { requestSignInLink } from './callables/request-sign-in-link';
export { sendMail } from './triggers/send-mail';
export { submitPlan } from './callables/submit-plan';
export { repairRow } from './callables/repair-row';
export { reopenPlan } from './callables/reopen-plan';
export { setPlanSettings } from './callables/set-plan-settings';
export { createNextYear } from './callables/create-next-year';
export { setReminderSubscription } from './callables/set-reminder-subscription';
export { unsubscribeReminders } from './http/unsubscribe-reminders';
export { sendDeadlineReminders } from './schedules/send-deadline-reminders';
export { recordRowHistory } from './triggers/record-row-history';
export { recordAnswerHistory } from './triggers/record-answer-history';
export { notifyMentions } from './triggers/notify-mentions';
export { sendMentionDigests } from './schedules/send-mention-digests';
export { exportPlan } from './http/export-plan';
export { inviteMember } from './callables/invite-member';
export { setMemberRole } from './callables/set-member-role';
export { removeMember } from './callables/remove-member';
export { erasePerson } from './callables/erase-person';
export { saveOrganization } from './callables/save-organization';
export { createPlan } from './callables/create-plan';
export { createRegion } from './callables/create-region';
export { updateRegion } from './callables/update-region';
export { saveTemplate } from './callables/save-template';
export { exportOverview } from './http/export-overview';
export { signOffPlan } from './callables/sign-off-plan';
export { requestSignOff } from './callables/request-sign-off';
export { exportMinutes } from './http/export-minutes';
export { mailMinutes } from './callables/mail-minutes';
