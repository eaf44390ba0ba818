/**
 * The workbench's workbook: a formula-engine workbook (src/engine) plus what the engine does not
 * keep and a grid needs to look like Excel: each sheet's number formats, cell looks (STYLE_GUIDE),
 * column widths, frozen panes, named outputs and charts, taken from the SheetPlan it was loaded
 * from. No DOM here: the page runs it in the engine's Web Worker (engineHost.ts) and its views
 * (grid.ts, names.ts) read the page's BookMirror of it; the tests use it directly.
 *
 *     const book = new WorkbenchBook(messages);
 *     const sink = workbenchSink(book, messages);   // a PlanSink for mountTaskpane
 *     await sink.load(buildSheetPlan(scenarioById('amd'), messages));
 *     book.setInput(book.active, 14, 1, '600');      // AMD price → every dependent cell recalculates
 *     book.undo();                                   // and back
 *
 * Edits are kept for undo and redo (Ctrl+Z / Ctrl+Y): each remembers the cell's content before
 * and after, as typed. A sheet loaded with "protect formulas" takes edits of its input cells only.
 *
 * `book.inLanguage(messages, buildPlan)` is the same workbook in another language (the workbench's
 * language switch): every preset sheet written again from its preset's plan in that language, in
 * the same order and protected as before, and every cell the user changed (what `changedCells`
 * lists: its content now differs from what was there before the first edit) put back as it is.
 */
import { CellType } from 'hyperformula';
import type { HyperFormula } from 'hyperformula';
import { format as formatNumber, isDateFormat, parseValue } from 'numfmt';
import { cellFormula, createEngine, fromCellValue, setCell } from '../engine';
import type { CellInput, EngineScalar } from '../engine';
import { FormulaLimitError, MAX_FORMULA_CHARS, MAX_FORMULA_DEPTH, MAX_NESTING_LEVELS } from '../engine/limits';
import type { FormulaLimit } from '../engine/limits';
import { addPlanSheet, sheetValues } from '../engine/planSheet';
import { renameSheetReferences } from '../formula/sheetNames';
import { formatMessage as text } from '../i18n';
import type { Messages } from '../i18n';
import { a1, numberFormatGrid, STYLE_GUIDE } from '../scenarios';
import type { ChartPlan, PlanCell, SheetPlan, StyleLook } from '../scenarios';
import type { LoadOptions } from '../taskpane/sink';
import type { SheetToSave } from '../xlsx/workbookFile';
import { cellKey, guardedBlockOf, isEditableCell } from './bookView';
import type { BookView } from './bookView';
import { mark } from './dom';
import type { LoadedSheet } from './planLoader';

export { cellKey, DEFAULT_COLUMN_WIDTH } from './bookView';
export { workbenchSink } from './planLoader';
export type { LoadedSheet, PlanLoader } from './planLoader';

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
  /** Loaded with "protect formulas": only the input cells (`inputs`) may be edited. */
  readonly protected: boolean;
  /** Keys (`row:col`) of the plan's input cells. */
  readonly inputs: ReadonlySet<string>;
  /** The plan's blocks (Inputs, Calculations, Outputs …) by rows, from their headings. */
  readonly blocks: ReadonlyArray<{ readonly title: string; readonly firstRow: number; readonly lastRow: number; readonly guarded: boolean }>;
}

/** What an edit (or its undo or redo) did to its sheet. */
export interface EditOutcome {
  readonly sheet: number;
  /** The edited cell, e.g. `B18`. */
  readonly address: string;
  /** Cells of the sheet whose value changed, the edited one included. */
  readonly changed: number;
  /** Of those, how many hold an error now and did not before. */
  readonly errors: number;
  /** The first of them in reading order (row by row), with its message. */
  readonly firstError?: { readonly address: string; readonly code: string; readonly message: string };
}

/** One edit, as the engine took it: the cell's content before and after (a formula as Excel text, a value, null for blank). */
interface Edit {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly before: CellInput;
  readonly after: CellInput;
}

