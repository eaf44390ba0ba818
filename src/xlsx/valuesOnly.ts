/**
 * "Export values": a sheet for readers without the add-in (another organisation, LibreOffice, a
 * phone). Every formula is replaced by the value it had when exported, so no application
 * recalculates anything: a file with DEALS formulas shows #NAME? in any cell that an application
 * without the add-in recomputes (LibreOffice Calc recomputes array formulas and TRUE/FALSE
 * formulas on load: test/xlsx.test.ts counts them), beside cells that keep their cached values.
 * A note row below the model says so. Names, styles, formats and widths stay; the workbook names no
 * add-in (`workbookBuffer(…, null)`), since nothing in it needs one.
 */
import { a1, isFormulaCell } from '../scenarios';
import type { PlanCell } from '../scenarios';
import type { CachedValue, SheetToSave } from './workbookFile';

/** The sheet with every formula replaced by its cached value, and `note` in column A two rows below the model. */
export function valuesOnlySheet(sheet: SheetToSave, note: string): SheetToSave {
  const { plan, values } = sheet;
  const width = plan.cells[0]?.length ?? 1;
  // A formula cell becomes empty in the plan; its value, as a spilled value's, comes from `values`.
  const cells: PlanCell[][] = plan.cells.map((row) => row.map((cell) => (isFormulaCell(cell) ? null : cell)));
  const noteRow = cells.length + 1;
  const blank = () => new Array<PlanCell>(width).fill(null);
  cells.push(blank(), [note, ...blank().slice(1)]);
  const cachedValues: CachedValue[][] = plan.cells.map((row, r) => row.map((_cell, c) => values[r]?.[c] ?? null));
  cachedValues.push(new Array<CachedValue>(width).fill(null), new Array<CachedValue>(width).fill(null));
  const noteAddress = a1.formatCell(noteRow, 0);
  return {
    ...sheet,
    protectFormulas: false, // there is no formula left to protect
    values: cachedValues,
    plan: { ...plan, cells, spills: [], styles: [...plan.styles, { range: noteAddress, style: 'note' }] },
  };
}
