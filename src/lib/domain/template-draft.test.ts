// The editor's draft round-trips a stored template, and the schema's complaints land on the field
// the person has to fix.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { template, type Template } from './schemas';
import { checkDraft, draftContent, draftFrom, moved, newColumn, nextVersionId, parseYears, plansPerTemplate, type TemplateDraft } from './template-draft';

const load = (name: string): Template =>
	template.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', 'templates', `${name}.json`), 'utf8')));

function uids() {
	let n = 0;
	return () => `u${++n}`;
}

const rsp2024 = load('rsp-2024');
const copy = (): TemplateDraft => draftFrom(rsp2024, 'rsp-2024-v2', uids());

function errorsOf(d: TemplateDraft) {
	const r = checkDraft(d, true);
	return r.ok ? [] : r.issues;
}

describe('a draft of a stored template', () => {
	it('gives back the same content when nothing is changed', () => {
		const r = checkDraft(copy(), false);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.data.templateId).toBe('rsp-2024-v2');
		expect(r.data.published).toBe(false);
		expect(r.data.content.columns).toEqual(rsp2024.columns);
		expect(r.data.content.parts).toEqual(rsp2024.parts);
		expect(r.data.content.years).toEqual([2024, 2025, 2026, 2027]);
	});

	it('keeps each column\'s level (rsp-2024 warns about status) and sends a changed one', () => {
		const d = copy();
		expect(d.columns.find((c) => c.key === 'status')?.level).toBe('warn');
		d.columns.find((c) => c.key === 'goal')!.level = 'warn';
		const r = checkDraft(d, true);
		expect(r.ok && r.data.content.columns.filter((c) => c.level === 'warn').map((c) => c.key)).toEqual(['goal', 'outputs', 'effects', 'status']);
		expect(newColumn('n').level).toBe('block');
	});

	it('adds a short-text column and a new year', () => {
		const d = copy();
		d.years = '2028';
		d.columns.push({ ...newColumn('new', 'plan'), key: 'kostnad', title: 'Kostnad', type: 'shortText' });
		const r = checkDraft(d, true);
		expect(r.ok && r.data.content.columns.at(-1)).toMatchObject({ key: 'kostnad', type: 'shortText', choices: [], required: 'never' });
		expect(r.ok && r.data.content.years).toEqual([2028]);
	});

	it('leaves out a part that is switched off', () => {
		const d = copy();
		d.parts[1].enabled = false;
		d.columns = d.columns.filter((c) => c.part !== 'followUp').map((c) => ({ ...c, required: c.required === 'whenStatusSet' ? 'always' : c.required }));
		const r = checkDraft(d, true);
		expect(r.ok && r.data.content.parts.map((p) => p.key)).toEqual(['plan', 'nextYear']);
	});

	it('sends no choices for a text column, even when it had some before its type changed', () => {
		const d = copy();
		const status = d.columns.find((c) => c.key === 'status')!;
		status.type = 'shortText';
		d.columns.forEach((c) => (c.required = 'never'));
		const r = checkDraft(d, true);
		expect(r.ok && r.data.content.columns.find((c) => c.key === 'status')?.choices).toEqual([]);
		expect(status.choices).toHaveLength(3);
	});
});

