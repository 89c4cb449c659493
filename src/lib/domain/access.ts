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
