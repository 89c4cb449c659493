// The SvelteKit single-page app (adapter-static; every route falls back to 200.html on Hosting)
// and the vitest projects: unit tests beside the code, emulator and browser tests under tests/.
import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
			},
			adapter: adapter({ fallback: '200.html' })
		})
	],
	server: { host: '127.0.0.1', port: 5173, strictPort: true },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts', 'functions/src/**/*.test.ts'], environment: 'node' }
			},
			{
				test: { name: 'rules', include: ['tests/rules/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 30_000, hookTimeout: 60_000 }
			},
			{
				test: { name: 'functions', include: ['tests/functions/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 }
			},
			{
				test: { name: 'e2e', include: ['tests/e2e/**/*.spec.ts'], environment: 'node', fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 }
			}
		]
	}
});
