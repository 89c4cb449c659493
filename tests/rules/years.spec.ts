// The plan of a year (template, status, deadline, reminders): readers of the region read it;
// submitting, reopening and creating years are functions' work, so no browser writes a year.
import { describe, it } from 'vitest';
import { assertFails, assertSucceeds } from '@firebase/rules-unit-testing';
import { Timestamp, collection, deleteDoc, getDoc, getDocs, setDoc, updateDoc } from 'firebase/firestore';
import { JH, VN, useRulesSuite, yearRef, type Actor, type RegionId } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();
const yearsOf = (actor: Actor, regionId: RegionId) => getDocs(collection(suite.as(actor), paths.years(regionId)));
const submitted = () => suite.admin((db) => updateDoc(yearRef(db, JH, 2024), { status: 'submitted' }));

describe('reading years', () => {
	it('a coordinator may list the years of their region', async () => {
		await assertSucceeds(yearsOf('coord', JH));
	});

	it("an editor may read a year's plan of their region", async () => {
		await assertSucceeds(getDoc(yearRef(suite.as('editor'), JH, 2023)));
	});

	it('an editor may read a submitted year', async () => {
		await submitted();
		await assertSucceeds(getDoc(yearRef(suite.as('editor'), JH, 2024)));
	});

	it("a staff reader may list every region's years", async () => {
		await assertSucceeds(yearsOf('reader', JH));
		await assertSucceeds(yearsOf('reader', VN));
	});

	it("another region's coordinator may not read Jämtland Härjedalen's years", async () => {
		await assertFails(yearsOf('coordVN', JH));
	});

	it("an editor may not read another region's year", async () => {
		await assertFails(getDoc(yearRef(suite.as('editor'), VN, 2024)));
	});

	it('a signed-in non-member may not read a year', async () => {
		await assertFails(getDoc(yearRef(suite.as('stranger'), JH, 2024)));
	});

	it('an anonymous visitor may not read a year', async () => {
		await assertFails(getDoc(yearRef(suite.as('anonymous'), JH, 2024)));
	});
});

describe('writing years (functions only)', () => {
	it('a coordinator may not submit a year', async () => {
		await assertFails(updateDoc(yearRef(suite.as('coord'), JH, 2024), { status: 'submitted' }));
	});

	it('a coordinator may not reopen a submitted year', async () => {
		await submitted();
		await assertFails(updateDoc(yearRef(suite.as('coord'), JH, 2024), { status: 'draft' }));
	});

	it('a coordinator may not move the deadline', async () => {
		await assertFails(updateDoc(yearRef(suite.as('coord'), JH, 2024), { deadline: Timestamp.fromDate(new Date('2026-03-31T00:00:00Z')) }));
	});

	it("a coordinator may not change a year's template", async () => {
		await assertFails(updateDoc(yearRef(suite.as('coord'), JH, 2024), { templateId: 'rsp-2023' }));
	});

	it('a coordinator may not start the next year', async () => {
		await assertFails(
			setDoc(yearRef(suite.as('coord'), JH, 2025), {
				templateId: 'rsp-2024',
				status: 'draft',
				deadline: Timestamp.fromDate(new Date('2026-01-31T22:59:00Z')),
				reminderOffsets: [30, 14, 7, 2, 1]
			})
		);
	});

	it('a coordinator may not delete a year', async () => {
		await assertFails(deleteDoc(yearRef(suite.as('coord'), JH, 2023)));
	});

	it('an editor may not submit a year', async () => {
		await assertFails(updateDoc(yearRef(suite.as('editor'), JH, 2024), { status: 'submitted' }));
	});

	it('a staff reader may not reopen a submitted year', async () => {
		await submitted();
		await assertFails(updateDoc(yearRef(suite.as('reader'), JH, 2024), { status: 'draft' }));
	});

	it("another region's coordinator may not submit Jämtland Härjedalen's year", async () => {
		await assertFails(updateDoc(yearRef(suite.as('coordVN'), JH, 2024), { status: 'submitted' }));
	});

	it('an anonymous visitor may not write a year', async () => {
		await assertFails(updateDoc(yearRef(suite.as('anonymous'), JH, 2024), { status: 'submitted' }));
	});
});
