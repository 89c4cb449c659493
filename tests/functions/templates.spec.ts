// saveTemplate against the Auth, Firestore and Functions emulators: a Tillväxtverket admin publishes a
// template (stored with the keys, types and choice values the rules read), which then is the default
// of createPlan for its year; a template with duplicate keys, no columns or a choice column without
// choices is refused with the schema's issues; a template a plan uses cannot be changed or unpublished
// (a new version under a new id can); staff readers and coordinators are refused. Refusals write nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, callError, resetDemo, type Client } from '../support/emulators';
import { clientPool, JH, P, yearDoc } from '../support/plans';
import { plan, template, templateContent, type TemplateContent } from '../../src/lib/domain/schemas';
import { paths } from '../../src/lib/domain/paths';

const ADMIN_UID = 'u-tvv-admin';
const seedTemplate = (id: string) => template.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'seed', 'templates', `${id}.json`), 'utf8')));

/** rsp-2024's content for 2026, with a column for the digital service added: next year's form. */
const rsp2024 = seedTemplate('rsp-2024');
const CONTENT_2026: TemplateContent = templateContent.parse({
	name: 'Uppföljning och redovisning av insatser i regionalt serviceprogram (2026)',
	years: [2026],
	parts: rsp2024.parts,
	columns: [
		...rsp2024.columns,
		{ key: 'digitalService', part: 'plan', title: 'Digital service', help: 'Vilka digitala tjänster insatsen omfattar.', type: 'shortText', required: 'never' }
	]
});

