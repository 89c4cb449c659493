// The demo data as documents: reads seed/*.json, parses every document with the one schema, and
// returns paths and data (pure; scripts/seed.ts writes them with the Admin SDK).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultDeadline, DEFAULT_REMINDER_OFFSETS } from '../src/lib/domain/deadline';
import { keysInOrder } from '../src/lib/domain/ordering';
import {
	answer,
	answerValues,
	comment,
	member,
	organization,
	plan,
	questionnaire,
	region,
	rowFields,
	staff,
	template,
	type Questionnaire,
	type Row
} from '../src/lib/domain/schemas';

const seedDir = join(import.meta.dirname, '..', 'seed');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(seedDir, file), 'utf8'));

const demoFile = z.object({
	organizations: z.record(z.string(), organization),
	regions: z.record(z.string(), region),
	users: z.array(
		z.object({
			uid: z.string(),
			email: z.string(),
			name: z.string(),
			orgId: z.string(),
			member: z.object({ regionId: z.string(), role: z.enum(['coordinator', 'editor']) }).optional(),
			staff: z.object({ role: z.enum(['reader', 'admin']) }).optional()
		})
	),
	plans: z.array(z.object({ regionId: z.string(), year: z.number().int(), templateId: z.string(), rowsFile: z.string().nullable() })),
	/** A short demo discussion; the authors must be members of the plan's region. */
	comments: z
		.array(
			z.object({
				regionId: z.string(),
				year: z.number().int(),
				id: z.string(),
				rowId: z.string(),
				field: z.string().nullable(),
				parentId: z.string().nullable(),
				authorUid: z.string(),
				text: z.string()
			})
		)
		.default([])
});

const rowsFile = z.object({
	regionId: z.string(),
	year: z.number().int(),
	templateId: z.string(),
	rows: z.array(z.object({ id: z.string(), area: z.number().int(), fields: rowFields }))
});

/** A region's answers to a year's questionnaire: question id → answer key → value (absent = not answered). */
const answersFile = z.object({
	regionId: z.string(),
	year: z.number().int(),
	questionnaireId: z.string(),
	answers: z.record(z.string(), z.record(z.string(), z.unknown()))
});

export interface SeedDoc {
	path: string;
	data: Record<string, unknown>;
}

export interface SeedUser {
	uid: string;
	email: string;
	displayName: string;
}

export interface Seed {
	users: SeedUser[];
	/** Reference data, written every time (idempotent overwrite). */
	reference: SeedDoc[];
	/**
	 * One entry per plan: the year document, its rows, comments and one answer document per question
	 * of the year's questionnaire, written only when the plan is absent.
	 */
	plans: Array<{ year: SeedDoc; rows: SeedDoc[]; comments: SeedDoc[]; answers: SeedDoc[] }>;
	demoUsers: Array<{ email: string; description: string }>;
}

export const TEMPLATE_IDS = ['rsp-2023', 'rsp-2024'];
export const QUESTIONNAIRE_IDS = ['rsp-fragor'];
/** The transcribed answers; every other plan on a questionnaire starts with empty answers. */
export const ANSWERS_FILES = ['plans/jamtland-harjedalen-2023-answers.json'];

/**
 * The answer documents of one plan, one per question: the transcribed values, each parsed by its
 * field's type (a key the question does not have is an error in the file), else empty. A filled
 * answer is stamped like the seeded rows (the coordinator, now); an empty one names nobody, so the
 * answer-history trigger records nothing for it.
 */
function answerDocs(base: string, q: Questionnaire, given: Record<string, Record<string, unknown>>, coordinator: string, now: Date): SeedDoc[] {
	for (const questionId of Object.keys(given)) {
		if (!(questionId in q.fieldTypes)) throw new Error(`answers for unknown question ${questionId}`);
	}
	return q.questions.map((question) => {
		const types = q.fieldTypes[question.id];
		const fields: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(given[question.id] ?? {})) {
			const type = types[key];
			if (!type) throw new Error(`${question.id}: unknown answer key ${key}`);
			fields[key] = answerValues[type].parse(value);
		}
		const filled = Object.keys(fields).length > 0;
		const data = answer.parse({ fields, revs: {}, updatedBy: filled ? coordinator : null, updatedAt: filled ? now : null });
		return { path: `${base}/answers/${question.id}`, data: { ...data } };
	});
}

