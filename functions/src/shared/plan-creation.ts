// Creating a region's plan of a year, the one transaction createPlan and createNextYear share: the
// template (given, or the newest published for the year), the year's questionnaire with empty answers,
// the default deadline and reminder offsets, optionally the Fortsätter rows of the year before
// (carry-over.ts), and the audit entry. A dry run reads and checks the same and writes nothing.
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { recordAudit } from './audit';
import { readCallerIn, refusal, yearRef } from './callable';
import { may } from '../../../src/lib/domain/authorization';
import { InvalidRow, invalidRowError, planRows } from './plan-rows';
import { carryOver, nextYearPreview, questionnaireForYear, templateForYear, type NextYearPreview } from '../../../src/lib/domain/carry-over';
import { defaultDeadline, DEFAULT_REMINDER_OFFSETS } from '../../../src/lib/domain/deadline';
import { answer, plan, questionnaire, row, template, type Template } from '../../../src/lib/domain/schemas';
import { paths } from '../../../src/lib/domain/paths';

export interface PlanCreation {
	regionId: string;
	year: string;
	/** The template to use; without one, the newest published for the year. */
	templateId?: string;
	/** The year whose rows marked Fortsätter start the new one; null starts it empty. */
	carryFrom: string | null;
	dryRun: boolean;
	uid: string;
	now: Date;
}

export type PlanCreationFailure =
	| { reason: 'not-a-coordinator' }
	| { reason: 'plan-exists'; year: string }
	| { reason: 'no-previous-plan'; year: string }
	| { reason: 'no-template'; year: string }
	| { reason: 'template-not-found'; templateId: string }
	| { reason: 'template-not-for-year'; templateId: string; year: string }
	| { reason: 'invalid-row'; invalid: InvalidRow };

export type PlanCreationOutcome = { ok: true; preview: NextYearPreview } | ({ ok: false } & PlanCreationFailure);

type Stored = { id: string; data: Template };

/**
 * Checks, in this order: the caller may create plans (authorization.ts), the year has no plan yet, the year to
 * carry from has one, and the template exists, is published and applies to the year. Every document
 * is parsed with its schema before anything is written, so a bad one writes none.
 */
