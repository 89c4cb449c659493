// Rules coverage as a figure: the conditions of firestore.rules found in the Firestore emulator's
// coverage report (GET /emulator/v1/projects/{id}:ruleCoverage), merged over the rules spec files
// (the report resets whenever a spec file loads the rules), and the text printed after the rules specs.

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where each rules spec file writes its coverage (rules-coverage-setup.ts makes it, rules-env.ts writes). */
		rulesCoverageDir: string;
	}
}

/**
 * The report as the emulator serves it: the rules it has loaded, and one tree of expressions per
 * allow condition, function body or `let`. Each expression has its source position (offsets count
 * characters of the rules text; `endOffset` is the last character, and for a call the last token
 * before its closing parenthesis) and every distinct value it evaluated to, with a count. A value with
 * no type (`{}`) is an error (a missing field, a null dereference). Expressions never evaluated are
 * in the tree with no values.
 */
export interface CoverageReport {
	rules?: { files?: Array<{ name?: string; content?: string }> };
	report?: CoverageNode[];
}
export interface CoverageNode {
	sourcePosition: { line: number; column: number; currentOffset: number; endOffset: number };
	values?: Array<{ value?: Record<string, unknown>; count?: number }>;
	children?: CoverageNode[];
}

/** One condition of the rules: where it is, its text, and what it was seen to evaluate to. */
export interface Condition {
	/** Where it starts and ends in the rules text: together they name it (an `a && b` starts where its `a` does). */
	offset: number;
	end: number;
	line: number;
	column: number;
	text: string;
	seenTrue: boolean;
	seenFalse: boolean;
	seenError: boolean;
}

/** What one spec file's report says about the conditions of the rules it loaded. */
export interface SpecCoverage {
	spec: string;
	rules: string;
	conditions: Condition[];
}

/** The gap between two operands once brackets, comments and spaces are dropped: "&&", "?", "!" … */
const bare = (s: string) => s.replace(/\/\/[^\n]*/g, '').replace(/[()[\]{}\s]/g, '');

/**
 * The conditions of one report: what decides an `allow` (its `if` expression), every operand of
 * `&&`, `||` and `!`, a `? :` condition, and a function's body (or a `let`) whenever it evaluated to a
 * boolean. A function body never called has no value to tell its type by; its call sites are operands
 * and are counted there. The rules text is the report's own, so positions match the text.
 */
export function conditionsOf(report: CoverageReport): { rules: string; conditions: Condition[] } {
	const rules = report.rules?.files?.[0]?.content;
	if (typeof rules !== 'string' || !Array.isArray(report.report)) throw new Error('the rules coverage report has no rules text or no expressions');
	const chars = Array.from(rules);
	const slice = (from: number, to: number) => chars.slice(from, to).join('');
	const end = (n: CoverageNode) => n.sourcePosition.endOffset + 1;
	const found = new Map<string, Condition>();

	const key = (n: CoverageNode) => `${n.sourcePosition.currentOffset}-${n.sourcePosition.endOffset}`;
	/** Parts of a longer chain: the emulator nests `a && b && c` as `(a && b) && c`, but `a && b` is no condition anyone wrote. */
	const chainParts = new Set<string>();

	const add = (n: CoverageNode) => {
		const k = key(n);
		if (found.has(k) || chainParts.has(k)) return;
		const p = n.sourcePosition;
		const values = n.values ?? [];
		found.set(k, {
			offset: p.currentOffset,
			end: p.endOffset,
			line: p.line,
			column: p.column,
			text: readable(slice(p.currentOffset, end(n)), slice(end(n), end(n) + 40)),
			seenTrue: values.some((v) => v.value?.boolValue === true),
			seenFalse: values.some((v) => v.value?.boolValue === false),
			seenError: values.some((v) => !v.value || Object.keys(v.value).length === 0)
		});
	};
	const isBoolean = (n: CoverageNode) => (n.values ?? []).some((v) => typeof v.value?.boolValue === 'boolean');

	/** The operator joining a node's children, read from the rules text between them. */
	const operatorOf = (n: CoverageNode): '&&' | '||' | '?:' | '!' | null => {
		const children = n.children ?? [];
		if (children.length === 0) return null;
		const gaps = [
			bare(slice(n.sourcePosition.currentOffset, children[0].sourcePosition.currentOffset)),
			...children.slice(1).map((c, i) => bare(slice(end(children[i]), c.sourcePosition.currentOffset))),
			bare(slice(end(children[children.length - 1]), end(n)))
		];
		const inner = gaps.slice(1, -1);
		const wrapped = gaps[0] === '' && gaps[gaps.length - 1] === '';
		if (wrapped && inner.length > 0 && inner.every((g) => g === '&&')) return '&&';
		if (wrapped && inner.length > 0 && inner.every((g) => g === '||')) return '||';
		if (wrapped && inner.length === 2 && inner[0] === '?' && inner[1] === ':') return '?:';
		if (children.length === 1 && gaps[0] === '!' && gaps[1] === '') return '!';
		return null;
	};
	/** Whether the node is one parenthesised whole: `(a && b)`, not `(a) && (b)`. */
	const parenthesised = (n: CoverageNode): boolean => {
		const from = n.sourcePosition.currentOffset;
		if (chars[from] !== '(') return false;
		let depth = 0;
		let quote: string | null = null;
		for (let i = from; i < chars.length; i++) {
			const ch = chars[i];
			if (quote) quote = ch === quote ? null : quote;
			else if (ch === "'" || ch === '"') quote = ch;
			else if (ch === '(') depth++;
			else if (ch === ')' && --depth === 0) return i >= n.sourcePosition.endOffset;
		}
		return false;
	};
	/** The operands of an `&&` or `||` chain, however the emulator nested it (a parenthesised part is one operand). */
	const operands = (n: CoverageNode, op: '&&' | '||'): CoverageNode[] =>
		(n.children ?? []).flatMap((c) => {
			if (operatorOf(c) !== op || parenthesised(c)) return [c];
			chainParts.add(key(c));
			return operands(c, op);
		});

	const visit = (n: CoverageNode) => {
		const op = operatorOf(n);
		if (op === '&&' || op === '||') operands(n, op).forEach(add);
		else if (op === '?:' || op === '!') add((n.children ?? [])[0]);
		(n.children ?? []).forEach(visit);
	};

	for (const root of report.report) {
		const before = slice(Math.max(0, root.sourcePosition.currentOffset - 40), root.sourcePosition.currentOffset);
		if (isBoolean(root) || /\bif\s*$/.test(before)) add(root);
		visit(root);
	}
	return { rules, conditions: [...found.values()].sort(byPlace) };
}

