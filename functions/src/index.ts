// Planbordet's Cloud Functions; one per file, this file only re-exports them.
export { requestSignInLink } from './request-sign-in-link';
export { beforeUserCreated } from './before-user-created';
export { sendMail } from './send-mail';
