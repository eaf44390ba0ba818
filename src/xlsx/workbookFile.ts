/**
 * The xlsx sink: evaluated SheetPlans as an Excel workbook file, each formula stored as Excel
 * itself stores it (`fileFormula.ts`) together with its computed value, so the file recalculates
 * in Excel with the add-in; another application shows the cached values except in the cells it
 * recalculates itself (LibreOffice: array and TRUE/FALSE formulas, #NAME? there). A values-only
 * workbook for such readers: `valuesOnly.ts`.
 *
 * A spilled result is stored as a dynamic array over its spill range, with every cell's value
 * cached, and a single-cell formula that needs array evaluation as a dynamic array over its own
 * cell (`arrayFormulas.ts`). Styles, number formats, column widths, frozen panes, hyperlinks and workbook names follow
 * the plan; wrapped header rows get the height their text needs, and each sheet prints fitted to
 * one page wide. Charts are not written (the file format library has no chart support).
 * `packageParts.ts` adds what the library cannot write: the dynamic-array metadata, the add-in's
 * web-extension part and a calcPr that does not force a full recalculation on load (Excel without
 * the add-in would otherwise replace the cached values of DEALS cells with #NAME?).
 */
import ExcelJS from 'exceljs';
import { a1, isFormulaCell, numberFormatGrid, SheetPlan, STYLE_GUIDE } from '../scenarios';
import { arrayFormulaRefs } from './arrayFormulas';
import { toFileFormula } from './fileFormula';
import { AddinReference, addPackageParts, PRODUCTION_ADDIN } from './packageParts';

/** A computed cell value as a sink reads it from the engine. */
export type CachedValue = number | string | boolean | null | { readonly error: string };

export interface SheetToSave {
  /** The sheet's name in the file. */
  readonly name: string;
  readonly plan: SheetPlan;
  /** The computed value of every cell of the plan's used range (`values[row][col]`). */
  readonly values: ReadonlyArray<ReadonlyArray<CachedValue>>;
  /** Protect formulas: the sheet protected without a password, every cell locked but the plan's inputs. */
  readonly protectFormulas?: boolean;
}

/** ARGB as exceljs wants it, from `#RRGGBB`. */
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function cached(value: CachedValue): number | string | boolean | ExcelJS.CellErrorValue | undefined {
  if (value === null) return undefined;
  if (typeof value === 'object') return { error: value.error as ExcelJS.CellErrorValue['error'] };
  return value;
}

/** Excel's default row height (points) for one line of 11 pt Calibri. */
const LINE_HEIGHT_POINTS = 15;

/**
 * Lines a text takes when wrapped at whole words in a column `width` characters wide (Excel's
 * column unit is the width of one digit; bold header text runs about 10 % wider).
 */
export function wrappedLineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / 1.1));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines++; // the word starts a new line
      const pieces = Math.ceil(word.length / perLine); // a word wider than the column is broken
      lines += pieces - 1;
      used = word.length - (pieces - 1) * perLine;
    }
  }
  return lines;
}

/** Heights (points) of rows with wrapped text that needs more than one line, by 0-based row. */
export function wrappedRowHeights(plan: SheetPlan): Map<number, number> {
  const heights = new Map<number, number>();
  for (const { range, style } of plan.styles) {
    if (!STYLE_GUIDE[style].wrap) continue;
    for (const { row, col } of a1.rangeCells(a1.parseRange(range))) {
      const cell = plan.cells[row]?.[col];
      if (typeof cell !== 'string') continue;
      const lines = wrappedLineCount(cell, plan.columnWidths[col] ?? 8.43);
      if (lines > 1) heights.set(row, Math.max(heights.get(row) ?? 0, lines * LINE_HEIGHT_POINTS));
    }
  }
  return heights;
}

async function addSheet(workbook: ExcelJS.Workbook, { name, plan, values, protectFormulas }: SheetToSave): Promise<void> {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
    // Printed one page wide and as many pages tall as the model needs.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  for (const [row, height] of wrappedRowHeights(plan)) sheet.getRow(row + 1).height = height;
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const arrayRefs = arrayFormulaRefs(plan); // spills, and single cells that need array evaluation
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const address = a1.formatCell(r, c);
      const value = values[r]?.[c] ?? null;
      if (isFormulaCell(cell)) {
        const formula = toFileFormula(cell.formula);
        const range = arrayRefs.get(address);
        sheet.getCell(address).value = range
          ? ({ formula, result: cached(value), shareType: 'array', ref: range } as ExcelJS.CellFormulaValue)
          : { formula, result: cached(value) };
        // exceljs drops a falsy result (0, FALSE) when a value is assigned; set it on the formula value itself.
        if (value === 0 || value === false) (sheet.getCell(address) as unknown as { _value: { result: unknown } })._value.result = value;
      } else if (cell !== null) {
        sheet.getCell(address).value = cell;
      } else if (value !== null) {
        sheet.getCell(address).value = cached(value) ?? null; // a spilled value: cached beside its array formula
      }
    }),
  );

  numberFormatGrid(plan).forEach((row, r) =>
    row.forEach((format, c) => {
      if (format !== 'General') sheet.getCell(r + 1, c + 1).numFmt = format;
    }),
  );
  for (const { range, style } of plan.styles) {
    const look = STYLE_GUIDE[style];
    for (const { row, col } of a1.rangeCells(a1.parseRange(range))) {
      const target = sheet.getCell(row + 1, col + 1);
      target.font = {
        ...target.font,
        ...(look.fontColor ? { color: { argb: argb(look.fontColor) } } : {}),
        ...(look.bold ? { bold: true } : {}),
        ...(look.italic ? { italic: true } : {}),
        ...(look.fontSize ? { size: look.fontSize } : {}),
      };
      if (look.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(look.fill) } };
      if (look.wrap) target.alignment = { ...target.alignment, wrapText: true };
      if (look.borderBottom) target.border = { ...target.border, bottom: { style: 'thin' } };
    }
  }
  for (const { address, url } of plan.links) {
    const target = sheet.getCell(address);
    target.value = { text: String(target.value ?? url), hyperlink: url };
  }
  const quoted = `'${name.replace(/'/g, "''")}'`;
  for (const { name: definedName, address } of plan.names) {
    const { row, col } = a1.parseCell(address);
    workbook.definedNames.add(`${quoted}!${a1.formatCell(row, col, true)}`, definedName);
  }
  if (protectFormulas) await protectSheetFormulas(sheet, plan);
}

/**
 * "Protect formulas", as the task pane does it in Excel: cells are locked by default, the inputs
 * are unlocked, and the sheet is protected without a password (Review › Unprotect Sheet lifts it).
 * Selecting cells and resizing rows and columns stay allowed, as in the Excel sink.
 */
async function protectSheetFormulas(sheet: ExcelJS.Worksheet, plan: SheetPlan): Promise<void> {
  for (const { address } of plan.inputs) sheet.getCell(address).protection = { locked: false };
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/**
 * The workbook as xlsx bytes (a Uint8Array, so the same code runs in Node and in a browser).
 * `addin` is the add-in the file asks Excel to load: the team's production add-in by default, none
 * for `null` (a values-only workbook, `valuesOnly.ts`).
 */
export async function workbookBuffer(sheets: readonly SheetToSave[], addin: AddinReference | null = PRODUCTION_ADDIN): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AI Deal Modeler';
  for (const sheet of sheets) await addSheet(workbook, sheet);
  return addPackageParts(new Uint8Array(await workbook.xlsx.writeBuffer()), addin);
}
