// The sign-in link Planbordet mails points at the app's own confirm page, carrying the Firebase
// action parameters; opening it signs nobody in (link scanners open links), the button does.
export function confirmLink(firebaseLink: string, appUrl: string): string {
	const source = new URL(firebaseLink);
	const params = new URLSearchParams();
	for (const key of ['mode', 'oobCode', 'apiKey', 'lang', 'tenantId']) {
		const value = source.searchParams.get(key);
		if (value) params.set(key, value);
	}
	params.set('lang', 'sv');
	return `${appUrl.replace(/\/$/, '')}/logga-in/bekrafta?${params.toString()}`;
}
