// Presence: who is in a year's plan and in which cell. Readers of the region see it; a member writes
// and removes only their own document, whose orgId must be their membership's, also on a submitted year.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { JH, VN, presenceOf, presenceRef, rowIdOf, useRulesSuite, yearRef } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const presenceOfYear = (actor: Parameters<typeof suite.as>[0], regionId: typeof JH | typeof VN, year = 2024) =>
	collection(suite.as(actor), paths.presence(regionId, String(year)));
/** editor writes their own presence in JH 2024. */
const writeOwn = (data: Record<string, unknown>) => setDoc(presenceRef(suite.as('editor'), JH, 2024, 'editor'), data);
const CELL = { rowId: rowIdOf('coord'), field: 'goal' };
const HOUR = 3_600_000;

describe('reading presence', () => {
	it("a member may see who is in their region's plan", async () => {
		await assertSucceeds(getDocs(presenceOfYear('editor', JH)));
	});

	it("a coordinator may read another member's presence", async () => {
		await assertSucceeds(getDoc(presenceRef(suite.as('coord'), JH, 2023, 'editor2')));
	});

	it("a staff reader may see who is in any region's plan", async () => {
		await assertSucceeds(getDocs(presenceOfYear('reader', JH)));
		await assertSucceeds(getDocs(presenceOfYear('reader', VN, 2023)));
	});

	it("another region's coordinator may not see who is in Jämtland Härjedalen's plan", async () => {
		await assertFails(getDocs(presenceOfYear('coordVN', JH)));
	});

	it('a signed-in non-member may not see presence', async () => {
		await assertFails(getDocs(presenceOfYear('stranger', JH)));
	});

	it('an anonymous visitor may not see presence', async () => {
		await assertFails(getDoc(presenceRef(suite.as('anonymous'), JH, 2024, 'coord')));
	});
});

describe('accepted presence writes', () => {
	it('a member may announce their presence with no cell', async () => {
		await assertSucceeds(writeOwn(presenceOf('editor', null)));
	});

	it('a member may announce the cell they are in', async () => {
		await assertSucceeds(writeOwn(presenceOf('editor', CELL)));
	});

	for (const field of ['action', 'goal', 'resources', 'serviceTypes', 'outputs', 'effects', 'status', 'nextYear']) {
		it(`a member may point their presence at a ${field} cell`, async () => {
			await assertSucceeds(writeOwn(presenceOf('editor', { rowId: rowIdOf('editor2'), field })));
		});
	}

	it('a member may move their presence to another cell (a heartbeat)', async () => {
		await assertSucceeds(writeOwn(presenceOf('editor', CELL)));
		await assertSucceeds(updateDoc(presenceRef(suite.as('editor'), JH, 2024, 'editor'), { cell: null, lastSeen: serverTimestamp() }));
	});

	it('a member may announce their presence on a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertSucceeds(writeOwn(presenceOf('editor', CELL)));
	});

	it('a member may remove their own presence when they leave', async () => {
		await assertSucceeds(deleteDoc(presenceRef(suite.as('coord'), JH, 2024, 'coord')));
	});

	it('a member may remove their own presence on a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertSucceeds(deleteDoc(presenceRef(suite.as('coord'), JH, 2024, 'coord')));
	});

	it("the other region's coordinator may announce their presence in their own region", async () => {
		await assertSucceeds(setDoc(presenceRef(suite.as('coordVN'), VN, 2024, 'coordVN'), presenceOf('coordVN')));
	});
});

