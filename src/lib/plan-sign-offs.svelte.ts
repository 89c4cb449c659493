// The organisations' sign-offs of an open plan as the page shows them: the live sign-off documents,
// the network's organisations and the plan's current content hash (computed here from the live rows,
// with the submission's own row mapping), joined into one state per organisation (domain/sign-off.ts).
import { completenessRows } from './domain/plan-lock';
import type { Organization, Row } from './domain/schemas';
import { currentContentHash, networkOrganizations, notSignedOff, signOffCounts, signOffsByOrganisation, type OrganisationSignOff } from './domain/sign-off';
import type { LiveItem } from './firebase/live.svelte';
import { LiveSignOffs } from './firebase/sign-offs.svelte';

export interface PlanSignOffsOptions {
	regionId: string;
	year: string;
	/** Every organisation known at sign-in (session.svelte.ts); the network is the region's. */
	organizations: () => ReadonlyMap<string, Organization>;
	/** The plan's live rows, as the submit checklist reads them. */
	rows: () => { status: string; items: readonly LiveItem<Row>[] };
}

export class PlanSignOffs {
	readonly #o: PlanSignOffsOptions;
	readonly live: LiveSignOffs;
	/** The SHA-256 of the rows as last read; null until the first one is computed. */
	hash = $state<string | null>(null);

	constructor(o: PlanSignOffsOptions) {
		this.#o = o;
		this.live = new LiveSignOffs(o.regionId, o.year);
	}

	/**
	 * Hashes the rows as they are now and keeps the result unless the rows changed meanwhile. Call it
	 * from an $effect: it reads the rows, so every new snapshot hashes again; the returned function
	 * drops a hash still being computed for rows that are gone.
	 */
	follow(): () => void {
		const rows = this.#o.rows();
		if (rows.status !== 'ready') return () => {};
		let current = true;
		// The same mapping as the submit checklist's (SubmitDialog), which is the one submitPlan hashes.
		void currentContentHash(completenessRows(rows.items)).then((h) => {
			if (current) this.hash = h;
		});
		return () => {
			current = false;
		};
	}

	/** Every organisation of the network with its state; null until the sign-offs and the hash are read. */
	get list(): OrganisationSignOff[] | null {
		const hash = this.hash;
		if (hash === null || this.live.status !== 'ready') return null;
		const orgs = networkOrganizations(
			[...this.#o.organizations().entries()].map(([id, data]) => ({ id, data })),
			this.#o.regionId
		);
		return signOffsByOrganisation(orgs, this.live.items, hash);
	}

	get missing(): OrganisationSignOff[] | null {
		const list = this.list;
		return list ? notSignedOff(list) : null;
	}

	get counts() {
		const list = this.list;
		return list ? signOffCounts(list) : null;
	}
}
