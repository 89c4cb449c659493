// WCAG contrast, and readable text on every demo organisation's colour.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio, textColorOn } from './contrast';

describe('contrast', () => {
	it('computes WCAG ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
	});

	it('picks readable text on every demo organisation colour', () => {
		const demo = JSON.parse(readFileSync(new URL('../../../seed/demo.json', import.meta.url), 'utf8')) as { organizations: Record<string, { color: string }> };
		for (const { color } of Object.values(demo.organizations)) {
			expect(contrastRatio(color, textColorOn(color))).toBeGreaterThanOrEqual(4.5);
		}
		expect(textColorOn('#ffff00')).toBe('#111111');
	});
});
