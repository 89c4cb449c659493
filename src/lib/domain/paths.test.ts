import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUPS, paths, planIdsOf } from './paths';

type PathFn = (...ids: string[]) => string;
const entries = Object.entries(paths) as [string, PathFn][];
/** A function's path with each id a placeholder: `regions/{}/years/{}`. */
const pattern = (fn: PathFn) => fn(...Array.from({ length: fn.length }, () => '{}'));

/** Every `match` block of firestore.rules as a whole path, variables as `{}`, nesting followed by braces. */
function rulesMatchPaths(text: string): string[] {
	const open: (string | null)[] = []; // per open brace: the match path it opened, or null
	const found: string[] = [];
	for (const [token, path] of text.replace(/\/\/.*$/gm, '').matchAll(/match\s+(\S+)\s*\{|\{|\}/g)) {
		if (token === '}') open.pop();
		else if (path === undefined) open.push(null);
		else {
			const whole = `${open.findLast((p) => p !== null) ?? ''}${path}`.replace(/\{[^}=]*\}/g, '{}');
			open.push(whole);
			found.push(whole);
		}
	}
	const root = '/databases/{}/documents/';
	return found.filter((p) => p.startsWith(root)).map((p) => p.slice(root.length));
}

describe('paths', () => {
	it('builds each path from its ids, segment by segment', () => {
		expect(paths.region('r1')).toBe('regions/r1');
		expect(paths.member('r1', 'u1')).toBe('regions/r1/members/u1');
		expect(paths.year('r1', '2025')).toBe('regions/r1/years/2025');
		expect(paths.row('r1', '2025', 'x')).toBe('regions/r1/years/2025/rows/x');
		expect(paths.commentReadsOf('r1', '2025', 'u1')).toBe('regions/r1/years/2025/commentReads/u1');
		expect(paths.answerHistory('r1', '2025')).toBe('regions/r1/years/2025/answerHistory');
		expect(paths.outboxMail('m1')).toBe('mail/m1');
		expect(paths.staffMember('u1')).toBe('staff/u1');
		expect(paths.meetingHand('r1', '2025', 'm1', 'u1')).toBe('regions/r1/years/2025/meetings/m1/hands/u1');
		expect(paths.meetingParticipants('r1', '2025', 'm1')).toBe('regions/r1/years/2025/meetings/m1/participants');
		expect(paths.signOff('r1', '2025', 'berg')).toBe('regions/r1/years/2025/signOffs/berg');
	});

	it('gives a collection an odd and a document an even number of segments, ids where they are named', () => {
		for (const [name, fn] of entries) {
			const ids = Array.from({ length: fn.length }, (_, i) => `id${i}`);
			const segments = fn(...ids).split('/');
			// Every id lands, in order, at the odd positions (1, 3, …) of the path.
			expect(segments.filter((_, i) => i % 2 === 1).slice(0, ids.length), name).toEqual(ids);
			const isDocument = segments.length % 2 === 0;
			expect(isDocument, name).toBe(ids.length === segments.length / 2);
			if (!isDocument) expect(ids.length, name).toBe((segments.length - 1) / 2);
		}
	});

	it('has one document path under each collection path and no two alike', () => {
		const all = entries.map(([, fn]) => pattern(fn));
		expect(new Set(all).size).toBe(all.length);
		for (const p of all.filter((x) => x.split('/').length % 2 === 1)) expect(all, p).toContain(`${p}/{}`);
	});

	it('reads a plan document path back into its ids, and nothing else', () => {
		expect(planIdsOf(paths.year('r1', '2025'))).toEqual({ regionId: 'r1', year: '2025' });
		expect(planIdsOf(paths.row('r1', '2025', 'x'))).toBeNull();
		expect(planIdsOf('other/r1/years/2025')).toBeNull();
		expect(planIdsOf('x/regions/r1/years/2025')).toBeNull();
	});

	it('has a path for every match block of firestore.rules, and a group id for every group match', () => {
		const rules = rulesMatchPaths(readFileSync('firestore.rules', 'utf8'));
		expect(rules.length).toBeGreaterThan(20);
		const known = new Set(entries.map(([, fn]) => pattern(fn)));
		for (const rule of rules) {
			const group = /^\{[^}]*=\*\*\}\/(\w+)\/\{\}$/.exec(rule);
			if (group) {
				expect(Object.values(GROUPS), rule).toContain(group[1]);
				expect([...known].some((p) => p.endsWith(`/${group[1]}/{}`)), rule).toBe(true);
			} else expect(known, rule).toContain(rule);
		}
	});
});
