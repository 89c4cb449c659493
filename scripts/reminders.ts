// `npm run reminders -- --now 2027-01-24T08:00:00+01:00`: runs the deadline-reminder job once, at
// that instant, exactly as the daily scheduled function does (functions/src/shared/reminder-job.ts), and
// prints what it queued. Without --now it runs at the current time.
//
// Against the running emulators by default (project demo-planbordet, FIRESTORE_EMULATOR_HOST
// 127.0.0.1:8080; the sendMail function delivers the mails to the development inbox), or a real
// project: GCLOUD_PROJECT=<id> with Application Default Credentials, APP_URL and UNSUBSCRIBE_SECRET.
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { swedishDateTime } from '../src/lib/domain/deadline';
import { reminderRun } from '../src/lib/domain/schemas';
import { ReminderJobError, runReminderJob, type ReminderReportEntry } from '../functions/src/shared/reminder-job';
import { devUnsubscribeSecret } from './emulator-env.mjs';
import { paths } from '../src/lib/domain/paths';

function fail(message: string): never {
	console.error(`[reminders] ${message}`);
	process.exit(1);
}

/** An ISO 8601 date-time with an explicit offset ("2027-01-24T08:00+01:00", "…:00Z"); null otherwise. */
export function parseInstant(s: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
	if (!m) return null;
	const [, y, mo, d, h, mi, sec] = m.map(Number);
	const calendar = new Date(Date.UTC(y, mo - 1, d));
	if (calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d || h > 23 || mi > 59 || (sec || 0) > 59) return null;
	const at = new Date(s);
	return Number.isNaN(at.getTime()) ? null : at;
}

function argValue(args: string[], name: string): string | undefined {
	const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
	if (i === -1) return undefined;
	const value = args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
	if (value === undefined || value === '') fail(`${name} needs a value, e.g. ${name} 2027-01-24T08:00:00+01:00`);
	return value;
}

function describe(entry: ReminderReportEntry): string {
	const plans = entry.items.map((i) => `${i.regionId} ${i.year} (${i.offset} ${i.offset === 1 ? 'dag' : 'dagar'} före)`).join(', ');
	return `  ${entry.email.padEnd(38)} ${plans}  [mail/${entry.mailId}]`;
}

async function main() {
	const args = process.argv.slice(2);
	const unknown = args.filter((a, i) => a.startsWith('--') && !a.startsWith('--now') && args[i - 1] !== '--now');
	if (unknown.length > 0) fail(`unknown option ${unknown[0]}; usage: npm run reminders -- --now 2027-01-24T08:00:00+01:00`);
	const nowArg = argValue(args, '--now');
	const now = nowArg === undefined ? new Date() : parseInstant(nowArg);
	if (!now) fail(`--now must be an ISO 8601 date-time with an offset, e.g. 2027-01-24T08:00:00+01:00 (got "${nowArg}")`);

	const projectId = process.env.GCLOUD_PROJECT ?? 'demo-planbordet';
	const demo = projectId.startsWith('demo-');
	if (demo) process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
	const secret = process.env.UNSUBSCRIBE_SECRET ?? (demo ? devUnsubscribeSecret() : undefined);
	if (!secret) fail(`UNSUBSCRIBE_SECRET must be set for project ${projectId} (the secret the deployed functions use).`);
	const appUrl = process.env.APP_URL ?? (demo ? 'http://127.0.0.1:5000' : undefined);
	if (!appUrl) fail(`APP_URL must be set for project ${projectId} (the app's public URL, used in the mails' links).`);

	const db = getFirestore(initializeApp({ projectId }, 'reminders-cli'));
	const where = process.env.FIRESTORE_EMULATOR_HOST ? `emulator ${process.env.FIRESTORE_EMULATOR_HOST}` : 'production Firestore';
	console.log(`[reminders] run at ${now.toISOString()} (${swedishDateTime(now)} Stockholm), project ${projectId} (${where})`);

	let report: ReminderReportEntry[];
	try {
		report = await runReminderJob({ db, now, appUrl, secret });
	} catch (err) {
		if (!(err instanceof ReminderJobError)) throw err;
		for (const entry of err.report) console.log(describe(entry));
		fail(err.message);
	}
	await db.collection(paths.reminderRuns()).add(reminderRun.parse({ at: now, source: 'cli', queued: report.length }));
	if (report.length === 0) {
		console.log('[reminders] nothing to send: no reminder is due that has not already been sent.');
	} else {
		console.log(`[reminders] queued ${report.length} ${report.length === 1 ? 'mail' : 'mails'}:`);
		for (const entry of report) console.log(describe(entry));
		if (demo) console.log('[reminders] the sendMail function delivers them; development inbox: http://127.0.0.1:1080');
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().then(
		() => process.exit(0),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
