import { describe, expect, it } from 'vitest';
import {
	nextPlanYear,
	normalizeColor,
	sortMembers,
	templatesFor
} from './network';

describe('sortMembers', () => {
	it('puts coordinators first, then names in Swedish order', () => {
		const list = [
			{ id: '1', data: { role: 'editor' as const, name: 'Östen' } },
			{ id: '2', data: { role: 'editor' as const, name: 'Åsa' } },
			{ id: '3', data: { role: 'coordinator' as const, name: 'Malin' } },
			{ id: '4', data: { role: 'editor' as const, name: 'Zara' } }
		];
		expect(sortMembers(list).map((x) => x.data.name)).toEqual(['Malin', 'Zara', 'Åsa', 'Östen']);
	});
});

describe('nextPlanYear', () => {
	it('proposes the year after the newest plan, or this year without plans', () => {
		expect(nextPlanYear(['2023', '2024'], 2026)).toBe('2025');
		expect(nextPlanYear(['2024', '2023'], 2020)).toBe('2025');
		expect(nextPlanYear([], 2026)).toBe('2026');
	});
});

describe('templatesFor', () => {
	const t = (id: string, years: number[], published = true, at: string | null = null) => ({
		id,
		data: { published, years, publishedAt: at ? new Date(at) : null }
	});

	it('lists the published templates of the year, the newest published first', () => {
		const list = [t('rsp-2023', [2023]), t('rsp-2024', [2024, 2025]), t('rsp-2025', [2025], true, '2025-01-05T00:00:00Z'), t('draft', [2025], false)];
		expect(templatesFor(list, 2025).map((x) => x.id)).toEqual(['rsp-2025', 'rsp-2024']);
		expect(templatesFor(list, 2023).map((x) => x.id)).toEqual(['rsp-2023']);
		expect(templatesFor(list, 2030)).toEqual([]);
	});
});

describe('normalizeColor', () => {
	it('accepts six hex digits with or without #, in any case, and nothing else', () => {
		expect(normalizeColor('#1F5F8B')).toBe('#1f5f8b');
		expect(normalizeColor(' 1f5f8b ')).toBe('#1f5f8b');
		expect(normalizeColor('#fff')).toBeNull();
		expect(normalizeColor('blå')).toBeNull();
	});
});
