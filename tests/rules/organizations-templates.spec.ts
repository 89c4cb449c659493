// Organisations and templates (the form of a year): every signed-in person reads them, an anonymous
// visitor does not; only functions write them.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { ACTORS, TEMPLATES, useRulesSuite, type MatrixActor } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const SIGNED_IN = ACTORS.filter((a): a is Exclude<MatrixActor, 'anonymous'> => a !== 'anonymous');
const WHO: Record<MatrixActor, string> = {
	coord: 'a coordinator',
	editor: 'an editor',
	reader: 'a staff reader',
	coordVN: "another region's coordinator",
	stranger: 'a signed-in non-member',
	anonymous: 'an anonymous visitor'
};

describe('organisations', () => {
	for (const actor of SIGNED_IN) {
		it(`${WHO[actor]} may read and list the organisations`, async () => {
			const db = suite.as(actor);
			await assertSucceeds(getDoc(doc(db, paths.organization('ostersund'))));
			await assertSucceeds(getDocs(collection(db, paths.organizations())));
		});
	}

	it('an anonymous visitor may not read an organisation', async () => {
		await assertFails(getDoc(doc(suite.as('anonymous'), paths.organization('ostersund'))));
	});

	it('an anonymous visitor may not list the organisations', async () => {
		await assertFails(getDocs(collection(suite.as('anonymous'), paths.organizations())));
	});

	it("a coordinator may not change an organisation's colour", async () => {
		await assertFails(updateDoc(doc(suite.as('coord'), paths.organization('region-jh')), { color: '#000000' }));
	});

	it('a coordinator may not add an organisation', async () => {
		await assertFails(
			setDoc(doc(suite.as('coord'), paths.organization('nyby')), { name: 'Nyby kommun', shortName: 'Nyby', kind: 'kommun', regionId: 'jamtland-harjedalen', color: '#123456' })
		);
	});

	it('a staff reader may not delete an organisation', async () => {
		await assertFails(deleteDoc(doc(suite.as('reader'), paths.organization('krokom'))));
	});

	it('a signed-in non-member may not change their organisation', async () => {
		await assertFails(updateDoc(doc(suite.as('stranger'), paths.organization('krokom')), { regionId: null }));
	});
});

describe('templates', () => {
	for (const actor of SIGNED_IN) {
		it(`${WHO[actor]} may read and list the templates`, async () => {
			const db = suite.as(actor);
			await assertSucceeds(getDoc(doc(db, paths.template('rsp-2024'))));
			await assertSucceeds(getDocs(collection(db, paths.templates())));
		});
	}

	it('an anonymous visitor may not read a template', async () => {
		await assertFails(getDoc(doc(suite.as('anonymous'), paths.template('rsp-2023'))));
	});

	it('an anonymous visitor may not list the templates', async () => {
		await assertFails(getDocs(collection(suite.as('anonymous'), paths.templates())));
	});

	it('a staff reader may not publish a template', async () => {
		await assertFails(setDoc(doc(suite.as('reader'), paths.template('rsp-2028')), { ...TEMPLATES['rsp-2024'], years: [2028] }));
	});

	it("a coordinator may not add a column key to a year's template", async () => {
		await assertFails(updateDoc(doc(suite.as('coord'), paths.template('rsp-2024')), { keys: [...TEMPLATES['rsp-2024'].keys, 'serviceTypes'] }));
	});

	it('an editor may not delete a template', async () => {
		await assertFails(deleteDoc(doc(suite.as('editor'), paths.template('rsp-2023'))));
	});
});
