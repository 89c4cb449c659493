import { describe, expect, it } from 'vitest';
import { answerChanges, answerHistoryId } from './answer-history';

describe('answerChanges', () => {
	it('gives one change per edited field, with the old and new value', () => {
		const before = { fields: { 'dagligvaror-trend': 'okar', 'dagligvaror-comment': 'Fler ansökningar.' } };
		const after = { fields: { 'dagligvaror-trend': 'minskar', 'dagligvaror-comment': 'Fler ansökningar.' } };
		expect(answerChanges(before, after)).toEqual([{ field: 'dagligvaror-trend', old: 'okar', new: 'minskar' }]);
	});

	it('records a first value with old null, and a removed one with new null', () => {
		expect(answerChanges({ fields: {} }, { fields: { text: 'Stort fokus på semiobemannat.' } })).toEqual([
			{ field: 'text', old: null, new: 'Stort fokus på semiobemannat.' }
		]);
		expect(answerChanges({ fields: { 'rsp-name': 'Ville Welin' } }, { fields: {} })).toEqual([{ field: 'rsp-name', old: 'Ville Welin', new: null }]);
	});

	it('records every field of a created document, and of a deleted one, in key order', () => {
		const filled = { fields: { 'rsp-name': 'Malin', 'rsp-email': 'malin@regionjh.se' } };
		expect(answerChanges(null, filled).map((c) => [c.field, c.old, c.new])).toEqual([
			['rsp-email', null, 'malin@regionjh.se'],
			['rsp-name', null, 'Malin']
		]);
		expect(answerChanges(filled, null).map((c) => [c.field, c.new])).toEqual([
			['rsp-email', null],
			['rsp-name', null]
		]);
		expect(answerChanges(null, null)).toEqual([]);
	});

	it('compares people lists by content, whatever the order of their keys', () => {
		const before = { fields: { 'processledning-people': [{ name: 'Maria Kumpula', share: 0.1 }] } };
		const same = { fields: { 'processledning-people': [{ share: 0.1, name: 'Maria Kumpula' }] } };
		expect(answerChanges(before, same)).toEqual([]);
		const more = { fields: { 'processledning-people': [{ name: 'Maria Kumpula', share: 0.1 }, { name: 'Ville Welin', share: 0.1 }] } };
		expect(answerChanges(before, more)).toEqual([
			{ field: 'processledning-people', old: [{ name: 'Maria Kumpula', share: 0.1 }], new: more.fields['processledning-people'] }
		]);
		const reordered = { fields: { 'processledning-people': [{ name: 'Ville Welin', share: 0.1 }, { name: 'Maria Kumpula', share: 0.1 }] } };
		expect(answerChanges(more, reordered)).toHaveLength(1);
	});

	it('gives nothing when no field changed (a write of only the stamp)', () => {
		const a = { fields: { text: 'Samma' } };
		expect(answerChanges(a, { fields: { text: 'Samma' } })).toEqual([]);
	});

	it('tells an empty string from an absent field', () => {
		expect(answerChanges({ fields: {} }, { fields: { 'kommuner-step': '' } })).toEqual([{ field: 'kommuner-step', old: null, new: '' }]);
	});
});

describe('answerHistoryId', () => {
	it('is the same for the same event, question and field', () => {
		expect(answerHistoryId('ev-1', 'q1-efterfragan', 'dagligvaror-trend')).toBe(answerHistoryId('ev-1', 'q1-efterfragan', 'dagligvaror-trend'));
	});

	it('differs per field and per event', () => {
		const ids = [
			answerHistoryId('ev-1', 'q1-efterfragan', 'dagligvaror-trend'),
			answerHistoryId('ev-1', 'q1-efterfragan', 'dagligvaror-comment'),
			answerHistoryId('ev-2', 'q1-efterfragan', 'dagligvaror-trend'),
			answerHistoryId('ev-1', 'q6-samverkan', 'dagligvaror-trend')
		];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('is a valid document id whatever the event id holds', () => {
		const id = answerHistoryId('projects/p/events/a.b:c', 'q2-framtidsspaning', 'text');
		expect(id).toMatch(/^[A-Za-z0-9_~-]+$/);
	});
});
