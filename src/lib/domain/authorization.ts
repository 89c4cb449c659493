// The one answer to "may this person do this here": who asks (an Actor, built from their parsed
// Member and Staff documents by actorOf, the same way in the app and the functions), the closed list
// of actions, and may(). The UI, every callable and the rules tests (tests/rules/matrix.spec.ts) ask it.
import type { Member, Plan, Staff } from './schemas';

/**
 * Who asks, in one region. `memberRole` is the role of an ACTIVE membership of that region: an
 * invitation that has not been signed into yet, a removed membership and no membership are all null.
 * `staffRole` is Tillväxtverket's role, the same in every region.
 */
export interface Actor {
	uid: string;
	memberRole: Member['role'] | null;
	staffRole: Staff['role'] | null;
}

/** The actor of a person's membership of the region (null: none) and staff record (null: none), both parsed. */
export function actorOf(uid: string, member: Pick<Member, 'role' | 'status'> | null, staff: Pick<Staff, 'role'> | null): Actor {
	// An invitation gives no rights until its first sign-in activates it (beforeUserSignedIn), as the rules say.
	return { uid, memberRole: member?.status === 'active' ? member.role : null, staffRole: staff?.role ?? null };
}

type PlanStatus = Plan['status'];
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted'];

/** What each action needs to know besides who asks; `undefined`: nothing. */
export interface ActionContext {
	/** Read the region: its plans, rows, answers, presence, comments, history, meetings, sign-offs, members and organisations (and export a plan). */
	'read-region': undefined;
	/** Edit a cell or an answer, add or move a row. */
	'edit-plan': { status: PlanStatus };
	/** Delete a row: one's own, or any as a coordinator. */
	'delete-row': { status: PlanStatus; createdBy: string };
	/** Mend or delete a stored row the app cannot read (repairRow). */
	'repair-row': { status: PlanStatus };
	/** Announce and remove one's own presence on a plan. */
	'show-presence': undefined;
	/** Keep one's own read markers of the discussion. */
	'mark-read': undefined;
	/** Write a comment or a reply. */
	comment: undefined;
	/** Edit a comment's text: one's own only. */
	'edit-comment': { authorUid: string };
	/** Delete a comment: one's own, or any as a coordinator. */
	'delete-comment': { authorUid: string };
	/** Resolve or reopen a thread. */
	'resolve-thread': undefined;
	/** Hand in the year's plan, which locks it (submitPlan). */
	'submit-plan': { status: PlanStatus };
	/** Unlock a submitted year, with a reason (reopenPlan). */
	'reopen-plan': { status: PlanStatus };
	/** A year's deadline and reminder days (setPlanSettings). */
	'set-plan-settings': undefined;
	/** Create a year's plan, also the next year's from this one (createPlan, createNextYear). */
	'create-plan': undefined;
	/** Members and organisations (inviteMember, setMemberRole, removeMember, saveOrganization). */
	'manage-network': undefined;
	/** The region's audit log. */
	'read-audit': undefined;
	/** The national overview of every region's plans (and its export). */
	'read-overview': undefined;
	/** Create regions and change their areas (createRegion, updateRegion). */
	'manage-regions': undefined;
	/** Write and publish templates (saveTemplate). */
	'manage-templates': undefined;
	/** Erase a person's personal data everywhere (erasePerson). */
	'erase-person': undefined;
	/** Switch one's own deadline reminders off and on (setReminderSubscription). */
	'set-own-reminders': undefined;
	/** Start a network meeting on a year's plan (the starter leads it first). */
	'start-meeting': { status: PlanStatus };
	/** End a running meeting. */
	'end-meeting': undefined;
	/** Move the meeting's focus (the row and cell everyone follows): the leader only. */
	'move-focus': { leaderUid: string };
	/** Hand the lead of a meeting to another active member: the leader, or a coordinator. */
	'hand-over-lead': { leaderUid: string };
	/** Join a running meeting (one's own participant document). */
	'join-meeting': undefined;
	/** Raise one's own hand on a row, or move it to another. */
	'raise-hand': undefined;
	/** Lower a raised hand: one's own, or any as the meeting's leader. */
	'lower-hand': { handUid: string; leaderUid: string };
	/** Sign off the year's plan for one's own organisation (signOffPlan). */
	'sign-off-plan': { status: PlanStatus };
	/** Mail an ended meeting's minutes to its participants (mailMinutes). */
	'mail-minutes': undefined;
}
export type Action = keyof ActionContext;

/** Every action, in the order of ActionContext (the tests iterate it). */
export const ACTIONS = [
	'read-region',
	'edit-plan',
	'delete-row',
	'repair-row',
	'show-presence',
	'mark-read',
	'comment',
	'edit-comment',
	'delete-comment',
	'resolve-thread',
	'submit-plan',
	'reopen-plan',
	'set-plan-settings',
	'create-plan',
	'manage-network',
	'read-audit',
	'read-overview',
	'manage-regions',
	'manage-templates',
	'erase-person',
	'set-own-reminders',
	'start-meeting',
	'end-meeting',
	'move-focus',
	'hand-over-lead',
	'join-meeting',
	'raise-hand',
	'lower-hand',
	'sign-off-plan',
	'mail-minutes'
] as const satisfies readonly Action[];

