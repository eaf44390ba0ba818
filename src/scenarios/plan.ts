/**
 * SheetPlan: one preset deal laid out as a worksheet, independent of Office. Three sinks consume
 * it: the Office.js writer in the taskpane, the formula-engine loader (tests, CLI, workbench) and
 * the xlsx writer.
 *
 * How a sink applies a plan:
 * 1. Create a sheet named `sheetName` (if taken, append " (2)", " (3)" … and cut to 31 characters).
 * 2. Apply `numberFormats` first (text cells carry the format `@`, so Excel keeps "2025-10-06"
 *    or "6 GW" as text instead of converting them), then write `cells` from A1 in ONE assignment:
 *    a string is text, a number or boolean a value, `{ formula }` a formula (`range.formulas` in
 *    Office.js takes all of them: the formula text for formulas, the value otherwise, and `null`
 *    for "leave this cell alone"). `null` cells stay empty; some are reserved for spilled results
 *    (`spills`): write nothing there, or the spilling formula shows #SPILL!.
 * 3. Apply `styles` (semantic; `STYLE_GUIDE` suggests the look: blue font for inputs, black for
 *    formulas), `columnWidths` (Excel character units, as in xlsx files; Office.js
 *    `format.columnWidth` takes points, about (7 × characters + 5) × 0.75 in Calibri 11), `freeze`,
 *    `links` (hyperlinks on source URLs).
 * 4. Add `names` at workbook level, each referring to `'<sheet>'!<absolute address>`. A workbook
 *    holds one name once: when a preset is loaded a second time, a sink scopes the second copy's
 *    names to its sheet (Excel's worksheet-level names) or skips them; the formulas never use
 *    names, so the copy computes the same.
 * 5. Add `charts`, each over its ranges on the same sheet, placed over `anchor`.
 *
 * Invariants (tested in test/scenarios/plans.test.ts): `cells` is rectangular; formulas refer only
 * to cells of the same sheet by A1 address (never to names or other sheets), and only to cells that
 * hold something or lie in a reserved spill area; every input has its source or the assumption
 * label beside it; names are valid Excel names, unique in the plan.
 */
import { formatRange, parseRange } from './a1';

/** One cell: empty, a value, or a formula (Excel syntax, leading `=`). */
export type PlanCell = null | number | string | boolean | { readonly formula: string };

export function isFormulaCell(cell: PlanCell): cell is { readonly formula: string } {
  return typeof cell === 'object' && cell !== null && typeof (cell as { formula?: unknown }).formula === 'string';
}

/** Semantic cell styles; a sink maps them to fonts and fills (see STYLE_GUIDE). */
export type CellStyle =
  | 'title'
  | 'description'
  | 'legend'
  | 'blockHeading'
  | 'tableTitle'
  | 'header'
  | 'label'
  | 'input'
  | 'formula'
  | 'output'
  | 'name'
  | 'check'
  | 'total'
  | 'unit'
  | 'source'
  | 'note';

export interface StyleLook {
  readonly fontColor?: string;
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly wrap?: boolean;
  readonly borderBottom?: boolean;
}

/** The suggested look of each style, shared by the sinks so that every surface looks alike. */
export const STYLE_GUIDE: { readonly [S in CellStyle]: StyleLook } = {
  title: { bold: true, fontSize: 16, fontColor: '#1F3864' },
  description: { italic: true, fontColor: '#404040' },
  legend: { italic: true, fontColor: '#595959' },
  blockHeading: { bold: true, fontColor: '#FFFFFF', fill: '#1F4E78' },
  tableTitle: { bold: true, fontColor: '#1F4E78' },
  header: { bold: true, wrap: true, borderBottom: true, fill: '#D9E1F2' },
  label: { fontColor: '#000000' },
  input: { fontColor: '#0000FF', fill: '#FFF2CC' },
  formula: { fontColor: '#000000' },
  output: { fontColor: '#000000', bold: true, fill: '#E2EFDA' },
  name: { fontColor: '#595959' },
  check: { fontColor: '#000000', bold: true },
  total: { fontColor: '#000000', bold: true, borderBottom: true },
  unit: { fontColor: '#595959' },
  source: { fontColor: '#595959' },
  note: { italic: true, fontColor: '#595959' },
};

/**
 * Chart types, named as the members of Office.js `Excel.ChartType` (`Excel.ChartType.columnClustered`).
 * `barClustered` draws horizontal bars: its category axis is vertical, its value axis horizontal.
 */