async function templatesState() {
	const snap = await admin().db.collection(paths.templates()).get();
	return snap.docs.map((d) => [d.id, d.data()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const issuesOf = (err: { details?: unknown }) => ((err.details as { issues?: Array<{ message: string }> }).issues ?? []).map((i) => i.message);

describe('saveTemplate', () => {
	const pool = clientPool();
	let staffAdmin: Client;

	const refused = async (c: Client, data: unknown) => {
		const before = await templatesState();
		const err = await callError(c.call('saveTemplate', data));
		expect(await templatesState()).toEqual(before);
		return err;
	};

	beforeAll(async () => {
		await resetDemo();
		staffAdmin = await pool.as(ADMIN_UID);
	});
	afterAll(async () => {
		await pool.closeAll();
		await resetDemo();
	});

	it('publishes a new template with the keys, types and choice values the rules read, and who published it when', async () => {
		const started = Date.now();
		expect(await staffAdmin.call('saveTemplate', { templateId: 'rsp-2026', published: true, content: CONTENT_2026 })).toEqual({ ok: true, templateId: 'rsp-2026' });
		const finished = Date.now();
		const stored = template.parse((await admin().db.doc(paths.template('rsp-2026')).get()).data());
		const { publishedAt, ...rest } = stored;
		expect(rest).toEqual({
			...CONTENT_2026,
			published: true,
			keys: CONTENT_2026.columns.map((c) => c.key),
			types: Object.fromEntries(CONTENT_2026.columns.map((c) => [c.key, c.type])),
			choiceValues: { ...Object.fromEntries(CONTENT_2026.columns.map((c) => [c.key, []])), status: ['', 'klar', 'fortsatter'] },
			publishedBy: ADMIN_UID
		});
		expect(publishedAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
		expect(publishedAt!.getTime()).toBeLessThanOrEqual(finished + 1000);
	});

	it('makes the published template the default of a plan created for its year', async () => {
		// rsp-2024 also lists 2026; the template published now is the newer one.
		const coord = await pool.as(P.coordJH.uid);
		expect(await coord.call('createPlan', { regionId: JH, year: '2026' })).toEqual({ ok: true, year: '2026', templateId: 'rsp-2026', carried: 0 });
		expect(plan.parse((await yearDoc(JH, '2026').get()).data()).templateId).toBe('rsp-2026');
	});

	it('refuses duplicate keys, no columns and a choice column without choices with invalid-argument and the issues, writing nothing', async () => {
		const status = CONTENT_2026.columns.find((c) => c.key === 'status')!;
		const cases: Array<[TemplateContent, string]> = [
			[{ ...CONTENT_2026, columns: [...CONTENT_2026.columns, { ...CONTENT_2026.columns[0], title: 'Insatser igen' }] }, 'duplicate-column-key:action'],
			[{ ...CONTENT_2026, columns: [] }, 'no-columns'],
			[{ ...CONTENT_2026, columns: CONTENT_2026.columns.map((c) => (c.key === 'status' ? { ...status, choices: [] } : c)) }, 'choices-missing:status']
		];
		for (const [content, message] of cases) {
			const err = await refused(staffAdmin, { templateId: 'rsp-2030', published: true, content });
			expect(err.code, message).toBe('functions/invalid-argument');
			expect(issuesOf(err), message).toContain(message);
		}
		expect((await admin().db.doc(paths.template('rsp-2030')).get()).exists).toBe(false);
	});

	it('refuses to change or unpublish a template a plan uses: failed-precondition template-in-use, writing nothing', async () => {
		const rsp2023 = seedTemplate('rsp-2023');
		for (const [templateId, content, published] of [
			['rsp-2024', { ...CONTENT_2026, years: [2024, 2025] }, true],
			['rsp-2023', { name: rsp2023.name, years: rsp2023.years, parts: rsp2023.parts, columns: rsp2023.columns }, false],
			// rsp-2026 is in use since the plan of 2026 was created on it.
			['rsp-2026', CONTENT_2026, true]
		] as const) {
			const err = await refused(staffAdmin, { templateId, published, content });
			expect(err.code, templateId).toBe('functions/failed-precondition');
			expect(err.details).toEqual({ reason: 'template-in-use', templateId });
		}
	});

	it('saves a new version of a template in use under a new id', async () => {
		const content = { ...CONTENT_2026, name: `${CONTENT_2026.name}, version 2`, years: [2026, 2027] };
		expect(await staffAdmin.call('saveTemplate', { templateId: 'rsp-2026-v2', published: true, content })).toEqual({ ok: true, templateId: 'rsp-2026-v2' });
		expect(template.parse((await admin().db.doc(paths.template('rsp-2026-v2')).get()).data()).name).toBe(content.name);
	});

	it('saves a draft, which names no publisher, and replaces it while no plan uses it', async () => {
		await staffAdmin.call('saveTemplate', { templateId: 'rsp-2028', published: false, content: { ...CONTENT_2026, years: [2028] } });
		let stored = template.parse((await admin().db.doc(paths.template('rsp-2028')).get()).data());
		expect([stored.published, stored.publishedAt, stored.publishedBy]).toEqual([false, null, null]);

		// A draft is no default: no plan can be created for 2028 yet.
		const coord = await pool.as(P.coordJH.uid);
		const err = await callError(coord.call('createPlan', { regionId: JH, year: '2028' }));
		expect(err.details).toEqual({ reason: 'no-template', year: '2028' });

		await staffAdmin.call('saveTemplate', { templateId: 'rsp-2028', published: true, content: { ...CONTENT_2026, name: 'Formulär 2028', years: [2028] } });
		stored = template.parse((await admin().db.doc(paths.template('rsp-2028')).get()).data());
		expect([stored.name, stored.published, stored.publishedBy]).toEqual(['Formulär 2028', true, ADMIN_UID]);
	});

	it('refuses a staff reader and a coordinator with permission-denied, and anonymous callers, writing nothing', async () => {
		const data = { templateId: 'rsp-2031', published: true, content: { ...CONTENT_2026, years: [2031] } };
		for (const uid of [P.reader.uid, P.coordJH.uid]) {
			const err = await refused(await pool.as(uid), data);
			expect(err.code, uid).toBe('functions/permission-denied');
			expect(err.details).toEqual({ reason: 'not-staff-admin' });
		}
		expect((await refused(pool.anonymous(), data)).code).toBe('functions/unauthenticated');
	});

	it('refuses malformed ids and unknown keys with invalid-argument, writing nothing', async () => {
		for (const data of [
			{ templateId: 'rsp 2031', published: true, content: CONTENT_2026 },
			{ templateId: 'rsp-2031', published: 'yes', content: CONTENT_2026 },
			{ templateId: 'rsp-2031', published: true, content: { ...CONTENT_2026, years: [] } },
			{ templateId: 'rsp-2031', published: true, content: CONTENT_2026, keys: ['action'] }
		]) {
			expect((await refused(staffAdmin, data)).code, JSON.stringify(data)).toBe('functions/invalid-argument');
		}
	});
});
