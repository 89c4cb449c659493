// The import rules of docs/architecture.md, checked on every source file under src/ and functions/src:
// which part may import which, what the domain may use, and where the Firebase SDK may appear.
// A broken rule fails with the offending file and import; the planted violations show each rule can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The parts of docs/architecture.md, by where a file lives. */
type Part = 'domain' | 'ui' | 'i18n' | 'data' | 'sessions' | 'components' | 'routes' | 'functions' | 'assets' | 'app';

function partOf(file: string): Part | null {
	if (file.startsWith('functions/src/')) return 'functions';
	if (file.startsWith('src/routes/')) return 'routes';
	if (file.startsWith('src/lib/domain/')) return 'domain';
	if (file.startsWith('src/lib/ui/')) return 'ui';
	if (file.startsWith('src/lib/i18n/')) return 'i18n';
	if (file.startsWith('src/lib/firebase/')) return 'data';
	if (file.startsWith('src/lib/components/')) return 'components';
	if (file.startsWith('src/lib/assets/')) return 'assets';
	// src/lib/*.ts: the session rune modules (and their helpers, e.g. journal-store.ts).
	if (/^src\/lib\/[^/]+$/.test(file)) return 'sessions';
	if (/^src\/app\.[^/]+$/.test(file)) return 'app';
	return null;
}

/**
 * Which parts each part may import: nothing imports upward (domain < ui, i18n < data < sessions <
 * components < routes), and the functions take only the domain and the catalogue from the app: the
 * exported documents are worded like the UI, from src/lib/i18n (pure data, no Svelte). The sessions
 * report kinds and codes, so they do not import the catalogue either; nor does the data
 * (src/lib/firebase returns failure codes, also held as its own rule below).
 */
const MAY_IMPORT: Record<Part, readonly Part[]> = {
	domain: ['domain'],
	ui: ['domain', 'ui'],
	i18n: ['domain', 'i18n'],
	data: ['domain', 'data'],
	sessions: ['domain', 'data', 'sessions'],
	components: ['domain', 'ui', 'i18n', 'data', 'sessions', 'components', 'assets'],
	routes: ['domain', 'ui', 'i18n', 'data', 'sessions', 'components', 'routes', 'assets', 'app'],
	functions: ['domain', 'i18n', 'functions'],
	assets: [],
	app: []
};

/** The only packages the domain may import (docs/architecture.md, "Dependencies"): it runs in the browser and in the functions. */
const DOMAIN_LIBRARIES = ['zod', 'diff', 'node-diff3', 'linkifyjs', 'fractional-indexing-jittered'] as const;

/** A package specifier's package name: 'zod/mini' → 'zod', '@firebase/app' → '@firebase/app'. */
const packageName = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const isFirebaseSdk = (spec: string) => packageName(spec) === 'firebase' || spec.startsWith('@firebase/');

