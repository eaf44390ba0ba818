/**
 * The Excel writer: applies a SheetPlan (src/scenarios/plan.ts) to the open workbook through
 * Office.js, in a constant number of round trips whatever the plan's size.
 *
 *   sync 1  read the sheet names, the workbook-level names and the active sheet;
 *   sync 2  everything else, queued in one batch: add the sheet (free name), ONE `numberFormat`
 *           matrix and ONE `formulas` matrix over the whole used range, styles, column widths,
 *           hyperlinks, names, charts, activation, frozen panes.
 *
 * So a successful load costs exactly 2 `context.sync()` calls (test/taskpane/excelSink.test.ts
 * counts them for every preset and for a 2,000-row plan). The request of sync 2 is estimated
 * before anything is sent and a plan above `SAFE_REQUEST_BYTES` (4 MB, under Excel on the web's
 * 5 MB cap) is refused without touching the workbook.
 *
 * A batch is not a transaction: if sync 2 fails, Excel has applied the operations before the one
 * that failed. The writer then runs a second batch that deletes the sheet it added (its sheet-level
 * names go with it) and the workbook-level names it added, re-activates the sheet that was active,
 * and rejects with a translated reason; the workbook is as it was.
 *
 * What it deletes is what Excel says this load created, never what merely bears the name it
 * picked: a co-author may take that sheet or workbook name between the two syncs, and then the
 * add fails and the name is theirs. Sync 2 loads the new sheet's `id` right after adding it and
 * each added name right after adding it; the undo deletes the sheet by that id and only the names
 * whose load came back. If Excel returned no id, no sheet is deleted, and the error says which
 * sheet to check.
 *
 * Requirement set: ExcelApi 1.8 (`EXCEL_API`), checked by the entry module before the writer is
 * offered. Per call:
 *   1.1  worksheets.add/load/getActiveWorksheet, Worksheet.activate/delete, Range.numberFormat,
 *        Range.formulas, RangeFormat (font, fill, wrapText, columnWidth, borders), charts.add,
 *        Chart.name/title/legend/setPosition, ChartAxisTitle.text, series.getItemAt, ChartSeries.name
 *   1.4  workbook.names / worksheet.names (load, add with comment, getItemOrNullObject, delete),
 *        worksheets.getItemOrNullObject
 *   1.7  Range.hyperlink, Worksheet.freezePanes, ChartSeriesCollection.add, ChartSeries.setValues /
 *        setXAxisValues
 *   1.8  ChartAxis.numberFormat
 *   1.2  (with "protect formulas") RangeFormat.protection.locked, WorksheetProtection.protect
 * ExcelApi 1.8 is in Excel on the web, Microsoft 365 on Windows and Mac, and every perpetual build
 * that has the add-in's custom-functions and shared-runtime requirement sets (README "Requirements").
 *
 * Column widths: a plan gives them in Excel's character units (the number the Column Width dialog
 * shows: widths of the digit 0 of the default font); Office.js sets them in points. A width of w
 * characters is w × 7 + 5 pixels (7 px = maximum digit width of the default 11-pt font, Calibri or
 * Aptos Narrow, plus 5 px of cell padding, as Excel and the OOXML spec count), rounded to a whole
 * pixel, and a pixel is 0.75 pt at 96 dpi: 8.43 characters → 64 px → 48 pt, Excel's default width.
 *
 * Text cells: Office.js reads a string written through `formulas` the way Excel reads typing, so
 * a leading apostrophe is taken as the "treat as text" prefix and dropped, and in a cell not
 * formatted as text "2025", "=x" or "May 2025" would become a number, a formula or a date. Such a
 * string is written with one apostrophe in front: the cell keeps exactly the plan's text.
 */
import type { Messages } from '../i18n';
import { en, formatMessage as text } from '../i18n';
import { a1, isFormulaCell, numberFormatGrid, STYLE_GUIDE } from '../scenarios';
import type { ChartPlan, ChartType, PlanCell, SheetPlan, StyleLook } from '../scenarios';
import { foldName, freeSheetName } from '../scenarios/sheetNames';
import type { LoadOptions, LoadResult, PlanSink } from './sink';

/** The Excel JavaScript API requirement set the writer needs (see the header). */
export const EXCEL_API = { set: 'ExcelApi', version: '1.8' } as const;

