// Who may do what, as the app asks it before offering an action; firestore.rules enforce the same.
import type { MemberRole } from './schemas';

export interface Viewer {
	uid: string;
	memberRole: MemberRole | null;
	staffRole: 'reader' | 'admin' | null;
}

export function canRead(v: Viewer): boolean {
	return v.memberRole !== null || v.staffRole !== null;
}

export function canEdit(v: Viewer, status: 'draft' | 'submitted'): boolean {
	return v.memberRole !== null && status === 'draft';
}

export function canDeleteRow(v: Viewer, row: { createdBy: string }, status: 'draft' | 'submitted'): boolean {
	if (!canEdit(v, status)) return false;
	return v.memberRole === 'coordinator' || row.createdBy === v.uid;
}

/** Submitting locks the year: a coordinator of the region, while it is a draft (submitPlan checks the same). */
export function canSubmit(v: Viewer, status: 'draft' | 'submitted'): boolean {
	return v.memberRole === 'coordinator' && status === 'draft';
}

/** Reopening a submitted year, with a reason: a coordinator of the region (reopenPlan checks the same). */
export function canReopen(v: Viewer, status: 'draft' | 'submitted'): boolean {
	return v.memberRole === 'coordinator' && status === 'submitted';
}

/** The deadline and reminder days of a year: a coordinator of the region (setPlanSettings checks the same). */
export function canSetPlanSettings(v: Viewer): boolean {
	return v.memberRole === 'coordinator';
}
