// The rules project's global setup: a run directory the rules spec files write their coverage into
// (rules-env.ts, after each file), and after the run the merged figure printed to stdout. A run
// whose specs left no coverage at all fails, so the figure cannot silently vanish from CI.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { formatCoverage, mergeCoverage, type SpecCoverage } from './rules-coverage';

const root = resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), `planbordet-rules-coverage-${process.pid}-`));
	project.provide('rulesCoverageDir', dir);
	return () => {
		try {
			const runs = readdirSync(dir)
				.filter((f) => f.endsWith('.json'))
				.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SpecCoverage);
			if (runs.length === 0) {
				console.error('\nRules coverage: no rules spec file left a coverage report (see the errors above); the figure is missing.\n');
				process.exitCode = 1;
				return;
			}
			console.log(`\n${formatCoverage(mergeCoverage(runs, readFileSync(join(root, 'firestore.rules'), 'utf8')))}\n`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
