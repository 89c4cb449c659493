// The one Firebase app of the browser: config from VITE_FIREBASE_*, the emulators for a demo-*
// project (at the page's own host), Firestore's offline cache shared by all tabs.
import { initializeApp, type FirebaseApp } from 'firebase/app';
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

const env = import.meta.env;
export const firebaseConfig = {
	apiKey: env.VITE_FIREBASE_API_KEY || 'demo-api-key',
	authDomain: env.VITE_FIREBASE_AUTH_DOMAIN || 'demo-planbordet.firebaseapp.com',
	projectId: env.VITE_FIREBASE_PROJECT_ID || 'demo-planbordet',
	appId: env.VITE_FIREBASE_APP_ID || undefined
};

/** A demo-* project id never reaches Google: it only exists in the local Emulator Suite. */
export const usesEmulators = firebaseConfig.projectId.startsWith('demo-');

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
	services = { app, auth, db };
	return services;
}

export const db = (): Firestore => firebase().db;
export const auth = (): Auth => firebase().auth;
let functionsInstance: Promise<Functions> | null = null;

/** Cloud Functions are called rarely (sign-in, submit, reopen, settings): loaded on first use, not with every page. */
export function functions(): Promise<Functions> {
	functionsInstance ??= import('firebase/functions').then(({ connectFunctionsEmulator, getFunctions }) => {
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
