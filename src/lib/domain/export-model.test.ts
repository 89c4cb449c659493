// The export model from the real seed templates and the transcribed 2023 plan: status lines, area
// order, row numbers, X marks, lists, the questionnaire's tables with Swedish decimal commas, and
// the 2024 form without service types, the form's full guide to its parts; every word from the catalogue.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { swedishDateTime } from './deadline';
import { exportFileName, exportModel, exportPath, parseExportPath, swedishShare, textLines, type ExportCell, type ExportInput } from './export-model';
import { exportSv } from '../i18n/export-sv';
import { answer, answerFieldsOf, plan, question, questionnaire, region, storedRow, template, type Answer, type Question, type Row } from './schemas';

const readSeed = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../seed/${path}`, import.meta.url), 'utf8'));
const rsp2023 = template.parse(readSeed('templates/rsp-2023.json'));
const rsp2024 = template.parse(readSeed('templates/rsp-2024.json'));
const jh = region.parse((readSeed('demo.json') as { regions: Record<string, unknown> }).regions['jamtland-harjedalen']);

interface SeedRow {
	id: string;
	area: number;
	fields: Row['fields'];
}
const seedRows = (readSeed('plans/jamtland-harjedalen-2023.json') as { rows: SeedRow[] }).rows;

const at = new Date('2024-01-01T00:00:00Z');
/** The seeded rows stored in reverse, with the legacy positions 1024, 2048, … per area that plans from before keys hold. */
function storedRows(): ExportInput['rows'] {
	const perArea = new Map<number, number>();
	const rows = seedRows.map((r) => {
		const n = (perArea.get(r.area) ?? 0) + 1;
		perArea.set(r.area, n);
		return { id: r.id, row: storedRow.parse({ area: r.area, position: n * 1024, fields: r.fields, revs: {}, createdBy: 'u', updatedBy: 'u', updatedAt: at }) };
	});
	return rows.reverse();
}

const draft = plan.parse({ templateId: 'rsp-2023', status: 'draft', deadline: new Date('2024-01-31T22:59:00Z') });
const now = new Date('2024-02-05T09:15:00Z');

function input(over: Partial<ExportInput> = {}): ExportInput {
	return { region: jh, year: '2023', plan: draft, template: rsp2023, rows: storedRows(), questionnaire: null, answers: new Map(), now, texts: exportSv, ...over };
}

const texts = (c: ExportCell | undefined) => (c?.kind === 'text' ? c.lines.map((l) => l.text).join('\n') : null);

describe('title and status line', () => {
	it('names the form, the region as the form writes it, and the year', () => {
		const m = exportModel(input());
		expect(m.title).toBe('Uppföljning och redovisning av insatser i regionalt serviceprogram');
		expect(m.regionName).toBe('Region Jämtland Härjedalen');
		expect(m.regionLine).toBe('Region: Jämtland Härjedalen');
		expect(m.yearLine).toBe('Verksamhetsår 2023');
	});

	it('says "Region" once, also for a region whose name does not start with it', () => {
		expect(exportModel(input({ region: { ...jh, name: 'Gotland' } })).regionLine).toBe('Region: Gotland');
		expect(exportModel(input()).areas.map((a) => a.heading).every((h) => /^Prioriterat område \d\. /.test(h))).toBe(true);
	});

	it('takes every word from the texts it is given', () => {
		const texts = { ...exportSv, title: 'T', regionLine: (n: string) => `R=${n}`, yearLine: (y: number) => `Y=${y}`, status: { ...exportSv.status, draft: (e: string) => `D ${e}` }, areaHeading: (n: number) => `A${n}` };
		const m = exportModel(input({ texts }));
		expect([m.title, m.regionLine, m.yearLine, m.statusLine.slice(0, 2), m.areas[0].heading]).toEqual(['T', 'R=Jämtland Härjedalen', 'Y=2023', 'D ', 'A1']);
	});

	it('says a draft is a draft, with the export time in Stockholm time', () => {
		const m = exportModel(input());
		expect(m.status).toBe('draft');
		expect(m.statusLine).toBe('Utkast – exporterad 5 februari 2024 kl. 10:15');
		expect(m.exportedAt).toBe(swedishDateTime(now));
	});

	it('says who submitted and when, and when it was exported', () => {
		const submitted = plan.parse({
			...draft,
			status: 'submitted',
			submission: { by: 'u-1', byName: 'Malin Samordnare', at: new Date('2024-01-30T15:02:00Z'), rowsPerArea: { '1': 14 }, rowCount: 14, contentHash: 'a'.repeat(64) }
		});
		expect(exportModel(input({ plan: submitted })).statusLine).toBe('Inlämnad av Malin Samordnare 30 januari 2024 kl. 16:02 – exporterad 5 februari 2024 kl. 10:15');
	});

	it('calls a reopened plan a draft again, even though its last submission is kept', () => {
		const reopened = plan.parse({
			...draft,
			submission: { by: 'u-1', byName: 'Malin Samordnare', at: new Date('2024-01-30T15:02:00Z'), rowsPerArea: { '1': 14 }, rowCount: 14, contentHash: 'a'.repeat(64) }
		});
		expect(exportModel(input({ plan: reopened })).statusLine).toMatch(/^Utkast – exporterad /);
	});
});

describe('the plan table (2023 form)', () => {
	const m = exportModel(input());

	it('groups the header by the template’s parts with the year filled in', () => {
		expect(m.header.parts.map((p) => [p.title, p.span])).toEqual([
			['Handlingsplan för verksamhetsår 2023', 7],
			['Uppföljning av verksamhetsår 2023', 2],
			['Till nästa år, 2024', 2]
		]);
		expect(m.header.columns.map((c) => [c.title, c.help, c.span])).toEqual(rsp2023.columns.map((c) => [c.title, c.help, c.key === 'serviceTypes' ? 4 : 1]));
		expect(m.header.choices.map((c) => c.label)).toEqual(['Dagligvaror', 'Drivmedel', 'Ombud för posttjänst, betaltjänst eller apotek', 'Bredare sammanhang']);
		expect(m.header.leaves.map((l) => [l.id, l.kind])).toEqual([
			['action', 'text'],
			['goal', 'text'],
			['resources', 'text'],
			['serviceTypes:dagligvaror', 'mark'],
			['serviceTypes:drivmedel', 'mark'],
			['serviceTypes:ombud', 'mark'],
			['serviceTypes:bredare', 'mark'],
			['outputs', 'text'],
			['effects', 'text'],
			['status', 'text'],
			['nextYear', 'text']
		]);
	});

	it('keeps each text cell’s stored text exactly, "* " and "- " lines included', () => {
		const leaves = m.header.leaves;
		for (const r of m.areas.flatMap((a) => a.rows)) {
			const seeded = seedRows.find((s) => s.id === r.id)!;
			for (const [i, l] of leaves.entries()) {
				const c = r.cells[i];
				if (l.type !== 'longText' || c.kind !== 'text') continue;
				expect(c.text, `${r.id} ${l.id}`).toBe(seeded.fields[l.field] ?? '');
			}
		}
		const outputs = m.areas[1].rows.find((r) => r.id === 'jh23-2-01')!.cells[leaves.findIndex((l) => l.id === 'outputs')];
		expect(outputs.kind === 'text' && outputs.text).toContain('\n* Hemsändning 8 st 1 537 062 kr\n');
	});

	it('gives each leaf its column type, so choice and X columns can be narrow', () => {
		expect(m.header.leaves.map((l) => l.type)).toEqual(['longText', 'longText', 'longText', 'marks', 'marks', 'marks', 'marks', 'longText', 'longText', 'singleChoice', 'longText']);
	});

	it('has the form’s full guide to its parts: the template’s help and the definitions of prestationer and effekter', () => {
		expect(m.guide.map((p) => p.title)).toEqual(m.header.parts.map((p) => p.title));
		for (const [i, p] of rsp2023.parts.entries()) expect(m.guide[i].paragraphs[0]).toBe(p.help);
		const followUp = m.guide.find((p) => p.key === 'followUp')!.paragraphs;
		expect(followUp).toHaveLength(5);
		expect(followUp[1]).toMatch(/^Med prestationer avses antal och omfattning av genomförda aktiviteter\./);
		for (const sikt of ['kort', 'medellång', 'lång']) expect(followUp.some((t) => t.startsWith(`Med effekter på ${sikt} sikt avses`))).toBe(true);
	});

	it('has the region’s areas in order, each with its rows in position order and numbered', () => {
		expect(m.areas.map((a) => a.heading)).toEqual(jh.areas.map((a) => `Prioriterat område ${a.number}. ${a.title}`));
		for (const a of m.areas) {
			const expected = seedRows.filter((r) => r.area === a.number);
			expect(a.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
			expect(a.rows.map((r) => r.number)).toEqual(expected.map((_, i) => `${a.number}.${i + 1}`));
		}
		expect(m.areas.flatMap((a) => a.rows)).toHaveLength(14);
	});

	it('keeps every cell’s text, line by line, and shows status by its label', () => {
		const leaves = m.header.leaves;
		for (const r of m.areas.flatMap((a) => a.rows)) {
			const seeded = seedRows.find((s) => s.id === r.id)!;
			for (const key of ['action', 'goal', 'resources', 'outputs', 'effects', 'nextYear'] as const) {
				const cell = r.cells[leaves.findIndex((l) => l.id === key)];
				const written = cell?.kind === 'text' ? cell.lines.map((l) => (l.bullet ? `* ${l.text}` : l.text)).join('\n') : null;
				expect(written, `${r.id} ${key}`).toBe(seeded.fields[key] ?? '');
			}
			const status = texts(r.cells[leaves.findIndex((l) => l.id === 'status')]);
			expect(status).toBe({ fortsatter: 'Fortsätter', klar: 'Klar', '': '' }[String(seeded.fields.status ?? '')]);
		}
		const first = m.areas[0].rows[0].cells[leaves.findIndex((l) => l.id === 'resources')];
		expect(first).toEqual({
			kind: 'text',
			text: seedRows[0].fields.resources,
			lines: ['Region Jämtland Härjedalen', 'Länsstyrelsen Jämtlands län', 'Kommunerna', 'Samtligt inom ordinarie budget'].map((text) => ({ text, bullet: false }))
		});
	});

	it('shows the transcribed list of decided support as list items', () => {
		const outputs = m.areas[1].rows.find((r) => r.id === 'jh23-2-01')!.cells[m.header.leaves.findIndex((l) => l.id === 'outputs')];
		const items = outputs.kind === 'text' ? outputs.lines.filter((l) => l.bullet).map((l) => l.text) : [];
		expect(items).toEqual([
			'Hemsändning 8 st 1 537 062 kr',
			'Servicebidrag 7st 1 007 710 kr',
			'Investeringsbidrag 12 st, 3 482 980 kr',
			'Stöd till korrosionskydd 3 st, 1 745 475 kr',
			'Antal fysiska företagsbesök: 22 st'
		]);
	});

	it('marks an X exactly under the service types a row has', () => {
		for (const r of m.areas.flatMap((a) => a.rows)) {
			const seeded = seedRows.find((s) => s.id === r.id)!.fields.serviceTypes ?? [];
			const marked = m.header.leaves.flatMap((l, i) => {
				const c = r.cells[i];
				return c.kind === 'mark' && c.marked ? [l.choice] : [];
			});
			expect(marked.sort(), r.id).toEqual([...seeded].sort());
		}
		expect(m.areas[0].rows[0].cells[6]).toEqual({ kind: 'mark', marked: true });
		expect(m.areas[0].rows[0].cells[3]).toEqual({ kind: 'mark', marked: false });
	});

	it('leaves a row without values empty, one cell per column', () => {
		const bare = { id: 'bare', row: storedRow.parse({ area: 2, position: 'b0000', fields: {}, revs: {}, createdBy: 'u', updatedBy: 'u', updatedAt: at }) };
		const withBare = exportModel(input({ rows: [...storedRows(), bare] }));
		const last = withBare.areas[1].rows.at(-1)!;
		expect(last.number).toBe(`2.${seedRows.filter((r) => r.area === 2).length + 1}`);
		expect(last.cells).toHaveLength(11);
		expect(last.cells.every((c) => (c.kind === 'text' ? c.lines.length === 0 : !c.marked))).toBe(true);
	});

	it('keeps an area without rows, with no rows', () => {
		const m2 = exportModel(input({ rows: storedRows().filter((r) => r.row.area !== 2) }));
		expect(m2.areas.map((a) => a.rows.length)).toEqual([5, 0, 6]);
	});
});

describe('the 2024 form, without service types', () => {
	const m = exportModel(input({ template: rsp2024, year: '2024', rows: storedRows() }));

	it('has no choice row and no mark columns', () => {
		expect(m.header.choices).toEqual([]);
		expect(m.header.columns.every((c) => !c.hasChoices && c.span === 1)).toBe(true);
		expect(m.header.leaves.map((l) => l.id)).toEqual(['action', 'goal', 'resources', 'outputs', 'effects', 'status', 'nextYear']);
		expect(m.header.parts.map((p) => p.title)).toEqual(['Handlingsplan för verksamhetsår 2024', 'Uppföljning av verksamhetsår 2024', 'Till nästa år, 2025']);
	});

	it('shows no X marks even where a row still carries service types', () => {
		for (const r of m.areas.flatMap((a) => a.rows)) {
			expect(r.cells).toHaveLength(7);
			expect(r.cells.every((c) => c.kind === 'text')).toBe(true);
		}
	});
});

describe('lines and lists', () => {
	it('marks lines written as "* ", "- " or "• " as list items and keeps the others, blank lines too', () => {
		expect(textLines('Under mötena:\n* Energikontoret\n- ReDriv\n• AGFO Talk\n\n-----\nSlut')).toEqual([
			{ text: 'Under mötena:', bullet: false },
			{ text: 'Energikontoret', bullet: true },
			{ text: 'ReDriv', bullet: true },
			{ text: 'AGFO Talk', bullet: true },
			{ text: '', bullet: false },
			{ text: '-----', bullet: false },
			{ text: 'Slut', bullet: false }
		]);
	});

	it('drops characters a document cannot carry (control characters, lone surrogates), keeping tabs and emoji', () => {
		expect(textLines('a\u0000b\u000Bc\td\uD800e 😀')).toEqual([{ text: 'abc\tde 😀', bullet: false }]);
	});

	it('reads Windows line ends and has no lines for empty text', () => {
		expect(textLines('a\r\nb')).toEqual([
			{ text: 'a', bullet: false },
			{ text: 'b', bullet: false }
		]);
		expect(textLines('')).toEqual([]);
	});

	it('shows a list in a cell', () => {
		const listRow = { id: 'list', row: storedRow.parse({ area: 1, position: 'Zz', fields: { action: 'Insatser:\n- en\n- två' }, revs: {}, createdBy: 'u', updatedBy: 'u', updatedAt: at }) };
		const m = exportModel(input({ rows: [listRow] }));
		expect(m.areas[0].rows[0].cells[0]).toEqual({
			kind: 'text',
			text: 'Insatser:\n- en\n- två',
			lines: [
				{ text: 'Insatser:', bullet: false },
				{ text: 'en', bullet: true },
				{ text: 'två', bullet: true }
			]
		});
	});
});

describe('the questionnaire', () => {
	const questions: Question[] = [
		question.parse({
			id: 'q1',
			number: 1,
			kind: 'outlook',
			title: 'Hur bedömer regionen att efterfrågan utvecklas?',
			help: 'Lämna kommentar:\n- som förklarar bedömningen.',
			rows: [
				{ key: 'dagligvaror', label: 'Investeringar kopplat till dagligvarubutiker' },
				{ key: 'drivmedel', label: 'Investeringar kopplat till drivmedelsförsäljning' },
				{ key: 'driftstod', label: 'Särskilt driftstöd' }
			]
		}),
		question.parse({ id: 'q3', number: 3, kind: 'staff', title: 'Hur mycket personalresurser?', rows: [{ key: 'process', label: 'Processledning/koordinering' }, { key: 'stod', label: 'Stödhandläggning' }] }),
		question.parse({ id: 'q2', number: 2, kind: 'text', title: 'Har ni någon annan framtidsspaning?' }),
		question.parse({ id: 'q4', number: 4, kind: 'contacts', title: 'Vem är kontaktperson?', rows: [{ key: 'rsp', label: 'Kontaktperson för RSP' }, { key: 'teams', label: 'Tillgång till sharepoint/teams' }] }),
		question.parse({ id: 'q5', number: 5, kind: 'text', title: 'Beskriv arbetet under året.' }),
		question.parse({ id: 'q6', number: 6, kind: 'actors', title: 'Vilka aktörer ingår i samverkan?', rows: [{ key: 'kommuner', label: 'Kommuner' }] })
	];
	const q = questionnaire.parse({
		name: 'Frågor',
		years: [2023],
		published: true,
		questions,
		fieldTypes: Object.fromEntries(questions.map((x) => [x.id, Object.fromEntries(answerFieldsOf(x).map((f) => [f.key, f.type]))]))
	});
	const ans = (fields: Record<string, unknown>): Answer => answer.parse({ fields, revs: {}, updatedBy: null, updatedAt: null });
	const answers = new Map<string, Answer>([
		['q1', ans({ 'dagligvaror-trend': 'okar', 'dagligvaror-comment': 'Fler ansökningar.', 'drivmedel-trend': 'minskar', 'drivmedel-comment': '', 'driftstod-trend': 'oforandrad' })],
		['q2', ans({ text: 'Stort fokus på semiobemannat.\n\nMånga butiker ser över energin.' })],
		[
			'q3',
			ans({
				'process-people': [
					{ name: 'Maria Kumpula', share: 0.1 },
					{ name: 'Ville Welin', share: 0.1 },
					{ name: 'Malin Nyqvist Ljungberg', share: 0.3 }
				],
				'stod-people': [{ name: 'Projektledare', share: 0.15 }]
			})
		],
		['q4', ans({ 'rsp-name': 'Malin Nyqvist Ljungberg', 'rsp-email': 'malin@regionjh.example', 'teams-name': 'Båda ovan', 'teams-email': 'malin@regionjh.example  ville@regionjh.example' })],
		['q6', ans({ 'kommuner-collaboration': 'Via Service Z.', 'kommuner-step': 'Samhandling', 'kommuner-challenges': 'Olika resurser.', 'kommuner-junk': 5 })]
	]);
	const m = exportModel(input({ questionnaire: q, answers }));
	const byNumber = (n: number) => m.questions.find((x) => x.number === n)!;
	const tableOf = (n: number) => {
		const a = byNumber(n).answer;
		if (a.kind !== 'table') throw new Error(`question ${n} is not a table`);
		return a.table;
	};
	const rowTexts = (cells: ExportCell[]) => cells.map((c) => (c.kind === 'mark' ? (c.marked ? 'X' : '') : c.lines.map((l) => l.text).join('\n')));

	it('lists the questions by number with their titles and help as lines', () => {
		expect(m.questionsTitle).toBe('Frågor för uppföljning av regionala serviceprogram');
		expect(m.questions.map((x) => [x.number, x.title])).toEqual(questions.map((x) => [x.number, x.title]).sort((a, b) => Number(a[0]) - Number(b[0])));
		expect(byNumber(1).help).toEqual([
			{ text: 'Lämna kommentar:', bullet: false },
			{ text: 'som förklarar bedömningen.', bullet: true }
		]);
	});

	it('puts the outlook in a support type × Minskar/Oförändrad/Ökar/Kommentar table with one X per answered row', () => {
		const t = tableOf(1);
		expect(t.columns).toEqual([
			{ title: 'Stödtyp', kind: 'text' },
			{ title: 'Minskar', kind: 'mark' },
			{ title: 'Oförändrad', kind: 'mark' },
			{ title: 'Ökar', kind: 'mark' },
			{ title: 'Kommentar', kind: 'text' }
		]);
		expect(t.rows.map(rowTexts)).toEqual([
			['Investeringar kopplat till dagligvarubutiker', '', '', 'X', 'Fler ansökningar.'],
			['Investeringar kopplat till drivmedelsförsäljning', 'X', '', '', ''],
			['Särskilt driftstöd', '', 'X', '', '']
		]);
	});

	it('writes a text answer as paragraphs, and says when there is none', () => {
		expect(byNumber(2).answer).toEqual({
			kind: 'paragraphs',
			text: 'Stort fokus på semiobemannat.\n\nMånga butiker ser över energin.',
			lines: [
				{ text: 'Stort fokus på semiobemannat.', bullet: false },
				{ text: '', bullet: false },
				{ text: 'Många butiker ser över energin.', bullet: false }
			]
		});
		expect(byNumber(5).answer).toEqual({ kind: 'paragraphs', text: 'Inget svar.', lines: [{ text: 'Inget svar.', bullet: false }] });
	});

	it('lists staff per role with shares in full-time posts, Swedish decimal commas and the totals', () => {
		const t = tableOf(3);
		expect(t.columns.map((c) => c.title)).toEqual(['Roll', 'Personer (årsarbetskrafter)', 'Årsarbetskrafter']);
		expect(t.rows.map(rowTexts)).toEqual([
			['Processledning/koordinering', 'Maria Kumpula: 0,1\nVille Welin: 0,1\nMalin Nyqvist Ljungberg: 0,3', '0,5'],
			['Stödhandläggning', 'Projektledare: 0,15', '0,15'],
			['Totalt', '', '0,65']
		]);
	});

	it('lists contacts with role, name and each e-mail address on its own line', () => {
		expect(tableOf(4).rows.map(rowTexts)).toEqual([
			['Kontaktperson för RSP', 'Malin Nyqvist Ljungberg', 'malin@regionjh.example'],
			['Tillgång till sharepoint/teams', 'Båda ovan', 'malin@regionjh.example\nville@regionjh.example']
		]);
	});

	it('lists actors with collaboration, step and challenges, ignoring fields the question does not have', () => {
		const t = tableOf(6);
		expect(t.columns.map((c) => c.title)).toEqual(['Aktör', 'Beskriv samverkan', 'Steg i samverkanstrappan', 'Eventuella utmaningar eller framgångsfaktorer']);
		expect(t.rows.map(rowTexts)).toEqual([['Kommuner', 'Via Service Z.', 'Samhandling', 'Olika resurser.']]);
	});

	it('reads a value of the wrong type as unanswered', () => {
		const odd = exportModel(input({ questionnaire: q, answers: new Map([['q1', ans({ 'dagligvaror-trend': 'kanske', 'dagligvaror-comment': 42 })]]) }));
		const t = odd.questions[0].answer;
		expect(t.kind === 'table' && rowTexts(t.table.rows[0])).toEqual(['Investeringar kopplat till dagligvarubutiker', '', '', '', '']);
	});

	it('has no questions for a plan without a questionnaire', () => {
		expect(exportModel(input()).questions).toEqual([]);
	});
});

describe('shares', () => {
	it('uses a decimal comma, at least one and at most two decimals', () => {
		expect([0.15, 0.5, 1, 0.1 + 0.2, 0.05, 1.25, 0].map(swedishShare)).toEqual(['0,15', '0,5', '1,0', '0,3', '0,05', '1,25', '0,0']);
	});
});

describe('paths', () => {
	it('builds and reads the export path and names the file', () => {
		expect(exportPath('jamtland-harjedalen', '2023', 'docx')).toBe('/api/export/jamtland-harjedalen/2023.docx');
		expect(parseExportPath('/api/export/jamtland-harjedalen/2023.xlsx')).toEqual({ regionId: 'jamtland-harjedalen', year: '2023', format: 'xlsx' });
		expect(exportFileName('jamtland-harjedalen', '2023', 'docx')).toBe('handlingsplan-jamtland-harjedalen-2023.docx');
	});

	it('refuses other paths', () => {
		for (const p of [
			'/api/export/jamtland-harjedalen/2023.pdf',
			'/api/export/jamtland-harjedalen/23.docx',
			'/api/export/jamtland-harjedalen/1999.docx',
			'/api/export/jamt%20land/2023.docx',
			'/api/export/jamtland-harjedalen/2023',
			'/api/export/a/b/2023.docx',
			'/api/export//2023.docx',
			'/other/jamtland-harjedalen/2023.docx'
		]) {
			expect(parseExportPath(p), p).toBeNull();
		}
	});
});
