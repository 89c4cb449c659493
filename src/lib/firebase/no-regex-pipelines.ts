// Stands in for `re2js` in the browser build (vite.config.ts): the Firestore SDK imports that RE2 engine
// (43 kB gzip, a seventh of the plan page) only to evaluate the pipeline expressions like, regex_contains
// and regex_match, which Planbordet never uses. re2js-guard.test.ts fails if the SDK starts using it elsewhere.
export const RE2JS = {
	compile(): never {
		// The SDK catches this in its evaluator and logs it: a regex pipeline expression evaluates to an error.
		throw new Error('Planbordet does not evaluate regular-expression pipeline expressions in the browser');
	}
};
