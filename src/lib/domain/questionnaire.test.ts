import { describe, expect, it } from 'vitest';
import { answerValue, emptyAnswerValue, formatShare, isAnswerValue, parseShare, previousYear, totalShares } from './questionnaire';
import { answerFieldsOf, questionnaire, type AnswerField } from './schemas';

describe('parseShare', () => {
	it.each([
		['0,15', 0.15],
		['0.15', 0.15],
		['1', 1],
		['1,0', 1],
		[' 0,5 ', 0.5],
		[',5', 0.5],
		['0', 0],
		['10', 10]
	])('reads %j as %d', (text, share) => {
		expect(parseShare(text)).toBe(share);
	});

	it.each(['', '   ', 'en halv', '0,1,5', '1e2', '-0,5', '- 1', '0,5 åa', '11', 'NaN', 'Infinity', '1,'])('gives null for %j', (text) => {
		expect(parseShare(text)).toBeNull();
	});
});

describe('formatShare', () => {
	it.each([
		[0.15, '0,15'],
		[0.1, '0,1'],
		[0.5, '0,5'],
		[1, '1,0'],
		[0, '0,0'],
		[2.25, '2,25'],
		[0.155, '0,16'],
		[1.005, '1,01'],
		[0.1 + 0.2, '0,3']
	])('writes %d as %j', (n, text) => {
		expect(formatShare(n)).toBe(text);
	});

	it('reads back what it writes', () => {
		for (const n of [0, 0.05, 0.1, 0.15, 0.3, 0.55, 1, 1.5, 9.99]) expect(parseShare(formatShare(n))).toBe(n);
	});
});

describe('totalShares', () => {
	it('adds the shares of a role to hundredths, without float noise', () => {
		const processledning = [0.1, 0.1, 0.3, 0.15, 0.05, 0.15].map((share) => ({ share }));
		expect(totalShares(processledning)).toBe(0.85);
		expect(totalShares([{ share: 0.1 }, { share: 0.2 }])).toBe(0.3);
		expect(totalShares([{ share: 0.1 }, { share: 0.55 }])).toBe(0.65);
	});

	it('is 0 for nobody', () => {
		expect(totalShares([])).toBe(0);
	});
});

describe('answer values', () => {
	const trend: AnswerField = { key: 'dagligvaror-trend', type: 'trend', rowKey: 'dagligvaror', suffix: 'trend' };
	const people: AnswerField = { key: 'processledning-people', type: 'people', rowKey: 'processledning', suffix: 'people' };
	const emails: AnswerField = { key: 'rsp-email', type: 'emails', rowKey: 'rsp', suffix: 'email' };
	const stored = {
		fields: {
			'dagligvaror-trend': 'okar',
			'processledning-people': [{ name: 'Maria Kumpula', share: 0.1 }],
			'rsp-email': 'inte en adress'
		}
	};

	it('gives the stored value of a field by its type', () => {
		expect(answerValue(stored, trend)).toBe('okar');
		expect(answerValue(stored, people)).toEqual([{ name: 'Maria Kumpula', share: 0.1 }]);
	});

	it('gives the empty value for a missing answer, a missing field or a value that does not fit its type', () => {
		expect(answerValue(null, trend)).toBe('');
		expect(answerValue(null, people)).toEqual([]);
		expect(answerValue({ fields: {} }, people)).toEqual([]);
		expect(answerValue(stored, emails)).toBe('');
		expect(answerValue({ fields: { 'dagligvaror-trend': 'stiger' } }, trend)).toBe('');
	});

	it('has an empty value per type', () => {
		expect(emptyAnswerValue('text')).toBe('');
		expect(emptyAnswerValue('trend')).toBe('');
		expect(emptyAnswerValue('people')).toEqual([]);
	});

	it('tells whether a value fits a type', () => {
		expect(isAnswerValue('trend', 'minskar')).toBe(true);
		expect(isAnswerValue('trend', '')).toBe(true);
		expect(isAnswerValue('trend', 'Minskar')).toBe(false);
		expect(isAnswerValue('shortText', 'x'.repeat(200))).toBe(true);
		expect(isAnswerValue('shortText', 'x'.repeat(201))).toBe(false);
		expect(isAnswerValue('text', 'x'.repeat(10_000))).toBe(true);
		expect(isAnswerValue('text', 'x'.repeat(10_001))).toBe(false);
		expect(isAnswerValue('emails', 'a@b.se c@d.se')).toBe(true);
		expect(isAnswerValue('emails', 'a@b.se och Ville')).toBe(false);
		expect(isAnswerValue('people', [{ name: 'Ville Welin', share: 0.1 }])).toBe(true);
		expect(isAnswerValue('people', [{ name: '', share: 0.1 }])).toBe(false);
		expect(isAnswerValue('people', [{ name: 'Ville Welin', share: -1 }])).toBe(false);
		expect(isAnswerValue('people', Array.from({ length: 21 }, (_, i) => ({ name: `P${i}`, share: 0 })))).toBe(false);
		expect(isAnswerValue('text', 5)).toBe(false);
	});
});

describe('previousYear', () => {
	it('gives the year before as a plan year', () => {
		expect(previousYear('2024')).toBe('2023');
		expect(previousYear('2030')).toBe('2029');
	});

	it('refuses what is not a plan year', () => {
		expect(() => previousYear('24')).toThrow();
		expect(() => previousYear('tjugo')).toThrow();
	});
});

describe('the questionnaire schema', () => {
	const withRows = (n: number) => {
		const q = { id: 'q6', number: 6, kind: 'actors' as const, title: 'Aktörer', help: '', rows: Array.from({ length: n }, (_, i) => ({ key: `a${i}`, label: `Aktör ${i}` })) };
		return { name: 'Test', years: [2025], published: true, questions: [q], fieldTypes: { q6: Object.fromEntries(answerFieldsOf(q).map((f) => [f.key, f.type])) } };
	};

	it('takes a question with 39 answer fields, within the 40 the rules can check', () => {
		expect(answerFieldsOf(withRows(13).questions[0]).length).toBe(39);
		expect(questionnaire.safeParse(withRows(13)).success).toBe(true);
	});

	it('refuses a question with more answer fields than the rules can check', () => {
		expect(answerFieldsOf(withRows(14).questions[0]).length).toBe(42);
		const parsed = questionnaire.safeParse(withRows(14));
		expect(parsed.success).toBe(false);
		expect(JSON.stringify(parsed.error?.issues)).toContain('too-many-answer-fields:q6');
	});
});
