/**
 * The workbench's workbook: a formula-engine workbook (src/engine) plus what the engine does not
 * keep and a grid needs to look like Excel: each sheet's number formats, cell looks (STYLE_GUIDE),
 * column widths, frozen panes, named outputs and charts, taken from the SheetPlan it was loaded
 * from. No DOM here; the views (grid.ts, names.ts) read it and listen to its changes.
 *
 *     const book = new WorkbenchBook(messages);
 *     const sink = workbenchSink(book, messages);   // a PlanSink for mountTaskpane
 *     await sink.load(buildSheetPlan(scenarioById('amd'), messages));
 *     book.setInput(book.active, 14, 1, '600');      // AMD price → every dependent cell recalculates
 */
import { CellType } from 'hyperformula';
import type { HyperFormula } from 'hyperformula';
import { format as formatNumber, isDateFormat, parseValue } from 'numfmt';
import { cellFormula, createEngine, fromCellValue, setCell } from '../engine';
import type { CellInput, EngineScalar } from '../engine';
import { addPlanSheet, sheetValues } from '../engine/planSheet';
import { formatMessage as text } from '../i18n';
import type { Messages } from '../i18n';
import { a1, numberFormatGrid, STYLE_GUIDE } from '../scenarios';
import type { ChartPlan, PlanCell, SheetPlan, StyleLook } from '../scenarios';
import type { LoadResult, PlanSink } from '../taskpane/sink';
import type { SheetToSave } from '../xlsx/workbookFile';

/** Excel's default column width in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

export interface NamedOutput {
  readonly name: string;
  /** Cell on its sheet, e.g. `B74`. */
  readonly address: string;
  readonly label: string;
  readonly unit: string;
  /** Defined on its sheet because the workbook already had the name (a second copy of a preset). */
  readonly sheetScoped: boolean;
}

export interface SheetModel {
  /** The engine's sheet id. */
  readonly id: number;
  readonly name: string;
  /** The plan the sheet was loaded from; none for the scratch sheet. */
  readonly plan?: SheetPlan;
  /** Number format by cell key (`row:col`); General where absent. */
  readonly formats: ReadonlyMap<string, string>;
  /** Look by cell key, the plan's styles merged in order. */
  readonly looks: ReadonlyMap<string, StyleLook>;
  /** Column widths in Excel character units (A, B, …); DEFAULT_COLUMN_WIDTH beyond. */
  readonly columnWidths: readonly number[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly names: readonly NamedOutput[];
  readonly charts: readonly ChartPlan[];
}

export type BookEvent =
  | { readonly type: 'sheets' } // a sheet was added (and activated)
  | { readonly type: 'active' } // another sheet was activated
  | { readonly type: 'values'; readonly sheet: number; readonly changed: number }; // cells were edited and recalculated

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

export class WorkbenchBook {
  readonly engine: HyperFormula;
  private readonly models = new Map<number, SheetModel>();
  private readonly listeners = new Set<(event: BookEvent) => void>();
  private activeId: number;

  constructor(messages: Messages) {
    const scratch = text(messages, 'workbench.scratchSheet');
    this.engine = createEngine({ sheets: { [scratch]: [] } });
    this.activeId = this.engine.getSheetId(scratch) as number;
    this.models.set(this.activeId, emptyModel(this.activeId, scratch));
  }

  /** The sheets in tab order. */
  get sheets(): SheetModel[] {
    return this.engine.getSheetNames().map((name) => this.models.get(this.engine.getSheetId(name) as number)!);
  }

  get active(): number {
    return this.activeId;
  }

  sheet(id: number): SheetModel {
    const model = this.models.get(id);
    if (!model) throw new Error(`No sheet with id ${id}`);
    return model;
  }

  activate(id: number): void {
    this.sheet(id);
    if (id === this.activeId) return;
    this.activeId = id;
    this.emit({ type: 'active' });
  }

