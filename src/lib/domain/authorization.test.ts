// The authorisation matrix as a table: every kind of person × every action × plan status (and own or
// someone else's row or comment), each cell written out, so a changed answer of may() fails here.
import { describe, expect, it } from 'vitest';
import { ACTIONS, actorOf, may, mayInSomeStatus, type Action, type Actor } from './authorization';

/** The kinds of person, in the table's column order. */
const PEOPLE = {
	coord: actorOf('u-coord', { role: 'coordinator', status: 'active' }, null),
	editor: actorOf('u-editor', { role: 'editor', status: 'active' }, null),
	invited: actorOf('u-invited', { role: 'coordinator', status: 'invited' }, null),
	outsider: actorOf('u-outsider', null, null),
	reader: actorOf('u-reader', null, { role: 'reader' }),
	admin: actorOf('u-admin', null, { role: 'admin' })
} as const satisfies Record<string, Actor>;
const COLUMNS = Object.keys(PEOPLE) as (keyof typeof PEOPLE)[];

/** Someone who is none of the people above: the author of "another person's" row or comment. */
const OTHER = 'u-other';

type Whose = 'own' | 'other';
type Context = { status?: 'draft' | 'submitted'; createdBy?: Whose; authorUid?: Whose; leaderUid?: Whose; handUid?: Whose };
/** One line: the action, its context, and Y (may) or - (may not) per column. */
type Line = [action: Action, context: Context, answers: string];

const d = { status: 'draft' } as const;
const s = { status: 'submitted' } as const;

// prettier-ignore
const TABLE: Line[] = [
	//                                                                      coord editor invited outsider reader admin
	['read-region',       {},                                               'Y Y - - Y Y'],
	['mark-read',         {},                                               'Y Y - - Y Y'],
	['edit-plan',         d,                                                'Y Y - - - -'],
	['edit-plan',         s,                                                '- - - - - -'],
	['delete-row',        { ...d, createdBy: 'own' },                       'Y Y - - - -'],
	['delete-row',        { ...d, createdBy: 'other' },                     'Y - - - - -'],
	['delete-row',        { ...s, createdBy: 'own' },                       '- - - - - -'],
	['delete-row',        { ...s, createdBy: 'other' },                     '- - - - - -'],
	['repair-row',        d,                                                'Y - - - - -'],
	['repair-row',        s,                                                '- - - - - -'],
	['show-presence',     {},                                               'Y Y - - - -'],
	['comment',           {},                                               'Y Y - - - -'],
	['edit-comment',      { authorUid: 'own' },                             'Y Y - - - -'],
	['edit-comment',      { authorUid: 'other' },                           '- - - - - -'],
	['delete-comment',    { authorUid: 'own' },                             'Y Y - - - -'],
	['delete-comment',    { authorUid: 'other' },                           'Y - - - - -'],
	['resolve-thread',    {},                                               'Y Y - - - -'],
	['submit-plan',       d,                                                'Y - - - - -'],
	['submit-plan',       s,                                                '- - - - - -'],
	['reopen-plan',       d,                                                '- - - - - -'],
	['reopen-plan',       s,                                                'Y - - - - -'],
	['set-plan-settings', {},                                               'Y - - - - -'],
	['create-plan',       {},                                               'Y - - - - -'],
	['manage-network',    {},                                               'Y - - - - Y'],
	['read-audit',        {},                                               'Y - - - Y Y'],
	['read-overview',     {},                                               '- - - - Y Y'],
	['manage-regions',    {},                                               '- - - - - Y'],
	['manage-templates',  {},                                               '- - - - - Y'],
	['erase-person',      {},                                               '- - - - - Y'],
	['set-own-reminders', {},                                               'Y Y - - Y Y'],
	['start-meeting',     d,                                                'Y - - - - -'],
	['start-meeting',     s,                                                '- - - - - -'],
	['end-meeting',       {},                                               'Y - - - - -'],
	['move-focus',        { leaderUid: 'own' },                             'Y Y - - - -'],
	['move-focus',        { leaderUid: 'other' },                           '- - - - - -'],
	['hand-over-lead',    { leaderUid: 'own' },                             'Y Y - - - -'],
	['hand-over-lead',    { leaderUid: 'other' },                           'Y - - - - -'],
	['join-meeting',      {},                                               'Y Y - - - -'],
	['raise-hand',        {},                                               'Y Y - - - -'],
	['lower-hand',        { handUid: 'own', leaderUid: 'other' },           'Y Y - - - -'],
	['lower-hand',        { handUid: 'other', leaderUid: 'own' },           'Y Y - - - -'],
	['lower-hand',        { handUid: 'other', leaderUid: 'other' },         '- - - - - -'],
	['sign-off-plan',     d,                                                'Y Y - - - -'],
	['sign-off-plan',     s,                                                '- - - - - -'],
	['mail-minutes',      {},                                               'Y - - - - -']
];

