// The one Firebase app of the browser: config from VITE_FIREBASE_*, the emulators for a demo-*
// project (at the page's own host), Firestore's offline cache shared by all tabs.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth';
import {
	connectFirestoreEmulator,
	initializeFirestore,
	persistentLocalCache,
	persistentMultipleTabManager,
	type Firestore
} from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';

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
	functions: Functions;
}

let services: Services | null = null;

/** Initialises once, on first use in the browser (the app never renders on a server). */
export function firebase(): Services {
	if (services) return services;
	const app = initializeApp(firebaseConfig);
	const auth = getAuth(app);
	const db = initializeFirestore(app, { localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }) });
	const functions = getFunctions(app, FUNCTIONS_REGION);
	if (usesEmulators) {
		const host = location.hostname;
		connectAuthEmulator(auth, `http://${host}:9099`, { disableWarnings: true });
		connectFirestoreEmulator(db, host, 8080);
		connectFunctionsEmulator(functions, host, 5001);
	}
	services = { app, auth, db, functions };
	return services;
}

export const db = (): Firestore => firebase().db;
export const auth = (): Auth => firebase().auth;
export const functions = (): Functions => firebase().functions;