describe('refused presence writes', () => {
	it("a member may not claim another organisation's orgId", async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), orgId: 'region-jh' }));
	});

	it('a member may not add an extra key', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), typing: true }));
	});

	it('a member may not leave out the cell', async () => {
		const { cell: _, ...withoutCell } = presenceOf('editor');
		await assertFails(writeOwn(withoutCell));
	});

	it('a member may not point at a field that is not spelled as a column key', async () => {
		for (const field of ['Budget', 'fields.goal', 'x'.repeat(41), '']) {
			await assertFails(writeOwn(presenceOf('editor', { rowId: rowIdOf('coord'), field })));
		}
	});

	it('a member may not give a cell an extra key', async () => {
		await assertFails(writeOwn(presenceOf('editor', { ...CELL, selection: 3 } as typeof CELL)));
	});

	it('a member may not give a cell without a field', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), cell: { rowId: rowIdOf('coord') } }));
	});

	it('a member may not give a cell a rowId that is not a string', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), cell: { rowId: 7, field: 'goal' } }));
	});

	it('a member may not give a cell a rowId longer than 128 characters', async () => {
		await assertFails(writeOwn(presenceOf('editor', { rowId: 'r'.repeat(129), field: 'goal' })));
	});

	it('a member may not give a cell as a string', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), cell: 'row-coord/goal' }));
	});

	it('a member may say which questionnaire field they are in', async () => {
		await assertSucceeds(writeOwn({ ...presenceOf('editor'), answer: { questionId: 'q2-framtidsspaning', field: 'text' } }));
	});

	it('a member may say they are in no questionnaire field', async () => {
		await assertSucceeds(writeOwn({ ...presenceOf('editor'), answer: null }));
	});

	it('a member may not give the questionnaire field an extra key', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), answer: { questionId: 'q2-framtidsspaning', field: 'text', caret: 4 } }));
	});

	it('a member may not give the questionnaire field without a question', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), answer: { field: 'text' } }));
	});

	it('a member may not give an answer key longer than 64 characters', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), answer: { questionId: 'q2', field: 'k'.repeat(65) } }));
	});

	it('a member may not give the questionnaire field as a string', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), answer: 'q2/text' }));
	});

	it('a member may not give a name longer than 200 characters', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), name: 'n'.repeat(201) }));
	});

	// Presence is shown as the name it carries: it must be the writer's own.
	it("a member may not show up under another member's name", async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), name: 'Malin Samordnare' }));
	});

	it('a member may not show up without a name', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), name: '' }));
	});

	it('a member may not show up under their name with an invisible character added', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), name: 'Lars Länsstyrelsen\u2060' }));
	});

	for (const [what, rowId] of [['spaces and a letter outside A-Z', 'rad med mellanslag ä'], ['1,444 characters', 'r'.repeat(1444)], ['a right-to-left override', '\u202Erow']]) {
		it(`a member may not point at a row id with ${what}`, async () => {
			await assertFails(writeOwn(presenceOf('editor', { rowId, field: 'goal' })));
		});
	}

	it('a member may point at a row id of 128 characters', async () => {
		await assertSucceeds(writeOwn(presenceOf('editor', { rowId: 'r'.repeat(128), field: 'goal' })));
	});

	for (const [what, questionId] of [['a space', 'q2 framtidsspaning'], ['129 characters', 'q'.repeat(129)], ['a slash', 'q2/text'], ['nothing', '']]) {
		it(`a member may not point at a question id with ${what}`, async () => {
			await assertFails(writeOwn({ ...presenceOf('editor'), answer: { questionId, field: 'text' } }));
		});
	}

	it('a member may not announce their presence in a year that does not exist', async () => {
		await assertFails(setDoc(presenceRef(suite.as('editor'), JH, 2030, 'editor'), presenceOf('editor')));
	});

	it('a member may not stamp lastSeen with a client clock', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), lastSeen: new Date() }));
	});

	it('a member may set the TTL expiry a day ahead of the server, allowing a fast clock (retention.ts)', async () => {
		await assertSucceeds(writeOwn({ ...presenceOf('editor'), expireAt: new Date(Date.now() + 23 * HOUR) }));
	});

	it('a member may not keep their presence past a day', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), expireAt: new Date(Date.now() + 25 * HOUR) }));
	});

	it('a member may not leave out the TTL expiry', async () => {
		const { expireAt: _, ...withoutExpiry } = presenceOf('editor');
		await assertFails(writeOwn(withoutExpiry));
	});

	it('a member may not give the TTL expiry as anything but a timestamp', async () => {
		await assertFails(writeOwn({ ...presenceOf('editor'), expireAt: Date.now() + HOUR }));
	});

	it("a member may not write another member's presence", async () => {
		await assertFails(setDoc(presenceRef(suite.as('editor'), JH, 2024, 'editor2'), presenceOf('editor2')));
	});

	it("a member may not remove another member's presence", async () => {
		await assertFails(deleteDoc(presenceRef(suite.as('coord'), JH, 2024, 'editor2')));
	});

	it('a staff reader may not announce a presence', async () => {
		await assertFails(setDoc(presenceRef(suite.as('reader'), JH, 2024, 'reader'), presenceOf('reader')));
	});

	it("another region's coordinator may not announce a presence in Jämtland Härjedalen", async () => {
		await assertFails(setDoc(presenceRef(suite.as('coordVN'), JH, 2024, 'coordVN'), presenceOf('coordVN')));
	});

	it("another region's coordinator may not remove their presence document in Jämtland Härjedalen", async () => {
		await suite.admin((db) => setDoc(presenceRef(db, JH, 2024, 'coordVN'), { name: 'Vera', orgId: 'region-vn', cell: null, lastSeen: new Date() }));
		await assertFails(deleteDoc(presenceRef(suite.as('coordVN'), JH, 2024, 'coordVN')));
	});

	it('a signed-in non-member may not announce a presence', async () => {
		await assertFails(setDoc(presenceRef(suite.as('stranger'), JH, 2024, 'stranger'), presenceOf('stranger')));
	});
});