/** In the order of the rules text; of two starting at one place, the enclosing one first. */
const byPlace = (a: Condition, b: Condition) => a.offset - b.offset || b.end - a.end;

/**
 * One line of text, at most 100 characters, with what the emulator's end leaves off restored (see
 * CoverageNode): the closing brackets still open, or the `()` of a call without arguments.
 */
function readable(text: string, after: string): string {
	let t = text.replace(/\/\/[^\n]*/g, '').replace(/\s+/g, ' ').trim();
	const open: string[] = [];
	let quote: string | null = null;
	for (const ch of t) {
		if (quote) quote = ch === quote ? null : quote;
		else if (ch === "'" || ch === '"') quote = ch;
		else if (ch === '(' || ch === '[') open.push(ch === '(' ? ')' : ']');
		else if (ch === ')' || ch === ']') open.pop();
	}
	if (open.length > 0) t += open.reverse().join('');
	else if (/[A-Za-z0-9_]$/.test(t) && /^\(\s*\)/.test(after)) t += '()';
	return t.length > 100 ? `${t.slice(0, 97)}…` : t;
}

export interface MergedCoverage {
	conditions: Condition[];
	specs: number;
	/** Spec files whose report was of other rules text than the current firestore.rules (edited during the run). */
	otherRules: string[];
}

/** All spec files' conditions as one: by place in the current rules text; seen one way in any file counts. */
export function mergeCoverage(runs: readonly SpecCoverage[], currentRules: string): MergedCoverage {
	const merged = new Map<string, Condition>();
	const otherRules: string[] = [];
	let specs = 0;
	for (const run of runs) {
		if (run.rules !== currentRules) {
			otherRules.push(run.spec);
			continue;
		}
		specs++;
		for (const c of run.conditions) {
			const key = `${c.offset}-${c.end}`;
			const m = merged.get(key);
			if (!m) merged.set(key, { ...c });
			else {
				m.seenTrue ||= c.seenTrue;
				m.seenFalse ||= c.seenFalse;
				m.seenError ||= c.seenError;
			}
		}
	}
	return { conditions: [...merged.values()].sort(byPlace), specs, otherRules };
}

const outcome = (c: Condition) =>
	!c.seenTrue && !c.seenFalse ? (c.seenError ? 'only an error' : 'never evaluated') : c.seenTrue ? 'never false' : 'never true';

/** The figure and the conditions that were not seen both ways, as `npm test` prints them. */
export function formatCoverage(m: MergedCoverage, rulesFile = 'firestore.rules'): string {
	const both = m.conditions.filter((c) => c.seenTrue && c.seenFalse);
	const rest = m.conditions.filter((c) => !(c.seenTrue && c.seenFalse));
	const percent = m.conditions.length === 0 ? 0 : (100 * both.length) / m.conditions.length;
	const lines = [
		`Rules coverage: ${both.length} of ${m.conditions.length} conditions in ${rulesFile} seen both true and false (${percent.toFixed(1)} %), over ${m.specs} rules spec file${m.specs === 1 ? '' : 's'}.`
	];
	if (m.otherRules.length > 0) lines.push(`  (left out: ${m.otherRules.length} spec file(s) ran against another version of the rules: ${m.otherRules.join(', ')})`);
	if (rest.length > 0) {
		lines.push(`Not seen both ways (${rest.length}):`);
		for (const c of rest) lines.push(`  ${rulesFile}:${c.line}:${c.column}  ${outcome(c).padEnd(15)}  ${c.text}`);
	}
	return lines.join('\n');
}
