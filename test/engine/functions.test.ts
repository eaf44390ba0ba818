/**
 * Every DEALS function through the engine equals a direct call of its implementation on the same
 * arguments, through both paths: `evaluateFormula` and a formula stored in a cell (read back whole
 * when it spills). Arguments are written as Excel writes them: uppercase exponents, bare TRUE/FALSE,
 * omitted optionals, blank cells, ranges of cells, inline arrays.
 */
import { DEALS_FUNCTIONS, DealsFunctionSpec } from '../../src/functions/catalog';
import { createEngine, EngineValue, evaluateFormula, readCell, setCell } from '../../src/engine';

type Cell = number | string | boolean | null;

/** An argument as written in a formula, and what Excel hands the function for it. */
type Arg =
  | number
  | string
  | boolean
  | { omitted: true }
  | { blank: true }
  | { cell: Cell }
  | { range: Cell[][] }
  | { inline: number[][] };

const OMIT: Arg = { omitted: true };
const BLANK: Arg = { blank: true };
const range = (...rows: Cell[][]): Arg => ({ range: rows });
const column = (...values: Cell[]): Arg => ({ range: values.map((v) => [v]) });
const inline = (...rows: number[][]): Arg => ({ inline: rows });
const cell = (value: Cell): Arg => ({ cell: value });

/** A number as Excel may show it: 1.6E+8, 1E-06, or as JavaScript prints it. */
function excelNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) {
    const [mantissa, exponent] = n.toExponential().split('e');
    const e = Number(exponent);
    return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(e < 0 ? 2 : 1, '0')}`;
  }
  return String(n);
}

function literal(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return excelNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `"${value.replace(/"/g, '""')}"`;
}

function columnName(index: number): string {
  return String.fromCharCode(65 + index);
}

interface Built {
  formula: string;
  direct: unknown[];
  /** Cells the formula's references need, as [row, col, value] on sheet Data. */
  cells: Array<[number, number, Cell]>;
}

/** The formula text for a call, the direct arguments, and the data cells it references. */
function build(name: string, args: readonly Arg[]): Built {
  const cells: Array<[number, number, Cell]> = [];
  let nextRow = 0;
  const place = (rows: Cell[][]): string => {
    const top = nextRow;
    rows.forEach((row, r) => row.forEach((value, c) => cells.push([top + r, c, value])));
    nextRow += rows.length + 1;
    return `Data!$A$${top + 1}:$${columnName(rows[0].length - 1)}$${top + rows.length}`;
  };
  const texts: string[] = [];
  const direct: unknown[] = [];
  for (const arg of args) {
    if (typeof arg !== 'object') {
      texts.push(literal(arg));
      direct.push(arg);
    } else if ('omitted' in arg) {
      texts.push('');
      direct.push(null);
    } else if ('blank' in arg) {
      texts.push(`Data!$Z$${1000 + texts.length}`);
      direct.push(null);
    } else if ('cell' in arg) {
      const ref = place([[arg.cell]]);
      texts.push(ref.split(':')[0]);
      direct.push(arg.cell);
    } else if ('range' in arg) {
      texts.push(place(arg.range));
      direct.push(arg.range);
    } else {
      texts.push(`{${arg.inline.map((row) => row.map(excelNumber).join(',')).join(';')}}`);
      direct.push(arg.inline);
    }
  }
  return { formula: `=DEALS.${name}(${texts.join(',')})`, direct, cells };
}

/** What the engine should give: the implementation's value (a 1×1 array as its one value) or its error. */
function expected(spec: DealsFunctionSpec, direct: unknown[]): EngineValue {
  try {
    const value = (spec.implementation as (...args: unknown[]) => unknown)(...direct);
    if (Array.isArray(value) && value.length === 1 && value[0].length === 1) return value[0][0];
    return value as EngineValue;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { error: code, message };
  }
}