describe('the problems of a draft, per field', () => {
	it('puts a duplicate key on the second column that has it', () => {
		const d = copy();
		d.columns.push({ ...newColumn('dup'), key: 'goal', title: 'Mål igen' });
		expect(errorsOf(d)).toEqual([{ field: 'columns.dup.key', code: 'duplicate-column-key', param: 'goal' }]);
	});

	it('says a template needs a column', () => {
		const d = copy();
		d.columns = [];
		expect(errorsOf(d)).toContainEqual({ field: 'columns', code: 'no-columns', param: '' });
	});

	it('asks for choices on a choice column and a label on each choice', () => {
		const d = copy();
		d.columns.push({ ...newColumn('m'), key: 'typ', title: 'Typ', type: 'marks' });
		expect(errorsOf(d)).toEqual([{ field: 'columns.m.choices', code: 'choices-missing', param: 'typ' }]);
		d.columns.at(-1)!.choices = [{ uid: 'c1', value: 'a', label: ' ' }];
		expect(errorsOf(d)).toEqual([{ field: 'columns.m.choices.c1.label', code: 'choice-label-empty', param: '' }]);
	});

	it('names an empty key, a bad key and an empty title', () => {
		const d = copy();
		d.columns.push(newColumn('a'), { ...newColumn('b'), key: 'Kostnad', title: 'Kostnad' });
		const errors = errorsOf(d);
		expect(errors).toContainEqual({ field: 'columns.a.key', code: 'key-empty', param: '' });
		expect(errors).toContainEqual({ field: 'columns.a.title', code: 'title-empty', param: '' });
		expect(errors).toContainEqual({ field: 'columns.b.key', code: 'invalid-key', param: '' });
	});

	it('reads years typed with commas or spaces and refuses anything else', () => {
		expect(parseYears('2027, 2028 2029')).toEqual([2027, 2028, 2029]);
		expect(parseYears('')).toEqual([]);
		expect(parseYears('2028, nästa')).toBeNull();
		const d = copy();
		d.years = 'nästa år';
		expect(errorsOf(d)).toEqual([{ field: 'years', code: 'years-invalid', param: '' }]);
		d.years = '';
		expect(errorsOf(d)).toEqual([{ field: 'years', code: 'no-years', param: '' }]);
		d.years = '1999';
		expect(errorsOf(d)).toEqual([{ field: 'years', code: 'years-range', param: '' }]);
		d.years = '2028, 2028';
		expect(errorsOf(d)).toEqual([{ field: 'years', code: 'duplicate-year', param: '' }]);
	});

	it('checks the id and the name', () => {
		const d = copy();
		d.templateId = 'rsp 2028';
		d.name = '  ';
		expect(errorsOf(d)).toEqual([
			{ field: 'templateId', code: 'invalid-id', param: '' },
			{ field: 'name', code: 'name-empty', param: '' }
		]);
		d.templateId = '';
		expect(errorsOf(d)[0]).toEqual({ field: 'templateId', code: 'id-empty', param: '' });
	});

	it('puts a part title on its part', () => {
		const d = copy();
		d.parts[0].enabled = false;
		d.parts[2].title = '';
		d.columns = d.columns.filter((c) => c.part !== 'plan');
		expect(errorsOf(d)).toEqual([{ field: 'parts.nextYear.title', code: 'title-empty', param: '' }]);
	});

	it('says when a column is in a part that is switched off', () => {
		const d = copy();
		d.parts[0].enabled = false;
		expect(errorsOf(d)).toContainEqual({ field: `columns.${d.columns[0].uid}.part`, code: 'unknown-part', param: 'plan' });
	});
});

describe('draftContent', () => {
	it('is the content while only the id has a problem, and null once the content has one', () => {
		const d = copy();
		d.templateId = 'inte ett id';
		expect(draftContent(d)?.columns).toEqual(rsp2024.columns);
		d.years = 'nästa';
		expect(draftContent(d)).toBeNull();
		d.years = '2028';
		d.columns.push(newColumn('x'));
		expect(draftContent(d)).toBeNull();
	});
});

describe('moving, versions and use', () => {
	it('counts the plans on each template', () => {
		const years = [{ data: { templateId: 'rsp-2023' } }, { data: { templateId: 'rsp-2024' } }, { data: { templateId: 'rsp-2023' } }];
		expect(plansPerTemplate(years)).toEqual(
			new Map([
				['rsp-2023', 2],
				['rsp-2024', 1]
			])
		);
	});

	it('moves an item one place and leaves the ends alone', () => {
		expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
		expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
		expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
	});

	it('suggests the next free version id', () => {
		expect(nextVersionId('rsp-2024', new Set(['rsp-2023', 'rsp-2024']))).toBe('rsp-2024-v2');
		expect(nextVersionId('rsp-2024', new Set(['rsp-2024-v2']))).toBe('rsp-2024-v3');
		expect(nextVersionId('rsp-2024-v2', new Set())).toBe('rsp-2024-v3');
	});
});
