import { describe, it, expect } from 'vitest';
import { POSITION_STEP, sortRows, positionAtEnd, positionBetween, moveStep, type Positioned } from './ordering';

const r = (id: string, area: number, position: number): Positioned => ({ id, area, position });

/** Three areas: a1..a3 in area 1, b1..b2 in area 2, c1 in area 3. */
const rows: Positioned[] = [
	r('b2', 2, 2048),
	r('a1', 1, 1024),
	r('c1', 3, 1024),
	r('a3', 1, 3072),
	r('b1', 2, 1024),
	r('a2', 1, 2048)
];
const AREAS = 3;

const ids = (list: Positioned[]) => sortRows(list).map((x) => x.id);

/** Applies a move the way the app does: writes the new area and position on the one row. */
function apply(list: Positioned[], id: string, direction: -1 | 1, areaCount = AREAS): Positioned[] {
	const move = moveStep(list, id, direction, areaCount);
	if (!move) throw new Error(`no move for ${id}`);
	return list.map((x) => (x.id === id ? { ...x, ...move } : x));
}

describe('sortRows', () => {
	it('orders by area, then position', () => {
		expect(ids(rows)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
	});

	it('breaks position ties by id', () => {
		expect(ids([r('y', 1, 5), r('x', 1, 5), r('w', 1, 4)])).toEqual(['w', 'x', 'y']);
	});

	it('does not mutate its input', () => {
		const copy = [...rows];
		sortRows(rows);
		expect(rows).toEqual(copy);
	});

	it('handles negative and fractional positions', () => {
		expect(ids([r('p', 1, 0.5), r('n', 1, -1024), r('q', 1, 0.25)])).toEqual(['n', 'q', 'p']);
	});
});

describe('positionAtEnd', () => {
	it('is one step after the last row of the area', () => {
		expect(positionAtEnd(rows, 1)).toBe(3072 + POSITION_STEP);
		expect(positionAtEnd(rows, 3)).toBe(1024 + POSITION_STEP);
	});

	it('is one step for an empty area', () => {
		expect(positionAtEnd(rows, 4)).toBe(POSITION_STEP);
		expect(positionAtEnd([], 1)).toBe(POSITION_STEP);
	});

	it('uses the largest position, not the last in the array', () => {
		expect(positionAtEnd([r('x', 1, 5000), r('y', 1, 10)], 1)).toBe(5000 + POSITION_STEP);
	});
});

describe('positionBetween', () => {
	it('is the midpoint between two neighbours', () => {
		expect(positionBetween(1024, 2048)).toBe(1536);
		expect(positionBetween(1024, 1025)).toBe(1024.5);
	});

	it('is one step before the first and after the last', () => {
		expect(positionBetween(null, 1024)).toBe(0);
		expect(positionBetween(3072, null)).toBe(3072 + POSITION_STEP);
	});

	it('is one step when there are no neighbours', () => {
		expect(positionBetween(null, null)).toBe(POSITION_STEP);
	});
});

describe('moveStep within an area', () => {
	it('moves a middle row up between its two upper neighbours', () => {
		expect(moveStep(rows, 'a3', -1, AREAS)).toEqual({ area: 1, position: (1024 + 2048) / 2 });
		expect(ids(apply(rows, 'a3', -1))).toEqual(['a1', 'a3', 'a2', 'b1', 'b2', 'c1']);
	});

	it('moves the second row up before the first', () => {
		expect(moveStep(rows, 'a2', -1, AREAS)).toEqual({ area: 1, position: 1024 - POSITION_STEP });
		expect(ids(apply(rows, 'a2', -1))).toEqual(['a2', 'a1', 'a3', 'b1', 'b2', 'c1']);
	});

	it('moves a row down between its two lower neighbours', () => {
		expect(moveStep(rows, 'a1', 1, AREAS)).toEqual({ area: 1, position: (2048 + 3072) / 2 });
		expect(ids(apply(rows, 'a1', 1))).toEqual(['a2', 'a1', 'a3', 'b1', 'b2', 'c1']);
	});

	it('moves the second-to-last row down after the last', () => {
		expect(moveStep(rows, 'a2', 1, AREAS)).toEqual({ area: 1, position: 3072 + POSITION_STEP });
		expect(ids(apply(rows, 'a2', 1))).toEqual(['a1', 'a3', 'a2', 'b1', 'b2', 'c1']);
	});

	it('works from unsorted input', () => {
		const shuffled = [rows[5], rows[3], rows[0], rows[1], rows[4], rows[2]];
		expect(moveStep(shuffled, 'a3', -1, AREAS)).toEqual(moveStep(rows, 'a3', -1, AREAS));
	});

	it('repeated moves keep producing the intended order', () => {
		let list = rows;
		list = apply(list, 'a3', -1);
		list = apply(list, 'a3', -1);
		expect(ids(list)).toEqual(['a3', 'a1', 'a2', 'b1', 'b2', 'c1']);
		list = apply(list, 'a3', 1);
		list = apply(list, 'a3', 1);
		expect(ids(list)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
	});
});

describe('moveStep across areas', () => {
	it('moves the first row of an area up into the previous area, last', () => {
		expect(moveStep(rows, 'b1', -1, AREAS)).toEqual({ area: 1, position: 3072 + POSITION_STEP });
		expect(ids(apply(rows, 'b1', -1))).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
		expect(apply(rows, 'b1', -1).find((x) => x.id === 'b1')?.area).toBe(1);
	});

	it('moves the last row of an area down into the next area, first', () => {
		expect(moveStep(rows, 'b2', 1, AREAS)).toEqual({ area: 3, position: 1024 - POSITION_STEP });
		const after = apply(rows, 'b2', 1);
		expect(ids(after)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
		expect(sortRows(after.filter((x) => x.area === 3)).map((x) => x.id)).toEqual(['b2', 'c1']);
	});

	it('moves into an empty neighbouring area at the first position', () => {
		const gap = [r('a1', 1, 1024), r('c1', 3, 1024)];
		expect(moveStep(gap, 'c1', -1, 3)).toEqual({ area: 2, position: POSITION_STEP });
		expect(moveStep(gap, 'a1', 1, 3)).toEqual({ area: 2, position: POSITION_STEP });
	});

	it('moves a single row of an area down into the next area', () => {
		const list = [r('a1', 1, 1024), r('b1', 2, 1024), r('b2', 2, 2048)];
		const after = apply(list, 'a1', 1, 2);
		expect(sortRows(after).map((x) => [x.id, x.area])).toEqual([
			['a1', 2],
			['b1', 2],
			['b2', 2]
		]);
	});
});

describe('moveStep at the edges', () => {
	it('is null for the very first row going up', () => {
		expect(moveStep(rows, 'a1', -1, AREAS)).toBeNull();
	});

	it('is null for the very last row going down', () => {
		expect(moveStep(rows, 'c1', 1, AREAS)).toBeNull();
	});

	it('is null past the last area even when that area is empty of rows', () => {
		expect(moveStep([r('x', 2, 1024)], 'x', 1, 2)).toBeNull();
		expect(moveStep([r('x', 2, 1024)], 'x', 1, 3)).toEqual({ area: 3, position: POSITION_STEP });
	});

	it('is null for an unknown row', () => {
		expect(moveStep(rows, 'nope', 1, AREAS)).toBeNull();
	});
});
