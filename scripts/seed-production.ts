// Seeds a real project, on purpose only: the templates and the questionnaire from seed/, the
// organisations of a JSON file the deployer writes, and the first Tillväxtverket admin. Nothing of
// the demo. A dry run unless --yes; never overwrites a document that exists (docs/deploy.md).
//   npm run seed:production -- --project <id> [--organizations orgs.json]
//     [--admin <email> --admin-name <name> --admin-org <orgId>] [--yes]
// Credentials: Application Default Credentials (`gcloud auth application-default login`) or
// GOOGLE_APPLICATION_CREDENTIALS.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { organization, staff } from '../src/lib/domain/schemas';
import { buildSeed } from './seed-data';

function fail(message: string): never {
	console.error(`[seed:production] ${message}`);
	process.exit(1);
}

const { values: args } = parseArgs({
	options: {
		project: { type: 'string' },
		organizations: { type: 'string' },
		admin: { type: 'string' },
		'admin-name': { type: 'string' },
		'admin-org': { type: 'string' },
		yes: { type: 'boolean', default: false }
	}
});

const projectId = args.project ?? fail('--project <id> is required: the real project to seed.');
if (projectId.startsWith('demo-')) fail(`${projectId} is the emulators' demo project: use npm run seed or npm run demo:reset.`);
for (const name of ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST']) {
	if (process.env[name]) fail(`${name} is set: this would write to an emulator, not to ${projectId}. Unset it.`);
}
if (args.admin && !(args['admin-name'] && args['admin-org'])) fail('--admin needs --admin-name and --admin-org (the admin\'s organisation id).');

// The reference content the app needs (templates, questionnaires): the same documents the demo gets.
const reference = buildSeed(new Date()).reference.filter((d) => /^(templates|questionnaires)\//.test(d.path));
const organizations = args.organizations
	? Object.entries(z.record(z.string(), organization).parse(JSON.parse(readFileSync(args.organizations, 'utf8'))))
	: [];
if (args.admin && !organizations.some(([id]) => id === args['admin-org'])) {
	console.warn(`[seed:production] --admin-org ${args['admin-org']} is not in --organizations: it must exist in ${projectId} already.`);
}
const docs = [...reference, ...organizations.map(([id, data]) => ({ path: `organizations/${id}`, data }))];

console.log(`[seed:production] project ${projectId}${args.yes ? '' : ' (dry run: add --yes to write)'}`);
for (const d of docs) console.log(`  ${d.path}`);
if (args.admin) console.log(`  staff/<uid of ${args.admin}> (admin, ${args['admin-org']})`);
if (!args.yes) process.exit(0);

const app = initializeApp({ projectId });
const db = getFirestore(app);
let created = 0;
for (const d of docs) {
	try {
		await db.doc(d.path).create(d.data);
		created++;
	} catch (err) {
		// 6 = ALREADY_EXISTS: what is in production was put there on purpose, by the app or a person.
		if ((err as { code?: number }).code !== 6) throw err;
		console.log(`  kept ${d.path} (exists)`);
	}
}
if (args.admin) {
	const auth = getAuth(app);
	const user = await auth.getUserByEmail(args.admin).catch(async (err: { code?: string }) => {
		if (err.code !== 'auth/user-not-found') throw err;
		return auth.createUser({ email: args.admin, displayName: args['admin-name'], emailVerified: true });
	});
	const data = staff.parse({ email: args.admin, name: args['admin-name'], orgId: args['admin-org'], role: 'admin' });
	await db.doc(`staff/${user.uid}`).create(data).then(
		() => created++,
		(err: { code?: number }) => {
			if (err.code !== 6) throw err;
			console.log(`  kept staff/${user.uid} (exists)`);
		}
	);
}
console.log(`[seed:production] ${created} documents created in ${projectId}.`);
process.exit(0);
