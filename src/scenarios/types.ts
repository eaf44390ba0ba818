/**
 * Preset deals as data. A `Scenario` lists its inputs (each a sourced fact or a labelled
 * assumption), its calculations (rows, tables, a spilled block, a sensitivity grid), its named
 * outputs, its checks and its charts. `buildSheetPlan` lays it out and turns it into a SheetPlan.
 *
 * Formulas are Excel formula templates. A `{…}` in a template is replaced by an address when the
 * plan is built; nothing else is touched: `{id}` a row's value cell, `{table.col}` a table column,
 * `{.col}` the same row of another column, `{#}` the row number, `{str:key}` a catalogue text…
 * The template language, its grammar in one comment, is `template.ts`.
 *
 * Formulas may use DEALS.* functions and native functions that both Excel and the formula engine (src/engine)
 * evaluate (SUM, MAX, MIN, ABS, AND, OR, IF, INT, EXP, LN, RRI, ROWS, SUMIF, CHOOSE, INDEX,
 * MATCH, COUNTIF, SUMPRODUCT …): no LET, LAMBDA,
 * XLOOKUP or dynamic-array-only functions. Write exponents as `10^9`, never `1E9`.
 */
import type { MessageKey } from '../i18n';
import type { FactId } from './facts';
import type { ChartType } from './plan';
import type { UnitId } from './units';

export type { ChartType };

export type PresetId = 'amd' | 'nvidia' | 'oracle' | 'broadcom' | 'bain2030' | 'openai' | 'timeline' | 'portfolio';

/** A message parameter: plain text or number, or a fact's value as its source states it. */
export type TextParam = string | number | { readonly fact: FactId };

/** A catalogue text, with parameters if it has placeholders. */
export type Text = MessageKey | { readonly key: MessageKey; readonly params: Readonly<Record<string, TextParam>> };

/** An input whose value is a sourced fact; `pick` chooses the number in a fact stated as text. */
export interface FactInput {
  readonly fact: FactId;
  readonly pick?: number;
}

/** An input whose value is an assumption, with its short rationale; `basis` lists facts it leans on. */
export interface Assumption {
  readonly assume: number | boolean;
  readonly why: MessageKey;
  readonly basis?: readonly FactId[];
}

export type InputValue = FactInput | Assumption;

export function isFactInput(value: unknown): value is FactInput {
  return typeof value === 'object' && value !== null && 'fact' in value && !('key' in value);
}

export function isAssumption(value: unknown): value is Assumption {
  return typeof value === 'object' && value !== null && 'assume' in value;
}

/** One input: label, value (fact or assumption) and unit. */
export interface InputRow {
  readonly kind: 'input';
  readonly id: string;
  readonly label: MessageKey;
  readonly unit: UnitId;
  readonly value: InputValue;
}

/** One calculated row. */
export interface CalcRow {
  readonly kind: 'calc';
  readonly id: string;
  readonly label: MessageKey;
  readonly unit: UnitId;
  readonly formula: string;
  readonly note?: MessageKey;
}

/** A table cell: an input, a formula, or text. */
export type TableCell = InputValue | { readonly formula: string } | { readonly text: Text };

export interface TableColumn {
  readonly id: string;
  readonly header: MessageKey;
  readonly unit: UnitId;
  /** Formula for every row that does not give its own cell. */
  readonly formula?: string;
  /** A spilling formula written in the first row; the column's other rows are left empty for its result. */
  readonly spill?: string;
}

export interface TableRow {
  readonly cells: Readonly<Record<string, TableCell>>;
  /**
   * The unit of this row's cells, for a table laid across (one column per date, one row per
   * quantity) whose columns hold every unit; its label in the first column then shows the unit.
   */
  readonly unit?: UnitId;
}

/** Rows × columns; a table with input cells gets a last "source or assumption" column, filled row by row. */
export interface Table {
  readonly kind: 'table';
  readonly id: string;
  readonly title: MessageKey;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** A totals row under the data: the label in the first column and SUM of each listed column. */
  readonly totals?: { readonly label: MessageKey; readonly sum: readonly string[] };
}

