// Texts with values in the Swedish catalogue read right.
import { describe, expect, it } from 'vitest';
import { sv } from './sv';

describe('the Swedish catalogue', () => {
	it('counts waiting edits in the offline banner', () => {
		expect(sv.offline.banner(0)).toBe('Du är offline. Inga ändringar väntar på att skickas.');
		expect(sv.offline.banner(1)).toBe('Du är offline. 1 ändring väntar på att skickas.');
		expect(sv.offline.banner(3)).toBe('Du är offline. 3 ändringar väntar på att skickas.');
	});

	it('names rows and their buttons the way the table shows them', () => {
		const row = sv.plan.rowLabel('1.2');
		expect(row).toBe('Insats 1.2');
		expect(sv.plan.rowActionLabel(sv.plan.moveUp, row)).toBe('Flytta upp insats 1.2');
		expect(sv.plan.cellLabel('Mål', row)).toBe('Mål, insats 1.2');
	});
});
