// Rows of a year's plan: who reads them, and the exact shape of the three writes a browser makes
// (a one-field cell edit with its next revision, a move, a new empty row) and of a delete.
// Unless a test says otherwise the years are drafts and the writer is `editor` of Jämtland Härjedalen.
import { beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { paths } from '../../src/lib/domain/paths';
import {
	collection,
	collectionGroup,
	deleteDoc,
	deleteField,
	doc,
	getDoc,
	getDocs,
	serverTimestamp,
	setDoc,
	updateDoc
} from 'firebase/firestore';
import {
	JH,
	ROW_OWNERS,
	SEEDED_AT,
	SEEDED_FIELDS,
	TEMPLATES,
	VN,
	cellEdit,
	move,
	newRow,
	rowIdOf,
	rowRef,
	useRulesSuite,
	yearRef
} from '../support/rules-env';

const suite = useRulesSuite();

/** Positions that are no key (schemas.ts positionKey: letters and digits, a letter first, 2 to 64 long). */
const badKeys = (): [what: string, position: unknown][] => [
	['a number (the positions before keys)', 1024],
	['a fractional number', 0.5],
	['NaN', NaN],
	['Infinity', Infinity],
	['one character', 'a'],
	['65 characters', `a${'0'.repeat(64)}`],
	['a digit first', '0a'],
	['a character outside the alphabet', 'a0-'],
	['a letter outside A-Z', 'aä'],
	['an empty string', ''],
	['a list', ['a0']],
	['null', null]
];
const REVS_2023: Record<string, number> = SEEDED_FIELDS[2023].revs;
/** The revision a first-time or next edit of `key` on a seeded 2023 row must carry. */
const nextRev2023 = (key: string) => (REVS_2023[key] ?? 0) + 1;

/** editor's edit of one cell of editor2's row in JH 2023 (template rsp-2023). */
const edit2023 = (data: Record<string, unknown>) => updateDoc(rowRef(suite.as('editor'), JH, 2023, rowIdOf('editor2')), data);
const edit2024 = (data: Record<string, unknown>) => updateDoc(rowRef(suite.as('editor'), JH, 2024, rowIdOf('editor2')), data);

describe('reading rows', () => {
	it('a coordinator may list the rows of their region', async () => {
		await assertSucceeds(getDocs(collection(suite.as('coord'), paths.rows(JH, '2024'))));
	});

	it('an editor may read a row of their region', async () => {
		await assertSucceeds(getDoc(rowRef(suite.as('editor'), JH, 2023, rowIdOf('coord'))));
	});

	it("a staff reader may list every region's rows with a collection-group query", async () => {
		const rows = await assertSucceeds(getDocs(collectionGroup(suite.as('reader'), 'rows')));
		expect(rows.size).toBe(2 * 2 * ROW_OWNERS.length);
	});

	it("a staff reader may read a row of any region", async () => {
		await assertSucceeds(getDoc(rowRef(suite.as('reader'), VN, 2023, rowIdOf('coordVN'))));
	});

	it("a coordinator may not query every region's rows with a collection-group query", async () => {
		await assertFails(getDocs(collectionGroup(suite.as('coord'), 'rows')));
	});

	it("another region's coordinator may not list the rows of Jämtland Härjedalen", async () => {
		await assertFails(getDocs(collection(suite.as('coordVN'), paths.rows(JH, '2024'))));
	});

	it("an editor may not read a row of another region", async () => {
		await assertFails(getDoc(rowRef(suite.as('editor'), VN, 2024, rowIdOf('coordVN'))));
	});

	it('a signed-in non-member may not read a row, not even one recorded as theirs', async () => {
		await assertFails(getDoc(rowRef(suite.as('stranger'), JH, 2024, rowIdOf('stranger'))));
	});

	it('an anonymous visitor may not read a row', async () => {
		await assertFails(getDoc(rowRef(suite.as('anonymous'), JH, 2024, rowIdOf('coord'))));
	});
});

describe('accepted cell edits', () => {
	// A row nobody has written to yet: every edit below is a field's first, with revision 1.
	const EMPTY = 'row-empty';
	beforeEach(async () => {
		await suite.admin((db) =>
			setDoc(rowRef(db, JH, 2023, EMPTY), { area: 2, position: 1, fields: {}, revs: {}, createdBy: 'coord', updatedBy: 'coord', updatedAt: SEEDED_AT })
		);
	});

	const valid: [key: string, value: unknown][] = [
		['action', 'Servicepunkter i Bergs kommun'],
		['goal', '1.1 Tillgänglig kommersiell service'],
		['resources', 'Regionen 200 000 kr, kommunerna 50 000 kr'],
		['serviceTypes', ['dagligvaror', 'drivmedel', 'ombud', 'bredare']],
		['serviceTypes', ['ombud']],
		['serviceTypes', []],
		['outputs', '12 servicepunkter'],
		['effects', 'Kort sikt: fler besök'],
		['status', 'klar'],
		['status', 'fortsatter'],
		['status', ''],
		['nextYear', 'Fortsätter 2024 med fler orter']
	];

	it('the rsp-2023 template has exactly the keys this suite edits', () => {
		expect(new Set(valid.map(([k]) => k))).toEqual(new Set(TEMPLATES['rsp-2023'].keys));
	});

	for (const [key, value] of valid) {
		it(`a member may set ${key} to ${JSON.stringify(value)} on a rsp-2023 plan`, async () => {
			await assertSucceeds(updateDoc(rowRef(suite.as('editor'), JH, 2023, EMPTY), cellEdit('editor', key, value, 1)));
		});
	}

	it('the first edit of a field carries revision 1 (no stored revision)', async () => {
		expect(REVS_2023.goal).toBeUndefined();
		await assertSucceeds(edit2023(cellEdit('editor', 'goal', 'Mål 1.1', 1)));
	});

	it('a second edit of a field carries revision 2', async () => {
		await assertSucceeds(edit2023(cellEdit('editor', 'goal', 'Mål 1.1', 1)));
		await assertSucceeds(edit2023(cellEdit('editor', 'goal', 'Mål 1.2', 2)));
	});

	it('an edit of a stored field carries the stored revision + 1', async () => {
		for (const key of ['action', 'status', 'serviceTypes'] as const) {
			const value = { action: 'Ny insats', status: 'klar', serviceTypes: ['ombud'] }[key];
			await assertSucceeds(edit2023(cellEdit('editor', key, value, nextRev2023(key))));
		}
	});

	it('a member may clear a status back to ""', async () => {
		await assertSucceeds(edit2023(cellEdit('editor', 'status', 'klar', 2)));
		await assertSucceeds(edit2023(cellEdit('editor', 'status', '', 3)));
	});

	it('a coordinator may edit a cell of a row an editor created', async () => {
		await assertSucceeds(updateDoc(rowRef(suite.as('coord'), JH, 2024, rowIdOf('editor')), cellEdit('coord', 'goal', 'Mål', 1)));
	});

	it('a text of 10,000 characters is accepted', async () => {
		await assertSucceeds(edit2023(cellEdit('editor', 'effects', 'a'.repeat(10_000), 1)));
	});

	it('a text of 10,000 non-ASCII characters is accepted (the limit counts characters, not bytes)', async () => {
		await assertSucceeds(edit2023(cellEdit('editor', 'effects', 'å'.repeat(10_000), 1)));
	});

	it('a member may edit a key of the rsp-2024 template on a 2024 plan', async () => {
		await assertSucceeds(edit2024(cellEdit('editor', 'status', 'klar', 2)));
	});

	it("the other region's coordinator may edit a cell of their own region", async () => {
		await assertSucceeds(updateDoc(rowRef(suite.as('coordVN'), VN, 2023, rowIdOf('coordVN')), cellEdit('coordVN', 'serviceTypes', ['ombud'], 2)));
	});
});

describe('refused cell edits', () => {
	it('a member may not write a field key no template knows', async () => {
		await assertFails(edit2023(cellEdit('editor', 'budget', '100 000 kr', 1)));
	});

	it('a member may not write serviceTypes on a 2024 plan (rsp-2024 has no such column)', async () => {
		await assertFails(edit2024(cellEdit('editor', 'serviceTypes', ['dagligvaror'], 1)));
	});

	const wrongValues: [what: string, key: string, value: unknown][] = [
		['a number for action', 'action', 42],
		['null for goal', 'goal', null],
		["'maybe' for status", 'status', 'maybe'],
		["'Klar' (not the stored value) for status", 'status', 'Klar'],
		["['pizza'] for serviceTypes", 'serviceTypes', ['pizza']],
		['a duplicate in serviceTypes', 'serviceTypes', ['dagligvaror', 'dagligvaror']],
		['a string for serviceTypes', 'serviceTypes', 'dagligvaror'],
		['a map for resources', 'resources', { budget: 1 }],
		['a text of 10,001 characters', 'effects', 'a'.repeat(10_001)]
	];
	for (const [what, key, value] of wrongValues) {
		it(`a member may not write ${what}`, async () => {
			await assertFails(edit2023(cellEdit('editor', key, value, nextRev2023(key))));
		});
	}

	// Rewriting a value with the next revision changes only `revs` in the stored document, which is
	// indistinguishable from a bare revision bump: the browser saves a cell only when its value changed.
	it('a member may not rewrite a field with its stored value (only its revision would change)', async () => {
		await assertFails(edit2023(cellEdit('editor', 'status', '', 2)));
	});

	it("a member may not delete a field's value", async () => {
		await assertFails(edit2023(cellEdit('editor', 'action', deleteField(), 2)));
	});

	it('a member may not write two fields in one write', async () => {
		await assertFails(
			edit2023({ ...cellEdit('editor', 'goal', 'Mål', 1), 'fields.outputs': 'Prestationer', 'revs.outputs': 1 })
		);
	});

	it('a member may not write a stale revision (the stored revision itself)', async () => {
		await assertFails(edit2023(cellEdit('editor', 'action', 'Ny insats', 1)));
	});

	it('a member may not skip a revision (stored + 2)', async () => {
		await assertFails(edit2023(cellEdit('editor', 'action', 'Ny insats', 3)));
	});

	it('a member may not write revision 2 as the first edit of a field', async () => {
		await assertFails(edit2023(cellEdit('editor', 'goal', 'Mål', 2)));
	});

	it('a member may not write a field without its revision', async () => {
		await assertFails(edit2023({ 'fields.goal': 'Mål', updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it("a member may not pair a field with another field's revision", async () => {
		await assertFails(edit2023({ 'fields.goal': 'Mål', 'revs.outputs': 1, updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it('a member may not change a revision without a field', async () => {
		await assertFails(edit2023({ 'revs.action': 2, updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it('a member may not forge updatedBy', async () => {
		await assertFails(edit2023(cellEdit('coord', 'goal', 'Mål', 1)));
	});

	it('a member may not stamp updatedAt with a client clock', async () => {
		await assertFails(edit2023({ ...cellEdit('editor', 'goal', 'Mål', 1), updatedAt: new Date() }));
	});

	it('a member may not leave updatedAt as it was', async () => {
		const { updatedAt: _, ...withoutTime } = cellEdit('editor', 'goal', 'Mål', 1);
		await assertFails(edit2023(withoutTime));
	});

	it('a member may not add a top-level key', async () => {
		await assertFails(edit2023({ ...cellEdit('editor', 'goal', 'Mål', 1), comment: 'hej' }));
	});

	it("a member may not change a row's createdBy", async () => {
		await assertFails(edit2023({ ...cellEdit('editor', 'goal', 'Mål', 1), createdBy: 'editor' }));
	});

	it('a member may not change a field and the area in one write', async () => {
		await assertFails(edit2023({ ...cellEdit('editor', 'goal', 'Mål', 1), area: 2 }));
	});

	it('a staff reader may not edit a cell', async () => {
		await assertFails(updateDoc(rowRef(suite.as('reader'), JH, 2023, rowIdOf('editor2')), cellEdit('reader', 'goal', 'Mål', 1)));
	});

	it('a member may not edit a cell of a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2023), { status: 'submitted' }));
		await assertFails(edit2023(cellEdit('editor', 'goal', 'Mål', 1)));
	});

	it('a coordinator may not edit a cell of a submitted year, not even of their own row', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(updateDoc(rowRef(suite.as('coord'), JH, 2024, rowIdOf('coord')), cellEdit('coord', 'goal', 'Mål', 1)));
	});

	it('a member may edit again once the year is reopened (draft)', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2023), { status: 'submitted' }));
		await assertFails(edit2023(cellEdit('editor', 'goal', 'Mål', 1)));
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2023), { status: 'draft' }));
		await assertSucceeds(edit2023(cellEdit('editor', 'goal', 'Mål', 1)));
	});
});

describe('moves', () => {
	/** editor moves editor2's row in JH 2024; coordVN moves their own row in VN 2024. */
	const moveRow = (actor: 'editor' | 'coordVN', regionId: typeof JH | typeof VN, data: Record<string, unknown>) =>
		updateDoc(rowRef(suite.as(actor), regionId, 2024, rowIdOf(actor === 'editor' ? 'editor2' : 'coordVN')), data);

	it('a member may move a row within its area', async () => {
		await assertSucceeds(moveRow('editor', JH, move('editor', 1, 'a0V')));
	});

	it('a member may stamp a row with themselves and nothing else, as the app does just before deleting it', async () => {
		await assertSucceeds(moveRow('editor', JH, { updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it('a member may not stamp a row with someone else', async () => {
		await assertFails(moveRow('editor', JH, { updatedBy: 'coord', updatedAt: serverTimestamp() }));
	});

	it('a member may move a row to another area', async () => {
		await assertSucceeds(moveRow('editor', JH, move('editor', 3, 'a0V')));
	});

	it("a member may not move a row to area 4 of a region with 3 areas", async () => {
		await assertFails(moveRow('editor', JH, move('editor', 4, 'a0V')));
	});

	it('a member may not move a row to area 0', async () => {
		await assertFails(moveRow('editor', JH, move('editor', 0, 'a0V')));
	});

	it('a member may not move a row to area 3 of Västernorrland, which has 2 areas', async () => {
		await assertFails(moveRow('coordVN', VN, move('coordVN', 3, 'a0V')));
	});

	it('a member may move a row to area 2 of Västernorrland', async () => {
		await assertSucceeds(moveRow('coordVN', VN, move('coordVN', 2, 'a0V')));
	});

	it("a member may not give a row an area that is not a whole number", async () => {
		await assertFails(moveRow('editor', JH, move('editor', 1.5, 'a0V')));
	});

	for (const [what, position] of badKeys()) {
		it(`a member may not move a row to a position that is ${what}`, async () => {
			await assertFails(moveRow('editor', JH, move('editor', 1, position)));
		});
	}

	for (const position of ['a0', 'Zz', 'a0V', `a${'z'.repeat(63)}`, 'A000000000000000000000000001', 'b00']) {
		it(`a member may move a row to the key ${position.length > 20 ? `${position.slice(0, 8)}… (${position.length})` : position}`, async () => {
			await assertSucceeds(moveRow('editor', JH, move('editor', 1, position)));
		});
	}

	it('a member may move a row that still has a legacy numeric position to another area, keeping it', async () => {
		await assertSucceeds(moveRow('editor', JH, { area: 2, updatedBy: 'editor', updatedAt: serverTimestamp() }));
	});

	it('a member may write a legacy numeric position back unchanged (no change), but no other number', async () => {
		// The seeded rows hold legacy numbers: ROW_OWNERS index + 1.
		const stored = ROW_OWNERS.indexOf('editor2') + 1;
		await assertSucceeds(moveRow('editor', JH, move('editor', 1, stored)));
		await assertFails(moveRow('editor', JH, move('editor', 1, stored + 1)));
	});

	it('a member may not change a field while moving a row', async () => {
		await assertFails(moveRow('editor', JH, { ...move('editor', 2, 'a0V'), 'fields.goal': 'Mål', 'revs.goal': 1 }));
	});

	it('a member may not forge updatedBy on a move', async () => {
		await assertFails(moveRow('editor', JH, move('coord', 2, 'a0V')));
	});

	it('a member may not stamp a move with a client clock', async () => {
		await assertFails(moveRow('editor', JH, { ...move('editor', 2, 'a0V'), updatedAt: new Date() }));
	});

	it('a member may not move a row of a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(moveRow('editor', JH, move('editor', 1, 'a0V')));
	});

	it('a coordinator may not move a row of a submitted year, not even their own', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(updateDoc(rowRef(suite.as('coord'), JH, 2024, rowIdOf('coord')), move('coord', 2, 'a0V')));
	});
});

describe('new rows', () => {
	const add = (actor: 'editor' | 'coordVN', regionId: typeof JH | typeof VN, data: Record<string, unknown>) =>
		setDoc(rowRef(suite.as(actor), regionId, 2024, 'new-row'), data);

	for (const area of [1, 2, 3]) {
		it(`a member may add an empty row to area ${area} of a 3-area region`, async () => {
			await assertSucceeds(add('editor', JH, newRow('editor', area, 'a7')));
		});
	}

	it('a member may add an empty row to area 2 of Västernorrland', async () => {
		await assertSucceeds(add('coordVN', VN, newRow('coordVN', 2, 'a1')));
	});

	for (const [what, position] of badKeys()) {
		it(`a member may not add a row at a position that is ${what}`, async () => {
			await assertFails(add('editor', JH, newRow('editor', 1, position)));
		});
	}

	for (const position of ['a0', 'Zz', `a${'z'.repeat(63)}`]) {
		it(`a member may add a row at the key ${position.length > 20 ? `${position.slice(0, 8)}… (${position.length})` : position}`, async () => {
			await assertSucceeds(add('editor', JH, newRow('editor', 1, position)));
		});
	}

	it('a member may add a row under an id as Firestore generates them', async () => {
		await assertSucceeds(setDoc(doc(collection(suite.as('editor'), paths.rows(JH, '2024'))), newRow('editor')));
	});

	it('a member may add a row under an id of 128 letters, digits, - and _', async () => {
		await assertSucceeds(setDoc(rowRef(suite.as('editor'), JH, 2024, `Ab9_-${'x'.repeat(123)}`), newRow('editor')));
	});

	// A row id the app's schema refuses made the history trigger throw on every write.
	const badIds: [what: string, id: string][] = [
		['spaces and a letter outside A-Z', 'rad med mellanslag ä'],
		['1,444 characters', 'x'.repeat(1444)],
		['129 characters', 'x'.repeat(129)],
		['a zero-width space', 'row\u200B'],
		['a right-to-left override', '\u202Erow'],
		['a dot', 'a.b']
	];
	for (const [what, id] of badIds) {
		it(`a member may not add a row under an id with ${what}`, async () => {
			await assertFails(setDoc(rowRef(suite.as('editor'), JH, 2024, id), newRow('editor')));
		});
	}

	it('a member may not add a row with fields already filled in', async () => {
		await assertFails(add('editor', JH, { ...newRow('editor'), fields: { action: 'Insats' } }));
	});

	it('a member may not add a row with revisions', async () => {
		await assertFails(add('editor', JH, { ...newRow('editor'), revs: { action: 1 } }));
	});

	it('a member may not add a row created by someone else', async () => {
		await assertFails(add('editor', JH, { ...newRow('editor'), createdBy: 'coord' }));
	});

	it('a member may not add a row updated by someone else', async () => {
		await assertFails(add('editor', JH, { ...newRow('editor'), updatedBy: 'coord' }));
	});

	it('a member may not add a row in area 0', async () => {
		await assertFails(add('editor', JH, newRow('editor', 0)));
	});

	it('a member may not add a row in area 4 of a region with 3 areas', async () => {
		await assertFails(add('editor', JH, newRow('editor', 4)));
	});

	it('a member may not add a row in area 3 of Västernorrland, which has 2 areas', async () => {
		await assertFails(add('coordVN', VN, newRow('coordVN', 3)));
	});

	it('a member may not add a row without revisions', async () => {
		const { revs: _, ...withoutRevs } = newRow('editor');
		await assertFails(add('editor', JH, withoutRevs));
	});

	it('a member may not add a row with an extra key', async () => {
		await assertFails(add('editor', JH, { ...newRow('editor'), locked: false }));
	});

	it('a member may not add a row stamped with a client clock', async () => {
		await assertFails(add('editor', JH, { ...newRow('editor'), updatedAt: new Date() }));
	});

	it('a member may not overwrite an existing row with a new empty one', async () => {
		await assertFails(setDoc(rowRef(suite.as('editor'), JH, 2024, rowIdOf('editor2')), newRow('editor')));
	});

	it('a member may not add a row to a year that does not exist', async () => {
		await assertFails(setDoc(rowRef(suite.as('editor'), JH, 2030, 'new-row'), newRow('editor')));
	});

	it('a member may not add a row to a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(add('editor', JH, newRow('editor', 1, 'a7')));
	});

	it('a coordinator may not add a row to a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(setDoc(rowRef(suite.as('coord'), JH, 2024, 'new-row'), newRow('coord', 1, 'a7')));
	});
});

describe('deleting rows', () => {
	it('an editor may delete a row they created', async () => {
		await assertSucceeds(deleteDoc(rowRef(suite.as('editor'), JH, 2024, rowIdOf('editor'))));
	});

	it('an editor may not delete a row another editor created', async () => {
		await assertFails(deleteDoc(rowRef(suite.as('editor'), JH, 2024, rowIdOf('editor2'))));
	});

	it("an editor may not delete the coordinator's row", async () => {
		await assertFails(deleteDoc(rowRef(suite.as('editor'), JH, 2024, rowIdOf('coord'))));
	});

	it('a coordinator may delete a row an editor created', async () => {
		await assertSucceeds(deleteDoc(rowRef(suite.as('coord'), JH, 2024, rowIdOf('editor'))));
	});

	it('a coordinator may not delete a row of a submitted year, not even their own', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(deleteDoc(rowRef(suite.as('coord'), JH, 2024, rowIdOf('coord'))));
	});

	it('an editor may not delete a row they created of a submitted year', async () => {
		await suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));
		await assertFails(deleteDoc(rowRef(suite.as('editor'), JH, 2024, rowIdOf('editor'))));
	});

	it("another region's coordinator may not delete a row of Jämtland Härjedalen", async () => {
		await assertFails(deleteDoc(rowRef(suite.as('coordVN'), JH, 2024, rowIdOf('coordVN'))));
	});

	it('a staff reader may not delete a row', async () => {
		await assertFails(deleteDoc(rowRef(suite.as('reader'), JH, 2024, rowIdOf('reader'))));
	});
});

/**
 * A template published by Tillväxtverket with keys of its own: the rules type each cell by the year's
 * template. The 24 columns (the most a template may have) cover every index the rules try.
 */
describe('cell edits on a template with keys of its own', () => {
	const choices = (values: string[]) => values.map((value) => ({ value, label: value || 'Ej angiven' }));
	type OwnColumn = { key: string; part: string; title: string; type: string; choices?: Array<{ value: string; label: string }> };
	const own: OwnColumn[] = [
		{ key: 'kostnad', part: 'plan', title: 'Kostnad', type: 'shortText' },
		{ key: 'fas', part: 'plan', title: 'Fas', type: 'singleChoice', choices: choices(['', 'start', 'genomforande']) },
		{ key: 'malgrupp', part: 'plan', title: 'Målgrupp', type: 'marks', choices: choices(['foretag', 'boende']) }
	];
	const filler: OwnColumn[] = Array.from({ length: 20 }, (_, i) => ({ key: `text${i + 1}`, part: 'plan', title: `Text ${i + 1}`, type: 'longText' }));
	const last: OwnColumn = { key: 'sista', part: 'plan', title: 'Sista', type: 'shortText' };
	const columns = [...own, ...filler, last];
	const templateDoc = {
		name: 'Egen mall',
		years: [2024],
		published: true,
		parts: [{ key: 'plan', title: 'Plan {year}', help: '' }],
		columns: columns.map((c) => ({ help: '', choices: [], required: 'never', ...c })),
		keys: columns.map((c) => c.key),
		types: Object.fromEntries(columns.map((c) => [c.key, c.type])),
		choiceValues: Object.fromEntries(columns.map((c) => [c.key, (c.choices ?? []).map((ch) => ch.value)])),
		publishedAt: null,
		publishedBy: null
	};

	beforeEach(async () => {
		await suite.admin(async (db) => {
			await setDoc(doc(db, paths.template('egen-mall')), templateDoc);
			await updateDoc(yearRef(db, JH, 2024), { templateId: 'egen-mall' });
		});
	});

	it('the template has 24 columns, the most the rules try', () => {
		expect(columns).toHaveLength(24);
	});

	it('a member may write a short text of up to 500 characters in a column of its own', async () => {
		await assertSucceeds(edit2024(cellEdit('editor', 'kostnad', 'x'.repeat(500), 1)));
	});

	it('a member may not write a short text of 501 characters', async () => {
		await assertFails(edit2024(cellEdit('editor', 'kostnad', 'x'.repeat(501), 1)));
	});

	it("a member may choose one of the column's choices, or none", async () => {
		await assertSucceeds(edit2024(cellEdit('editor', 'fas', 'genomforande', 1)));
	});

	it("a member may not choose a value that is not among the column's choices", async () => {
		await assertFails(edit2024(cellEdit('editor', 'fas', 'klar', 1)));
	});

	it("a member may mark distinct choices of an X-marks column", async () => {
		await assertSucceeds(edit2024(cellEdit('editor', 'malgrupp', ['foretag', 'boende'], 1)));
	});

	it('a member may not mark a choice the column lacks, or one twice', async () => {
		await assertFails(edit2024(cellEdit('editor', 'malgrupp', ['ombud'], 1)));
		await assertFails(edit2024(cellEdit('editor', 'malgrupp', ['foretag', 'foretag'], 1)));
	});

	it('a member may write the 17th and the 24th column (the last index the rules try)', async () => {
		await assertSucceeds(edit2024(cellEdit('editor', 'text14', 'Sjuttonde', 1)));
		await assertSucceeds(edit2024(cellEdit('editor', 'sista', 'Sista', 1)));
	});

	it("a member may not write a key of rsp-2024 that this year's template lacks", async () => {
		await assertFails(edit2024(cellEdit('editor', 'goal', 'Mål', 1)));
	});

	it('a member may not write a text column with the wrong revision', async () => {
		await assertFails(edit2024(cellEdit('editor', 'sista', 'Sista', 2)));
	});
});