/** Excel on the web rejects a request above 5 MB; the writer refuses plans whose write request is estimated above this. */
export const SAFE_REQUEST_BYTES = 4_000_000;

/** Estimated bytes of one queued operation besides its own data (object path, action type, ids). */
const BYTES_PER_OPERATION = 200;

/** `Excel.run`, or a stand-in for tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WriteOptions {
  /** Defaults to `Excel.run`. */
  readonly run?: ExcelRun;
  /** Catalogue for the error messages and the detail line; defaults to English. */
  readonly messages?: Messages;
  /** Refuse plans whose write request is estimated above this many bytes; defaults to SAFE_REQUEST_BYTES. */
  readonly maxRequestBytes?: number;
  /** Protect formulas (see LoadOptions in sink.ts). */
  readonly protectFormulas?: boolean;
}

export interface WriteResult extends LoadResult {
  /** Names added at workbook level. */
  readonly workbookNames: readonly string[];
  /** Names added at the new sheet's level, because the workbook already had them. */
  readonly sheetNames: readonly string[];
}

/** A load that failed; `message` is the translated reason, `cause` what Excel reported. */
export class SheetWriteError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SheetWriteError';
  }
}

const CHART_TYPES = {
  line: 'Line',
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  barClustered: 'BarClustered',
} as const satisfies { readonly [T in ChartType]: `${Excel.ChartType}` };

const BORDER_COLOR = '#808080';

/** The Office.js sink for the task pane: `excelSink({ messages }).load(plan)`. */
export function excelSink(options: WriteOptions = {}): PlanSink {
  return { load: (plan, load: LoadOptions = {}) => writePlanToExcel(plan, { ...options, ...load }) };
}

/** Writes `plan` into a new sheet of the workbook in 2 syncs; see the header. */
export async function writePlanToExcel(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
  const messages = options.messages ?? en;
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));

  let prepared: Prepared;
  try {
    prepared = prepare(plan);
  } catch (error) {
    throw new SheetWriteError(text(messages, 'taskpane.error.invalidPlan', { detail: reasonOf(error, messages) }), error);
  }
  const limit = options.maxRequestBytes ?? SAFE_REQUEST_BYTES;
  if (prepared.requestBytes > limit) {
    throw new SheetWriteError(text(messages, 'taskpane.error.planTooLarge', { size: megabytes(prepared.requestBytes), limit: megabytes(limit) }));
  }

  /** What sync 1 found and what sync 2 queued, for the undo. */
  const attempt: { sheetName?: string; activeBefore?: string; added?: Queued } = {};
  try {
    return await run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load('items/name');
      const names = workbook.names.load('items/name');
      const active = workbook.worksheets.getActiveWorksheet().load('id');
      await context.sync(); // 1: read

      const sheetName = freeSheetName(prepared.sheetName, sheets.items.map((s) => s.name));
      attempt.sheetName = sheetName;
      attempt.activeBefore = active.id;
      const takenNames = new Set(names.items.map((n) => foldName(n.name)));
      const added = queueWrite(context, prepared, sheetName, takenNames, options.protectFormulas === true);
      attempt.added = added;
      await context.sync(); // 2: write

      return {
        sheetName,
        workbookNames: added.workbookNames,
        sheetNames: added.sheetNames,
        ...(added.sheetNames.length > 0 ? { detail: text(messages, 'taskpane.namesOnSheet') } : {}),
      };
    });
  } catch (error) {
    const detail = reasonOf(error, messages);
    if (attempt.sheetName === undefined || attempt.added === undefined) throw new SheetWriteError(text(messages, 'taskpane.error.readFailed', { detail }), error);
    const created = createdBy(attempt.added);
    try {
      await undo(run, created, attempt.activeBefore);
    } catch (cleanupError) {
      throw new SheetWriteError(
        text(messages, 'taskpane.error.cleanupFailed', { detail, sheet: attempt.sheetName, cleanup: reasonOf(cleanupError, messages) }),
        error,
      );
    }
    if (created.sheetId === undefined && !addFailedAtSheet(error)) {
      throw new SheetWriteError(text(messages, 'taskpane.error.writeFailedUnknownSheet', { detail, sheet: attempt.sheetName }), error);
    }
    throw new SheetWriteError(text(messages, 'taskpane.error.writeFailed', { detail }), error);
  }
}

