// Where to go after signing in: the page a signed-out person asked for (a mention mail's link to a
// row), kept only if it is a path of this app — never another origin (an open redirect).

/** The path and query to return to, or null when it is not a plain same-origin app path. */
export function safeReturnPath(value: string | null | undefined): string | null {
	if (!value || value.length > 2000) return null;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
	if (/[\u0000-\u001f\u007f]/.test(value)) return null;
	if (value.startsWith('/logga-in')) return null;
	return value;
}