const CASES: Record<string, Arg[][]> = {
  WARRANTVALUE: [
    [160000000, 0.01, 600],
    [1.6e8, 0.01, 600, 0.55, 3.5, 0.04, 0],
    [1e6, 5, 100, 0.5, 2, 0.03, 0.01, 1.6e9, true],
    [1e6, 5, 100, 0.5, 2, 0.03, 0.01, 1.6e9, false],
    [1e6, 5, 100, OMIT, OMIT, 0.04, OMIT, 1.6e9],
    [1e6, 5, 100, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK],
    [cell(2.5e7), cell(0.01), cell(212.5), cell(0.6), cell(4.25)],
    [1e6, 5, 100, 0.5, 2, OMIT, OMIT, 1.6e9, OMIT],
    [-5, 0.01, 600],
    [1, 2, 3, 0.5],
    [1, 'x', 3],
    [true, 1, 2],
    [1, 2, 3, OMIT, OMIT, OMIT, OMIT, OMIT, 'yes'],
    [1, 2, OMIT],
  ],
  TRANCHEVALUE: [
    [1e6, 100, 80, 150, 0.5, 3, 0.04, 0, 0.8],
    [1, 100, 160, 150, 0.5, 3],
    [3.2e7, 0.01, 165, 600, 0.6, 4.75, 0.04, OMIT, 0.5],
    [1, 100, 80, 150, BLANK, 3],
    [1, 100, 80, 150, 0.5, 3, OMIT, OMIT, 1.5],
    [1, 100, 80, -150, 0.5, 3],
    [column(1e6, 2e6), 0.01, 165, column(200, 600), 0.5, 5, 0.04, OMIT, column(1, 0.5), 252],
    [range([1e6, 2e6]), 0.01, 165, 600, 0.5, 5, 0.04, 0, 0.5, OMIT],
    [column(1e6, 2e6), 0.01, 165, column(200, 300, 600), 0.5, 5],
    [1, 100, 80, 150, 0.5, 3, OMIT, OMIT, OMIT, -1],
  ],
  TRANCHEGREEKS: [
    [1e6, 100, 80, 150, 0.5, 3, 0.04, 0, 0.8],
    [column(1e6, 2e6), 0.01, 165, column(200, 600), 0.5, 5, 0.04, OMIT, column(1, 0.5), 252],
    [1, 100, 80, 150, BLANK, 3],
  ],
  TRANCHEBREAKEVEN: [
    [column(1e6, 2e6), 0.01, 1e8, column(200, 600), 0.5, 5, 0.04, OMIT, column(1, 0.5), 252],
    [1e6, 100, 5e7, 150, 0.5, 3],
    [1e6, 100, 5e7, 150, 0.5, 3, OMIT, OMIT, 0],
    [1e6, 100, -1, 150, 0.5, 3],
  ],
  BREAKEVENPRICE: [
    [160000000, 0.01, 90000000000],
    [1.6e8, 0.01, 9e10, 0.5, 1, 0.04, 0.01],
    [1e6, 100, 5e7, 0.3, 2],
    [1, 100, 5, 0.5, OMIT],
    [1, 100, -1],
    [1e-300, 0, 1e300],
  ],
  WARRANTGREEKS: [
    [1e6, 100, 120, 0.5, 2, 0.04, 0.01],
    [1, 100, 100, 0.3, 1],
    [cell(1), cell(100), cell(100), cell(0.3), cell(1), BLANK, BLANK],
    [1, 100, 100, OMIT, 1],
  ],
  FUNDINGGAP: [
    [2000, 1200],
    [range([100, 120, 150]), range([80, 130, 100]), 5],
    [column(1, 2, 3), column(3, 2, 1)],
    [inline([100, 120]), inline([80, 130]), 5],
    [inline([100], [120]), 90],
    [range([1, 2, 3]), 10, OMIT],
    [range([1.5e9, 2.5e9]), range([1e9, 1e9]), BLANK],
    [range([1, 2, 3]), range([1, 2])],
    [range([1, null, 3]), range([1, 2, 3])],
    [range([1, 2], [3, 4]), 1],
    [range([1, 'x']), 1],
  ],
  REQUIREDREVENUE: [[500, 0.25], [5e11, 0.25], [cell(500), cell(0.25)], [500, 0], ['500', 0.25], [BLANK, 0.25]],
  SHORTFALLPROB: [
    [2000, 1200, 0.1, 0.3, 5],
    [2e12, 1.2e12, 0.1, 0.3, 5],
    [2000, 1200, -0.05, 0.3, 5],
    [2000, 1200, 0.1, 0, 5],
    [2000, 1200, 0.1, 0.3],
  ],
  CIRCULARFLOW: [
    [10, 35, OMIT, OMIT, 'roundTripShare'],
    [10, 35],
    [10, 35, 0.75, 2],
    [1e10, 3.5e10, 0.75, 0, 'vendorNetCash'],
    [10, 35, BLANK, BLANK, 'netPrice'],
    [range([10, 20, 30]), range([35, 40, 50]), 0.6, 0, 'vendorNetCash'],
    [range([10, 20, 30]), range([35, 40, 50])],
    [range([10, 20, 30]), range([35, 40, 50]), 0.6, OMIT, OMIT, true],
    [column(10, 20), column(35, 40), column(0.5, 0.6), 1, 'netPrice', true],
    [inline([10, 20]), inline([35, 40]), 0.5, OMIT, 'ROUNDTRIPSHARE', false],
    [10, 35, OMIT, OMIT, 'foo'],
    [10, 0],
    [range([10, 20]), range([35, 40, 50])],
  ],
  FUNDINGRISK: [
    [range([10, 20, 30]), 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3],
    [column(10, 20, 30), 12, 0.3, 0.4, OMIT, OMIT, column(1, 2, 3), 2000, 4, 'ranOutProb'],
    [range([10, 20, 30]), 12, 0.3, 0.4, 1, 0, range([1, 2, 3]), 1000, 0, 'P95'],
    [inline([5, 6]), 8, 0.1, 0.3, BLANK, BLANK, BLANK, 1000, BLANK],
    [100, 80, 0.1, 0.4, 1, 0, 0, 1000, 7, 'shortfallProb'],
    [range([10, 20, 30]), 12, 0.3, 0.4, 1, 0, range([1, 2]), 1000, 1],
    [range([10, 20, 30]), 12, 0.3, 0.4, 1, 0, 0, 999, 1],
    [range([10, 20, 30]), 12, 0.3, 0.4, 1, 0, 0, 1000, 1, 'p99'],
    [range([10, 20, 30]), 12, range([0.5, 0.3, 0.1]), 0.4, range([0.4, 0.5, 0.6]), 5, 2, 1000, 3, OMIT, 4],
    [column(10, 20, 30), 12, column(0.5, 0.3, 0.1), 0.4, 0.5, 5, column(1, 2, 3), 1000, 3, 'needP95', 4],
    [range([10, 20, 30]), 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'expectedShortfall', 2],
    [range([10, 20, 30]), 12, range([0.5, 0.3]), 0.4, 0.5, 5, 2, 1000, 3],
    [range([10, 20, 30]), 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'needP50', -1],
    [range([10, 20, 30]), 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'needP50', 'ten'],
  ],
};

