// Every text Planbordet's browser app shows, in Swedish: one catalogue, so wording is reviewed and
// changed in one place. Texts with values are functions.
// The sections live in messages/*.ts and are re-exported here, one binding each: import the catalogue
// as a namespace (`import * as sv from '…/i18n/sv'`), so the build keeps in each page only the sections it reads.
export { app } from './messages/app';
export { signIn } from './messages/sign-in';
export { confirm } from './messages/confirm';
export { home } from './messages/home';
export { planStatus } from './messages/plan-status';
export { role } from './messages/role';
export { plan } from './messages/plan';
export { deadline } from './messages/deadline';
export { lock } from './messages/lock';
export { checklist } from './messages/checklist';
export { submit } from './messages/submit';
export { reopen } from './messages/reopen';
export { settings } from './messages/settings';
export { actionErrors } from './messages/action-errors';
export { forms } from './messages/forms';
export { reminders } from './messages/reminders';
export { confirmDelete } from './messages/confirm-delete';
export { conflict } from './messages/conflict';
export { comments } from './messages/comments';
export { history } from './messages/history';
export { activity } from './messages/activity';
export { questionnaire } from './messages/questionnaire';
export { documents } from './messages/documents';
export { nextYear } from './messages/next-year';
export { nav } from './messages/nav';
export { network } from './messages/network';
export { audit } from './messages/audit';
export { removed } from './messages/removed';
export { overview } from './messages/overview';
export { admin } from './messages/admin';
export { offline } from './messages/offline';
export { presence } from './messages/presence';
export { brokenRows } from './messages/broken-rows';
export { errors } from './messages/errors';
export { meeting } from './messages/meeting';
export { minutes } from './messages/minutes';
export { signOff } from './messages/sign-off';