/** Every module specifier a file imports: static imports and re-exports (also over several lines), side-effect and dynamic imports. */
function importsOf(source: string): string[] {
	const found: string[] = [];
	// The clause between `import`/`export` and `from` holds only names, braces, commas, `*`, `as`, `type`:
	// prose in a comment or a string does not look like that.
	const statement = /^[ \t]*(?:import|export)\s+(?:type\s+)?[\w$*\s,{}]*?\bfrom\s*(['"])([^'"]+)\1/gm;
	const sideEffect = /^[ \t]*import\s*(['"])([^'"]+)\1/gm;
	const dynamic = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;
	for (const re of [statement, sideEffect, dynamic]) for (const m of source.matchAll(re)) found.push(m[2]);
	return found;
}

/** A specifier as the repository path it names (no extension added) or as a package. */
function resolveImport(file: string, spec: string): { path: string } | { pkg: string } {
	if (spec.startsWith('./') || spec.startsWith('../')) return { path: posix.normalize(posix.join(posix.dirname(file), spec)) };
	if (spec === '#lib' || spec === '$lib') return { path: 'src/lib/index' };
	const alias = /^[#$]lib\/(.*)$/.exec(spec);
	if (alias) return { path: `src/lib/${alias[1]}` };
	return { pkg: spec };
}

interface SourceFile {
	file: string;
	imports: readonly string[];
}

/** Source files under src/ and functions/src, tests excluded: a test may read across parts (the catalogue, node:fs). */
function sourceFiles(): SourceFile[] {
	const files: SourceFile[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(ROOT + dir, { withFileTypes: true })) {
			const path = `${dir}/${entry.name}`;
			if (entry.isDirectory()) walk(path);
			else if (/\.(ts|js|svelte)$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name)) {
				files.push({ file: path, imports: importsOf(readFileSync(ROOT + path, 'utf8')) });
			}
		}
	};
	walk('src');
	walk('functions/src');
	return files;
}

const show = (file: string, spec: string) => `${file} imports '${spec}'`;

/** Imports of one part into parts it may not import. */
function upwardImports(files: readonly SourceFile[], part: Part): string[] {
	const out: string[] = [];
	for (const { file, imports } of files) {
		if (partOf(file) !== part) continue;
		for (const spec of imports) {
			const target = resolveImport(file, spec);
			if (!('path' in target)) continue;
			const to = partOf(target.path);
			if (to === null || !MAY_IMPORT[part].includes(to)) out.push(`${show(file, spec)} (${to ?? 'outside src/'})`);
		}
	}
	return out;
}

/** Package imports of one part that `allowed` refuses. */
function packageImports(files: readonly SourceFile[], parts: readonly Part[], allowed: (spec: string) => boolean): string[] {
	const out: string[] = [];
	for (const { file, imports } of files) {
		const part = partOf(file);
		if (part === null || !parts.includes(part)) continue;
		for (const spec of imports) if ('pkg' in resolveImport(file, spec) && !allowed(spec)) out.push(show(file, spec));
	}
	return out;
}

/** Imports of the Swedish catalogue (src/lib/i18n) by the data modules. */
function catalogueImportsOfData(files: readonly SourceFile[]): string[] {
	return files.flatMap(({ file, imports }) =>
		partOf(file) === 'data' ? imports.filter((spec) => {
			const target = resolveImport(file, spec);
			return 'path' in target && partOf(target.path) === 'i18n';
		}).map((spec) => show(file, spec)) : []
	);
}

/**
 * Imports of a function file (callables/, triggers/, schedules/, http/) by a function file or by
 * shared/: functions share through shared/ only. index.ts and blocking.ts, which only re-export
 * the function files, are not held to it.
 */
function functionFileImports(files: readonly SourceFile[]): string[] {
	const functionFile = /^functions\/src\/(callables|triggers|schedules|http)\//;
	return files.flatMap(({ file, imports }) =>
		functionFile.test(file) || file.startsWith('functions/src/shared/') ? imports.filter((spec) => {
			const target = resolveImport(file, spec);
			return 'path' in target && functionFile.test(target.path);
		}).map((spec) => show(file, spec)) : []
	);
}

const domainMayUse = (spec: string) => (DOMAIN_LIBRARIES as readonly string[]).includes(packageName(spec));

describe('the import rules (docs/architecture.md)', () => {
	const files = sourceFiles();

	it('finds the source files and their imports', () => {
		// A broken walk or parser would make every rule pass on nothing.
		expect(files.filter((f) => partOf(f.file) === 'domain').length).toBeGreaterThan(30);
		expect(files.filter((f) => f.file.endsWith('.svelte')).length).toBeGreaterThan(30);
		expect(files.find((f) => f.file === 'src/lib/domain/schemas.ts')?.imports).toContain('zod/mini');
	});

	it.each(Object.keys(MAY_IMPORT) as Part[])('%s imports no part above it', (part) => {
		expect(upwardImports(files, part)).toEqual([]);
	});

	it(`the domain imports only itself and ${DOMAIN_LIBRARIES.join(', ')} (no svelte, firebase, $app, node:)`, () => {
		expect(packageImports(files, ['domain'], domainMayUse)).toEqual([]);
	});

	it('components, routes and ui never import the Firebase SDK (they go through src/lib/firebase and the sessions)', () => {
		expect(packageImports(files, ['components', 'routes', 'ui'], (spec) => !isFirebaseSdk(spec))).toEqual([]);
	});

	it('the functions never import the browser side: no Svelte, $app or Firebase web SDK', () => {
		const browser = (spec: string) => isFirebaseSdk(spec) || packageName(spec) === 'svelte' || spec.startsWith('$app');
		expect(packageImports(files, ['functions'], (spec) => !browser(spec))).toEqual([]);
	});

	it('a function file imports only functions/src/shared/ and the domain; shared/ imports no function file', () => {
		expect(functionFileImports(files)).toEqual([]);
	});

	// The data modules return failure codes (domain/read-failure.ts, action-failure.ts); the pages word
	// them with i18n/failure-text.ts (docs/architecture.md).
	it('src/lib/firebase never imports the Swedish catalogue (codes in the data modules, words in the UI)', () => {
		expect(catalogueImportsOfData(files)).toEqual([]);
	});
});

describe('the dependency list (docs/architecture.md, "Dependencies")', () => {
	// One list of what the packages install and why: a dependency added without its line fails here.
	const doc = readFileSync(ROOT + 'docs/architecture.md', 'utf8');
	const listed = doc.slice(doc.indexOf('## Dependencies'));
	const manifests = ['package.json', 'functions/package.json', 'functions-blocking/package.json'];

	it.each(manifests)('names every package %s installs', (manifest) => {
		const pkg = JSON.parse(readFileSync(ROOT + manifest, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
		const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
		expect(names.length).toBeGreaterThan(0);
		expect(names.filter((name) => !listed.includes('`' + name + '`'))).toEqual([]);
	});

	it('marks as domain exactly the libraries the domain may import', () => {
		const marked = [...listed.matchAll(/^\| `([^`]+)` \| \*domain\*/gm)].map((m) => m[1]).sort();
		expect(marked).toEqual([...DOMAIN_LIBRARIES].sort());
	});
});

describe('the import-rule checks themselves', () => {
	const planted: SourceFile[] = [
		{ file: 'src/lib/domain/bad.ts', imports: ['svelte', 'firebase/firestore', '../firebase/app', '../components/plan/PlanCell.svelte', '../i18n/sv', '../ui/grid', 'zod/mini', './schemas'] },
		{ file: 'src/lib/firebase/bad.ts', imports: ['../components/shared/Dialog.svelte', '../plan-session.svelte', '../i18n/sv', 'firebase/firestore'] },
		{ file: 'src/lib/components/plan/Bad.svelte', imports: ['firebase/firestore', '../../firebase/rows.svelte', '#lib/domain/paths.ts'] },
		{
			file: 'functions/src/callables/bad.ts',
			imports: ['../../../src/lib/ui/grid', '../../../src/lib/i18n/export-sv', '../../../src/lib/domain/schemas', 'firebase/app', 'firebase-admin/firestore', '../shared/callable', './submit-plan']
		},
		{ file: 'functions/src/shared/bad.ts', imports: ['../triggers/send-mail', './outbox'] },
		{ file: 'functions/src/index.ts', imports: ['./callables/submit-plan'] }
	];

	it('parses multi-line, type-only, side-effect and dynamic imports, and not prose', () => {
		const source = [
			"import {\n\ta,\n\ttype B\n} from './multi';",
			"import type { C } from 'firebase/auth';",
			"export * from '../re-export';",
			"import '../app.css';",
			"const m = await import('firebase/functions');",
			'// the text taken from "somewhere" in a comment',
			"const s = 'copied from \"elsewhere\"';"
		].join('\n');
		expect(importsOf(source).sort()).toEqual(['../app.css', '../re-export', './multi', 'firebase/auth', 'firebase/functions'].sort());
	});

	it('names each planted violation with its file and import', () => {
		expect(upwardImports(planted, 'domain')).toEqual([
			"src/lib/domain/bad.ts imports '../firebase/app' (data)",
			"src/lib/domain/bad.ts imports '../components/plan/PlanCell.svelte' (components)",
			"src/lib/domain/bad.ts imports '../i18n/sv' (i18n)",
			"src/lib/domain/bad.ts imports '../ui/grid' (ui)"
		]);
		expect(packageImports(planted, ['domain'], domainMayUse)).toEqual(["src/lib/domain/bad.ts imports 'svelte'", "src/lib/domain/bad.ts imports 'firebase/firestore'"]);
		expect(upwardImports(planted, 'data')).toEqual([
			"src/lib/firebase/bad.ts imports '../components/shared/Dialog.svelte' (components)",
			"src/lib/firebase/bad.ts imports '../plan-session.svelte' (sessions)",
			"src/lib/firebase/bad.ts imports '../i18n/sv' (i18n)"
		]);
		expect(catalogueImportsOfData(planted)).toEqual(["src/lib/firebase/bad.ts imports '../i18n/sv'"]);
		expect(packageImports(planted, ['components'], (spec) => !isFirebaseSdk(spec))).toEqual(["src/lib/components/plan/Bad.svelte imports 'firebase/firestore'"]);
		expect(upwardImports(planted, 'components')).toEqual([]);
		expect(upwardImports(planted, 'functions')).toEqual(["functions/src/callables/bad.ts imports '../../../src/lib/ui/grid' (ui)"]);
		expect(packageImports(planted, ['functions'], (spec) => !isFirebaseSdk(spec))).toEqual(["functions/src/callables/bad.ts imports 'firebase/app'"]);
		expect(functionFileImports(planted)).toEqual(["functions/src/callables/bad.ts imports './submit-plan'", "functions/src/shared/bad.ts imports '../triggers/send-mail'"]);
	});
});