// ---- preparing the plan (pure) ------------------------------------------------------------------

export interface Prepared {
  readonly plan: SheetPlan;
  readonly sheetName: string;
  /** `A1:G156`. */
  readonly usedRange: string;
  readonly numberFormat: string[][];
  readonly formulas: (string | number | boolean)[][];
  /** The input cells as ranges (runs of a column), unlocked when formulas are protected. */
  readonly inputRanges: readonly string[];
  readonly requestBytes: number;
}

/** The two matrices of the used range and the estimated size of the write request; throws on a malformed plan. */
export function prepare(plan: SheetPlan): Prepared {
  const rows = plan.cells.length;
  const width = rows > 0 ? plan.cells[0].length : 0;
  if (rows === 0 || width === 0) throw new Error('the plan has no cells');
  if (rows > a1.MAX_ROWS || width > a1.MAX_COLUMNS) throw new Error(`the plan has ${rows} × ${width} cells, more than a sheet holds`);
  plan.cells.forEach((row, r) => {
    if (row.length !== width) throw new Error(`row ${r + 1} has ${row.length} cells, row 1 has ${width}`);
  });

  const numberFormat = numberFormatGrid(plan);
  const formulas = plan.cells.map((row, r) => row.map((cell, c) => cellInput(cell, numberFormat[r][c])));

  // Every other address must lie on the sheet too, or Excel would fail halfway through the batch.
  for (const { range } of plan.styles) inside(range, rows, width);
  for (const { address } of [...plan.links, ...plan.names]) inside(address, rows, width);
  for (const chart of plan.charts) {
    for (const address of [chart.categories, chart.anchor.topLeft, chart.anchor.bottomRight, ...chart.series.map((s) => s.values)]) a1.parseRange(address);
  }
  const sheetName = a1.isValidSheetName(plan.sheetName) ? plan.sheetName : a1.toSheetName(plan.sheetName);
  const inputRanges = columnRuns(plan.inputs.map((i) => inside(i.address, rows, width).start));

  const operations =
    4 + // calculation suspended, sheet added, the two matrices
    plan.styles.length * 8 +
    plan.columnWidths.length +
    plan.links.length +
    plan.names.length * 2 + // add, and load the name (which names are ours, should the batch fail)
    1 + // load the new sheet's id
    plan.charts.reduce((n, chart) => n + 10 + chart.series.length * 5, 0) +
    inputRanges.length + 1 + // protect formulas: unlock the inputs, protect
    2; // activate, freeze
  const data = JSON.stringify([formulas, numberFormat, plan.styles, plan.links, plan.names, plan.charts]);
  return {
    plan,
    sheetName,
    usedRange: a1.formatRange(0, 0, rows - 1, width - 1),
    numberFormat,
    formulas,
    inputRanges,
    requestBytes: utf8Bytes(data) + operations * BYTES_PER_OPERATION,
  };
}

/** Cells as few ranges: runs of consecutive rows in one column (`B7:B24`), in order. */
export function columnRuns(cells: ReadonlyArray<{ readonly row: number; readonly col: number }>): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1].col === sorted[i].col && sorted[end + 1].row <= sorted[end].row + 1) end++;
    runs.push(end === i ? a1.formatCell(sorted[i].row, sorted[i].col) : a1.formatRange(sorted[i].row, sorted[i].col, sorted[end].row, sorted[i].col));
    i = end + 1;
  }
  return runs;
}

function inside(address: string, rows: number, width: number): a1.RangeRef {
  const ref = a1.parseRange(address);
  if (ref.end.row >= rows || ref.end.col >= width) throw new Error(`${address} lies outside the used range ${a1.formatRange(0, 0, rows - 1, width - 1)}`);
  return ref;
}