/** A formula whose array result spills `rows.length` × `columns` cells from column B; labels in column A. */
export interface SpillBlock {
  readonly kind: 'spill';
  readonly id: string;
  readonly title: MessageKey;
  /** Column headers, from column A. */
  readonly headers: readonly MessageKey[];
  readonly rows: ReadonlyArray<{ readonly label: MessageKey; readonly unit: UnitId }>;
  readonly columns: number;
  /** 0-based spill column whose cells take each row's unit format. */
  readonly valueColumn: number;
  readonly formula: string;
}

/** A sensitivity grid of explicit formulas (Excel data tables cannot run JavaScript functions). */
export interface Grid {
  readonly kind: 'grid';
  readonly id: string;
  readonly title: MessageKey;
  /** Row axis in column A, one formula per row using `{#}`. */
  readonly rows: { readonly header: MessageKey; readonly unit: UnitId; readonly count: number; readonly formula: string };
  /** Column axis in the header row, one formula per column using `{#}`. */
  readonly columns: { readonly header: MessageKey; readonly unit: UnitId; readonly count: number; readonly formula: string };
  /** Columns between the row axis and the matrix (e.g. intrinsic value), each using `{row}`. */
  readonly lead?: ReadonlyArray<{ readonly id: string; readonly header: MessageKey; readonly unit: UnitId; readonly formula: string }>;
  /** The matrix cell, using `{row}` and `{col}`. */
  readonly cell: { readonly unit: UnitId; readonly formula: string };
}

export type CalcItem = CalcRow | Table | SpillBlock | Grid;

/** A named output: its cell gets the workbook name `name` (e.g. `AMD_WarrantValueAtTarget`). */
export interface OutputRow {
  readonly id: string;
  readonly label: MessageKey;
  readonly unit: UnitId;
  readonly name: string;
  readonly formula: string;
}

/** A check: a formula returning TRUE when it holds. */
export interface CheckRow {
  readonly id: string;
  readonly label: MessageKey;
  readonly formula: string;
}

export interface ChartSpec {
  readonly id: string;
  readonly type: ChartType;
  readonly title: MessageKey;
  /** A range template for the category (x) axis, e.g. `{nvGw.label}`. */
  readonly categories: string;
  readonly series: ReadonlyArray<{
    readonly values: string;
    /** A catalogue text, or a cell template holding the name (e.g. a grid header). */
    readonly name: Text | { readonly cell: string; readonly fallback: Text };
  }>;
  readonly xAxis: MessageKey;
  readonly yAxis: MessageKey;
  /** Number format of the value axis (default: the format of the first series' unit). */
  readonly valueUnit: UnitId;
}

export interface Scenario {
  readonly id: PresetId;
  /** Prefix of every workbook name of the preset, e.g. `AMD` for `AMD_WarrantValueAtTarget`. */
  readonly namePrefix: string;
  readonly sheetName: MessageKey;
  readonly title: MessageKey;
  /** One line describing the deal; its parameters may be facts, shown as their source states them. */
  readonly description: Text;
  /** One short line for the taskpane's list of presets. */
  readonly summary: MessageKey;
  readonly inputs: ReadonlyArray<InputRow | Table>;
  readonly calculations: readonly CalcItem[];
  readonly outputs: readonly OutputRow[];
  readonly checks: readonly CheckRow[];
  readonly charts: readonly ChartSpec[];
}

/** Small constructors that keep preset files short. */
export const input = (id: string, label: MessageKey, unit: UnitId, value: InputValue): InputRow => ({ kind: 'input', id, label, unit, value });
export const calc = (id: string, label: MessageKey, unit: UnitId, formula: string, note?: MessageKey): CalcRow =>
  note ? { kind: 'calc', id, label, unit, formula, note } : { kind: 'calc', id, label, unit, formula };
export const output = (id: string, name: string, label: MessageKey, unit: UnitId, formula: string): OutputRow => ({ id, name, label, unit, formula });
export const check = (id: string, label: MessageKey, formula: string): CheckRow => ({ id, label, formula });
export const factValue = (id: FactId, pick?: number): FactInput => (pick === undefined ? { fact: id } : { fact: id, pick });
export const assume = (value: number | boolean, why: MessageKey, basis?: readonly FactId[]): Assumption =>
  basis ? { assume: value, why, basis } : { assume: value, why };
