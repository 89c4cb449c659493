// The floor for a cold load (bench/cold-load.ts): a page that only initialises the Firebase SDK as
// the app does (same persistence, the emulators), waits for the signed-in user and reads the plan's
// rows, then writes one cell per row into a table — no framework, no app code. Bundled by build.mjs.
import { initializeApp } from 'firebase/app';
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from 'firebase/auth';
import { collection, connectFirestoreEmulator, initializeFirestore, onSnapshot, persistentLocalCache, persistentMultipleTabManager } from 'firebase/firestore';
import { paths } from '../../src/lib/domain/paths';

const params = new URLSearchParams(location.search);
const region = params.get('region') ?? 'jamtland-harjedalen';
const year = params.get('year') ?? '2023';
const app = initializeApp({ apiKey: 'demo-api-key', authDomain: 'demo-planbordet.firebaseapp.com', projectId: 'demo-planbordet' });
const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
const db = initializeFirestore(app, { localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }) });
connectAuthEmulator(auth, `http://${location.hostname}:9099`, { disableWarnings: true });
connectFirestoreEmulator(db, location.hostname, 8080);

await auth.authStateReady();
const body = document.querySelector('tbody')!;
onSnapshot(collection(db, paths.rows(region, year)), (snap) => {
	if (snap.metadata.fromCache && snap.empty) return;
	body.replaceChildren(
		...snap.docs.map((d) => {
			const tr = document.createElement('tr');
			const td = document.createElement('td');
			td.dataset.rowId = d.id;
			td.dataset.field = 'action';
			td.textContent = String((d.get('fields') as Record<string, unknown>)?.action ?? '');
			tr.append(td);
			return tr;
		})
	);
});
