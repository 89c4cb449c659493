// An organisation's sign-off of a year's plan ("Vi står bakom planen") as the plan, the checklist and
// the overview show it: approved, approved before the latest changes (stale), or not signed off.
// The hash compared is submission.ts canonicalContent's SHA-256, computed by the signOffPlan callable.
import * as z from 'zod/mini';
import { id, signOff as signOffSchema, submittedSignOff, type Organization, type SignOff, type SubmittedSignOff } from './schemas';
import { canonicalContent, type SubmittedRow } from './submission';

export type SignOffState = 'approved' | 'stale' | 'none';

/**
 * The plan's current content hash where there is no node:crypto (the browser): SHA-256 of the same
 * canonicalContent as functions/src/shared/content-hash.ts, through Web Crypto, so the page can tell a
 * stale sign-off without asking a function. 64 lower-case hex digits.
 */
export async function currentContentHash(rows: readonly SubmittedRow[]): Promise<string> {
	const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalContent(rows)));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 'approved' while the plan still hashes as signed; 'stale' after an edit; 'none' without a sign-off. */
export function signOffState(signOff: Pick<SignOff, 'contentHash'> | null | undefined, currentHash: string): SignOffState {
	if (!signOff) return 'none';
	return signOff.contentHash === currentHash ? 'approved' : 'stale';
}

/** The organisations of a region's network: those whose regionId is the region (Tillväxtverket's is none). */
export function networkOrganizations<T extends { id: string; data: Pick<Organization, 'regionId'> }>(orgs: readonly T[], regionId: string): T[] {
	return orgs.filter((o) => o.data.regionId === regionId);
}

export interface OrganisationSignOff {
	orgId: string;
	name: string;
	state: SignOffState;
	/** The stored sign-off (also a stale one); null when none. */
	signOff: SignOff | null;
}

const collator = new Intl.Collator('sv');

/**
 * Per organisation of the network, by name (Swedish order): its sign-off state against the current hash.
 * A sign-off of an organisation no longer in the network is left out.
 */
export function signOffsByOrganisation(
	orgs: readonly { id: string; data: Pick<Organization, 'name'> }[],
	signOffs: readonly { id: string; data: SignOff }[],
	currentHash: string
): OrganisationSignOff[] {
	const byOrg = new Map(signOffs.map((s) => [s.id, s.data]));
	return orgs
		.map((o) => {
			const s = byOrg.get(o.id) ?? null;
			return { orgId: o.id, name: o.data.name, state: signOffState(s, currentHash), signOff: s };
		})
		.sort((a, b) => collator.compare(a.name, b.name) || (a.orgId < b.orgId ? -1 : 1));
}

/** The organisations whose sign-off is missing or stale (the submit checklist and the reminders name them). */
export function notSignedOff(list: readonly OrganisationSignOff[]): OrganisationSignOff[] {
	return list.filter((o) => o.state !== 'approved');
}

/** The document signOffPlan writes, validated with its schema (a bad hash or actor throws here, never stored). */
export function signOffRecord(input: { orgId: string; uid: string; name: string; at: Date; contentHash: string }): SignOff {
	return signOffSchema.parse(input);
}

/**
 * The sign-offs a submission records: every organisation of the network (signOffsByOrganisation's
 * order) with its state against the submitted hash and who signed off, when, over which hash.
 * Validated with the schema, so a bad stored value throws here rather than being stored.
 */
export function submissionSignOffs(list: readonly OrganisationSignOff[]): SubmittedSignOff[] {
	return list.map((o) =>
		submittedSignOff.parse({
			orgId: o.orgId,
			orgName: o.name,
			state: o.state,
			uid: o.signOff?.uid ?? null,
			name: o.signOff?.name ?? null,
			at: o.signOff?.at ?? null,
			contentHash: o.signOff?.contentHash ?? null
		})
	);
}

/** How many organisations of the network are in each state (the plan's sign-off summary, "3 av 9 godkänt"). */
export function signOffCounts(list: readonly Pick<OrganisationSignOff, 'state'>[]): Record<SignOffState, number> & { total: number } {
	const counts = { approved: 0, stale: 0, none: 0, total: list.length };
	for (const o of list) counts[o.state] += 1;
	return counts;
}

/**
 * The requestSignOff callable's answer: each organisation not signed off (none or stale) and how many
 * of its active members were mailed (0: nobody to ask, no mail). Parsed, not trusted, by the page.
 */
export const requestSignOffResult = z.object({
	ok: z.literal(true),
	organizations: z.array(
		z.object({
			orgId: id,
			name: z.string(),
			state: z.enum(['stale', 'none']),
			recipients: z.number().check(z.int(), z.minimum(0))
		})
	)
});
export type RequestSignOffResult = z.infer<typeof requestSignOffResult>;

/** What one round of asking did: how many organisations got a mail, and which had nobody to mail. */
export function requestOutcome(result: RequestSignOffResult): { asked: number; nobody: string[] } {
	return {
		asked: result.organizations.filter((o) => o.recipients > 0).length,
		nobody: result.organizations.filter((o) => o.recipients === 0).map((o) => o.name)
	};
}

/** The overview's key of a plan: "regionId/year". */
export const planKey = (regionId: string, year: string): string => `${regionId}/${year}`;

/**
 * Per plan ("regionId/year", planKey), how many organisations of its region's network have signed
 * off, fresh or stale, against that plan's current hash (the overview reads every plan's rows and
 * hashes them). A plan whose hash is not known yet is left out.
 */
export function planSignOffCounts(input: {
	orgs: readonly { id: string; data: Pick<Organization, 'name' | 'regionId'> }[];
	signOffs: readonly { regionId: string; year: string; id: string; data: SignOff }[];
	hashes: ReadonlyMap<string, string>;
}): Map<string, ReturnType<typeof signOffCounts>> {
	const out = new Map<string, ReturnType<typeof signOffCounts>>();
	for (const [key, hash] of input.hashes) {
		const regionId = key.slice(0, key.lastIndexOf('/'));
		const of = input.signOffs.filter((s) => planKey(s.regionId, s.year) === key);
		out.set(key, signOffCounts(signOffsByOrganisation(networkOrganizations(input.orgs, regionId), of, hash)));
	}
	return out;
}
