// Planbordet's Cloud Functions; one per file, this file only re-exports them.
export { requestSignInLink } from './request-sign-in-link';
export { beforeUserCreated } from './before-user-created';
export { sendMail } from './send-mail';
export { submitPlan } from './submit-plan';
export { reopenPlan } from './reopen-plan';
export { setPlanSettings } from './set-plan-settings';
export { setReminderSubscription } from './set-reminder-subscription';
export { unsubscribeReminders } from './unsubscribe-reminders';
export { sendDeadlineReminders } from './send-deadline-reminders';
