// The end-to-end tests' setup: a test fails when any page it opened reported a Content-Security-Policy
// violation (recorded by browser.ts), so the app is shown to work under its CSP, not merely load.
import { afterEach } from 'vitest';
import { takeCspViolations } from './browser';

afterEach(() => {
	const violations = takeCspViolations();
	if (violations.length > 0) throw new Error(`Content-Security-Policy violations:\n${[...new Set(violations)].join('\n')}`);
});
