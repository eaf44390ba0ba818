/**
 * The xlsx sink: evaluated SheetPlans as an Excel workbook file, each formula stored as Excel
 * itself stores it (`fileFormula.ts`) together with its computed value, so the file recalculates
 * in Excel with the add-in and shows the cached values in any other spreadsheet application.
 *
 * A spilled result is stored as an array formula over its spill range (`t="array"`), with every
 * cell's value cached. Styles, number formats, column widths, frozen panes, hyperlinks and workbook
 * names follow the plan; charts are not written (the file format library has no chart support).
 * The workbook is not marked for a full recalculation on load: Excel without the add-in would
 * otherwise replace the cached values of DEALS cells with #NAME?.
 */
import ExcelJS from 'exceljs';
import { a1, isFormulaCell, numberFormatGrid, SheetPlan, STYLE_GUIDE } from '../scenarios';
import { toFileFormula } from './fileFormula';

/** A computed cell value as a sink reads it from the engine. */
export type CachedValue = number | string | boolean | null | { readonly error: string };

export interface SheetToSave {
  /** The sheet's name in the file. */
  readonly name: string;
  readonly plan: SheetPlan;
  /** The computed value of every cell of the plan's used range (`values[row][col]`). */
  readonly values: ReadonlyArray<ReadonlyArray<CachedValue>>;
}

/** ARGB as exceljs wants it, from `#RRGGBB`. */
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function cached(value: CachedValue): number | string | boolean | ExcelJS.CellErrorValue | undefined {
  if (value === null) return undefined;
  if (typeof value === 'object') return { error: value.error as ExcelJS.CellErrorValue['error'] };
  return value;
}

function addSheet(workbook: ExcelJS.Workbook, { name, plan, values }: SheetToSave): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
  });
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const spillAnchors = new Map(plan.spills.map((spill) => [spill.anchor, spill.range]));
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const address = a1.formatCell(r, c);
      const value = values[r]?.[c] ?? null;
      if (isFormulaCell(cell)) {
        const formula = toFileFormula(cell.formula);
        const range = spillAnchors.get(address);
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
}

/** The workbook as xlsx bytes (a Uint8Array, so the same code runs in Node and in a browser). */
export async function workbookBuffer(sheets: readonly SheetToSave[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AI Deal Modeler';
  for (const sheet of sheets) addSheet(workbook, sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
