/**
 * Test helper: loads a SheetPlan into the formula engine (src/engine) the way a sink would —
 * the whole used range in one go, names at workbook level — and reads values back.
 * (A candidate for src/engine once the CLI needs the same thing.)
 */
import type { HyperFormula } from 'hyperformula';
import { createEngine, readCell, readName } from '../../src/engine';
import type { CellInput, EngineValue } from '../../src/engine';
import type { PlanCell, SheetPlan } from '../../src/scenarios';
import { isFormulaCell } from '../../src/scenarios';

/** A plan cell as engine input: formulas as text; text that the engine would read as a number, date or formula is kept text with a leading apostrophe. */
export function toCellInput(cell: PlanCell): CellInput {
  if (cell === null) return null;
  if (isFormulaCell(cell)) return cell.formula;
  if (typeof cell === 'string') return /^[\s=+\-@'0-9.]/.test(cell) || /^\d{4}-\d{2}/.test(cell) ? `'${cell}` : cell;
  return cell;
}

export interface LoadedPlan {
  readonly engine: HyperFormula;
  readonly sheet: string;
  /** Value of a cell of the plan's sheet, e.g. `value('B12')`. */
  value(address: string): EngineValue;
  /** Value of a workbook name of the plan. */
  name(name: string): EngineValue;
}

/** Loads one plan on a sheet of its own, with its names at workbook level. */
export function loadPlan(plan: SheetPlan, sheet = plan.sheetName): LoadedPlan {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const names = Object.fromEntries(plan.names.map((n) => [n.name, `=${quoted}!${absolute(n.address)}`]));
  const engine = createEngine({ sheets: { [sheet]: plan.cells.map((row) => row.map(toCellInput)) }, names });
  return {
    engine,
    sheet,
    value: (address) => readCell(engine, `${quoted}!${address}`),
    name: (name) => readName(engine, name),
  };
}

function absolute(address: string): string {
  return address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}