/** Strings Excel would not keep as text when typed into a cell that is not formatted as text. */
const COERCED = /^[\s=+\-@'0-9.,$€£¥#(%]|^(true|false)$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/** A plan cell as `range.formulas` takes it. */
export function cellInput(cell: PlanCell, numberFormat: string): string | number | boolean {
  if (cell === null) return '';
  if (isFormulaCell(cell)) return cell.formula;
  if (typeof cell !== 'string') return cell;
  if (cell.startsWith("'")) return `'${cell}`;
  return numberFormat !== '@' && COERCED.test(cell) ? `'${cell}` : cell;
}

/** Bytes of `s` in UTF-8. */
export function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/** Excel character units → points (see the header). */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

// ---- the write batch ----------------------------------------------------------------------------

/** What sync 2 queued: the names it adds, and the proxies whose loads say what Excel created. */
interface Queued {
  readonly workbookNames: string[];
  readonly sheetNames: string[];
  /** The new sheet, its `id` loaded right after the add. */
  readonly sheet: Excel.Worksheet;
  /** Each workbook-level name's new item, its `name` loaded right after its add. */
  readonly workbookNameItems: Excel.NamedItem[];
}

function queueWrite(
  context: Excel.RequestContext,
  prepared: Prepared,
  sheetName: string,
  takenNames: ReadonlySet<string>,
  protectFormulas: boolean,
): Queued {
  const { plan } = prepared;
  // No suspendApiCalculationUntilNextSync: it would leave the recalculation of the new formulas
  // to us ("it is the developer's responsibility to re-calc the workbook", Microsoft's reference)
  // at the cost of a third sync, and saves nothing here: the batch writes every formula in ONE
  // `formulas` matrix, so Excel in automatic mode calculates once after it anyway (in manual mode
  // it calculates when the user asks, as for any cell typed in).
  const sheet = context.workbook.worksheets.add(sheetName);
  sheet.load('id'); // which sheet is ours, should the batch fail later

  // Formats first: a text cell formatted as @ keeps "2025-10-06" as text.
  const used = sheet.getRange(prepared.usedRange);
  used.numberFormat = prepared.numberFormat;
  used.formulas = prepared.formulas;

  for (const { range, style } of plan.styles) applyLook(sheet.getRange(range), STYLE_GUIDE[style]);

  for (let c = 0; c < plan.columnWidths.length; ) {
    let end = c;
    while (end + 1 < plan.columnWidths.length && plan.columnWidths[end + 1] === plan.columnWidths[c]) end++;
    sheet.getRange(a1.formatRange(0, c, 0, end)).format.columnWidth = columnWidthPoints(plan.columnWidths[c]);
    c = end + 1;
  }

  for (const link of plan.links) {
    if (!/^https?:\/\//i.test(link.url)) continue; // never a javascript: or file: link
    const ref = a1.parseCell(link.address);
    const shown = plan.cells[ref.row][ref.col];
    sheet.getRange(link.address).hyperlink = typeof shown === 'string' && shown !== '' ? { address: link.url, textToDisplay: shown } : { address: link.url };
  }

  const workbookNames: string[] = [];
  const sheetNames: string[] = [];
  const workbookNameItems: Excel.NamedItem[] = [];
  for (const name of plan.names) {
    const comment = (name.unit ? `${name.label} (${name.unit})` : name.label).slice(0, 255);
    const target = sheet.getRange(name.address);
    if (takenNames.has(foldName(name.name))) {
      sheet.names.add(name.name, target, comment); // deleted with the sheet
      sheetNames.push(name.name);
    } else {
      workbookNameItems.push(context.workbook.names.add(name.name, target, comment).load('name'));
      workbookNames.push(name.name);
    }
  }

  for (const chart of plan.charts) addChart(sheet, chart);

  sheet.activate();
  const { rows, columns } = plan.freeze;
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRange(a1.formatRange(0, 0, rows - 1, columns - 1)));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);

  if (protectFormulas) {
    // Every cell is locked by default; only the inputs are opened, then the sheet is protected
    // without a password. Selecting cells and resizing rows and columns stay allowed.
    for (const range of prepared.inputRanges) sheet.getRange(range).format.protection.locked = false;
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }
  return { workbookNames, sheetNames, sheet, workbookNameItems };
}

function applyLook(range: Excel.Range, look: StyleLook): void {
  const format = range.format;
  if (look.fontColor !== undefined) format.font.color = look.fontColor;
  if (look.bold !== undefined) format.font.bold = look.bold;
  if (look.italic !== undefined) format.font.italic = look.italic;
  if (look.fontSize !== undefined) format.font.size = look.fontSize;
  if (look.fill !== undefined) format.fill.color = look.fill;
  if (look.wrap !== undefined) format.wrapText = look.wrap;
  if (look.borderBottom) {
    // Under every row of the range: its bottom edge and the lines between its rows.
    for (const index of ['EdgeBottom', 'InsideHorizontal'] as const) {
      const border = format.borders.getItem(index);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = BORDER_COLOR;
    }
  }
}

