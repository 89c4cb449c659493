// Plans in the running emulators as the functions specs need them: the demo people, the stored
// rows of a plan (as the domain reads them), filling in what a plan misses, and a snapshot of a plan
// to show that a refused call changed nothing, and the client pool and refusal check the callable
// specs share.
import { expect } from 'vitest';
import { FieldValue } from 'firebase-admin/firestore';
import { checklistOf } from '../../src/lib/domain/completeness';
import { plan, storedRow, template, type RowFields, type Template } from '../../src/lib/domain/schemas';
import type { SubmittedRow } from '../../src/lib/domain/submission';
import { admin, callError, client, clientAs, type Client } from './emulators';
import { paths } from '../../src/lib/domain/paths';

export const JH = 'jamtland-harjedalen';
export const VN = 'vasternorrland';

/** The demo people (seed/demo.json). */
export const P = {
	coordJH: { uid: 'u-samordnare-jh', email: 'samordnare@region-jh.example', name: 'Malin Samordnare' },
	lst: { uid: 'u-lansstyrelsen', email: 'lansstyrelsen@lst-jamtland.example', name: 'Lars Länsstyrelsen' },
	ostersund: { uid: 'u-ostersund', email: 'ostersund@kommun.example', name: 'Östen Östersund' },
	krokom: { uid: 'u-krokom', email: 'krokom@kommun.example', name: 'Karin Krokom' },
	reader: { uid: 'u-tvv-reader', email: 'handlaggare@tillvaxtverket.example', name: 'Tove Handläggare' },
	coordVN: { uid: 'u-samordnare-vn', email: 'samordnare@region-vn.example', name: 'Vera Samordnare' }
} as const;
export const JH_MEMBERS = [P.coordJH, P.lst, P.ostersund, P.krokom];

export const yearDoc = (regionId: string, year: string) => admin().db.doc(paths.year(regionId, year));

export async function templateOf(regionId: string, year: string): Promise<Template> {
	const p = plan.parse((await yearDoc(regionId, year).get()).data());
	return template.parse((await admin().db.doc(paths.template(p.templateId)).get()).data());
}

/** The stored rows with their revisions, in document-id order. */
export async function storedRows(regionId: string, year: string): Promise<Array<SubmittedRow & { revs: Record<string, number> }>> {
	const snap = await yearDoc(regionId, year).collection('rows').get();
	return snap.docs
		.map((d) => {
			const r = storedRow.parse(d.data());
			return { id: d.id, area: r.area, position: r.position, fields: r.fields, revs: r.revs as Record<string, number> };
		})
		.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Fills every required empty cell, blocking or only warned about (status "fortsatter", text
 * otherwise) with the Admin SDK, each with its next revision.
 */
export async function completePlan(regionId: string, year: string): Promise<void> {
	const t = await templateOf(regionId, year);
	for (let round = 0; round < 3; round++) {
		const rows = await storedRows(regionId, year);
		const { blockers, warnings } = checklistOf(t, rows);
		const missing = [...blockers, ...warnings];
		if (missing.length === 0) return;
		const rowsById = new Map(rows.map((r) => [r.id, r]));
		for (const m of missing) {
			const value: RowFields[keyof RowFields] = m.field === 'status' ? 'fortsatter' : m.field === 'serviceTypes' ? ['dagligvaror'] : `Ifyllt i testet (${m.field})`;
			const rev = (rowsById.get(m.rowId)?.revs[m.field] ?? 0) + 1;
			rowsById.get(m.rowId)!.revs[m.field] = rev;
			await yearDoc(regionId, year)
				.collection('rows')
				.doc(m.rowId)
				.update({ [`fields.${m.field}`]: value, [`revs.${m.field}`]: rev, updatedBy: 'test', updatedAt: FieldValue.serverTimestamp() });
		}
	}
	throw new Error('could not complete the plan');
}

/** The year document and every row, as stored (to compare before and after a refused call). */
export async function planSnapshot(regionId: string, year: string): Promise<unknown> {
	const y = await yearDoc(regionId, year).get();
	const rows = await yearDoc(regionId, year).collection('rows').get();
	return { year: y.data() ?? null, rows: rows.docs.map((d) => [d.id, d.data()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}

/** How many outbox documents of a kind exist. */
export async function mailCount(kind: string): Promise<number> {
	return (await admin().db.collection(paths.mail()).where('kind', '==', kind).count().get()).data().count;
}

/** Browser-SDK clients signed in as given users, all closed together at the end of a spec. */
export function clientPool() {
	const clients: Client[] = [];
	return {
		async as(uid: string): Promise<Client> {
			const c = await clientAs(uid);
			clients.push(c);
			return c;
		},
		anonymous(): Client {
			const c = client();
			clients.push(c);
			return c;
		},
		closeAll: () => Promise.all(clients.map((c) => c.close()))
	};
}

/**
 * Calls a plan callable that must be refused and returns its error, asserting that the plan and
 * (when a mail kind is given) the outbox stayed exactly as they were.
 */
export async function refusedCall(c: Client, name: string, data: unknown, at: { regionId: string; year: string; mailKind?: string }) {
	const before = await planSnapshot(at.regionId, at.year);
	const mailsBefore = at.mailKind ? await mailCount(at.mailKind) : 0;
	const err = await callError(c.call(name, data));
	expect(await planSnapshot(at.regionId, at.year)).toEqual(before);
	if (at.mailKind) expect(await mailCount(at.mailKind)).toBe(mailsBefore);
	return err;
}