export type BookEvent =
  | { readonly type: 'sheets' } // a sheet was added (and activated), or the workbook replaced (a language switch)
  | { readonly type: 'active' } // another sheet was activated
  | { readonly type: 'values'; readonly sheet: number; readonly changed: number } // cells were edited (or an edit undone) and recalculated
  | { readonly type: 'busy'; readonly busy: boolean }; // the engine started or finished computing (BookMirror only)

export class WorkbenchBook implements BookView {
  readonly engine: HyperFormula;
  private readonly models = new Map<number, SheetModel>();
  private readonly listeners = new Set<(event: BookEvent) => void>();
  private activeId: number;
  private readonly undoStack: Edit[] = [];
  private readonly redoStack: Edit[] = [];
  /** Per sheet, each edited cell's content before its first edit (key `row:col`). */
  private readonly originals = new Map<number, Map<string, CellInput>>();

  constructor(private readonly messages: Messages) {
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
  loadPlan(plan: SheetPlan, options: LoadOptions = {}): LoadedSheet {
    const sheetsBefore = new Set(this.engine.getSheetNames());
    const namesBefore = new Set(this.engine.listNamedExpressions());
    let placed;
    try {
      placed = addPlanSheet(this.engine, plan);
    } catch (error) {
      this.rollback(sheetsBefore, namesBefore);
      throw error;
    }
    mark('load:engine');
    const scoped = new Set(placed.sheetScopedNames);
    this.models.set(placed.sheetId, planModel(placed.sheetId, placed.sheetName, plan, scoped, options.protectFormulas === true, this.messages));
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

  /** Whether the cell may be edited: not on a protected sheet, or one of its inputs. */
  isEditable(id: number, row: number, col: number): boolean {
    return isEditableCell(this.sheet(id), row, col);
  }

  /**
   * The title of the block (Calculations or Outputs) when the cell holds a formula of one: an edit
   * would overwrite a calculation, so the grid asks first. Undefined for any other cell.
   */
  guardedFormulaBlock(id: number, row: number, col: number): string | undefined {
    return guardedBlockOf(this.sheet(id), row, this.formula(id, row, col) !== undefined);
  }

  /** The cell's content as the engine holds it, to put back on undo: a formula as Excel text, a value, or null. */
  private content(id: number, row: number, col: number): CellInput {
    const formula = this.formula(id, row, col);
    if (formula !== undefined) return formula;
    const raw = this.engine.getCellSerialized({ sheet: id, row, col });
    return typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string' ? raw : null;
  }

  /**
   * Enters what was typed into a cell (see parseInput), recalculates, and tells the views how many
   * cells of the sheet changed value and how many turned into errors. The edit can be undone.
   * Throws the engine's error for input it refuses, and for a locked cell of a protected sheet.
   */
  setInput(id: number, row: number, col: number, typed: string): EditOutcome {
    if (!this.isEditable(id, row, col)) throw new Error(`${a1.formatCell(row, col)} is locked: the sheet is protected`);
    const edit: Edit = { sheet: id, row, col, before: this.content(id, row, col), after: parseInput(typed) };
    let outcome;
    try {
      outcome = this.apply(edit, edit.after);
    } catch (error) {
      throw error instanceof FormulaLimitError ? new Error(limitMessage(this.messages, error.limit)) : error;
    }
    this.rememberOriginal(id, row, col, edit.before);
    this.undoStack.push(edit);
    this.redoStack.length = 0;
    return outcome;
  }

  private rememberOriginal(id: number, row: number, col: number, content: CellInput): void {
    let sheet = this.originals.get(id);
    if (!sheet) this.originals.set(id, (sheet = new Map()));
    const key = cellKey(row, col);
    if (!sheet.has(key)) sheet.set(key, content);
  }

  /** The cells of a sheet the user changed and did not change back (undo included), with their content now, in reading order. */
  changedCells(id: number): Array<{ readonly row: number; readonly col: number; readonly content: CellInput }> {
    const changed = [];
    for (const [key, original] of this.originals.get(id) ?? []) {
      const [row, col] = key.split(':').map(Number);
      const content = this.content(id, row, col);
      if (content !== original) changed.push({ row, col, content });
    }
    return changed.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /**
   * This workbook in the language of `messages`, as a new book: the scratch sheet (named in that
   * language) and each preset sheet, in tab order, written again from `buildPlan(presetId)` (its
   * name the plan's, `(2)` for a second copy as before, protected if it was), then every cell of
   * `changedCells` put back (they stay changed cells of the new book). The active sheet stays the
   * active one. Undo history is not carried over. `edits` counts the cells put back; a formula
   * among them that refers to a sheet now named otherwise refers to it by its new name.
   */
  inLanguage(messages: Messages, buildPlan: (presetId: string) => SheetPlan): { book: WorkbenchBook; sheets: number; edits: number } {
    const book = new WorkbenchBook(messages);
    const scratch = book.active;
    // Every sheet first, then the changed cells: a formula may refer to any sheet, by its new name.
    const counterparts = new Map<number, number>();
    const renames = new Map<string, string>();
    let sheets = 0;
    this.sheets.forEach((model, index) => {
      if (!model.plan && index > 0) return; // only the first sheet is a scratch sheet
      if (model.plan) {
        book.loadPlan(buildPlan(model.plan.presetId), { protectFormulas: model.protected });
        sheets++;
      }
      const id = model.plan ? book.active : scratch;
      counterparts.set(model.id, id);
      const name = book.sheet(id).name;
      if (name !== model.name) renames.set(model.name, name);
    });
    let edits = 0;
    for (const [from, id] of counterparts) {
      for (const { row, col, content } of this.changedCells(from)) {
        book.rememberOriginal(id, row, col, book.content(id, row, col));
        setCell(book.engine, { sheet: id, row, col }, typeof content === 'string' && content.startsWith('=') ? renameSheetReferences(content, renames) : content);
        edits++;
      }
    }
    book.activeId = counterparts.get(this.activeId) ?? scratch;
    return { book, sheets, edits };
  }

  /** Undoes the last edit (activating its sheet); undefined when there is none. */
  undo(): EditOutcome | undefined {
    const edit = this.undoStack[this.undoStack.length - 1];
    if (!edit) return undefined;
    const outcome = this.apply(edit, edit.before);
    this.redoStack.push(this.undoStack.pop()!);
    return outcome;
  }

  /** Redoes the last undone edit; undefined when there is none. */
  redo(): EditOutcome | undefined {
    const edit = this.redoStack[this.redoStack.length - 1];
    if (!edit) return undefined;
    const outcome = this.apply(edit, edit.after);
    this.undoStack.push(this.redoStack.pop()!);
    return outcome;
  }

  private apply(edit: Edit, content: CellInput): EditOutcome {
    const { sheet: id, row, col } = edit;
    this.sheet(id);
    const before = this.values(id);
    setCell(this.engine, { sheet: id, row, col }, content);
    const outcome = compareValues(id, a1.formatCell(row, col), before, this.values(id));
    if (id !== this.activeId) this.activate(id);
    this.emit({ type: 'values', sheet: id, changed: outcome.changed });
    return outcome;
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
      out.push({ name: model.name, plan, values, ...(model.protected ? { protectFormulas: true } : {}) });
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

/** Why a formula was refused (engine/limits.ts), in the page's language. */
function limitMessage(messages: Messages, limit: FormulaLimit): string {
  switch (limit.kind) {
    case 'length':
      return text(messages, 'workbench.formulaTooLong', { chars: limit.chars, max: MAX_FORMULA_CHARS });
    case 'nesting':
      return text(messages, 'workbench.formulaTooNested', { levels: limit.levels, position: limit.position, max: MAX_NESTING_LEVELS });
    case 'depth':
      return text(messages, 'workbench.formulaTooDeep', { max: MAX_FORMULA_DEPTH });
  }
}

/**
 * What typing into a cell means, as in Excel: `=…` a formula; `'…` text kept as typed; nothing
 * clears the cell; a number, percentage, date or logical value as Excel reads it (`600`, `1,000`,
 * `45%`, `2025-10-06`, `TRUE`; numfmt's parseValue); anything else text, misplaced thousands
 * separators included (`1,5`, `1.000,5`).
 */
export function parseInput(typed: string): CellInput {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  if (trimmed.startsWith('=')) return trimmed;
  if (typed.startsWith("'")) return typed;
  if (misplacedThousandsSeparator(trimmed)) return `'${typed}`;
  const parsed = parseValue(trimmed, { locale: 'en-US' });
  if (parsed && (typeof parsed.v === 'number' || typeof parsed.v === 'boolean') && (typeof parsed.v !== 'number' || Number.isFinite(parsed.v))) return parsed.v;
  // Text the engine would read as a number, date or formula stays text.
  return `'${typed}`;
}

/**
 * True when a run of digits has a comma that is not a thousands separator: every comma must
 * stand between groups of three digits before the decimal point (`1,000`, `12,345.6`).
 * numfmt reads `1.000,5` as 1.0005 and `1,5` as 15; Excel (en-US) keeps them as text.
 */
export function misplacedThousandsSeparator(text: string): boolean {
  for (const [run] of text.matchAll(/\d[\d.,]*\d/g)) {
    if (run.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(run)) return true;
  }
  return false;
}

function rawText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'string') return raw.startsWith("'") ? raw.slice(1) : raw;
  return String(raw);
}

/** What changed between two evaluations of a sheet: cells with a new value, and those that became errors. */
export function compareValues(sheet: number, address: string, before: EngineScalar[][], after: EngineScalar[][]): EditOutcome {
  let changed = 0;
  let errors = 0;
  let firstError: EditOutcome['firstError'];
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const old = before[r]?.[c] ?? null;
      const now = after[r]?.[c] ?? null;
      if (sameValue(old, now)) continue;
      changed++;
      if (isError(now) && !isError(old)) {
        errors++;
        firstError ??= { address: a1.formatCell(r, c), code: now.error, message: now.message || now.error };
      }
    }
  }
  return { sheet, address, changed, errors, ...(firstError ? { firstError } : {}) };
}

function isError(value: EngineScalar): value is { error: string; message: string } {
  return typeof value === 'object' && value !== null;
}

function sameValue(a: EngineScalar, b: EngineScalar): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error && a.message === b.message;
  return false;
}

