/**
 * The formula-engine sink: a SheetPlan written into an engine workbook as a new sheet, the way the
 * Excel sink writes it into Excel — a free sheet name ("AMD warrants (2)" when taken), the whole
 * used range in one assignment, the plan's names at workbook level or, when a name is already
 * taken (a second copy of a preset), at the level of the new sheet. Used by the CLI, the browser
 * workbench and the tests.
 */
import type { HyperFormula } from 'hyperformula';
import { a1, isFormulaCell, PlanCell, SheetPlan } from '../scenarios';
import { freeSheetName } from '../scenarios/sheetNames';
import { CellInput, EngineScalar, fromCellValue, setCell } from './engine';

export interface PlanOnSheet {
  readonly sheetName: string;
  readonly sheetId: number;
  /** The plan's names that had to be defined on the sheet because the workbook already had them. */
  readonly sheetScopedNames: readonly string[];
}

/**
 * A plan cell as engine input. Text the engine would read as a number, date or formula ("6 GW" is
 * safe, "2025-10-06" or "=x" is not) is kept text by a leading apostrophe, as in Excel.
 */
export function toCellInput(cell: PlanCell): CellInput {
  if (cell === null) return null;
  if (isFormulaCell(cell)) return cell.formula;
  if (typeof cell === 'string') return /^[\s=+\-@'0-9.]/.test(cell) || /^\d{4}-\d{2}/.test(cell) ? `'${cell}` : cell;
  return cell;
}

/** `'Sheet name'!$B$12` for a cell of the plan's sheet. */
export function sheetAddress(sheetName: string, address: string): string {
  const { row, col } = a1.parseCell(address);
  return `'${sheetName.replace(/'/g, "''")}'!${a1.formatCell(row, col, true)}`;
}

/** Adds the plan as a new sheet of the workbook; nothing already there is changed. */
export function addPlanSheet(engine: HyperFormula, plan: SheetPlan): PlanOnSheet {
  const sheetName = engine.addSheet(freeSheetName(plan.sheetName, engine.getSheetNames()));
  const sheetId = engine.getSheetId(sheetName) as number;
  const sheetScopedNames: string[] = [];
  engine.batch(() => {
    setCell(engine, { sheet: sheetId, row: 0, col: 0 }, plan.cells.map((row) => row.map(toCellInput)));
    for (const { name, address } of plan.names) {
      const taken = engine.getNamedExpression(name) !== undefined;
      engine.addNamedExpression(name, `=${sheetAddress(sheetName, address)}`, taken ? sheetId : undefined);
      if (taken) sheetScopedNames.push(name);
    }
  });
  return { sheetName, sheetId, sheetScopedNames };
}

/** Every computed value of a sheet's used range, `values[row][col]`, errors as `{ error, message }`. */
export function sheetValues(engine: HyperFormula, sheetId: number): EngineScalar[][] {
  return engine.getSheetValues(sheetId).map((row) => row.map((value) => fromCellValue(value) as EngineScalar));
}
