// The rules coverage figure from the emulator's report: which expressions are conditions, how spec
// files merge, and what is printed.
import { describe, expect, it } from 'vitest';
import { conditionsOf, formatCoverage, mergeCoverage, type CoverageNode, type CoverageReport } from './rules-coverage';

// A rules text with an allow condition, a function body and a ternary, as the emulator reports it.
const RULES = [
	'service cloud.firestore {', //                                            line 1
	'  match /databases/{database}/documents {',
	'    function isOwner(d) {',
	'      return d.owner == request.auth.uid;', //                              line 4
	'    }',
	'    match /docs/{id} {',
	'      allow read: if isOwner(resource.data) || !(id == "x") && (id == "p" ? true : false);', // line 7
	'    }',
	'  }',
	'}'
].join('\n');

/** A node of the report at the first occurrence of `text` (or its `nth`), with its values, as the emulator positions it. */
function node(text: string, values: unknown[] = [], children: CoverageNode[] = [], nth = 0, endTrim = 0, source = RULES): CoverageNode {
	let at = -1;
	for (let i = 0; i <= nth; i++) at = source.indexOf(text, at + 1);
	if (at < 0) throw new Error(`no ${text}`);
	const before = source.slice(0, at).split('\n');
	return {
		sourcePosition: { line: before.length, column: before[before.length - 1].length + 1, currentOffset: at, endOffset: at + text.length - 1 - endTrim },
		values: values.map((v) => ({ value: v === 'error' ? {} : { boolValue: v }, count: 1 })),
		children
	};
}
const T = true;
const F = false;

function report(seen: { owner: unknown[]; call: unknown[]; eq: unknown[]; ternary: unknown[] }): CoverageReport {
	const cond = 'isOwner(resource.data) || !(id == "x") && (id == "p" ? true : false)';
	const and = '!(id == "x") && (id == "p" ? true : false)';
	return {
		rules: { files: [{ name: 'firestore.rules', content: RULES }] },
		report: [
			node('d.owner == request.auth.uid', seen.owner, [node('d.owner', [{ stringValue: 'u' }]), node('request.auth.uid')]),
			node(cond, [...seen.call, ...seen.eq], [
				// A call's end is its last argument's last token: the closing parenthesis is not in it.
				node('isOwner(resource.data)', seen.call, [node('resource.data', [{ mapValue: {} }])], 0, 1),
				node(and, seen.eq, [
					node('!(id == "x")', seen.eq, [node('id == "x"', seen.eq.map((v) => (typeof v === 'boolean' ? !v : v)), [node('id')])]),
					node('id == "p" ? true : false', seen.ternary, [node('id == "p"', seen.ternary), node('true'), node('false')])
				])
			])
		]
	};
}

