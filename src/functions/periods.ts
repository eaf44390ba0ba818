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
 * Throws `#VALUE!` for a 2-D block or for ranges of different shapes.
 */
export function alignPeriods(reader: ArgumentReader, grids: ReadonlyArray<readonly [name: string, grid: number[][]]>, items: 'periods' | 'tranches' = 'periods'): {
  shape: PeriodShape;
  series: number[][];
} {
  let shape: PeriodShape = { rows: 1, columns: 1 };
  let shapeFrom = '';
  for (const [name, grid] of grids) {
    const rows = grid.length;
    const columns = grid[0].length;
    if (rows > 1 && columns > 1) reader.fail(name, { key: items === 'periods' ? 'rule.lineOfPeriods' : 'rule.lineOfTranches' });
    if (rows * columns === 1) continue;
    if (shapeFrom && (rows !== shape.rows || columns !== shape.columns)) {
      reader.fail(name, { key: 'rule.sameShape', params: { other: shapeFrom, rows: shape.rows, columns: shape.columns } });
    }
    shape = { rows, columns };
    shapeFrom = name;
  }
  const periods = shape.rows * shape.columns;
  const series = grids.map(([, grid]) => {
    const flat = grid.flat();
    return flat.length === 1 ? new Array<number>(periods).fill(flat[0]) : flat;
  });
  return { shape, series };
}

/** Lays one value per period back out in the period shape. */
export function toShape(values: readonly number[], shape: PeriodShape): number[][] {
  return shape.rows === 1 ? [values.slice()] : values.map((value) => [value]);
}