export type ChartType = 'line' | 'columnClustered' | 'columnStacked' | 'barClustered';

export interface ChartSeriesPlan {
  /** Series name as text (already translated). */
  readonly name: string;
  /** A cell holding the series name, when it is computed (e.g. a volatility in a grid header); prefer it over `name`. */
  readonly nameAddress?: string;
  /** One column of values, e.g. `F20:F29`. */
  readonly values: string;
}

export interface ChartPlan {
  readonly id: string;
  readonly type: ChartType;
  readonly title: string;
  /** Category (x) axis range, e.g. `A20:A29`. */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  /** Number format for the value axis (e.g. `#,##0.0,,,` for USD shown in bn). */
  readonly valueFormat: string;
  /** Cells the chart covers: empty rows reserved for it in the Charts block. */
  readonly anchor: { readonly topLeft: string; readonly bottomRight: string };
}

/** Where an input sits and where its value comes from. */
export interface PlanInput {
  /** Scenario id of the input (`amd.price`), or `table.column#row` for a cell of an input table. */
  readonly id: string;
  readonly address: string;
  /** The fact the value is, and which number of its text (see `factNumber`). */
  readonly fact?: string;
  readonly pick?: number;
  /** True for an assumption. */
  readonly assumption: boolean;
  /** The fact's source URL, or the assumption's rationale (translated), as shown beside the input. */
  readonly note: string;
}

export interface PlanName {
  /** Workbook name, e.g. `AMD_WarrantValueAtTarget`. */
  readonly name: string;
  /** Single cell on this sheet, e.g. `B62`. */
  readonly address: string;
  /** Translated label and unit of the output. */
  readonly label: string;
  readonly unit: string;
}

export interface SheetPlan {
  /** The preset this plan was built from. */
  readonly presetId: string;
  /** A valid Excel sheet name (≤ 31 characters). */
  readonly sheetName: string;
  readonly title: string;
  /** One line describing the deal (also in cell A2). */
  readonly description: string;
  /** The used range from A1, rectangular: `cells[row][col]`. */
  readonly cells: readonly (readonly PlanCell[])[];
  /** Number formats by range (`B5:B9`); a cell keeps its full value, the format only changes its display. */
  readonly numberFormats: ReadonlyArray<{ readonly range: string; readonly format: string }>;
  readonly styles: ReadonlyArray<{ readonly range: string; readonly style: CellStyle }>;
  /** Workbook names of the outputs (and of the all-checks cell). */
  readonly names: readonly PlanName[];
  readonly charts: readonly ChartPlan[];
  /** Width of columns A, B, … in Excel character units. */
  readonly columnWidths: readonly number[];
  /** Rows and columns frozen at the top left. */
  readonly freeze: { readonly rows: number; readonly columns: number };
  /** Areas filled by a spilling formula at `anchor` (the anchor included); all their other cells are null. */
  readonly spills: ReadonlyArray<{ readonly anchor: string; readonly range: string }>;
  /** Hyperlinks for cells holding a source URL. */
  readonly links: ReadonlyArray<{ readonly address: string; readonly url: string }>;
  readonly inputs: readonly PlanInput[];
  /** Check cells (each TRUE when it holds), and the cell that is TRUE when all hold. */
  readonly checks: readonly string[];
  readonly allChecks: string;
  /** Address of every row, table column (range), spill anchor and grid part by scenario id, for surfaces that report results. */
  readonly anchors: Readonly<Record<string, string>>;
}

/**
 * The number format of every cell of the plan's used range (`grid[row][col]`, 'General' where the
 * plan sets none), later ranges winning as when a sink applies them in order. Shared by the sinks:
 * the Excel writer assigns it in one go, the workbench and the xlsx writer read it per cell.
 * Throws for a range that lies outside the used range.
 */
export function numberFormatGrid(plan: SheetPlan): string[][] {
  const rows = plan.cells.length;
  const width = rows > 0 ? plan.cells[0].length : 0;
  const grid = Array.from({ length: rows }, () => new Array<string>(width).fill('General'));
  for (const { range, format } of plan.numberFormats) {
    const ref = parseRange(range);
    if (ref.end.row >= rows || ref.end.col >= width) throw new RangeError(`${range} lies outside the used range ${formatRange(0, 0, rows - 1, width - 1)}`);
    for (let r = ref.start.row; r <= ref.end.row; r++) for (let c = ref.start.col; c <= ref.end.col; c++) grid[r][c] = format;
  }
  return grid;
}
