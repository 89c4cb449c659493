// The 2025-shaped plan fixture (tests/fixtures/plan-2025-warnings.json: 14 rows on rsp-2024, three
// without a status, three empty follow-up cells) and writing its rows into a year of the running
// emulators, as the seed writes rows; the functions and e2e specs of submitting with warnings share it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keysInOrder } from '../../src/lib/domain/ordering';
import type { RowFields } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';
import { admin } from './emulators';

export interface FixtureRow {
	id: string;
	area: number;
	fields: RowFields;
}

export const warningsPlan = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'plan-2025-warnings.json'), 'utf8')) as {
	templateId: string;
	rows: FixtureRow[];
};

/** Writes the fixture's rows into the year (one cell emptied when asked) with the Admin SDK. */
export async function writeWarningsPlan(regionId: string, year: string, by: string, clear?: { rowId: string; field: string }): Promise<void> {
	const db = admin().db;
	const batch = db.batch();
	for (const area of [...new Set(warningsPlan.rows.map((r) => r.area))]) {
		const inArea = warningsPlan.rows.filter((r) => r.area === area);
		const keys = keysInOrder(inArea.length);
		inArea.forEach((r, i) => {
			const fields = clear?.rowId === r.id ? { ...r.fields, [clear.field]: '' } : r.fields;
			batch.set(db.doc(paths.row(regionId, year, r.id)), { area, position: keys[i], fields, revs: {}, createdBy: by, updatedBy: by, updatedAt: new Date() });
		});
	}
	await batch.commit();
}