export function buildSeed(now: Date): Seed {
	const demo = demoFile.parse(readJson('demo.json'));
	const reference: SeedDoc[] = [];
	for (const id of TEMPLATE_IDS) reference.push({ path: `templates/${id}`, data: template.parse(readJson(`templates/${id}.json`)) });
	const questionnaires = QUESTIONNAIRE_IDS.map((id) => ({ id, data: questionnaire.parse(readJson(`questionnaires/${id}.json`)) }));
	for (const q of questionnaires) reference.push({ path: `questionnaires/${q.id}`, data: q.data });
	const answersFiles = ANSWERS_FILES.map((f) => answersFile.parse(readJson(f)));
	for (const [id, org] of Object.entries(demo.organizations)) reference.push({ path: `organizations/${id}`, data: org });
	for (const [id, r] of Object.entries(demo.regions)) reference.push({ path: `regions/${id}`, data: r });

	const users: SeedUser[] = [];
	const demoUsers: Seed['demoUsers'] = [];
	for (const u of demo.users) {
		users.push({ uid: u.uid, email: u.email, displayName: u.name });
		const orgName = demo.organizations[u.orgId]?.name ?? u.orgId;
		if (u.member) {
			reference.push({
				path: `regions/${u.member.regionId}/members/${u.uid}`,
				data: member.parse({ email: u.email, name: u.name, orgId: u.orgId, role: u.member.role })
			});
			demoUsers.push({ email: u.email, description: `${u.member.role === 'coordinator' ? 'samordnare' : 'redaktör'}, ${orgName} (${u.member.regionId})` });
		}
		if (u.staff) {
			reference.push({ path: `staff/${u.uid}`, data: staff.parse({ email: u.email, name: u.name, orgId: u.orgId, role: u.staff.role }) });
			demoUsers.push({ email: u.email, description: `Tillväxtverket, ${u.staff.role === 'reader' ? 'läsare' : 'administratör'}` });
		}
	}

	const coordinatorOf = (regionId: string) => demo.users.find((u) => u.member?.regionId === regionId && u.member.role === 'coordinator')?.uid ?? 'seed';
	const plans: Seed['plans'] = [];
	for (const p of demo.plans) {
		const base = `regions/${p.regionId}/years/${p.year}`;
		const q = questionnaires.find((x) => x.data.published && x.data.years.includes(p.year));
		const year = {
			path: base,
			data: plan.parse({
				templateId: p.templateId,
				questionnaireId: q?.id ?? null,
				status: 'draft',
				deadline: defaultDeadline(p.year),
				reminderOffsets: DEFAULT_REMINDER_OFFSETS
			})
		};
		const given = answersFiles.find((f) => f.regionId === p.regionId && f.year === p.year);
		if (given && given.questionnaireId !== q?.id) throw new Error(`${base}: answers for ${given.questionnaireId}, but the year is on ${q?.id ?? 'no questionnaire'}`);
		const answers = q ? answerDocs(base, q.data, given?.answers ?? {}, coordinatorOf(p.regionId), now) : [];
		const rows: SeedDoc[] = [];
		if (p.rowsFile) {
			const file = rowsFile.parse(readJson(p.rowsFile));
			// Keys per area in file order (ordering.ts keysInOrder: the keys a repair of that area writes).
			const perArea = new Map<number, number>();
			for (const r of file.rows) {
				const index = perArea.get(r.area) ?? 0;
				perArea.set(r.area, index + 1);
				const data: Row = {
					area: r.area,
					position: keysInOrder(file.rows.filter((x) => x.area === r.area).length)[index],
					fields: r.fields,
					revs: {},
					createdBy: coordinatorOf(p.regionId),
					updatedBy: coordinatorOf(p.regionId),
					updatedAt: now
				};
				rows.push({ path: `${base}/rows/${r.id}`, data: { ...data } });
			}
		}
		const comments: SeedDoc[] = demo.comments
			.filter((c) => c.regionId === p.regionId && c.year === p.year)
			.map((c, i) => {
				const author = demo.users.find((u) => u.uid === c.authorUid && u.member?.regionId === p.regionId);
				if (!author) throw new Error(`demo comment ${c.id}: ${c.authorUid} is not a member of ${p.regionId}`);
				const data = comment.parse({
					rowId: c.rowId,
					field: c.field,
					parentId: c.parentId,
					text: c.text,
					authorUid: author.uid,
					authorName: author.name,
					authorOrgId: author.orgId,
					createdAt: new Date(now.getTime() + i * 1000),
					editedAt: null,
					resolved: false,
					resolvedBy: null,
					resolvedAt: null,
					mentions: []
				});
				return { path: `${base}/comments/${c.id}`, data: { ...data } };
			});
		plans.push({ year, rows, comments, answers });
	}
	for (const f of answersFiles) {
		if (!demo.plans.some((p) => p.regionId === f.regionId && p.year === f.year)) throw new Error(`answers for ${f.regionId} ${f.year}, a plan the demo does not have`);
	}
	return { users, reference, plans, demoUsers };
}
