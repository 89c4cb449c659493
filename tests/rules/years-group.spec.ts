// Every region's plans at once (the national overview): a collection-group query over `years` is for
// Tillväxtverket staff only; members keep reading their own region's years through the region path.
import { describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collectionGroup, getDocs, query, where } from 'firebase/firestore';
import { REGIONS, YEARS, useRulesSuite } from '../support/rules-env';
import { GROUPS } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const allYears = (actor: Parameters<typeof suite.as>[0]) => getDocs(collectionGroup(suite.as(actor), GROUPS.years));

describe("reading every region's years with a collection-group query", () => {
	it("a staff reader may list every region's years", async () => {
		const years = await assertSucceeds(allYears('reader'));
		expect(years.size).toBe(REGIONS.length * YEARS.length);
	});

	it("a staff reader may query every region's drafts", async () => {
		const drafts = await assertSucceeds(getDocs(query(collectionGroup(suite.as('reader'), 'years'), where('status', '==', 'draft'))));
		expect(drafts.size).toBe(REGIONS.length * YEARS.length);
	});

	it('a coordinator may not query every region’s years', async () => {
		await assertFails(allYears('coord'));
	});

	it('an editor may not query every region’s years', async () => {
		await assertFails(allYears('editor'));
	});

	it('a signed-in non-member may not query every region’s years', async () => {
		await assertFails(allYears('stranger'));
	});

	it('an anonymous visitor may not query every region’s years', async () => {
		await assertFails(allYears('anonymous'));
	});
});
