// createNextYear({ regionId, fromYear, dryRun }): a coordinator starts the year after fromYear as a
// draft on the template published for it, with the rows marked Fortsätter carried over (carry-over.ts)
// and, when the year has a questionnaire, one empty answer per question. A dry run only reports.
// One transaction reads everything, re-checks, and writes the year, its rows and answers together.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from './admin';
import { callerUid, coordinatorIn, notCoordinator, parseInput, planNotFound, requireCoordinator, yearRef } from './callable';
import { REGION } from './params';
import { carryOver, nextYearPreview, questionnaireForYear, templateForYear, type NextYearPreview } from '../../src/lib/domain/carry-over';
import { defaultDeadline, DEFAULT_REMINDER_OFFSETS } from '../../src/lib/domain/deadline';
import { answer, createNextYearInput, plan, questionnaire, row, template } from '../../src/lib/domain/schemas';

type Outcome =
	| { ok: true; preview: NextYearPreview }
	| { ok: false; error: 'not-found' | 'permission-denied' }
	| { ok: false; error: 'plan-exists' | 'no-template'; year: string };

async function createIn(fs: Firestore, input: { regionId: string; fromYear: string; dryRun: boolean; uid: string; now: Date }): Promise<Outcome> {
	const { regionId, fromYear, dryRun, uid, now } = input;
	const next = Number(fromYear) + 1;
	const year = String(next);
	const fromRef = yearRef(fs, regionId, fromYear);
	const nextRef = yearRef(fs, regionId, year);
	return fs.runTransaction(
		async (tx): Promise<Outcome> => {
			const [caller, fromSnap, nextSnap, templatesSnap, questionnairesSnap, rowsSnap] = await Promise.all([
				coordinatorIn(tx, fs, regionId, uid),
				tx.get(fromRef),
				tx.get(nextRef),
				tx.get(fs.collection('templates')),
				tx.get(fs.collection('questionnaires')),
				tx.get(fromRef.collection('rows'))
			]);
			if (!caller) return { ok: false, error: 'permission-denied' };
			if (!fromSnap.exists) return { ok: false, error: 'not-found' };
			// Checked in a dry run too, so the page can offer to open the year that is already there.
			if (nextSnap.exists) return { ok: false, error: 'plan-exists', year };
			const from = plan.parse(fromSnap.data());
			const templates = templatesSnap.docs.map((d) => ({ id: d.id, data: template.parse(d.data()) }));
			const toTemplate = templateForYear(templates, next);
			if (!toTemplate) return { ok: false, error: 'no-template', year };
			const fromTemplate = templates.find((t) => t.id === from.templateId);
			if (!fromTemplate) throw new Error(`plan ${regionId}/${fromYear} names template ${from.templateId}, which does not exist`);
			const toQuestionnaire = questionnaireForYear(
				questionnairesSnap.docs.map((d) => ({ id: d.id, data: questionnaire.parse(d.data()) })),
				next
			);

			const rows = rowsSnap.docs.map((d) => ({ id: d.id, row: row.parse(d.data()) }));
			const actionOf = new Map(rows.map((r) => [r.id, r.row.fields.action ?? '']));
			const { carried, left, dropped } = carryOver({ fromYear, fromTemplate: fromTemplate.data, toTemplate: toTemplate.data, rows });
			const preview = nextYearPreview.parse({
				year,
				templateId: toTemplate.id,
				questionnaireId: toQuestionnaire?.id ?? null,
				carried: carried.map((c) => ({ fromRowId: c.fromRowId, area: c.area, action: actionOf.get(c.fromRowId) ?? '' })),
				left: left.map((l) => ({ rowId: l.rowId, area: l.area, action: actionOf.get(l.rowId) ?? '', reason: l.reason })),
				dropped
			});
			if (dryRun) return { ok: true, preview };

			// Every document parses with its schema before anything is written, so a bad one writes none.
			const yearData = plan.parse({
				templateId: toTemplate.id,
				questionnaireId: preview.questionnaireId,
				status: 'draft',
				deadline: defaultDeadline(next),
				reminderOffsets: DEFAULT_REMINDER_OFFSETS,
				submission: null,
				reopenings: []
			});
			const rowData = carried.map((c) =>
				row.parse({ area: c.area, position: c.position, fields: c.fields, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: now, carriedFrom: c.carriedFrom })
			);
			const answerData = answer.parse({ fields: {}, revs: {}, updatedBy: null, updatedAt: null });
			tx.create(nextRef, yearData);
			for (const data of rowData) tx.create(nextRef.collection('rows').doc(), data);
			for (const question of toQuestionnaire?.data.questions ?? []) tx.create(nextRef.collection('answers').doc(question.id), answerData);
			return { ok: true, preview };
		},
		dryRun ? { readOnly: true } : undefined
	);
}

export const createNextYear = onCall({ region: REGION }, async (request) => {
	const uid = callerUid(request);
	const { regionId, fromYear, dryRun } = parseInput(createNextYearInput, request.data);
	await requireCoordinator(db(), regionId, uid);
	const outcome = await createIn(db(), { regionId, fromYear, dryRun, uid, now: new Date() });
	if (outcome.ok) return { ok: true, ...outcome.preview };
	switch (outcome.error) {
		case 'not-found':
			throw planNotFound();
		case 'permission-denied':
			throw notCoordinator();
		case 'plan-exists':
			throw new HttpsError('already-exists', 'plan-exists', { reason: 'plan-exists', year: outcome.year });
		case 'no-template':
			throw new HttpsError('failed-precondition', 'no-template', { reason: 'no-template', year: outcome.year });
	}
});
