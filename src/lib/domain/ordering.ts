// Row order: each row has a numeric position within its area; a move writes one new position
// between its new neighbours, so reordering touches one document.
export interface Positioned {
	id: string;
	area: number;
	position: number;
}

export const POSITION_STEP = 1024;

export function sortRows<T extends Positioned>(rows: T[]): T[] {
	return [...rows].sort((a, b) => a.area - b.area || a.position - b.position || a.id.localeCompare(b.id));
}

/** A position after every row of the area. */
export function positionAtEnd(rows: Positioned[], area: number): number {
	const inArea = rows.filter((r) => r.area === area);
	return inArea.length === 0 ? POSITION_STEP : Math.max(...inArea.map((r) => r.position)) + POSITION_STEP;
}

export function positionBetween(before: number | null, after: number | null): number {
	if (before === null && after === null) return POSITION_STEP;
	if (before === null) return (after as number) - POSITION_STEP;
	if (after === null) return before + POSITION_STEP;
	return (before + after) / 2;
}

export type Move = { area: number; position: number } | null;

/**
 * Moving a row one step up or down. At the edge of an area it moves into the neighbouring area
 * (last place when going up, first when going down); null when there is nowhere to go.
 */
export function moveStep(rows: Positioned[], id: string, direction: -1 | 1, areaCount: number): Move {
	const sorted = sortRows(rows);
	const row = sorted.find((r) => r.id === id);
	if (!row) return null;
	const inArea = sorted.filter((r) => r.area === row.area);
	const i = inArea.findIndex((r) => r.id === id);
	const j = i + direction;
	if (j >= 0 && j < inArea.length) {
		const k = j + direction;
		const neighbour = inArea[j].position;
		const beyond = k >= 0 && k < inArea.length ? inArea[k].position : null;
		return { area: row.area, position: direction < 0 ? positionBetween(beyond, neighbour) : positionBetween(neighbour, beyond) };
	}
	const area = row.area + direction;
	if (area < 1 || area > areaCount) return null;
	const target = sorted.filter((r) => r.area === area);
	if (direction < 0) return { area, position: target.length ? target[target.length - 1].position + POSITION_STEP : POSITION_STEP };
	return { area, position: target.length ? target[0].position - POSITION_STEP : POSITION_STEP };
}
