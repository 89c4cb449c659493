import { describe, it, expect } from 'vitest';
import { canRead, canEdit, canDeleteRow, canSubmit, canReopen, canSetPlanSettings, type Viewer } from './access';

const coordinator: Viewer = { uid: 'u-coord', memberRole: 'coordinator', staffRole: null };
const editor: Viewer = { uid: 'u-editor', memberRole: 'editor', staffRole: null };
const staffReader: Viewer = { uid: 'u-tvv', memberRole: null, staffRole: 'reader' };
const staffAdmin: Viewer = { uid: 'u-tvv-admin', memberRole: null, staffRole: 'admin' };
const nobody: Viewer = { uid: 'u-none', memberRole: null, staffRole: null };

const ownRow = (v: Viewer) => ({ createdBy: v.uid });
const othersRow = { createdBy: 'u-someone-else' };

describe('canRead', () => {
	it('lets members and staff read, not outsiders', () => {
		expect(canRead(coordinator)).toBe(true);
		expect(canRead(editor)).toBe(true);
		expect(canRead(staffReader)).toBe(true);
		expect(canRead(staffAdmin)).toBe(true);
		expect(canRead(nobody)).toBe(false);
	});
});

describe('canEdit', () => {
	it('lets coordinators and editors edit a draft', () => {
		expect(canEdit(coordinator, 'draft')).toBe(true);
		expect(canEdit(editor, 'draft')).toBe(true);
	});

	it('lets nobody edit a submitted plan', () => {
		for (const v of [coordinator, editor, staffReader, staffAdmin, nobody]) expect(canEdit(v, 'submitted'), v.uid).toBe(false);
	});

	it('does not let staff or outsiders edit a draft', () => {
		expect(canEdit(staffReader, 'draft')).toBe(false);
		expect(canEdit(staffAdmin, 'draft')).toBe(false);
		expect(canEdit(nobody, 'draft')).toBe(false);
	});

	it('a member who is also staff edits as a member', () => {
		expect(canEdit({ uid: 'u', memberRole: 'editor', staffRole: 'admin' }, 'draft')).toBe(true);
	});
});

describe('canDeleteRow', () => {
	it('coordinator deletes any row of a draft', () => {
		expect(canDeleteRow(coordinator, ownRow(coordinator), 'draft')).toBe(true);
		expect(canDeleteRow(coordinator, othersRow, 'draft')).toBe(true);
	});

	it('editor deletes only their own rows of a draft', () => {
		expect(canDeleteRow(editor, ownRow(editor), 'draft')).toBe(true);
		expect(canDeleteRow(editor, othersRow, 'draft')).toBe(false);
	});

	it('nobody deletes rows of a submitted plan, not even their own', () => {
		for (const v of [coordinator, editor, staffReader, staffAdmin, nobody]) {
			expect(canDeleteRow(v, ownRow(v), 'submitted'), v.uid).toBe(false);
			expect(canDeleteRow(v, othersRow, 'submitted'), v.uid).toBe(false);
		}
	});

	it('staff and outsiders delete nothing, even a row with their uid', () => {
		for (const v of [staffReader, staffAdmin, nobody]) {
			expect(canDeleteRow(v, ownRow(v), 'draft'), v.uid).toBe(false);
			expect(canDeleteRow(v, othersRow, 'draft'), v.uid).toBe(false);
		}
	});
});

describe('submitting, reopening and plan settings', () => {
	it('lets a coordinator submit a draft and reopen a submitted year, not the other way round', () => {
		expect(canSubmit(coordinator, 'draft')).toBe(true);
		expect(canSubmit(coordinator, 'submitted')).toBe(false);
		expect(canReopen(coordinator, 'submitted')).toBe(true);
		expect(canReopen(coordinator, 'draft')).toBe(false);
	});

	it('lets neither editors, staff nor outsiders submit or reopen', () => {
		for (const v of [editor, staffReader, staffAdmin, nobody]) {
			expect(canSubmit(v, 'draft'), v.uid).toBe(false);
			expect(canReopen(v, 'submitted'), v.uid).toBe(false);
		}
	});

	it('lets only coordinators set the deadline and reminder days', () => {
		expect(canSetPlanSettings(coordinator)).toBe(true);
		for (const v of [editor, staffReader, staffAdmin, nobody]) expect(canSetPlanSettings(v), v.uid).toBe(false);
	});
});