describe('conditionsOf', () => {
	it('finds the allow condition, the operands of && || ! and ?:, and a boolean function body', () => {
		const { rules, conditions } = conditionsOf(report({ owner: [T, F], call: [T, F], eq: [F], ternary: [] }));
		expect(rules).toBe(RULES);
		expect(conditions.map((c) => [c.line, c.text])).toEqual([
			[4, 'd.owner == request.auth.uid'],
			[7, 'isOwner(resource.data) || !(id == "x") && (id == "p" ? true : false)'],
			[7, 'isOwner(resource.data)'],
			[7, '!(id == "x") && (id == "p" ? true : false)'],
			[7, '!(id == "x")'],
			[7, 'id == "x"'],
			[7, 'id == "p" ? true : false'],
			[7, 'id == "p"']
		]);
		const at = (text: string) => conditions.find((c) => c.text === text)!;
		expect(at('isOwner(resource.data)')).toMatchObject({ column: 22, seenTrue: true, seenFalse: true });
		expect(at('id == "x"')).toMatchObject({ seenTrue: true, seenFalse: false });
		expect(at('id == "p"')).toMatchObject({ seenTrue: false, seenFalse: false, seenError: false });
		// Operands of a path or comparison are not conditions.
		expect(conditions.some((c) => c.text === 'd.owner' || c.text === 'id' || c.text === 'resource.data')).toBe(false);
	});

	it('leaves out a function body never called (its value has no type), but keeps an allow condition never evaluated', () => {
		const { conditions } = conditionsOf(report({ owner: [], call: [], eq: [], ternary: [] }));
		expect(conditions.map((c) => c.line)).not.toContain(4);
		expect(conditions[0]).toMatchObject({ line: 7, seenTrue: false, seenFalse: false });
	});

	it('counts each operand of a chain once, not the parts the emulator nests it into, and restores what its positions leave off', () => {
		const rules = 'function f(x) {\n  return signedIn() && (x.a[x.k] == 1 && x.b) && isId(x.c);\n}';
		const at = (text: string, children: CoverageNode[] = [], endTrim = 0) => node(text, [true], children, 0, endTrim, rules);
		const ab = at('x.a[x.k] == 1 && x.b', [at('x.a[x.k] == 1', [at('x.a[x.k]', [at('x.a'), at('x.k')], 1)]), at('x.b')]);
		const chain = at('signedIn() && (x.a[x.k] == 1 && x.b) && isId(x.c)', [
			at('signedIn() && (x.a[x.k] == 1 && x.b)', [at('signedIn', [], 0), { ...ab, sourcePosition: { ...ab.sourcePosition, currentOffset: ab.sourcePosition.currentOffset - 1, column: ab.sourcePosition.column - 1, endOffset: ab.sourcePosition.endOffset + 1 } }]),
			at('isId(x.c)', [at('x.c')], 1)
		]);
		const { conditions } = conditionsOf({ rules: { files: [{ content: rules }] }, report: [chain] });
		expect(conditions.map((c) => c.text)).toEqual([
			'signedIn() && (x.a[x.k] == 1 && x.b) && isId(x.c)',
			'signedIn()',
			'(x.a[x.k] == 1 && x.b)',
			'x.a[x.k] == 1',
			'x.b',
			'isId(x.c)'
		]);
	});

	it('takes a chain whose first operand is parenthesised for a chain, not for one parenthesised operand', () => {
		const rules = 'allow read: if (x == 1) || (y == 2) || z;';
		const at = (text: string, children: CoverageNode[] = []) => node(text, [false], children, 0, 0, rules);
		const chain = at('(x == 1) || (y == 2) || z', [at('(x == 1) || (y == 2)', [at('(x == 1)', [at('x'), at('1')]), at('(y == 2)', [at('y'), at('2')])]), at('z')]);
		expect(conditionsOf({ rules: { files: [{ content: rules }] }, report: [chain] }).conditions.map((c) => c.text)).toEqual([
			'(x == 1) || (y == 2) || z',
			'(x == 1)',
			'(y == 2)',
			'z'
		]);
	});

	it('refuses a report without the rules text', () => {
		expect(() => conditionsOf({ report: [] })).toThrow(/no rules text/);
	});
});

describe('mergeCoverage and formatCoverage', () => {
	const a = { spec: 'a.spec.ts', ...conditionsOf(report({ owner: [T], call: [T], eq: [T], ternary: ['error'] })) };
	const b = { spec: 'b.spec.ts', ...conditionsOf(report({ owner: [F], call: [F], eq: [T], ternary: [] })) };

	it('counts a condition seen true in one spec file and false in another as seen both ways', () => {
		const m = mergeCoverage([a, b], RULES);
		expect(m.specs).toBe(2);
		const both = m.conditions.filter((c) => c.seenTrue && c.seenFalse).map((c) => c.text);
		expect(both).toEqual(['d.owner == request.auth.uid', 'isOwner(resource.data) || !(id == "x") && (id == "p" ? true : false)', 'isOwner(resource.data)']);
	});

	it('leaves out a spec file that ran against other rules, and says so', () => {
		const m = mergeCoverage([a, { ...b, rules: `${RULES}\n` }], RULES);
		expect(m).toMatchObject({ specs: 1, otherRules: ['b.spec.ts'] });
		expect(m.conditions.find((c) => c.line === 4)).toMatchObject({ seenTrue: true, seenFalse: false });
	});

	it('prints the figure and each condition not seen both ways with its place and what it was seen as', () => {
		const text = formatCoverage(mergeCoverage([a, b], RULES));
		expect(text.split('\n')).toEqual([
			'Rules coverage: 3 of 8 conditions in firestore.rules seen both true and false (37.5 %), over 2 rules spec files.',
			'Not seen both ways (5):',
			'  firestore.rules:7:48  never false      !(id == "x") && (id == "p" ? true : false)',
			'  firestore.rules:7:48  never false      !(id == "x")',
			'  firestore.rules:7:50  never true       id == "x"',
			'  firestore.rules:7:65  only an error    id == "p" ? true : false',
			'  firestore.rules:7:65  only an error    id == "p"'
		]);
	});
});
