// Regions (name and priority areas): members of the region and staff read; only functions write.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { JH, REGION_DOCS, VN, useRulesSuite, type Actor, type RegionId } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const regionDoc = (actor: Actor, regionId: string) => doc(suite.as(actor), paths.region(regionId));
const read = (actor: Actor, regionId: RegionId) => getDoc(regionDoc(actor, regionId));

describe('reading regions', () => {
	it('a coordinator may read their region', async () => {
		await assertSucceeds(read('coord', JH));
	});

	it('an editor may read their region', async () => {
		await assertSucceeds(read('editor', JH));
	});

	it("the other region's coordinator may read their own region", async () => {
		await assertSucceeds(read('coordVN', VN));
	});

	it('a staff reader may read every region', async () => {
		await assertSucceeds(read('reader', JH));
		await assertSucceeds(read('reader', VN));
	});

	it('a staff reader may list the regions', async () => {
		await assertSucceeds(getDocs(collection(suite.as('reader'), paths.regions())));
	});

	it('a coordinator may not list the regions (they are a member of one)', async () => {
		await assertFails(getDocs(collection(suite.as('coord'), paths.regions())));
	});

	it("another region's coordinator may not read Jämtland Härjedalen", async () => {
		await assertFails(read('coordVN', JH));
	});

	it('an editor may not read another region', async () => {
		await assertFails(read('editor', VN));
	});

	it('a signed-in non-member may not read a region', async () => {
		await assertFails(read('stranger', JH));
	});

	it('an anonymous visitor may not read a region', async () => {
		await assertFails(read('anonymous', JH));
	});
});

describe('writing regions (functions only)', () => {
	it("a coordinator may not change their region's priority areas", async () => {
		await assertFails(updateDoc(regionDoc('coord', JH), { areas: [...REGION_DOCS[JH].areas, { number: 4, title: 'Fler' }] }));
	});

	it("a coordinator may not rename their region", async () => {
		await assertFails(updateDoc(regionDoc('coord', JH), { name: 'Jämtland' }));
	});

	it('a coordinator may not delete their region', async () => {
		await assertFails(deleteDoc(regionDoc('coord', JH)));
	});

	it('a staff reader may not create a region', async () => {
		await assertFails(setDoc(regionDoc('reader', 'norrbotten'), { name: 'Region Norrbotten', areas: [{ number: 1, title: 'Service' }] }));
	});

	it('a signed-in non-member may not create a region', async () => {
		await assertFails(setDoc(regionDoc('stranger', 'krokom'), { name: 'Krokom', areas: [{ number: 1, title: 'Service' }] }));
	});

	it('an anonymous visitor may not write a region', async () => {
		await assertFails(updateDoc(regionDoc('anonymous', VN), { name: 'X' }));
	});
});
