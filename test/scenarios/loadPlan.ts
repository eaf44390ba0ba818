/**
 * Test helper: loads a SheetPlan through the formula-engine sink (src/engine/planSheet.ts), as the
 * CLI and the workbench do, and reads values back.
 */
import type { HyperFormula } from 'hyperformula';
import { createEngine, readCell, readName } from '../../src/engine';
import type { EngineValue } from '../../src/engine';
import { addPlanSheet } from '../../src/engine/planSheet';
import type { SheetPlan } from '../../src/scenarios';

export interface LoadedPlan {
  readonly engine: HyperFormula;
  readonly sheet: string;
  /** Value of a cell of the plan's sheet, e.g. `value('B12')`. */
  value(address: string): EngineValue;
  /** Value of a workbook name of the plan. */
  name(name: string): EngineValue;
}

/** Loads one plan on a sheet of its own in a new workbook, with its names at workbook level. */
export function loadPlan(plan: SheetPlan): LoadedPlan {
  const engine = createEngine();
  const { sheetName } = addPlanSheet(engine, plan);
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  return {
    engine,
    sheet: sheetName,
    value: (address) => readCell(engine, `${quoted}!${address}`),
    name: (name) => readName(engine, name),
  };
}
