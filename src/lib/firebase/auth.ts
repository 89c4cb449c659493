// Email-link sign-in: asking the function for a link, finishing sign-in from the link (only when
// the person presses the button), the remembered address, and signing out.
import {
	isSignInWithEmailLink,
	onAuthStateChanged,
	signInWithEmailLink,
	signOut as firebaseSignOut,
	type User
} from 'firebase/auth';
import type { RequestSignInLinkInput } from '../domain/schemas';
import { auth, functions } from './app';

const EMAIL_KEY = 'planbordet.signInEmail';
/** The app path a signed-out visitor asked for, to return to after signing in (domain/return-path.ts). */
export const RETURN_KEY = 'planbordet.returnTo';

export function rememberEmail(email: string): void {
	try {
		localStorage.setItem(EMAIL_KEY, email);
	} catch {
		// Storage can be unavailable (private mode); the confirm page then asks for the address.
	}
}

export function recallEmail(): string | null {
	try {
		return localStorage.getItem(EMAIL_KEY);
	} catch {
		return null;
	}
}

export function forgetEmail(): void {
	try {
		localStorage.removeItem(EMAIL_KEY);
	} catch {
		// Nothing stored, nothing to forget.
	}
}

/** Every address gets the same answer; errors carry codes like "functions/resource-exhausted". */
export async function requestSignInLink(email: string): Promise<void> {
	const [{ httpsCallable }, f] = await Promise.all([import('firebase/functions'), functions()]);
	await httpsCallable<RequestSignInLinkInput, { ok: boolean }>(f, 'requestSignInLink')({ email });
}

export function isSignInLink(href: string): boolean {
	return isSignInWithEmailLink(auth(), href);
}

export async function completeSignIn(email: string, href: string): Promise<User> {
	const credential = await signInWithEmailLink(auth(), email, href);
	return credential.user;
}

export function watchAuth(callback: (user: User | null) => void): () => void {
	return onAuthStateChanged(auth(), callback);
}

export function signOut(): Promise<void> {
	return firebaseSignOut(auth());
}