export function createPlanIn(fs: Firestore, input: PlanCreation): Promise<PlanCreationOutcome> {
	const { regionId, year, carryFrom, dryRun, uid, now } = input;
	const ref = yearRef(fs, regionId, year);
	const fromRef = carryFrom ? yearRef(fs, regionId, carryFrom) : null;
	const templates = fs.collection(paths.templates());
	return fs.runTransaction(
		async (tx): Promise<PlanCreationOutcome> => {
			const [caller, yearSnap, fromSnap, fromRowsSnap, templatesSnap, questionnairesSnap] = await Promise.all([
				readCallerIn(tx, fs, uid, regionId),
				tx.get(ref),
				fromRef ? tx.get(fromRef) : null,
				carryFrom ? tx.get(fs.collection(paths.rows(regionId, carryFrom))) : null,
				tx.get(templates),
				tx.get(fs.collection(paths.questionnaires()))
			]);
			if (!may(caller.actor, 'create-plan')) return { ok: false, reason: 'not-a-coordinator' };
			// Checked in a dry run too, so the page can offer to open the year that is already there.
			if (yearSnap.exists) return { ok: false, reason: 'plan-exists', year };
			if (carryFrom && !fromSnap?.exists) return { ok: false, reason: 'no-previous-plan', year: carryFrom };

			const stored: Stored[] = templatesSnap.docs.map((d) => ({ id: d.id, data: template.parse(d.data()) }));
			let chosen: Stored | null;
			if (input.templateId !== undefined) {
				chosen = stored.find((t) => t.id === input.templateId) ?? null;
				if (!chosen) return { ok: false, reason: 'template-not-found', templateId: input.templateId };
				if (!chosen.data.published || !chosen.data.years.includes(Number(year))) {
					return { ok: false, reason: 'template-not-for-year', templateId: input.templateId, year };
				}
			} else {
				chosen = templateForYear(stored, Number(year));
				if (!chosen) return { ok: false, reason: 'no-template', year };
			}
			const toQuestionnaire = questionnaireForYear(
				questionnairesSnap.docs.map((d) => ({ id: d.id, data: questionnaire.parse(d.data()) })),
				Number(year)
			);

			let carry: ReturnType<typeof carryOver> = { carried: [], left: [], dropped: [] };
			const actionOf = new Map<string, string>();
			if (carryFrom && fromSnap && fromRowsSnap) {
				const from = plan.parse(fromSnap.data());
				const fromTemplate = stored.find((t) => t.id === from.templateId);
				if (!fromTemplate) throw new Error(`plan ${regionId}/${carryFrom} names template ${from.templateId}, which does not exist`);
				let rows: ReturnType<typeof planRows>;
				try {
					rows = planRows(fromRowsSnap.docs);
				} catch (e) {
					if (e instanceof InvalidRow) return { ok: false, reason: 'invalid-row', invalid: e };
					throw e;
				}
				for (const r of rows) actionOf.set(r.id, typeof r.row.fields.action === 'string' ? r.row.fields.action : '');
				carry = carryOver({ fromYear: carryFrom, fromTemplate: fromTemplate.data, toTemplate: chosen.data, rows });
			}
			const preview = nextYearPreview.parse({
				year,
				templateId: chosen.id,
				questionnaireId: toQuestionnaire?.id ?? null,
				carried: carry.carried.map((c) => ({ fromRowId: c.fromRowId, area: c.area, action: actionOf.get(c.fromRowId) ?? '' })),
				left: carry.left.map((l) => ({ rowId: l.rowId, area: l.area, action: actionOf.get(l.rowId) ?? '', reason: l.reason })),
				dropped: carry.dropped
			});
			if (dryRun) return { ok: true, preview };

			const yearData = plan.parse({
				templateId: chosen.id,
				questionnaireId: preview.questionnaireId,
				status: 'draft',
				deadline: defaultDeadline(Number(year)),
				reminderOffsets: DEFAULT_REMINDER_OFFSETS,
				submission: null,
				reopenings: []
			});
			const rowData = carry.carried.map((c) =>
				row.parse({ area: c.area, position: c.position, fields: c.fields, revs: {}, createdBy: uid, updatedBy: uid, updatedAt: now, carriedFrom: c.carriedFrom })
			);
			const answerData = answer.parse({ fields: {}, revs: {}, updatedBy: null, updatedAt: null });
			tx.create(ref, yearData);
			for (const data of rowData) tx.create(fs.collection(paths.rows(regionId, year)).doc(), data);
			for (const question of toQuestionnaire?.data.questions ?? []) tx.create(fs.doc(paths.answer(regionId, year, question.id)), answerData);
			recordAudit(fs, tx, regionId, {
				kind: 'plan-created',
				by: uid,
				byName: caller.name,
				target: year,
				targetName: year,
				details: { templateId: chosen.id, questionnaireId: preview.questionnaireId, carriedFrom: carryFrom, carried: rowData.length },
				at: now
			});
			return { ok: true, preview };
		},
		dryRun ? { readOnly: true } : undefined
	);
}

/** The callable error of a refusal, with the reason and what it is about in details. */
export function planCreationError(f: PlanCreationFailure): HttpsError {
	switch (f.reason) {
		case 'not-a-coordinator':
			return refusal('create-plan');
		case 'plan-exists':
			return new HttpsError('already-exists', f.reason, { reason: f.reason, year: f.year });
		case 'no-previous-plan':
		case 'no-template':
			return new HttpsError('failed-precondition', f.reason, { reason: f.reason, year: f.year });
		case 'template-not-found':
			return new HttpsError('not-found', f.reason, { reason: f.reason, templateId: f.templateId });
		case 'template-not-for-year':
			return new HttpsError('failed-precondition', f.reason, { reason: f.reason, templateId: f.templateId, year: f.year });
		case 'invalid-row':
			return invalidRowError(f.invalid);
	}
}