describe('every DEALS function through the engine equals its implementation', () => {
  it('covers every function in the catalog', () => {
    expect(Object.keys(CASES).sort()).toEqual(DEALS_FUNCTIONS.map((spec) => spec.name).sort());
  });

  for (const spec of DEALS_FUNCTIONS) {
    describe(spec.name, () => {
      for (const args of CASES[spec.name] ?? []) {
        const { formula, direct, cells } = build(spec.name, args);
        it(formula, () => {
          const data: Cell[][] = [];
          for (const [r, c, value] of cells) {
            data[r] ??= [];
            data[r][c] = value;
          }
          const engine = createEngine({ sheets: { Sheet1: [], Data: Array.from(data, (row) => Array.from(row ?? [], (v) => v ?? null)) } });
          const want = expected(spec, direct);

          expect(evaluateFormula(engine, formula)).toEqual(want);

          setCell(engine, 'Sheet1!B2', formula);
          expect(readCell(engine, 'Sheet1!B2')).toEqual(want);
          if (Array.isArray(want)) {
            // The spill covers exactly the result: its last cell holds the last value, the cells beyond are blank.
            const rows = want.length;
            const columns = want[0].length;
            const last = `Sheet1!${columnName(columns)}${rows + 1}`;
            expect(readCell(engine, last)).toEqual(want[rows - 1][columns - 1]);
            expect(engine.isCellPartOfArray(engine.simpleCellAddressFromString(`Sheet1!${columnName(columns + 1)}${rows + 1}`, 0)!)).toBe(false);
            expect(engine.isCellPartOfArray(engine.simpleCellAddressFromString(`Sheet1!${columnName(columns)}${rows + 2}`, 0)!)).toBe(false);
          }
        });
      }
    });
  }
});
