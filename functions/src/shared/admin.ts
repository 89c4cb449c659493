// The Admin SDK, initialised once per function instance.
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

if (getApps().length === 0) initializeApp();

export const db = () => getFirestore();
export const auth = () => getAuth();
