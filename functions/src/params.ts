// Deployment parameters: SMTP for the one mail path, the app's public URL and the secret that signs
// unsubscribe links. Locally they come from functions/.env.demo-planbordet and .secret.local; in
// production from `firebase deploy` prompts and `firebase functions:secrets:set`.
import { defineSecret, defineString } from 'firebase-functions/params';

export const SMTP_HOST = defineString('SMTP_HOST');
export const SMTP_PORT = defineString('SMTP_PORT', { default: '587' });
export const SMTP_SECURE = defineString('SMTP_SECURE', { default: 'false' });
export const SMTP_USER = defineString('SMTP_USER', { default: '' });
export const SMTP_PASSWORD = defineSecret('SMTP_PASSWORD');
export const MAIL_FROM = defineString('MAIL_FROM', { default: 'Planbordet <planbordet@planbordet.example>' });
export const APP_URL = defineString('APP_URL');
/** Signs the one-click unsubscribe links in reminder mails (unsubscribe-token.ts); rotating it voids old links. */
export const UNSUBSCRIBE_SECRET = defineSecret('UNSUBSCRIBE_SECRET');

export const REGION = 'europe-north1';