/** The context with "own"/"other" as the asker's uid or someone else's. */
function contextFor(actor: Actor, c: Context) {
	const who = (w: Whose | undefined) => (w === undefined ? undefined : w === 'own' ? actor.uid : OTHER);
	return { status: c.status, createdBy: who(c.createdBy), authorUid: who(c.authorUid), leaderUid: who(c.leaderUid), handUid: who(c.handUid) };
}

/** may() with a context built at run time (the table's); the typed call sites are the app's and the functions'. */
const ask = (actor: Actor, action: Action, context: object) => (may as (a: Actor, x: Action, c: object) => boolean)(actor, action, context);

describe('the authorisation matrix', () => {
	for (const [action, context, answers] of TABLE) {
		const expected = answers.split(' ');
		it(`${action} ${JSON.stringify(context)}: ${answers}`, () => {
			expect(expected).toHaveLength(COLUMNS.length);
			const got = COLUMNS.map((who) => (ask(PEOPLE[who], action, contextFor(PEOPLE[who], context)) ? 'Y' : '-'));
			expect(Object.fromEntries(COLUMNS.map((who, i) => [who, got[i]]))).toEqual(Object.fromEntries(COLUMNS.map((who, i) => [who, expected[i]])));
		});
	}

	it('names every action, and every status of an action that has one', () => {
		expect(new Set(TABLE.map(([a]) => a))).toEqual(new Set(ACTIONS));
		for (const [action, context] of TABLE) {
			if (context.status !== 'draft') continue;
			expect(TABLE.some(([a, c]) => a === action && c.status === 'submitted' && c.createdBy === context.createdBy), action).toBe(true);
		}
	});
});

describe('actorOf', () => {
	it('counts only an active membership: an invitation gives no rights until it is signed into', () => {
		expect(actorOf('u', { role: 'coordinator', status: 'active' }, null).memberRole).toBe('coordinator');
		expect(actorOf('u', { role: 'editor', status: 'invited' }, null).memberRole).toBeNull();
		expect(actorOf('u', null, null)).toEqual({ uid: 'u', memberRole: null, staffRole: null });
	});

	it('keeps the staff role beside the membership: an editor who is a staff admin edits and runs the network', () => {
		const both = actorOf('u', { role: 'editor', status: 'active' }, { role: 'admin' });
		expect(both).toEqual({ uid: 'u', memberRole: 'editor', staffRole: 'admin' });
		expect(may(both, 'edit-plan', { status: 'draft' })).toBe(true);
		expect(may(both, 'manage-network')).toBe(true);
		expect(may(both, 'delete-row', { status: 'draft', createdBy: OTHER })).toBe(false);
		expect(may(both, 'submit-plan', { status: 'draft' })).toBe(false);
	});

	it('an invited coordinator who is also a staff reader reads, as staff, and does nothing of a coordinator', () => {
		const a = actorOf('u', { role: 'coordinator', status: 'invited' }, { role: 'reader' });
		expect(may(a, 'read-region')).toBe(true);
		expect(may(a, 'read-audit')).toBe(true);
		expect(may(a, 'comment')).toBe(false);
		expect(may(a, 'manage-network')).toBe(false);
	});
});

describe('may without its context', () => {
	it('answers no when the status or the author is missing (only possible past the types)', () => {
		for (const action of ['edit-plan', 'delete-row', 'repair-row', 'submit-plan', 'reopen-plan', 'edit-comment', 'start-meeting', 'move-focus', 'sign-off-plan'] as const)
			expect(ask(PEOPLE.coord, action, {}), action).toBe(false);
		expect(ask(PEOPLE.editor, 'lower-hand', {})).toBe(false);
		expect(ask(PEOPLE.editor, 'hand-over-lead', {})).toBe(false);
		expect(ask(PEOPLE.editor, 'delete-comment', {})).toBe(false);
	});
});

describe('mayInSomeStatus', () => {
	it('is the role part of a status action: a coordinator submits, reopens and repairs in some status, nobody else', () => {
		for (const action of ['submit-plan', 'reopen-plan', 'repair-row', 'start-meeting'] as const) {
			expect(COLUMNS.filter((who) => mayInSomeStatus(PEOPLE[who], action)), action).toEqual(['coord']);
		}
		expect(COLUMNS.filter((who) => mayInSomeStatus(PEOPLE[who], 'edit-plan'))).toEqual(['coord', 'editor']);
		expect(COLUMNS.filter((who) => mayInSomeStatus(PEOPLE[who], 'sign-off-plan'))).toEqual(['coord', 'editor']);
	});
});
