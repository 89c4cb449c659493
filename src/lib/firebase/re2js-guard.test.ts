// The browser build replaces `re2js` with no-regex-pipelines.ts: safe only while the Firestore SDK
// uses RE2JS in nothing but its pipeline evaluators for like / regex_contains / regex_match. This reads
// the SDK's browser build and fails on any other use, so an SDK update cannot break queries silently.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RE2JS } from './no-regex-pipelines';

const dist = resolve(import.meta.dirname, '../../../node_modules/@firebase/firestore/dist');
const browserBuilds = readdirSync(dist).filter((f) => /\.esm\.js$/.test(f));

/** The class each `RE2JS.` use sits in: the nearest `class X` line above it. */
function classesUsing(text: string): string[] {
	const lines = text.split('\n');
	const out: string[] = [];
	let current = '(top level)';
	for (const line of lines) {
		const c = /^class (\w+)/.exec(line);
		if (c) current = c[1];
		if (line.includes('RE2JS.')) out.push(current);
	}
	return out;
}

describe('the re2js stand-in', () => {
	it('the SDK uses RE2JS only in its like / regex pipeline evaluators', () => {
		const uses = browserBuilds.flatMap((f) => classesUsing(readFileSync(join(dist, f), 'utf8')));
		expect(uses.length).toBeGreaterThan(0); // the SDK still imports it: else the stand-in can go
		expect([...new Set(uses)].sort()).toEqual(['__PRIVATE_CoreLike', '__PRIVATE_CoreRegexContains', '__PRIVATE_CoreRegexMatch']);
	});

	it('refuses to compile, which the SDK turns into an evaluation error', () => {
		expect(() => RE2JS.compile()).toThrow(/regular-expression/);
	});
});
