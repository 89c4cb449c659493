// Deployment parameters: SMTP for the one mail path, the app's public URL and the secret that signs
// unsubscribe links, and the one region every function runs in. Locally they come from
// functions/.env.demo-planbordet and .secret.local; in production from `firebase deploy` prompts and
// `firebase functions:secrets:set`.
import { defineBoolean, defineSecret, defineString } from 'firebase-functions/params';

export const SMTP_HOST = defineString('SMTP_HOST', { description: 'SMTP server for all mail (production: a relay with login and TLS)' });
export const SMTP_PORT = defineString('SMTP_PORT', { default: '587', description: '587 with STARTTLS, or 465 with SMTP_SECURE=true' });
export const SMTP_SECURE = defineString('SMTP_SECURE', { default: 'false', description: 'true: TLS from the first byte (port 465); false: STARTTLS, required' });
export const SMTP_USER = defineString('SMTP_USER', { default: '', description: 'SMTP login; required in production (empty only with the local maildev)' });
export const SMTP_PASSWORD = defineSecret('SMTP_PASSWORD');
/** No default on purpose: a sender at a placeholder domain would be rejected or land in spam. */
export const MAIL_FROM = defineString('MAIL_FROM', { description: 'Sender, e.g. Planbordet <planbordet@tillvaxtverket.se>' });
export const APP_URL = defineString('APP_URL');
/** Signs the one-click unsubscribe links in reminder mails (unsubscribe-token.ts); rotating it voids old links. */
export const UNSUBSCRIBE_SECRET = defineSecret('UNSUBSCRIBE_SECRET');
/**
 * App Check on the callables and HTTP exports. Only the Functions emulator honours false (it cannot
 * exchange debug tokens offline); deployed functions enforce it whatever this says (options.ts).
 */
export const APP_CHECK = defineBoolean('APP_CHECK', { default: true, description: 'Enforce App Check (only the emulator may turn it off)' });

/** Every function's region, stated in region.ts. */
export { REGION } from './region';
