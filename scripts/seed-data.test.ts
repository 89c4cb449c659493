import { describe, it, expect } from 'vitest';
import { buildSeed, QUESTIONNAIRE_IDS, TEMPLATE_IDS, type SeedDoc } from './seed-data';
import {
	answer,
	answerFieldsOf,
	answerValues,
	member,
	organization,
	plan,
	questionnaire,
	region,
	row,
	staff,
	template,
	type Template
} from '../src/lib/domain/schemas';
import { RULES_MAX_ANSWER_FIELDS, totalShares } from '../src/lib/domain/questionnaire';
import { keysInOrder } from '../src/lib/domain/ordering';

const now = new Date('2026-05-04T10:00:00Z');
const seed = buildSeed(now);

const docAt = (path: string): SeedDoc | undefined => seed.reference.find((d) => d.path === path);
const under = (prefix: string) => seed.reference.filter((d) => d.path.startsWith(prefix));
const planAt = (path: string) => seed.plans.find((p) => p.year.path === path);

describe('buildSeed: users', () => {
	it('creates the seven demo users with unique uids and emails', () => {
		expect(seed.users).toHaveLength(7);
		expect(new Set(seed.users.map((u) => u.uid)).size).toBe(7);
		expect(new Set(seed.users.map((u) => u.email)).size).toBe(7);
		expect(seed.users.map((u) => u.uid).sort()).toEqual(
			['u-krokom', 'u-lansstyrelsen', 'u-ostersund', 'u-samordnare-jh', 'u-samordnare-vn', 'u-tvv-admin', 'u-tvv-reader'].sort()
		);
	});

	it('gives every user a display name', () => {
		expect(seed.users.find((u) => u.uid === 'u-samordnare-jh')).toEqual({
			uid: 'u-samordnare-jh',
			email: 'samordnare@region-jh.example',
			displayName: 'Malin Samordnare'
		});
		for (const u of seed.users) expect(u.displayName.length, u.uid).toBeGreaterThan(0);
	});

	it('makes Malin coordinator and Lars, Östen and Karin editors of Jämtland Härjedalen', () => {
		const members = under('regions/jamtland-harjedalen/members/');
		expect(members.map((d) => d.path.split('/').at(-1)).sort()).toEqual(['u-krokom', 'u-lansstyrelsen', 'u-ostersund', 'u-samordnare-jh']);
		expect(docAt('regions/jamtland-harjedalen/members/u-samordnare-jh')?.data).toMatchObject({ role: 'coordinator', orgId: 'region-jh' });
		expect(docAt('regions/jamtland-harjedalen/members/u-lansstyrelsen')?.data).toMatchObject({ role: 'editor', orgId: 'lst-jamtland' });
		expect(docAt('regions/jamtland-harjedalen/members/u-ostersund')?.data).toMatchObject({ role: 'editor', orgId: 'ostersund' });
		expect(docAt('regions/jamtland-harjedalen/members/u-krokom')?.data).toMatchObject({ role: 'editor', orgId: 'krokom' });
	});

	it('makes Vera the only member, coordinator, of Västernorrland', () => {
		const members = under('regions/vasternorrland/members/');
		expect(members).toHaveLength(1);
		expect(members[0].path).toBe('regions/vasternorrland/members/u-samordnare-vn');
		expect(members[0].data).toMatchObject({ role: 'coordinator', orgId: 'region-vn', email: 'samordnare@region-vn.example' });
	});

	it('makes the Tillväxtverket users a staff reader and a staff admin, and no members', () => {
		const staffDocs = under('staff/');
		expect(staffDocs.map((d) => d.path)).toEqual(['staff/u-tvv-reader', 'staff/u-tvv-admin']);
		expect(staffDocs[0].data).toEqual({
			email: 'handlaggare@tillvaxtverket.example',
			name: 'Tove Handläggare',
			orgId: 'tillvaxtverket',
			role: 'reader'
		});
		expect(staffDocs[1].data).toMatchObject({ email: 'admin@tillvaxtverket.example', role: 'admin' });
		expect(seed.reference.some((d) => d.path.includes('/members/u-tvv-'))).toBe(false);
	});

	it('writes member and staff documents that parse with their schemas', () => {
		for (const d of seed.reference.filter((x) => x.path.includes('/members/'))) expect(member.safeParse(d.data).success, d.path).toBe(true);
		for (const d of under('staff/')) expect(staff.safeParse(d.data).success, d.path).toBe(true);
	});

	it('every member and staff email matches the user account', () => {
		const emailOf = new Map(seed.users.map((u) => [u.uid, u.email]));
		for (const d of seed.reference.filter((x) => x.path.includes('/members/') || x.path.startsWith('staff/'))) {
			expect(d.data.email, d.path).toBe(emailOf.get(d.path.split('/').at(-1)!));
		}
	});

	it('describes each demo user in Swedish for the login page', () => {
		expect(seed.demoUsers).toHaveLength(7);
		const byEmail = new Map(seed.demoUsers.map((u) => [u.email, u.description]));
		expect(byEmail.get('samordnare@region-jh.example')).toBe('samordnare, Region Jämtland Härjedalen (jamtland-harjedalen)');
		expect(byEmail.get('krokom@kommun.example')).toBe('redaktör, Krokoms kommun (jamtland-harjedalen)');
		expect(byEmail.get('handlaggare@tillvaxtverket.example')).toBe('Tillväxtverket, läsare');
		expect(byEmail.get('admin@tillvaxtverket.example')).toBe('Tillväxtverket, administratör');
		expect(byEmail.get('samordnare@region-vn.example')).toBe('samordnare, Region Västernorrland (vasternorrland)');
	});
});

