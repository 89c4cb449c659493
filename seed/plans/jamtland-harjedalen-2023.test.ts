import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Fields = {
	action: string;
	goal: string;
	resources: string;
	serviceTypes: string[];
	outputs: string;
	effects: string;
	status: string;
	nextYear: string;
};
type Row = { id: string; area: number; fields: Fields };
type Plan = { regionId: string; year: number; templateId: string; source: string; rows: Row[] };

const plan: Plan = JSON.parse(readFileSync(join(import.meta.dirname, 'jamtland-harjedalen-2023.json'), 'utf-8'));

const KEYS = ['action', 'goal', 'resources', 'serviceTypes', 'outputs', 'effects', 'status', 'nextYear'];
const TEXT_KEYS = KEYS.filter((k) => k !== 'serviceTypes') as Exclude<keyof Fields, 'serviceTypes'>[];
const SERVICE_TYPES = ['dagligvaror', 'drivmedel', 'ombud', 'bredare'];
const STATUSES = ['', 'klar', 'fortsatter'];

const byId = (id: string): Fields => {
	const row = plan.rows.find((r) => r.id === id);
	if (!row) throw new Error(`row ${id} missing`);
	return row.fields;
};

describe('seed plan: Jämtland Härjedalen 2023', () => {
	it('has the expected header', () => {
		expect(plan.regionId).toBe('jamtland-harjedalen');
		expect(plan.year).toBe(2023);
		expect(plan.templateId).toBe('rsp-2023');
	});

	it('has 14 rows, 5/3/6 per priority area, in area order', () => {
		expect(plan.rows).toHaveLength(14);
		const count = (a: number) => plan.rows.filter((r) => r.area === a).length;
		expect([count(1), count(2), count(3)]).toEqual([5, 3, 6]);
		const areas = plan.rows.map((r) => r.area);
		expect(areas).toEqual([...areas].sort((a, b) => a - b));
	});

	it('has unique, well-formed ids', () => {
		const ids = plan.rows.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const r of plan.rows) expect(r.id).toMatch(new RegExp(`^jh23-${r.area}-\\d{2}$`));
		expect(ids.slice(0, 2)).toEqual(['jh23-1-01', 'jh23-1-02']);
		expect(ids.at(-1)).toBe('jh23-3-06');
	});

	it('every row has all 8 keys with the right value types', () => {
		for (const r of plan.rows) {
			expect(Object.keys(r.fields).sort()).toEqual([...KEYS].sort());
			for (const k of TEXT_KEYS) expect(typeof r.fields[k]).toBe('string');
			expect(Array.isArray(r.fields.serviceTypes)).toBe(true);
			for (const s of r.fields.serviceTypes) expect(SERVICE_TYPES).toContain(s);
			expect(STATUSES).toContain(r.fields.status);
			expect(r.fields.action.length).toBeGreaterThan(0);
			expect(r.fields.goal.length).toBeGreaterThan(0);
		}
	});

	it('has the service-type marks from the X columns', () => {
		for (const r of plan.rows) {
			if (r.area === 2) expect(r.fields.serviceTypes).toEqual(['dagligvaror', 'drivmedel', 'ombud']);
			else expect(r.fields.serviceTypes).toEqual(['bredare']);
		}
	});

	it('contains no leftover markup', () => {
		for (const r of plan.rows) {
			for (const k of TEXT_KEYS) {
				const v = r.fields[k];
				expect(v).not.toContain('<p>');
				expect(v).not.toContain('</p>');
				expect(v).not.toContain('<i>');
				expect(v).not.toContain('</i>');
				expect(v).not.toContain('<table');
				expect(v).not.toMatch(/\t/);
				expect(v).toBe(v.trim());
			}
		}
	});

	it('merges page-broken cells back together', () => {
		const r = byId('jh23-1-02');
		expect(r.action).toBe(
			'Verka för att det finns regelbunden post- och paketutdelning där det finns farbar väg till folkbokförda helårsboende.',
		);
		expect(r.goal).toBe('1.2 Öka allmänhetens medvetenhet för betydelsen av kommersiell service på landsbygderna.');
		expect(r.outputs).toBe(
			'RJH lämnade yttrande gällande betänkande av postfinansieringsutredningen (SOU 2023:4) Posttjänst för hela slanten.',
		);
		expect(r.status).toBe('fortsatter');
		expect(r.nextYear).toBe('Viktigt med arbete på lång sikt i dessa frågor.');

		expect(byId('jh23-1-04').action).toMatch(/som tex hemsändning och annan kommersiell service\.$/);
		expect(byId('jh23-2-03').action).toBe(
			'Verka för ökade investeringar i energieffektivisering och annan miljömässig hållbarhet.',
		);
		expect(byId('jh23-3-02').nextYear).toBe(
			'Under 2024 är målet att alla kommunerna fortsatt arbetet med sin serviceplan. Minst två kommuner har beslutat sina planer innan årsskiftet 2024-12-31.',
		);
		expect(byId('jh23-3-04').outputs.split('\n').at(-1)).toBe(
			'Deltagit i erfarenhetsutbyte arrangerat av TVV i Växjö och Östersund/Krokom.',
		);
	});

	it('keeps the continuation block of the first row in outputs/effects', () => {
		const r = byId('jh23-1-01');
		expect(r.resources).toBe('Region Jämtland Härjedalen\nLänsstyrelsen Jämtlands län\nKommunerna\nSamtligt inom ordinarie budget');
		expect(r.outputs.split('\n')).toEqual([
			'Följt upp förändringar i nationella styrmedel som tex förordningar, remisser mm. Dialog med aktörer som Post och telestyrelsen, Tillväxtverket mfl.',
			'-----',
			'Varit aktiv i utformning av Nyps (www.minansokan.se)',
			'-----',
			'LST - Yttrande gällande; Bevakningsrapportering inom GBT och kontantlagen.',
			'LST - Yttrande SOU 2023:16 Staten och betalningarna.',
		]);
		expect(r.effects).toContain('\n-----\nSå att den öppnas även för aktörer inom kommersiell service.\n-----\n');
		expect(r.effects.split('\n').at(-1)).toBe('Lång sikt: bättre tillgänglighet till service.');
		expect(r.status).toBe('fortsatter');
		expect(r.nextYear).toBe('Viktigt med arbete på lång sikt i dessa frågor.');
	});

	it('splits the bullet list into separate lines', () => {
		const lines = byId('jh23-2-01').outputs.split('\n');
		expect(lines).toContain('* Hemsändning 8 st 1 537 062 kr');
		expect(lines).toContain('* Servicebidrag 7st 1 007 710 kr');
		expect(lines).toContain('* Investeringsbidrag 12 st, 3 482 980 kr');
		expect(lines).toContain('* Stöd till korrosionskydd 3 st, 1 745 475 kr');
		expect(lines).toContain('* Antal fysiska företagsbesök: 22 st');
		expect(lines.filter((l) => l.startsWith('* '))).toHaveLength(5);
		expect(lines[0]).toMatch(/Antal beslutade stöd:$/);
	});

	it('handles rows with empty or doubled status', () => {
		const nat = byId('jh23-3-04');
		expect(nat.action).toBe('Samverka på nationell nivå för att lyfta frågor gällande kommersiell service');
		expect(nat.status).toBe('');
		expect(nat.nextYear).toBe('');

		const info = byId('jh23-3-05');
		expect(info.status).toBe('');
		expect(info.nextYear).toBe('Viktigt med återkommande arbete för att utbilda nya tjänstemän och politiker.');

		const civ = byId('jh23-1-05');
		expect(civ.action).toBe('Engagera civilsamhället i uppstart och drift av SOT-punkter');
		expect(civ.status).toBe('fortsatter');
		expect(civ.nextYear).toBe('Fortsätter');

		expect(byId('jh23-1-03').effects).toBe('');
	});

	it('splits actor lists in the resources column', () => {
		expect(byId('jh23-2-03').resources).toBe('Region Jämtland Härjedalen\nEnergikontoret\nSamtligt inom ordinarie budget');
		expect(byId('jh23-3-06').resources.split('\n')).toEqual([
			'Region Jämtland Härjedalen',
			'Länsstyrelsen Jämtlands län',
			'Kommuner',
			'Inom ordinarie budget samt i projektet Resurser till genomförande av regionalt serviceprogram Jämtlands län.',
		]);
	});
});
