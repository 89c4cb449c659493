// Seeds the demo data into the running emulators (or a configured project) with the Admin SDK.
// Idempotent: reference data and users are upserted; a plan is written only when it is absent, so
// edits survive. `--reset` wipes the emulators' Firestore and Auth first.
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { buildSeed } from './seed-data';

const projectId = process.env.GCLOUD_PROJECT ?? 'demo-planbordet';
// The demo (its people, plans and comments) never goes to a real project; scripts/seed-production.ts seeds one on purpose.
if (!projectId.startsWith('demo-')) throw new Error(`scripts/seed.ts seeds the emulators' demo only, not ${projectId}: use npm run seed:production (docs/deploy.md).`);
process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';

export async function resetEmulators(): Promise<void> {
	const fs = await fetch(`http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: 'DELETE' });
	if (!fs.ok) throw new Error(`Firestore reset failed: ${fs.status}`);
	const au = await fetch(`http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/emulator/v1/projects/${projectId}/accounts`, { method: 'DELETE' });
	if (!au.ok) throw new Error(`Auth reset failed: ${au.status}`);
}

export async function seed(opts: { reset?: boolean; quiet?: boolean } = {}): Promise<{ plansCreated: number }> {
	if (opts.reset) await resetEmulators();
	const app = initializeApp({ projectId }, `seed-${Date.now()}`);
	const db = getFirestore(app);
	const auth = getAuth(app);
	const data = buildSeed(new Date());

	for (const u of data.users) {
		try {
			await auth.updateUser(u.uid, { email: u.email, displayName: u.displayName, emailVerified: true });
		} catch (err) {
			if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
			await auth.createUser({ uid: u.uid, email: u.email, displayName: u.displayName, emailVerified: true });
		}
	}
	const batch = db.batch();
	for (const d of data.reference) batch.set(db.doc(d.path), d.data);
	await batch.commit();

	let plansCreated = 0;
	for (const p of data.plans) {
		const created = await db.runTransaction(async (tx) => {
			const ref = db.doc(p.year.path);
			if ((await tx.get(ref)).exists) return false;
			tx.set(ref, p.year.data);
			for (const r of p.rows) tx.set(db.doc(r.path), r.data);
			for (const c of p.comments) tx.set(db.doc(c.path), c.data);
			for (const a of p.answers) tx.set(db.doc(a.path), a.data);
			return true;
		});
		if (created) plansCreated++;
	}
	if (!opts.quiet) {
		console.log(`[seed] ${data.reference.length} reference documents, ${data.users.length} users, ${plansCreated} new plans`);
		console.log('\n  Demoanvändare:');
		for (const u of data.demoUsers) console.log(`    ${u.email.padEnd(38)} ${u.description}`);
	}
	return { plansCreated };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	seed({ reset: process.argv.includes('--reset') }).then(
		() => process.exit(0),
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
