/**
 * What the page's views (grid.ts, names.ts, main.ts) need of a workbook, and the rules they share
 * with it. Two things provide it: WorkbenchBook (workbook.ts, the engine itself, in the engine's
 * Web Worker and in the tests) and BookMirror (bookMirror.ts, the page's copy of what the worker
 * computed). No engine here, so the page's bundle never carries HyperFormula.
 */
import type { EngineScalar } from '../engine';
import type { BookEvent, EditOutcome, SheetModel } from './workbook';

/** Excel's default column width in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

export interface BookView {
  /** The sheets in tab order. */
  readonly sheets: SheetModel[];
  readonly active: number;
  sheet(id: number): SheetModel;
  activate(id: number): void;
  onChange(listener: (event: BookEvent) => void): () => void;
  usedSize(id: number): { rows: number; columns: number };
  values(id: number): EngineScalar[][];
  value(id: number, row: number, col: number): EngineScalar;
  formula(id: number, row: number, col: number): string | undefined;
  inputText(id: number, row: number, col: number): string;
  isEditable(id: number, row: number, col: number): boolean;
  guardedFormulaBlock(id: number, row: number, col: number): string | undefined;
  /** An edit and its undo and redo: the engine's outcome once it has recalculated (throws or rejects with the reason it refused). */
  setInput(id: number, row: number, col: number, typed: string): EditOutcome | Promise<EditOutcome>;
  undo(): EditOutcome | undefined | Promise<EditOutcome | undefined>;
  redo(): EditOutcome | undefined | Promise<EditOutcome | undefined>;
}

/** Whether the cell may be edited: not on a protected sheet, or one of its inputs. */
export function isEditableCell(model: SheetModel, row: number, col: number): boolean {
  return !model.protected || model.inputs.has(cellKey(row, col));
}

/** The title of the Calculations or Outputs block a formula cell is in (an edit would overwrite a calculation), else undefined. */
export function guardedBlockOf(model: SheetModel, row: number, hasFormula: boolean): string | undefined {
  if (!hasFormula) return undefined;
  const block = model.blocks.find((b) => row >= b.firstRow && row <= b.lastRow);
  return block?.guarded ? block.title : undefined;
}
