// The one Firebase app of the browser: the project and whether it is the local Emulator Suite are
// decided when the app is built (vite.config.ts), App Check loads beside the first page, and
// Firestore's offline cache is shared by all tabs.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import type { AppCheck } from 'firebase/app-check';
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth } from 'firebase/auth';
import {
	connectFirestoreEmulator,
	initializeFirestore,
	persistentLocalCache,
	persistentMultipleTabManager,
	type Firestore
} from 'firebase/firestore';
import type { Functions } from 'firebase/functions';

export const FUNCTIONS_REGION = 'europe-north1';

/** Replaced by a literal at build time: true only in an emulator build, so a production build has no emulator code. */
declare const __PLANBORDET_EMULATORS__: boolean;
export const usesEmulators = __PLANBORDET_EMULATORS__;

const env = import.meta.env;
/** A demo-* project id never reaches Google: it only exists in the local Emulator Suite. */
const firebaseConfig = usesEmulators
	? { apiKey: 'demo-api-key', authDomain: 'demo-planbordet.firebaseapp.com', projectId: 'demo-planbordet' }
	: {
			apiKey: env.VITE_FIREBASE_API_KEY,
			authDomain: env.VITE_FIREBASE_AUTH_DOMAIN,
			projectId: env.VITE_FIREBASE_PROJECT_ID,
			appId: env.VITE_FIREBASE_APP_ID
		};

interface Services {
	app: FirebaseApp;
	auth: Auth;
	db: Firestore;
}

let services: Services | null = null;

/** Initialises once, on first use in the browser (the app never renders on a server). */
export function firebase(): Services {
	if (services) return services;
	const app = initializeApp(firebaseConfig);
	// No popup/redirect resolver: email-link sign-in needs none, and it keeps the bundle smaller.
	const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
	const db = initializeFirestore(app, { localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }) });
	if (usesEmulators) {
		const host = location.hostname;
		connectAuthEmulator(auth, `http://${host}:9099`, { disableWarnings: true });
		connectFirestoreEmulator(db, host, 8080);
	}
	appCheckInstance = startAppCheck(app);
	services = { app, auth, db };
	return services;
}

let appCheckInstance: Promise<AppCheck | null> | null = null;

/**
 * App Check attests that calls come from this app: reCAPTCHA Enterprise in production; with the
 * emulators only when a debug token is given (VITE_APPCHECK_DEBUG_TOKEN), as the demo project can
 * never exchange a token with Google. Its module and reCAPTCHA load beside the first page, not in it;
 * Firestore and Auth pick the tokens up once it is registered, callables wait for it (callFunction).
 */
function startAppCheck(app: FirebaseApp): Promise<AppCheck | null> {
	const debugToken = usesEmulators ? env.VITE_APPCHECK_DEBUG_TOKEN : undefined;
	if (usesEmulators && !debugToken) return Promise.resolve(null);
	return import('firebase/app-check').then(({ initializeAppCheck, ReCaptchaEnterpriseProvider }) => {
		// The SDK reads the debug token from this global and then uses its debug provider instead of reCAPTCHA.
		if (debugToken) (self as unknown as { FIREBASE_APPCHECK_DEBUG_TOKEN: string }).FIREBASE_APPCHECK_DEBUG_TOKEN = debugToken;
		return initializeAppCheck(app, { provider: new ReCaptchaEnterpriseProvider(env.VITE_APPCHECK_SITE_KEY ?? 'debug'), isTokenAutoRefreshEnabled: true });
	});
}

function appCheckReady(): Promise<AppCheck | null> {
	firebase();
	return appCheckInstance ?? Promise.resolve(null);
}

/** The X-Firebase-AppCheck header for a plain fetch to a function (the exports); empty when App Check is off. */
export async function appCheckHeaders(): Promise<Record<string, string>> {
	const appCheck = await appCheckReady();
	if (!appCheck) return {};
	const { getToken } = await import('firebase/app-check');
	const { token } = await getToken(appCheck);
	return { 'X-Firebase-AppCheck': token };
}

export const db = (): Firestore => firebase().db;
export const auth = (): Auth => firebase().auth;
let functionsInstance: Promise<Functions> | null = null;

/** Cloud Functions are called rarely (sign-in, submit, reopen, settings): loaded on first use, not with every page. */
export function functions(): Promise<Functions> {
	// After App Check is registered, so a callable's first request already carries its token.
	functionsInstance ??= Promise.all([import('firebase/functions'), appCheckReady()]).then(([{ connectFunctionsEmulator, getFunctions }]) => {
		const f = getFunctions(firebase().app, FUNCTIONS_REGION);
		if (usesEmulators) connectFunctionsEmulator(f, location.hostname, 5001);
		return f;
	});
	return functionsInstance;
}

/**
 * Calls a callable function by name and returns its data. The dynamic import lives here, in a
 * module every page already has, so the bundler keeps firebase/functions out of the pages and
 * does not split the Firebase chunk the pages share.
 */
export async function callFunction<I, O>(name: string, data: I): Promise<O> {
	const [{ httpsCallable }, f] = await Promise.all([import('firebase/functions'), functions()]);
	const result = await httpsCallable<I, O>(f, name)(data);
	return result.data;
}
