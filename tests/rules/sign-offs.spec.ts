// Sign-offs (signOffs/{orgId}): readers of the region read them; no browser writes one, not even for
// its own organisation — only the signOffPlan callable does, since it computes the content hash.
import { beforeEach, describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, collectionGroup, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { JH, PEOPLE, SEEDED_AT, VN, useRulesSuite, type Actor, type RegionId } from '../support/rules-env';
import { GROUPS, paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const Y = '2024';
const HASH = 'a'.repeat(64);

// Länsstyrelsen (the editor's organisation) has signed off JH's 2024 plan.
beforeEach(() =>
	suite.admin((db) =>
		setDoc(doc(db, paths.signOff(JH, Y, PEOPLE.editor.orgId)), { orgId: PEOPLE.editor.orgId, uid: 'editor', name: PEOPLE.editor.name, at: SEEDED_AT, contentHash: HASH })
	)
);

const signOffRef = (actor: Actor, orgId: string, regionId: RegionId = JH) => doc(suite.as(actor), paths.signOff(regionId, Y, orgId));
const signOffBy = (actor: keyof typeof PEOPLE) => ({ orgId: PEOPLE[actor].orgId, uid: actor, name: PEOPLE[actor].name, at: serverTimestamp(), contentHash: HASH });

describe('reading sign-offs', () => {
	it('a member may read the sign-offs of their region’s plan', async () => {
		await assertSucceeds(getDocs(collection(suite.as('editor2'), paths.signOffs(JH, Y))));
		await assertSucceeds(getDoc(signOffRef('coord', PEOPLE.editor.orgId)));
	});

	it('a staff reader may read every region’s sign-offs', async () => {
		await assertSucceeds(getDocs(collection(suite.as('reader'), paths.signOffs(JH, Y))));
		await assertSucceeds(getDocs(collection(suite.as('reader'), paths.signOffs(VN, Y))));
	});

	it('staff read every plan’s sign-offs in one collection-group query (the overview); members may not', async () => {
		await assertSucceeds(getDocs(collectionGroup(suite.as('reader'), GROUPS.signOffs)));
		for (const actor of ['coord', 'editor', 'stranger', 'anonymous'] as const) await assertFails(getDocs(collectionGroup(suite.as(actor), GROUPS.signOffs)));
	});

	for (const actor of ['coordVN', 'stranger', 'anonymous'] as const) {
		it(`${actor} may not read Jämtland Härjedalen's sign-offs`, async () => {
			await assertFails(getDocs(collection(suite.as(actor), paths.signOffs(JH, Y))));
			await assertFails(getDoc(signOffRef(actor, PEOPLE.editor.orgId)));
		});
	}
});

describe('no browser writes a sign-off', () => {
	for (const actor of ['editor2', 'coord'] as const) {
		it(`${actor} may not sign off for their own organisation directly`, async () => {
			await assertFails(setDoc(signOffRef(actor, PEOPLE[actor].orgId), signOffBy(actor)));
		});
	}

	it('a member may not change their organisation’s sign-off (say, to the current hash)', async () => {
		await assertFails(updateDoc(signOffRef('editor', PEOPLE.editor.orgId), { contentHash: 'b'.repeat(64), at: serverTimestamp() }));
	});

	it('a coordinator may not delete a sign-off', async () => {
		await assertFails(deleteDoc(signOffRef('coord', PEOPLE.editor.orgId)));
	});

	it('another region’s coordinator may not sign off in their own region directly', async () => {
		await assertFails(setDoc(signOffRef('coordVN', PEOPLE.coordVN.orgId, VN), signOffBy('coordVN')));
	});

	for (const actor of ['reader', 'stranger', 'anonymous'] as const) {
		it(`${actor} may not write a sign-off`, async () => {
			await assertFails(setDoc(signOffRef(actor, 'krokom'), signOffBy('stranger')));
		});
	}
});