function emptyModel(id: number, name: string): SheetModel {
  return { id, name, formats: new Map(), looks: new Map(), columnWidths: [], freeze: { rows: 0, columns: 0 }, names: [], charts: [], protected: false, inputs: new Set(), blocks: [] };
}

/** The plan's blocks from its block headings (column A, style blockHeading): each runs to the row before the next. */
function planBlocks(plan: SheetPlan, messages: Messages): SheetModel['blocks'] {
  const guarded = new Set([text(messages, 'sheet.block.calculations'), text(messages, 'sheet.block.outputs')]);
  const rows = plan.styles
    .filter((s) => s.style === 'blockHeading')
    .map((s) => a1.parseRange(s.range).start.row)
    .sort((a, b) => a - b)
    .filter((row, i, all) => all.indexOf(row) === i);
  return rows.map((row, i) => {
    const title = String(plan.cells[row]?.[0] ?? '');
    return { title, firstRow: row, lastRow: (rows[i + 1] ?? plan.cells.length) - 1, guarded: guarded.has(title) };
  });
}

function planModel(id: number, name: string, plan: SheetPlan, sheetScoped: ReadonlySet<string>, protectFormulas: boolean, messages: Messages): SheetModel {
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
    protected: protectFormulas,
    blocks: planBlocks(plan, messages),
    inputs: new Set(plan.inputs.map((input) => {
      const { row, col } = a1.parseCell(input.address);
      return cellKey(row, col);
    })),
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