/**
 * How Excel should read a series' source range so that it makes one series of it: a range laid
 * across one row (a timeline's milestones) by rows, a column by columns.
 */
export function seriesBy(range: string): 'Rows' | 'Columns' {
  const { start, end } = a1.parseRange(range);
  return start.row === end.row && end.col > start.col ? 'Rows' : 'Columns';
}

/**
 * A chart over the plan's ranges. Excel creates the first series from the source range given to
 * `charts.add`; its values and categories are then set explicitly like those of the others.
 * A series name is always the plan's text: Office.js cannot link a series name to a cell, so
 * `nameAddress` is not used.
 */
function addChart(sheet: Excel.Worksheet, plan: ChartPlan): void {
  if (plan.series.length === 0) return;
  const chart = sheet.charts.add(CHART_TYPES[plan.type], sheet.getRange(plan.series[0].values), seriesBy(plan.series[0].values));
  chart.name = plan.id;
  chart.title.text = plan.title;
  chart.title.visible = true;
  chart.legend.position = 'Bottom';
  chart.legend.visible = true;
  const categoryAxis = chart.axes.categoryAxis;
  categoryAxis.title.text = plan.xAxisTitle;
  categoryAxis.title.visible = true;
  const valueAxis = chart.axes.valueAxis;
  valueAxis.title.text = plan.yAxisTitle;
  valueAxis.title.visible = true;
  valueAxis.numberFormat = plan.valueFormat;
  const categories = sheet.getRange(plan.categories);
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(categories);
    series.name = s.name;
  });
  chart.setPosition(plan.anchor.topLeft, plan.anchor.bottomRight);
}

// ---- undo ---------------------------------------------------------------------------------------

/** What a failed write created, as Excel reported it: the new sheet's id, and the workbook-level names whose add came back. */
interface Created {
  readonly sheetId?: string;
  readonly workbookNames: readonly string[];
}

function createdBy(added: Queued): Created {
  return { sheetId: loadedOrUndefined(() => added.sheet.id), workbookNames: added.workbookNameItems.flatMap((item) => loadedOrUndefined(() => item.name) ?? []) };
}

/** A property of the failed batch, if Excel returned it (reading one it did not throws PropertyNotLoaded). */
function loadedOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Whether the failed batch stopped at adding the sheet: then it created nothing. */
function addFailedAtSheet(error: unknown): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | undefined)?.debugInfo?.errorLocation;
  return typeof location === 'string' && /^Worksheet(s|Collection)\.add$/.test(location);
}

/**
 * Deletes what a failed write created (the sheet by its id, with its sheet-level names; the
 * workbook-level names whose add came back) and re-activates the sheet that was active, by id.
 */
async function undo(run: ExcelRun, created: Created, activeBefore: string | undefined): Promise<void> {
  await run(async (context) => {
    const workbook = context.workbook;
    const sheet = created.sheetId === undefined ? undefined : workbook.worksheets.getItemOrNullObject(created.sheetId).load('isNullObject');
    const names = created.workbookNames.map((name) => workbook.names.getItemOrNullObject(name).load('isNullObject'));
    const previous = activeBefore === undefined ? undefined : workbook.worksheets.getItemOrNullObject(activeBefore).load('isNullObject');
    await context.sync();
    // Names first: they refer to the sheet.
    for (const name of names) if (!name.isNullObject) name.delete();
    if (sheet && !sheet.isNullObject) sheet.delete();
    if (previous && !previous.isNullObject) previous.activate();
    await context.sync();
  });
}

/** What went wrong, in one line: Excel's message and, when it says so, the call that failed. */
function reasonOf(error: unknown, messages: Messages): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { message?: unknown; debugInfo?: { errorLocation?: unknown } };
    const message = typeof e.message === 'string' && e.message.trim() ? e.message.trim() : undefined;
    const where = typeof e.debugInfo?.errorLocation === 'string' && e.debugInfo.errorLocation ? e.debugInfo.errorLocation : undefined;
    if (message) return where ? `${message} [${where}]` : message;
  }
  if (typeof error === 'string' && error.trim()) return error.trim();
  return text(messages, 'taskpane.error.unknown');
}