  onChange(listener: (event: BookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds the plan as a new sheet (addPlanSheet: a free name, names at workbook level or on the
   * sheet when taken) and activates it. On failure removes what it had added and rethrows.
   */
  loadPlan(plan: SheetPlan): { sheetName: string; sheetScopedNames: readonly string[] } {
    const sheetsBefore = new Set(this.engine.getSheetNames());
    const namesBefore = new Set(this.engine.listNamedExpressions());
    let placed;
    try {
      placed = addPlanSheet(this.engine, plan);
    } catch (error) {
      this.rollback(sheetsBefore, namesBefore);
      throw error;
    }
    const scoped = new Set(placed.sheetScopedNames);
    this.models.set(placed.sheetId, planModel(placed.sheetId, placed.sheetName, plan, scoped));
    this.activeId = placed.sheetId;
    this.emit({ type: 'sheets' });
    return { sheetName: placed.sheetName, sheetScopedNames: placed.sheetScopedNames };
  }

  private rollback(sheetsBefore: ReadonlySet<string>, namesBefore: ReadonlySet<string>): void {
    try {
      for (const name of this.engine.listNamedExpressions()) if (!namesBefore.has(name)) this.engine.removeNamedExpression(name);
      for (const name of this.engine.getSheetNames()) if (!sheetsBefore.has(name)) this.engine.removeSheet(this.engine.getSheetId(name) as number);
    } catch {
      // The engine refused the undo too; what is left is an empty extra sheet at worst.
    }
  }

  /** Rows and columns holding something (values, formulas, spilled results). */
  usedSize(id: number): { rows: number; columns: number } {
    const { height, width } = this.engine.getSheetDimensions(id);
    const plan = this.sheet(id).plan;
    return { rows: Math.max(height, plan?.cells.length ?? 0), columns: Math.max(width, plan?.cells[0]?.length ?? 0) };
  }

  /** Every computed value of the sheet's used range, `values[row][col]`. */
  values(id: number): EngineScalar[][] {
    return sheetValues(this.engine, id);
  }

  value(id: number, row: number, col: number): EngineScalar {
    return fromCellValue(this.engine.getCellValue({ sheet: id, row, col })) as EngineScalar;
  }

  /** The formula of a cell as Excel text, or undefined for a value or a blank. */
  formula(id: number, row: number, col: number): string | undefined {
    return cellFormula(this.engine, { sheet: id, row, col });
  }

  /** What the cell editor and the formula bar show: the formula, else the value (a date as its format shows it, as Excel does). */
  inputText(id: number, row: number, col: number): string {
    const formula = this.formula(id, row, col);
    if (formula !== undefined) return formula;
    const raw = this.engine.getCellSerialized({ sheet: id, row, col });
    const format = this.sheet(id).formats.get(cellKey(row, col));
    if (typeof raw === 'number' && format && isDateFormat(format)) {
      try {
        return formatNumber(format, raw);
      } catch {
        return String(raw);
      }
    }
    return rawText(raw);
  }

  /**
   * Enters what was typed into a cell (see parseInput), recalculates, and tells the views how many
   * cells of the sheet changed value. Throws the engine's error for input it refuses.
   */
  setInput(id: number, row: number, col: number, typed: string): number {
    this.sheet(id);
    const before = this.values(id);
    setCell(this.engine, { sheet: id, row, col }, parseInput(typed));
    const after = this.values(id);
    let changed = 0;
    const rows = Math.max(before.length, after.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
      for (let c = 0; c < width; c++) if (!sameValue(before[r]?.[c] ?? null, after[r]?.[c] ?? null)) changed++;
    }
    this.emit({ type: 'values', sheet: id, changed });
    return changed;
  }

  /**
   * The workbook as the xlsx writer takes it (src/xlsx/workbookFile.ts): every sheet that holds
   * something, its cells as they are now (edited inputs included) with their computed values, a
   * spilled result as its formula alone.
   */
  toSave(): SheetToSave[] {
    const out: SheetToSave[] = [];
    for (const model of this.sheets) {
      const { rows, columns } = this.usedSize(model.id);
      if (rows === 0 || columns === 0) continue;
      const values = this.values(model.id);
      const cells: PlanCell[][] = [];
      for (let r = 0; r < rows; r++) {
        const row: PlanCell[] = [];
        for (let c = 0; c < columns; c++) row.push(this.currentCell(model, r, c));
        cells.push(row);
      }
      // A later copy's names belong to its sheet in the engine; the xlsx writer defines names at
      // workbook level only, so the copy's are left out (the plan's contract allows skipping them).
      const sheetScoped = new Set(model.names.filter((n) => n.sheetScoped).map((n) => n.name));
      const plan: SheetPlan = model.plan
        ? { ...model.plan, cells, names: model.plan.names.filter((n) => !sheetScoped.has(n.name)) }
        : scratchPlan(model.name, cells);
      out.push({ name: model.name, plan, values });
    }
    return out;
  }

  /** A cell as a plan cell: its formula, its value, or null (blank, or a spilled result). */
  private currentCell(model: SheetModel, row: number, col: number): PlanCell {
    const address = { sheet: model.id, row, col };
    const formula = this.formula(model.id, row, col);
    if (formula !== undefined) return { formula };
    if (this.engine.getCellType(address) === CellType.ARRAY) return null; // part of a spilled result
    const raw = this.engine.getCellSerialized(address);
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (typeof raw === 'string') return raw.startsWith("'") ? raw.slice(1) : raw;
    return null;
  }

  private emit(event: BookEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * What typing into a cell means, as in Excel: `=…` a formula; `'…` text kept as typed; nothing
 * clears the cell; a number, percentage, date or logical value as Excel reads it (`600`, `1,000`,
 * `45%`, `2025-10-06`, `TRUE`; numfmt's parseValue); anything else text.
 */
export function parseInput(typed: string): CellInput {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('=')) return trimmed;
  if (typed.startsWith("'")) return typed;
  const parsed = parseValue(trimmed, { locale: 'en-US' });
  if (parsed && (typeof parsed.v === 'number' || typeof parsed.v === 'boolean') && (typeof parsed.v !== 'number' || Number.isFinite(parsed.v))) return parsed.v;
  // Text the engine would read as a number, date or formula stays text.
  return `'${typed}`;
}

function rawText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'string') return raw.startsWith("'") ? raw.slice(1) : raw;
  return String(raw);
}

function sameValue(a: EngineScalar, b: EngineScalar): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error && a.message === b.message;
  return false;
}

function emptyModel(id: number, name: string): SheetModel {
  return { id, name, formats: new Map(), looks: new Map(), columnWidths: [], freeze: { rows: 0, columns: 0 }, names: [], charts: [] };
}

function planModel(id: number, name: string, plan: SheetPlan, sheetScoped: ReadonlySet<string>): SheetModel {
  const formats = new Map<string, string>();
  numberFormatGrid(plan).forEach((row, r) => row.forEach((format, c) => format !== 'General' && formats.set(cellKey(r, c), format)));
  const looks = new Map<string, StyleLook>();
  for (const { range, style } of plan.styles) {
    for (const { row, col } of a1.rangeCells(a1.parseRange(range))) {
      const key = cellKey(row, col);
      looks.set(key, { ...looks.get(key), ...STYLE_GUIDE[style] });
    }
  }
  return {
    id,
    name,
    plan,
    formats,
    looks,
    columnWidths: plan.columnWidths,
    freeze: plan.freeze,
    names: plan.names.map((n) => ({ name: n.name, address: n.address, label: n.label, unit: n.unit, sheetScoped: sheetScoped.has(n.name) })),
    charts: plan.charts,
  };
}

/** A plan for a sheet typed into by hand: its cells only. */
function scratchPlan(name: string, cells: PlanCell[][]): SheetPlan {
  return {
    presetId: '',
    sheetName: name,
    title: name,
    description: '',
    cells,
    numberFormats: [],
    styles: [],
    names: [],
    charts: [],
    columnWidths: [],
    freeze: { rows: 0, columns: 0 },
    spills: [],
    links: [],
    inputs: [],
    checks: [],
    allChecks: '',
    anchors: {},
  };
}

/**
 * The PlanSink of the workbench: loads a plan into the book through the engine (as the add-in's
 * sink writes it into Excel), resolves with the new sheet's name and, when the plan's names were
 * already taken by an earlier copy, the line saying they belong to the sheet; rejects with a
 * translated reason after removing what it had added.
 */
export function workbenchSink(book: WorkbenchBook, messages: Messages): PlanSink {
  return {
    async load(plan: SheetPlan): Promise<LoadResult> {
      // Let the task pane show its busy state before the engine works synchronously.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      let loaded;
      try {
        loaded = book.loadPlan(plan);
      } catch (error) {
        const detail = error instanceof Error && error.message ? error.message : text(messages, 'taskpane.error.unknown');
        throw new Error(text(messages, 'workbench.error.load', { detail }));
      }
      if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`workbench:loaded:${loaded.sheetName}`);
      return {
        sheetName: loaded.sheetName,
        ...(loaded.sheetScopedNames.length > 0 ? { detail: text(messages, 'taskpane.namesOnSheet') } : {}),
      };
    },
  };
}
