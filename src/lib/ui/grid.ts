// Keyboard movement in the plan table: arrows and Tab move between cells across the areas' rows.
export interface GridPos {
	row: number;
	col: number;
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Tab' | 'ShiftTab' | 'Home' | 'End';

export function moveInGrid(pos: GridPos, key: GridKey, rows: number, cols: number): GridPos | null {
	if (rows === 0 || cols === 0) return null;
	const { row, col } = pos;
	switch (key) {
		case 'ArrowUp':
			return row > 0 ? { row: row - 1, col } : pos;
		case 'ArrowDown':
			return row < rows - 1 ? { row: row + 1, col } : pos;
		case 'ArrowLeft':
			return col > 0 ? { row, col: col - 1 } : pos;
		case 'ArrowRight':
			return col < cols - 1 ? { row, col: col + 1 } : pos;
		case 'Home':
			return { row, col: 0 };
		case 'End':
			return { row, col: cols - 1 };
		case 'Tab':
			if (col < cols - 1) return { row, col: col + 1 };
			return row < rows - 1 ? { row: row + 1, col: 0 } : null;
		case 'ShiftTab':
			if (col > 0) return { row, col: col - 1 };
			return row > 0 ? { row: row - 1, col: cols - 1 } : null;
	}
}
