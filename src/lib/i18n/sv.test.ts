// Texts with values in the Swedish catalogue read right.
import { describe, expect, it } from 'vitest';
import { daysLeftText, stockholmTime, swedishDate, swedishDateTime } from '../domain/deadline';
import * as sv from './sv';

describe('the Swedish catalogue', () => {
	it('counts waiting edits in the offline banner', () => {
		expect(sv.offline.banner(0)).toBe('Du är offline. Inga ändringar väntar på att skickas.');
		expect(sv.offline.banner(1)).toBe('Du är offline. 1 ändring väntar på att skickas.');
		expect(sv.offline.banner(3)).toBe('Du är offline. 3 ändringar väntar på att skickas.');
	});

	it('names rows and their buttons the way the table shows them', () => {
		const row = sv.plan.rowLabel('1.2');
		expect(row).toBe('Insats 1.2');
		expect(sv.plan.rowActionLabel(sv.plan.moveUp, row)).toBe('Flytta upp insats 1.2');
		expect(sv.plan.cellLabel('Mål', row)).toBe('Mål, insats 1.2');
	});
});

describe('the deadline and lock texts', () => {
	const deadline = stockholmTime(2027, 1, 31, 23, 59);

	it('says the days left to the deadline, the last day and a passed deadline', () => {
		expect(sv.deadline.left(daysLeftText(deadline, stockholmTime(2027, 1, 19, 9, 0)), swedishDate(deadline))).toBe('12 dagar kvar till 31 januari 2027');
		expect(sv.deadline.left(daysLeftText(deadline, stockholmTime(2027, 1, 30, 9, 0)), swedishDate(deadline))).toBe('1 dag kvar till 31 januari 2027');
		expect(sv.deadline.today(swedishDateTime(deadline))).toBe('Sista dagen idag: senast 31 januari 2027 kl. 23:59');
		expect(sv.deadline.past(swedishDate(deadline))).toBe('Sista dag var 31 januari 2027');
	});

	it('says who submitted and reopened, and the rows per area', () => {
		expect(sv.lock.submittedBy('Malin Samordnare', swedishDateTime(stockholmTime(2027, 1, 24, 10, 15)))).toBe('Inlämnad av Malin Samordnare 24 januari 2027 kl. 10:15');
		expect(sv.lock.areaCount(1, 5)).toBe('Område 1: 5 insatser');
		expect(sv.lock.areaCount(2, 1)).toBe('Område 2: 1 insats');
		expect(sv.lock.reopenedBy('Malin Samordnare', swedishDateTime(stockholmTime(2027, 1, 25, 9, 0)), 'Område 2 saknar en insats')).toBe(
			'Öppnad igen av Malin Samordnare den 25 januari 2027 kl. 09:00: ”Område 2 saknar en insats”'
		);
	});

	it('names reminder days and the next reminder', () => {
		expect(sv.settings.offsetLabel(0)).toBe('Samma dag');
		expect(sv.settings.offsetLabel(1)).toBe('1 dag före');
		expect(sv.settings.offsetLabel(14)).toBe('14 dagar före');
		expect(sv.settings.next('17 januari 2027 kl. 08:00', sv.settings.offsetLabel(14))).toBe('Nästa påminnelse: 17 januari 2027 kl. 08:00 (14 dagar före)');
	});
});
