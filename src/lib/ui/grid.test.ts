import { describe, it, expect } from 'vitest';
import { moveInGrid, type GridKey } from './grid';

const ROWS = 3;
const COLS = 4;
const move = (row: number, col: number, key: GridKey) => moveInGrid({ row, col }, key, ROWS, COLS);

describe('arrows', () => {
	it('move one cell in their direction', () => {
		expect(move(1, 1, 'ArrowUp')).toEqual({ row: 0, col: 1 });
		expect(move(1, 1, 'ArrowDown')).toEqual({ row: 2, col: 1 });
		expect(move(1, 1, 'ArrowLeft')).toEqual({ row: 1, col: 0 });
		expect(move(1, 1, 'ArrowRight')).toEqual({ row: 1, col: 2 });
	});

	it('stay put at the edges instead of wrapping', () => {
		expect(move(0, 2, 'ArrowUp')).toEqual({ row: 0, col: 2 });
		expect(move(2, 2, 'ArrowDown')).toEqual({ row: 2, col: 2 });
		expect(move(1, 0, 'ArrowLeft')).toEqual({ row: 1, col: 0 });
		expect(move(1, 3, 'ArrowRight')).toEqual({ row: 1, col: 3 });
	});
});

describe('Home and End', () => {
	it('jump to the first and last column of the same row', () => {
		expect(move(2, 2, 'Home')).toEqual({ row: 2, col: 0 });
		expect(move(2, 1, 'End')).toEqual({ row: 2, col: 3 });
		expect(move(0, 0, 'Home')).toEqual({ row: 0, col: 0 });
		expect(move(0, 3, 'End')).toEqual({ row: 0, col: 3 });
	});
});

describe('Tab', () => {
	it('moves right within a row', () => {
		expect(move(0, 0, 'Tab')).toEqual({ row: 0, col: 1 });
		expect(move(1, 2, 'Tab')).toEqual({ row: 1, col: 3 });
	});

	it('wraps from the last column to the first column of the next row', () => {
		expect(move(0, 3, 'Tab')).toEqual({ row: 1, col: 0 });
		expect(move(1, 3, 'Tab')).toEqual({ row: 2, col: 0 });
	});

	it('is null after the last cell, so focus leaves the table', () => {
		expect(move(2, 3, 'Tab')).toBeNull();
	});

	it('visits every cell once, in reading order', () => {
		const visited: string[] = [];
		let pos: { row: number; col: number } | null = { row: 0, col: 0 };
		while (pos) {
			visited.push(`${pos.row},${pos.col}`);
			pos = moveInGrid(pos, 'Tab', ROWS, COLS);
		}
		expect(visited).toHaveLength(ROWS * COLS);
		expect(visited[4]).toBe('1,0');
		expect(visited.at(-1)).toBe('2,3');
	});
});

describe('ShiftTab', () => {
	it('moves left within a row', () => {
		expect(move(1, 2, 'ShiftTab')).toEqual({ row: 1, col: 1 });
	});

	it('wraps from the first column to the last column of the previous row', () => {
		expect(move(1, 0, 'ShiftTab')).toEqual({ row: 0, col: 3 });
		expect(move(2, 0, 'ShiftTab')).toEqual({ row: 1, col: 3 });
	});

	it('is null before the first cell', () => {
		expect(move(0, 0, 'ShiftTab')).toBeNull();
	});

	it('undoes Tab', () => {
		for (let row = 0; row < ROWS; row++) {
			for (let col = 0; col < COLS; col++) {
				const next = move(row, col, 'Tab');
				if (next) expect(moveInGrid(next, 'ShiftTab', ROWS, COLS)).toEqual({ row, col });
			}
		}
	});
});

describe('degenerate grids', () => {
	it('is null for an empty grid', () => {
		expect(moveInGrid({ row: 0, col: 0 }, 'ArrowDown', 0, 4)).toBeNull();
		expect(moveInGrid({ row: 0, col: 0 }, 'Tab', 3, 0)).toBeNull();
	});

	it('in a single cell, arrows stay and Tab/ShiftTab leave', () => {
		const one = { row: 0, col: 0 };
		expect(moveInGrid(one, 'ArrowRight', 1, 1)).toEqual(one);
		expect(moveInGrid(one, 'ArrowDown', 1, 1)).toEqual(one);
		expect(moveInGrid(one, 'Tab', 1, 1)).toBeNull();
		expect(moveInGrid(one, 'ShiftTab', 1, 1)).toBeNull();
	});

	it('in a single column, Tab goes down a row', () => {
		expect(moveInGrid({ row: 0, col: 0 }, 'Tab', 2, 1)).toEqual({ row: 1, col: 0 });
		expect(moveInGrid({ row: 1, col: 0 }, 'ShiftTab', 2, 1)).toEqual({ row: 0, col: 0 });
	});
});
