// The preview lays a template out as the plan table does: parts over columns, X marks spread over
// their choices, years filled in, one example cell per grid column.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { template, templateContent, type Template } from './schemas';
import { contentPreview, templatePreview } from './template-preview';

const load = (name: string): Template =>
	template.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'seed', 'templates', `${name}.json`), 'utf8')));

describe('templatePreview', () => {
	it('groups rsp-2023 into its three parts, with the service-type marks as sub-columns', () => {
		const p = templatePreview(load('rsp-2023'), 2023);
		expect(p.headerRows).toBe(3);
		expect(p.parts.map((x) => [x.key, x.span])).toEqual([
			['plan', 7],
			['followUp', 2],
			['nextYear', 2]
		]);
		const marks = p.columns.find((c) => c.key === 'serviceTypes');
		expect(marks).toMatchObject({ span: 4, hasChoices: true, type: 'marks' });
		expect(p.choices.map((c) => c.id)).toEqual(['serviceTypes:dagligvaror', 'serviceTypes:drivmedel', 'serviceTypes:ombud', 'serviceTypes:bredare']);
		// One example cell per grid column: the header's spans add up to the row's width.
		expect(p.cells).toHaveLength(p.parts.reduce((n, x) => n + x.span, 0));
		expect(p.cells.filter((c) => c.kind === 'mark')).toHaveLength(4);
	});

	it('fills {year} and {nextYear} into the part titles', () => {
		const p = templatePreview(load('rsp-2024'), 2028);
		expect(p.parts.map((x) => x.title)).toEqual(['Handlingsplan för verksamhetsår 2028', 'Uppföljning av verksamhetsår 2028', 'Till nästa år, 2029']);
		expect(p.headerRows).toBe(2);
		expect(p.choices).toEqual([]);
	});

	it('gives a single choice its options and text columns their kind', () => {
		const p = templatePreview(load('rsp-2024'), 2024);
		const status = p.cells.find((c) => c.key === 'status');
		expect(status?.kind).toBe('singleChoice');
		expect(status?.kind === 'singleChoice' && status.options.map((o) => o.label)).toEqual(['Ej angiven', 'Klar', 'Fortsätter']);
		expect(p.cells.find((c) => c.key === 'action')?.kind).toBe('longText');
	});

	it('shows columns part by part and leaves out a part without columns', () => {
		const content = templateContent.parse({
			name: 'Liten',
			years: [2030],
			parts: [
				{ key: 'plan', title: 'Plan {year}' },
				{ key: 'followUp', title: 'Uppföljning' },
				{ key: 'nextYear', title: 'Inför {nextYear}' }
			],
			columns: [
				{ key: 'framat', part: 'nextYear', title: 'Framåt', type: 'shortText' },
				{ key: 'kostnad', part: 'plan', title: 'Kostnad', type: 'shortText' }
			]
		});
		const p = contentPreview(content, 2030);
		expect(p.parts.map((x) => x.title)).toEqual(['Plan 2030', 'Inför 2031']);
		expect(p.columns.map((c) => c.key)).toEqual(['kostnad', 'framat']);
		expect(p.cells.map((c) => c.kind)).toEqual(['shortText', 'shortText']);
	});
});