describe('buildSeed: organisations and regions', () => {
	const orgs = under('organizations/');

	it('has the twelve organisations, all valid', () => {
		expect(orgs).toHaveLength(12);
		for (const d of orgs) expect(organization.safeParse(d.data).success, d.path).toBe(true);
		const names = orgs.map((d) => d.data.name);
		for (const n of ['Länsstyrelsen Jämtlands län', 'Tillväxtverket', 'Region Västernorrland', 'Region Jämtland Härjedalen']) {
			expect(names, n).toContain(n);
		}
	});

	it('has the eight kommuner of Jämtlands län', () => {
		const kommuner = orgs.filter((d) => d.data.kind === 'kommun');
		expect(kommuner.map((d) => d.data.shortName).sort((a, b) => String(a).localeCompare(String(b), 'sv'))).toEqual([
			'Berg',
			'Bräcke',
			'Härjedalen',
			'Krokom',
			'Ragunda',
			'Strömsund',
			'Åre',
			'Östersund'
		]);
		for (const k of kommuner) expect(k.data.regionId, k.path).toBe('jamtland-harjedalen');
	});

	it('gives Tillväxtverket no region', () => {
		expect(docAt('organizations/tillvaxtverket')?.data).toMatchObject({ kind: 'myndighet', regionId: null, name: 'Tillväxtverket' });
	});

	it('gives every organisation a distinct colour', () => {
		const colours = orgs.map((d) => String(d.data.color).toLowerCase());
		expect(new Set(colours).size).toBe(colours.length);
	});

	it('has the two regions with areas numbered 1..n', () => {
		const jh = docAt('regions/jamtland-harjedalen');
		const vn = docAt('regions/vasternorrland');
		expect(region.parse(jh?.data).areas.map((a) => a.number)).toEqual([1, 2, 3]);
		expect(region.parse(vn?.data).areas.map((a) => a.number)).toEqual([1, 2]);
		expect(jh?.data.name).toBe('Region Jämtland Härjedalen');
	});

	it('every user belongs to a seeded organisation, and every region of a member exists', () => {
		const orgIds = new Set(orgs.map((d) => d.path.split('/')[1]));
		for (const d of seed.reference.filter((x) => x.path.includes('/members/') || x.path.startsWith('staff/'))) {
			expect(orgIds.has(String(d.data.orgId)), d.path).toBe(true);
		}
		for (const d of seed.reference.filter((x) => x.path.includes('/members/'))) {
			expect(docAt(d.path.split('/members/')[0]), d.path).toBeDefined();
		}
	});
});

