// The signed-in person as the whole app sees them: their auth user, their memberships (found by
// reading their own member document in each known region) and staff role, the names and years of
// the regions they open as of sign-in (so the start page's first frame has them), and signing out.
import type { User } from 'firebase/auth';
import { actorOf, type Actor } from './domain/authorization';
import type { Member, Organization, Plan, Staff } from './domain/schemas';
import { signOut as authSignOut, watchAuth } from './firebase/auth';
import { getMembership } from './firebase/members.svelte';
import { getYears } from './firebase/plans.svelte';
import { getRegion } from './firebase/regions.svelte';
import { getOrganizations } from './firebase/organizations.svelte';
import { getStaff } from './firebase/staff.svelte';
import { reopenListeners, stopAllListeners } from './firebase/live.svelte';
import { LOAD_MARKS, markLoad } from './load-marks';

export interface Membership {
	regionId: string;
	member: Member;
}

/** A region as read at sign-in: the live readers of the pages take over from it. */
export interface RegionAtSignIn {
	name: string;
	years: Array<{ id: string; data: Plan }>;
}

export interface Profile {
	uid: string;
	email: string;
	name: string;
	orgId: string;
	memberships: Membership[];
	staff: Staff | null;
	organizations: Map<string, Organization>;
	/** The regions the person opens (regionIds), as read at sign-in; a region that could not be read is left out. */
	regions: Map<string, RegionAtSignIn>;
}

export type SessionStatus = 'starting' | 'signedOut' | 'loading' | 'ready' | 'noAccess' | 'error';

/** Distinct region ids named by the organisations, in a stable order. */
function knownRegions(organizations: Map<string, Organization>): string[] {
	return [...new Set([...organizations.values()].flatMap((o) => (o.regionId ? [o.regionId] : [])))].sort();
}

class Session {
	status = $state<SessionStatus>('starting');
	user = $state.raw<User | null>(null);
	profile = $state.raw<Profile | null>(null);
	#stopAuth: (() => void) | null = null;
	#leaveHooks = new Set<() => Promise<void>>();
	#generation = 0;

	/** Starts following the auth state (once, from the root layout). */
	start(): void {
		if (this.#stopAuth) return;
		this.#stopAuth = watchAuth((user) => {
			this.user = user;
			if (!user) {
				this.profile = null;
				this.status = 'signedOut';
				return;
			}
			markLoad(LOAD_MARKS.auth);
			reopenListeners();
			void this.#load(user);
		});
	}

	async #load(user: User): Promise<void> {
		const generation = ++this.#generation;
		this.status = 'loading';
		try {
			const organizations = await getOrganizations();
			const regions = knownRegions(organizations);
			// Who the person is and every region's name and plans, in one round: the rules refuse the regions
			// they may not read (not their own, unless staff), which only leaves those out — one wait fewer
			// than asking for a region after its membership (a cold plan link waits for this profile).
			const readRegion = async (regionId: string) => {
				try {
					const [r, years] = await Promise.all([getRegion(regionId), getYears(regionId)]);
					return r ? ([[regionId, { name: r.name, years: years.map((y) => ({ id: y.year, data: y.plan })) }]] as const) : [];
				} catch {
					return [];
				}
			};
			const [staff, found, readable] = await Promise.all([
				getStaff(user.uid),
				Promise.all(regions.map(async (regionId) => ({ regionId, member: await getMembership(regionId, user.uid) }))),
				Promise.all(regions.map(readRegion))
			]);
			if (generation !== this.#generation) return;
			const memberships = found.flatMap((m) => (m.member ? [{ regionId: m.regionId, member: m.member }] : []));
			const first = memberships[0]?.member ?? staff;
			// Only regions the rules let this person read (their own, or all for staff).
			const opened = new Set(staff ? regions : memberships.map((m) => m.regionId));
			const read = readable.map((entries) => entries.filter(([regionId]) => opened.has(regionId)));
			this.profile = {
				uid: user.uid,
				email: user.email ?? first?.email ?? '',
				name: first?.name ?? user.email ?? '',
				orgId: first?.orgId ?? '',
				memberships,
				staff,
				organizations,
				regions: new Map(read.flat())
			};
			this.status = first ? 'ready' : 'noAccess';
			markLoad(LOAD_MARKS.profile);
		} catch (err) {
			if (generation !== this.#generation) return;
			console.error('Planbordet: the profile could not be read', err);
			this.status = 'error';
		}
	}

	/** Reads the profile again (after an error). */
	retry(): void {
		if (this.user) void this.#load(this.user);
	}

	/** Every region the person may open: their memberships, or every region for staff. */
	get regionIds(): string[] {
		const p = this.profile;
		if (!p) return [];
		if (p.staff) return knownRegions(p.organizations);
		return p.memberships.map((m) => m.regionId);
	}

	/** The person as authorization.ts asks about them in a region (null: outside every region, as on staff pages). */
	actorFor(regionId: string | null): Actor | null {
		const p = this.profile;
		if (!p) return null;
		const membership = regionId === null ? undefined : p.memberships.find((m) => m.regionId === regionId);
		return actorOf(p.uid, membership?.member ?? null, p.staff);
	}

	/** The region as read at sign-in (its name and years), until the live readers have it. */
	regionAtSignIn(regionId: string): RegionAtSignIn | null {
		return this.profile?.regions.get(regionId) ?? null;
	}

	membershipOf(regionId: string): Member | null {
		return this.profile?.memberships.find((m) => m.regionId === regionId)?.member ?? null;
	}

	/** Work to finish while still signed in (removing one's presence); returns the unregister. */
	beforeSignOut(hook: () => Promise<void>): () => void {
		this.#leaveHooks.add(hook);
		return () => this.#leaveHooks.delete(hook);
	}

	async signOut(): Promise<void> {
		await Promise.allSettled([...this.#leaveHooks].map((hook) => hook()));
		stopAllListeners();
		this.#generation += 1;
		await authSignOut();
	}
}

export const session = new Session();