/** The actions that need no context. */
export type PlainAction = { [A in Action]: ActionContext[A] extends undefined ? A : never }[Action];
/** The actions whose only context is the plan's status. */
export type StatusAction = 'edit-plan' | 'repair-row' | 'submit-plan' | 'reopen-plan' | 'start-meeting' | 'sign-off-plan';
const STATUS_ACTIONS: readonly Action[] = ['edit-plan', 'repair-row', 'submit-plan', 'reopen-plan', 'start-meeting', 'sign-off-plan'] satisfies readonly StatusAction[];

export function isStatusAction(action: Action): action is StatusAction {
	return STATUS_ACTIONS.includes(action);
}

type ContextArgs<A extends Action> = ActionContext[A] extends undefined ? [] : [context: ActionContext[A]];

const isMember = (a: Actor) => a.memberRole !== null;
const isCoordinator = (a: Actor) => a.memberRole === 'coordinator';
const isStaff = (a: Actor) => a.staffRole !== null;
const isStaffAdmin = (a: Actor) => a.staffRole === 'admin';

/**
 * Whether `actor` may do `action`, in words:
 * - members of the region and staff read everything of it; nobody else reads anything;
 * - members edit the plan (cells, answers, adding and moving rows) only while it is a draft, and
 *   delete the rows they created; a coordinator deletes any row and mends unreadable ones (draft only);
 * - members show their presence and discuss (comment, resolve threads), also on a submitted year:
 *   the discussion never changes the plan. One edits one's own comments only; one deletes one's own,
 *   a coordinator any. Staff read the discussion and keep their read markers, nothing more;
 * - a coordinator submits a draft, reopens a submitted year, sets the deadline and creates plans;
 * - the network (members, organisations) is run by the region's coordinators and staff admins;
 * - the audit log is read by the region's coordinators and all staff;
 * - regions, templates, the national overview's and a person's erasure are staff's (the overview
 *   every staff member's, the rest admins');
 * - anyone Planbordet knows (a member or staff) manages their own reminders;
 * - a coordinator starts a network meeting on a draft (a meeting fills the plan in) and ends one in
 *   any status (a plan submitted during a meeting must not strand it); the leader moves the focus;
 *   the leader or a coordinator hands the lead on; members join and raise and lower their own hands,
 *   the leader lowers anyone's — all also on a submitted year, like the discussion;
 * - a member signs off a draft for their own organisation (a submitted plan is past signing off);
 * - a coordinator mails a meeting's minutes to its participants (anyone who reads the region reads them).
 */
export function may<A extends Action>(actor: Actor, action: A, ...context: ContextArgs<A>): boolean;
export function may(actor: Actor, action: Action, context?: { status?: PlanStatus; createdBy?: string; authorUid?: string; leaderUid?: string; handUid?: string }): boolean {
	// A missing context (only possible past the types) answers no: the status and authors are never guessed.
	const draft = context?.status === 'draft';
	const own = (by: string | undefined) => by !== undefined && by === actor.uid;
	switch (action) {
		case 'read-region':
		case 'mark-read':
			return isMember(actor) || isStaff(actor);
		case 'edit-plan':
			return isMember(actor) && draft;
		case 'delete-row':
			return isMember(actor) && draft && (isCoordinator(actor) || own(context?.createdBy));
		case 'repair-row':
			return isCoordinator(actor) && draft;
		case 'show-presence':
		case 'comment':
		case 'resolve-thread':
			return isMember(actor);
		case 'edit-comment':
			return isMember(actor) && own(context?.authorUid);
		case 'delete-comment':
			return isMember(actor) && (isCoordinator(actor) || own(context?.authorUid));
		case 'submit-plan':
			return isCoordinator(actor) && draft;
		case 'reopen-plan':
			return isCoordinator(actor) && context?.status === 'submitted';
		case 'set-plan-settings':
		case 'create-plan':
			return isCoordinator(actor);
		case 'manage-network':
			return isCoordinator(actor) || isStaffAdmin(actor);
		case 'read-audit':
			return isCoordinator(actor) || isStaff(actor);
		case 'read-overview':
			return isStaff(actor);
		case 'manage-regions':
		case 'manage-templates':
		case 'erase-person':
			return isStaffAdmin(actor);
		case 'set-own-reminders':
			return isMember(actor) || isStaff(actor);
		case 'start-meeting':
			return isCoordinator(actor) && draft;
		case 'end-meeting':
		case 'mail-minutes':
			return isCoordinator(actor);
		case 'move-focus':
			return isMember(actor) && own(context?.leaderUid);
		case 'hand-over-lead':
			return isMember(actor) && (isCoordinator(actor) || own(context?.leaderUid));
		case 'join-meeting':
		case 'raise-hand':
			return isMember(actor);
		case 'lower-hand':
			return isMember(actor) && (own(context?.handUid) || own(context?.leaderUid));
		case 'sign-off-plan':
			return isMember(actor) && draft;
	}
}

/**
 * Whether some plan status lets `actor` do `action`: a callable's first check, before it has read the
 * plan. When this is yes and may() with the read status is no, the plan is in the wrong state (a
 * failed precondition), not the person without the right.
 */
export function mayInSomeStatus(actor: Actor, action: StatusAction): boolean {
	return PLAN_STATUSES.some((status) => may(actor, action, { status }));
}
