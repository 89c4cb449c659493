// One-off migration of row positions to keys: every plan's areas that still hold a legacy
// numeric position or two rows on one key get ordering.ts orderRepairs' keys, in their current order.
// Idempotent: a second run finds nothing to do, and a run racing a browser's lazy repair writes the
// same keys. Rows the app cannot read are left to repairRow. Admin SDK, like scripts/seed.ts:
//   npm run migrate:positions [-- --dry-run]        (the emulators; GCLOUD_PROJECT=<id> for a project)
import { initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { orderRepairs } from '../src/lib/domain/ordering';
import { readRowDocument } from '../src/lib/domain/row-repair';
import { paths } from '../src/lib/domain/paths';

export interface MigrationReport {
	plans: number;
	/** Plans with at least one area re-keyed. */
	plansChanged: number;
	rowsChanged: number;
}

/** Re-keys every plan's broken areas; with dryRun only counts. Only `position` is written: the content and its stamps stay. */
export async function migratePositions(db: Firestore, opts: { dryRun?: boolean } = {}): Promise<MigrationReport> {
	const report: MigrationReport = { plans: 0, plansChanged: 0, rowsChanged: 0 };
	for (const region of (await db.collection(paths.regions()).get()).docs) {
		for (const year of (await region.ref.collection('years').get()).docs) {
			report.plans++;
			const rows = await year.ref.collection('rows').get();
			const readable = rows.docs.flatMap((d) => {
				const read = readRowDocument(d.id, d.data());
				return read.ok ? [{ id: d.id, area: read.row.area, position: read.row.position }] : [];
			});
			const repairs = orderRepairs(readable);
			if (repairs.length === 0) continue;
			report.plansChanged++;
			report.rowsChanged += repairs.length;
			if (opts.dryRun) continue;
			// A Firestore batch holds 500 writes; a plan has far fewer rows, but the loop keeps it safe.
			for (let i = 0; i < repairs.length; i += 400) {
				const batch = db.batch();
				for (const r of repairs.slice(i, i + 400)) batch.update(year.ref.collection('rows').doc(r.id), { position: r.position });
				await batch.commit();
			}
		}
	}
	return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const projectId = process.env.GCLOUD_PROJECT ?? 'demo-planbordet';
	if (projectId.startsWith('demo-')) process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
	const dryRun = process.argv.includes('--dry-run');
	const db = getFirestore(initializeApp({ projectId }, `migrate-positions-${Date.now()}`));
	migratePositions(db, { dryRun }).then(
		(r) => {
			console.log(`[migrate-positions] ${projectId}: ${r.plans} plans, ${r.plansChanged} ${dryRun ? 'to re-key' : 're-keyed'}, ${r.rowsChanged} rows${dryRun ? ' (dry run)' : ''}`);
			process.exit(0);
		},
		(err) => {
			console.error(err);
			process.exit(1);
		}
	);
}
