/**
 * Period series for the range forms of FUNDINGGAP and CIRCULARFLOW: one cell per period, in a
 * single row or a single column. A single number stands for the same value in every period.
 */
import { ArgumentReader } from './args';

export interface PeriodShape {
  readonly rows: number;
  readonly columns: number;
}

/**
 * The common period shape of several argument grids, each flattened to one value per period
 * (or per tranche: `items` names what one cell stands for in the error message).
 * Throws `#VALUE!` for a 2-D block or for ranges of different shapes. The series may share the
 * grids' arrays (pass fresh grids, as `numberGrid` returns them). Plain index loops: this runs on
 * every call of the range functions, and `flat`, iterators and per-grid objects cost more than
 * the tranche maths (bench/bench.ts).
 */
export function alignPeriods(reader: ArgumentReader, grids: ReadonlyArray<readonly [name: string, grid: number[][]]>, items: 'periods' | 'tranches' = 'periods'): {
  shape: PeriodShape;
  series: number[][];
} {
  let rows = 1;
  let columns = 1;
  let shapeFrom = '';
  for (let g = 0; g < grids.length; g++) {
    const [name, grid] = grids[g];
    const gridRows = grid.length;
    const gridColumns = grid[0].length;
    if (gridRows > 1 && gridColumns > 1) reader.fail(name, { key: items === 'periods' ? 'rule.lineOfPeriods' : 'rule.lineOfTranches' });
    if (gridRows * gridColumns === 1) continue;
    if (shapeFrom && (gridRows !== rows || gridColumns !== columns)) {
      reader.fail(name, { key: 'rule.sameShape', params: { other: shapeFrom, rows, columns } });
    }
    rows = gridRows;
    columns = gridColumns;
    shapeFrom = name;
  }
  const periods = rows * columns;
  const series: number[][] = new Array(grids.length);
  for (let g = 0; g < grids.length; g++) series[g] = lineOf(grids[g][1], periods);
  return { shape: { rows, columns }, series };
}

/** A row or column grid as one value per period; a single number repeated `periods` times. */
function lineOf(grid: number[][], periods: number): number[] {
  if (grid.length === 1 && (grid[0].length > 1 || periods === 1)) return grid[0];
  const line: number[] = new Array(periods);
  for (let i = 0; i < periods; i++) line[i] = grid.length === 1 ? grid[0][0] : grid[i][0];
  return line;
}

/** Lays one value per period back out in the period shape. */
export function toShape(values: readonly number[], shape: PeriodShape): number[][] {
  return shape.rows === 1 ? [values.slice()] : values.map((value) => [value]);
}