describe('buildSeed: templates', () => {
	it('has both templates, parsed', () => {
		expect(TEMPLATE_IDS).toEqual(['rsp-2023', 'rsp-2024']);
		expect(under('templates/').map((d) => d.path)).toEqual(['templates/rsp-2023', 'templates/rsp-2024']);
		for (const d of under('templates/')) expect(template.safeParse(d.data).success, d.path).toBe(true);
	});

	it('rsp-2023 has serviceTypes and rsp-2024 does not', () => {
		const t23 = docAt('templates/rsp-2023')?.data as Template;
		const t24 = docAt('templates/rsp-2024')?.data as Template;
		expect(t23.keys).toContain('serviceTypes');
		expect(t23.years).toEqual([2023]);
		expect(t24.keys).not.toContain('serviceTypes');
		expect(t24.columns.map((c) => c.key)).not.toContain('serviceTypes');
		expect(t24.years).toContain(2024);
	});

	it('has unique reference paths', () => {
		const paths = seed.reference.map((d) => d.path);
		expect(new Set(paths).size).toBe(paths.length);
	});
});

describe('buildSeed: plans', () => {
	it('has three plans: JH 2023 and 2024, VN 2023', () => {
		expect(seed.plans.map((p) => p.year.path)).toEqual([
			'regions/jamtland-harjedalen/years/2023',
			'regions/jamtland-harjedalen/years/2024',
			'regions/vasternorrland/years/2023'
		]);
	});

	it('seeds the 2023 Jämtland Härjedalen plan as a draft on rsp-2023 due 2024-01-31 23:59 Stockholm', () => {
		const p = planAt('regions/jamtland-harjedalen/years/2023')!;
		expect(p.year.data).toMatchObject({ templateId: 'rsp-2023', status: 'draft', reminderOffsets: [30, 14, 7, 2, 1] });
		expect((p.year.data.deadline as Date).toISOString()).toBe('2024-01-31T22:59:00.000Z');
		expect(plan.safeParse(p.year.data).success).toBe(true);
	});

	it('seeds the 14 rows of the 2023 plan, 5/3/6 per area', () => {
		const { rows } = planAt('regions/jamtland-harjedalen/years/2023')!;
		expect(rows).toHaveLength(14);
		const count = (a: number) => rows.filter((r) => r.data.area === a).length;
		expect([count(1), count(2), count(3)]).toEqual([5, 3, 6]);
		expect(rows[0].path).toBe('regions/jamtland-harjedalen/years/2023/rows/jh23-1-01');
		expect(rows.at(-1)?.path).toBe('regions/jamtland-harjedalen/years/2023/rows/jh23-3-06');
	});

	it("gives each area's rows ascending keys in file order", () => {
		const { rows } = planAt('regions/jamtland-harjedalen/years/2023')!;
		const positions = (a: number) => rows.filter((r) => r.data.area === a).map((r) => r.data.position);
		expect(positions(1)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
		expect(positions(2)).toEqual(keysInOrder(3));
		expect(positions(3)).toEqual(keysInOrder(6));
	});

	it('writes rows that parse, authored by the region coordinator at the given time, with no revisions', () => {
		const { rows } = planAt('regions/jamtland-harjedalen/years/2023')!;
		for (const r of rows) {
			expect(row.safeParse(r.data).success, r.path).toBe(true);
			expect(r.data.createdBy).toBe('u-samordnare-jh');
			expect(r.data.updatedBy).toBe('u-samordnare-jh');
			expect(r.data.updatedAt).toEqual(now);
			expect(r.data.revs).toEqual({});
		}
	});

	it('writes only fields the rsp-2023 template has, within the region areas', () => {
		const t23 = docAt('templates/rsp-2023')?.data as Template;
		const areaCount = (docAt('regions/jamtland-harjedalen')?.data.areas as unknown[]).length;
		for (const r of planAt('regions/jamtland-harjedalen/years/2023')!.rows) {
			for (const k of Object.keys(r.data.fields as object)) expect(t23.keys, `${r.path} ${k}`).toContain(k);
			expect(r.data.area as number).toBeGreaterThanOrEqual(1);
			expect(r.data.area as number).toBeLessThanOrEqual(areaCount);
		}
	});

	it('keeps the row text from the file', () => {
		const r = planAt('regions/jamtland-harjedalen/years/2023')!.rows.find((x) => x.path.endsWith('/jh23-2-03'));
		expect((r?.data.fields as { action: string }).action).toBe(
			'Verka för ökade investeringar i energieffektivisering och annan miljömässig hållbarhet.'
		);
	});

	it('seeds the 2024 plan on rsp-2024, a template without serviceTypes, with no rows', () => {
		const p = planAt('regions/jamtland-harjedalen/years/2024')!;
		expect(p.year.data).toMatchObject({ templateId: 'rsp-2024', status: 'draft' });
		expect((p.year.data.deadline as Date).toISOString()).toBe('2025-01-31T22:59:00.000Z');
		expect(p.rows).toEqual([]);
		expect((docAt('templates/rsp-2024')?.data as Template).keys).not.toContain('serviceTypes');
	});

	it('seeds the Västernorrland 2023 plan empty on rsp-2023', () => {
		const p = planAt('regions/vasternorrland/years/2023')!;
		expect(p.year.data).toMatchObject({ templateId: 'rsp-2023', status: 'draft' });
		expect(p.rows).toEqual([]);
	});

	it('every plan refers to a seeded template and an existing region', () => {
		for (const p of seed.plans) {
			expect(docAt(`templates/${p.year.data.templateId}`), p.year.path).toBeDefined();
			expect(docAt(p.year.path.split('/years/')[0]), p.year.path).toBeDefined();
		}
	});
});

describe('buildSeed: purity', () => {
	it('builds the same seed twice for the same clock', () => {
		expect(buildSeed(now)).toEqual(seed);
	});

	it('stamps rows with the clock it is given', () => {
		const later = new Date('2027-01-01T00:00:00Z');
		const rows = buildSeed(later).plans.flatMap((p) => p.rows);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(r.data.updatedAt).toEqual(later);
	});
});

describe('buildSeed: the demo discussion', () => {
	const plan2023 = seed.plans.find((p) => p.year.path === 'regions/jamtland-harjedalen/years/2023');

	it('puts the demo comments on rows of the 2023 plan, written by members of the region as themselves', () => {
		const comments = plan2023?.comments ?? [];
		expect(comments.length).toBeGreaterThan(0);
		const rowIds = new Set(plan2023?.rows.map((r) => r.path.split('/').pop()));
		const members = new Map(seed.reference.filter((d) => d.path.startsWith('regions/jamtland-harjedalen/members/')).map((d) => [d.path.split('/').pop(), d.data]));
		for (const c of comments) {
			expect(rowIds.has(String(c.data.rowId))).toBe(true);
			const m = members.get(String(c.data.authorUid));
			expect(m?.name).toBe(c.data.authorName);
			expect(m?.orgId).toBe(c.data.authorOrgId);
		}
	});

	it('lets replies point at a root comment of the same row', () => {
		const comments = plan2023?.comments ?? [];
		const byId = new Map(comments.map((c) => [c.path.split('/').pop(), c.data]));
		const replies = comments.filter((c) => c.data.parentId !== null);
		expect(replies.length).toBeGreaterThan(0);
		for (const r of replies) {
			const root = byId.get(String(r.data.parentId));
			expect(root?.parentId).toBeNull();
			expect(root?.rowId).toBe(r.data.rowId);
		}
	});
});

describe('buildSeed: the questionnaire', () => {
	const q = questionnaire.parse(docAt('questionnaires/rsp-fragor')?.data);
	const question = (id: string) => q.questions.find((x) => x.id === id)!;

	it('writes rsp-fragor as reference data for 2023 and 2024, published', () => {
		expect(QUESTIONNAIRE_IDS).toEqual(['rsp-fragor']);
		expect(under('questionnaires/').map((d) => d.path)).toEqual(['questionnaires/rsp-fragor']);
		expect(q.years).toEqual([2023, 2024]);
		expect(q.published).toBe(true);
	});

	it('has the six questions of the form, numbered 1–6, of the kinds the form asks', () => {
		expect(q.questions.map((x) => [x.number, x.id, x.kind])).toEqual([
			[1, 'q1-efterfragan', 'outlook'],
			[2, 'q2-framtidsspaning', 'text'],
			[3, 'q3-personalresurser', 'staff'],
			[4, 'q4-kontaktpersoner', 'contacts'],
			[5, 'q5-genomforande', 'text'],
			[6, 'q6-samverkan', 'actors']
		]);
	});

	it('asks about the demand for the five support types', () => {
		expect(question('q1-efterfragan').rows).toEqual([
			{ key: 'dagligvaror', label: 'Investeringar kopplat till dagligvarubutiker' },
			{ key: 'drivmedel', label: 'Investeringar kopplat till drivmedelsförsäljning' },
			{ key: 'servicebidrag', label: 'Servicebidrag' },
			{ key: 'hemsandning', label: 'Hemsändningsbidrag' },
			{ key: 'driftstod', label: 'Särskilt driftstöd' }
		]);
		expect(question('q1-efterfragan').help).toContain('om en stödtyp inte används eller inte prioriteras i ert län.');
	});

	it('has the roles, contacts and actors of the form', () => {
		expect(question('q3-personalresurser').rows.map((r) => r.label)).toEqual(['Processledning/koordinering', 'Stödhandläggning']);
		expect(question('q4-kontaktpersoner').rows.map((r) => r.label)).toEqual([
			'Kontaktperson för RSP',
			'Kontaktperson för stödärenden',
			'Tillgång till sharepoint/teams'
		]);
		expect(question('q4-kontaktpersoner').help).toContain('allmänt intresse i dataskyddsförordningen');
		expect(question('q6-samverkan').rows.map((r) => r.label)).toEqual([
			'Kommuner',
			'Länsstyrelse',
			'Annan del av regionens organisation',
			'Näringsliv',
			'Civilsamhälle',
			'Leader',
			'Företagsfrämjare',
			'Annan'
		]);
	});

	it('denormalises exactly the answer fields of each question, few enough for the rules to find', () => {
		for (const x of q.questions) {
			const fields = answerFieldsOf(x);
			expect(q.fieldTypes[x.id], x.id).toEqual(Object.fromEntries(fields.map((f) => [f.key, f.type])));
			expect(fields.length, x.id).toBeLessThanOrEqual(RULES_MAX_ANSWER_FIELDS);
		}
	});

	it('puts every seeded plan of 2023 and 2024 on it', () => {
		for (const p of seed.plans) expect(p.year.data.questionnaireId, p.year.path).toBe('rsp-fragor');
	});
});

describe('buildSeed: the answers', () => {
	const q = questionnaire.parse(docAt('questionnaires/rsp-fragor')?.data);
	const answersOf = (path: string) => new Map(planAt(path)!.answers.map((a) => [a.path.split('/').at(-1)!, a.data]));
	const jh = answersOf('regions/jamtland-harjedalen/years/2023');
	const fields = (questionId: string) => answer.parse(jh.get(questionId)).fields;

	it('gives every plan one answer document per question, under the plan', () => {
		for (const p of seed.plans) {
			expect(p.answers.map((a) => a.path), p.year.path).toEqual(q.questions.map((x) => `${p.year.path}/answers/${x.id}`));
		}
	});

	it('writes answers that parse, every value of its field type, with no revisions', () => {
		for (const a of seed.plans.flatMap((p) => p.answers)) {
			const parsed = answer.parse(a.data);
			const types = q.fieldTypes[a.path.split('/').at(-1)!];
			for (const [key, value] of Object.entries(parsed.fields)) {
				expect(types[key], `${a.path} ${key}`).toBeDefined();
				expect(answerValues[types[key]].safeParse(value).success, `${a.path} ${key}`).toBe(true);
			}
			expect(parsed.revs).toEqual({});
		}
	});

	it('leaves the answers of JH 2024 and Västernorrland 2023 empty and unstamped', () => {
		for (const path of ['regions/jamtland-harjedalen/years/2024', 'regions/vasternorrland/years/2023']) {
			for (const a of planAt(path)!.answers) expect(a.data, a.path).toEqual({ fields: {}, revs: {}, updatedBy: null, updatedAt: null });
		}
	});

	it('stamps the filled JH 2023 answers with the coordinator and the clock; question 5 is empty, as in the report', () => {
		for (const [id, data] of jh) {
			if (id === 'q5-genomforande') expect(data).toEqual({ fields: {}, revs: {}, updatedBy: null, updatedAt: null });
			else expect(data, id).toMatchObject({ updatedBy: 'u-samordnare-jh', updatedAt: now });
		}
	});

	it('has the five demand trends of JH 2023 with their comments', () => {
		const f = fields('q1-efterfragan');
		expect([f['dagligvaror-trend'], f['drivmedel-trend'], f['servicebidrag-trend'], f['hemsandning-trend'], f['driftstod-trend']]).toEqual([
			'okar',
			'minskar',
			'minskar',
			'oforandrad',
			'oforandrad'
		]);
		expect(f['drivmedel-comment']).toBe('Många investeringar har gjorts i stödet för korrosionsskydd vilket gör att det akuta läget är löst.');
		expect(fields('q2-framtidsspaning').text).toBe('Stort fokus på semiobemannat. Många butiker tittar över energieffektiviseringar.');
	});

	it('has the people and shares of the two roles, with the project reinforcement', () => {
		const people = answerValues.people.parse(fields('q3-personalresurser')['processledning-people']);
		expect(people).toEqual([
			{ name: 'Maria Kumpula', share: 0.1 },
			{ name: 'Ville Welin', share: 0.1 },
			{ name: 'Malin Nyqvist Ljungberg', share: 0.3 },
			{ name: 'Projektledare', share: 0.15 },
			{ name: 'Ekonom', share: 0.05 },
			{ name: 'Strateg', share: 0.15 }
		]);
		expect(totalShares(people)).toBe(0.85);
		const support = answerValues.people.parse(fields('q3-personalresurser')['stodhandlaggning-people']);
		expect(support).toEqual([
			{ name: 'Ville Welin', share: 0.1 },
			{ name: 'Hantering av nya stödärenden', share: 0.55 }
		]);
		expect(totalShares(support)).toBe(0.65);
	});

	it('has the contact people and their addresses, two for sharepoint/teams', () => {
		expect(fields('q4-kontaktpersoner')).toEqual({
			'rsp-name': 'Malin Nyqvist Ljungberg',
			'rsp-email': 'malin.nyqvistljungberg@regionjh.se',
			'stodarenden-name': 'Ville Welin',
			'stodarenden-email': 'ville.welin@regionjh.se',
			'sharepoint-name': 'Båda ovan',
			'sharepoint-email': 'malin.nyqvistljungberg@regionjh.se ville.welin@regionjh.se'
		});
	});

	it('has the actors with their step on the samverkanstrappan, as written', () => {
		const f = fields('q6-samverkan');
		const steps = Object.fromEntries(Object.entries(f).filter(([k]) => k.endsWith('-step')));
		expect(steps).toEqual({
			'kommuner-step': 'Samhandling',
			'lansstyrelse-step': 'Samhandling',
			'regionen-step': 'Samhandling',
			'civilsamhalle-step': 'Samtal via kommunerna',
			'leader-step': 'Samtal',
			'foretagsframjare-step': 'Samtal'
		});
		expect(f['kommuner-collaboration']).toMatch(/^Via serviceforumet Service Z\./);
		expect(f['kommuner-challenges']).toMatch(/Utmaningen är kommunernas olika resurssättning/);
		expect(f['naringsliv-challenges']).toBe('Samma upplägg planeras under 2024.');
		expect(Object.keys(f).some((k) => k.startsWith('annan-'))).toBe(false);
	});

	it('keeps no HTML from the report', () => {
		for (const a of seed.plans.flatMap((p) => p.answers)) expect(JSON.stringify(a.data.fields), a.path).not.toMatch(/<\/?(p|i|table|tr|td)\b/);
	});
});
