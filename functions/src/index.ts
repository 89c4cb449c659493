// Planbordet's Cloud Functions; one per file, this file only re-exports them (the blocking Auth
// functions are a codebase of their own, blocking.ts). It also gives the shared
// zod/mini schemas zod's English issue messages (the browser goes without, to stay small), so the
// issues in callable errors and a failed mail's error read as they did with classic zod.
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export { requestSignInLink } from './request-sign-in-link';
export { sendMail } from './send-mail';
export { submitPlan } from './submit-plan';
export { repairRow } from './repair-row';
export { reopenPlan } from './reopen-plan';
export { setPlanSettings } from './set-plan-settings';
export { createNextYear } from './create-next-year';
export { setReminderSubscription } from './set-reminder-subscription';
export { unsubscribeReminders } from './unsubscribe-reminders';
export { sendDeadlineReminders } from './send-deadline-reminders';
export { recordRowHistory } from './record-row-history';
export { recordAnswerHistory } from './record-answer-history';
export { notifyMentions } from './notify-mentions';
export { sendMentionDigests } from './send-mention-digests';
export { exportPlan } from './export-plan';
export { inviteMember } from './invite-member';
export { setMemberRole } from './set-member-role';
export { removeMember } from './remove-member';
export { erasePerson } from './erase-person';
export { saveOrganization } from './save-organization';
export { createPlan } from './create-plan';
export { createRegion } from './create-region';
export { updateRegion } from './update-region';
export { saveTemplate } from './save-template';
export { exportOverview } from './export-overview';
