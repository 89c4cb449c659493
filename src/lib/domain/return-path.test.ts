import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
	it('keeps a path of the app with its query (a mention link)', () => {
		expect(safeReturnPath('/plan/jamtland-harjedalen/2023?rad=jh23-1-01&trad=abc')).toBe('/plan/jamtland-harjedalen/2023?rad=jh23-1-01&trad=abc');
	});

	it('refuses other origins and scheme tricks', () => {
		for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'plan/x']) expect(safeReturnPath(bad)).toBeNull();
	});

	it('refuses control characters, the sign-in pages themselves and nothing at all', () => {
		expect(safeReturnPath('/plan/x\n/y')).toBeNull();
		expect(safeReturnPath('/logga-in/bekrafta?x=1')).toBeNull();
		expect(safeReturnPath('')).toBeNull();
		expect(safeReturnPath(null)).toBeNull();
		expect(safeReturnPath('/' + 'a'.repeat(2000))).toBeNull();
	});
});
