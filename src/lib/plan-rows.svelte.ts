// The rows of one plan in the browser: adding, moving and deleting them, and mending an area's order
// when a client meets a legacy numeric position or two rows on one key (the lazy repair). The
// decisions are ordering.ts's; this shell reads the live rows and runs the writes.
import { moveStep, orderRepairs, positionAtEnd, type Positioned } from './domain/ordering';
import type { Row } from './domain/schemas';
import { addRow, deleteRow, moveRow, repairPositions } from './firebase/rows.svelte';

export type RowNoticeKind = 'addFailed' | 'moveFailed' | 'deleteFailed';

export interface PlanRowsHost {
	regionId: string;
	year: string;
	uid: string;
	/** The live rows; `pending` (a write of one's own not yet acknowledged) holds the lazy repair back. */
	rows: () => ReadonlyArray<{ id: string; data: Row; pending?: boolean }>;
	areaCount: () => number;
	editable: () => boolean;
	canDelete: (rowId: string) => boolean;
	notify: (kind: RowNoticeKind) => void;
	/** Called before a row is deleted, e.g. to close its open editor. */
	beforeRemove?: (rowId: string) => void;
}

export class PlanRows {
	/** The repairs last sent and not yet seen landed, so a live update in between does not send them twice. */
	#sent = $state<string | null>(null);

	private readonly host: PlanRowsHost;

	constructor(host: PlanRowsHost) {
		this.host = host;
	}

	#positioned(): Positioned[] {
		return this.host.rows().map((i) => ({ id: i.id, area: i.data.area, position: i.data.position }));
	}

	/** Adds an empty row at the end of an area; returns its id (it shows at once, even offline). */
	addRow(area: number): string | null {
		if (!this.host.editable()) return null;
		const { id, written } = addRow(this.host.regionId, this.host.year, area, positionAtEnd(this.#positioned(), area), this.host.uid);
		written.catch((err) => {
			console.error('Planbordet: adding a row failed', err);
			this.host.notify('addFailed');
		});
		return id;
	}

	/**
	 * Moves a row one place; false when it is already first or last of the plan. Usually one write;
	 * when its new neighbours share a key, the target area's new keys go in the same batch.
	 */
	moveRow(rowId: string, direction: -1 | 1): boolean {
		if (!this.host.editable()) return false;
		const to = moveStep(this.#positioned(), rowId, direction, this.host.areaCount());
		if (!to) return false;
		const written =
			to.repairs.length === 0
				? moveRow(this.host.regionId, this.host.year, rowId, to, this.host.uid)
				: repairPositions(this.host.regionId, this.host.year, [...to.repairs, { id: rowId, area: to.area, position: to.position }], this.host.uid);
		written.catch((err) => {
			console.error('Planbordet: moving a row failed', err);
			this.host.notify('moveFailed');
		});
		return true;
	}

	removeRow(rowId: string): void {
		if (!this.host.canDelete(rowId)) return;
		this.host.beforeRemove?.(rowId);
		deleteRow(this.host.regionId, this.host.year, rowId, this.host.uid).catch((err) => {
			console.error('Planbordet: deleting a row failed', err);
			this.host.notify('deleteFailed');
		});
	}

	/**
	 * Re-keys every area with a legacy number or a tie (ordering.ts orderRepairs). Call it whenever
	 * the rows change: it writes only when something needs mending, only for someone who may edit,
	 * never twice for the same repairs, and not while one's own writes are still on their way (the
	 * view is then not what the server has). Two clients doing it at once write the same keys. A
	 * failure is only logged: the order shown is right either way, and the next change tries again.
	 */
	repairIfNeeded(): void {
		if (!this.host.editable() || this.host.rows().some((r) => r.pending)) return;
		const repairs = orderRepairs(this.#positioned());
		if (repairs.length === 0) {
			this.#sent = null;
			return;
		}
		const key = JSON.stringify(repairs);
		if (this.#sent === key) return;
		this.#sent = key;
		repairPositions(this.host.regionId, this.host.year, repairs, this.host.uid).catch((err) => {
			console.error('Planbordet: mending the row order failed', err);
			if (this.#sent === key) this.#sent = null;
		});
	}
}
