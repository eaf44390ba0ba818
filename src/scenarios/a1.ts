/**
 * A1 addresses: column letters ↔ index, cells and ranges parsed and formatted, the references in a
 * formula, and Excel's rules for workbook names and sheet names. Pure and Office-free, shared by
 * the SheetPlan builder and the sinks (Office.js writer, formula engine, xlsx writer).
 *
 * Rows and columns are 0-based here (`{ row: 0, col: 0 }` is A1), as in a JavaScript 2-D array.
 */

import { stringTokenValue, tokenizeFormula } from '../formula/tokens';

/** Excel's grid: 1,048,576 rows × 16,384 columns (A … XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRef {
  readonly row: number;
  readonly col: number;
  /** `$` before the row / the column. */
  readonly rowAbsolute?: boolean;
  readonly colAbsolute?: boolean;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA', 16383 → 'XFD'. */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) throw new RangeError(`column index out of range: ${index}`);
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 'A' → 0, 'aa' → 26, 'XFD' → 16383. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`column beyond XFD: ${letters}`);
  return n - 1;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]{0,6})$/;

/** A cell address such as `B12` or `$B$12`; `undefined` if the text is not one (or lies outside the grid). */
export function tryParseCell(text: string): CellRef | undefined {
  const match = CELL.exec(text);
  if (!match) return undefined;
  const [, colDollar, letters, rowDollar, digits] = match;
  const row = Number(digits) - 1;
  if (row >= MAX_ROWS) return undefined;
  let col: number;
  try {
    col = columnIndex(letters);
  } catch {
    return undefined;
  }
  return { row, col, rowAbsolute: rowDollar === '$', colAbsolute: colDollar === '$' };
}

export function parseCell(text: string): CellRef {
  const cell = tryParseCell(text);
  if (!cell) throw new RangeError(`not a cell address: ${text}`);
  return cell;
}

/** `B2` or `B2:C5` (either corner first); a single cell is a 1×1 range. `undefined` if invalid. */
export function tryParseRange(text: string): RangeRef | undefined {
  const parts = text.split(':');
  if (parts.length > 2) return undefined;
  const a = tryParseCell(parts[0]);
  const b = parts.length === 2 ? tryParseCell(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    start: { ...a, row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { ...b, row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

export function parseRange(text: string): RangeRef {
  const range = tryParseRange(text);
  if (!range) throw new RangeError(`not a range address: ${text}`);
  return range;
}

/** `formatCell(11, 1)` → `B12`; with `absolute` → `$B$12`; or choose per part. */
export function formatCell(row: number, col: number, absolute: boolean | { row: boolean; col: boolean } = false): string {
  if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw new RangeError(`row index out of range: ${row}`);
  const abs = typeof absolute === 'boolean' ? { row: absolute, col: absolute } : absolute;
  return `${abs.col ? '$' : ''}${columnLetters(col)}${abs.row ? '$' : ''}${row + 1}`;
}

/** A cell ref back to text, keeping its `$` marks. */
export function cellText(cell: CellRef): string {
  return formatCell(cell.row, cell.col, { row: !!cell.rowAbsolute, col: !!cell.colAbsolute });
}

/** `B2:C5`, or `B2` for one cell. */
export function formatRange(top: number, left: number, bottom: number, right: number, absolute = false): string {
  const start = formatCell(top, left, absolute);
  return top === bottom && left === right ? start : `${start}:${formatCell(bottom, right, absolute)}`;
}

export function rangeText(range: RangeRef, absolute = false): string {
  return formatRange(range.start.row, range.start.col, range.end.row, range.end.col, absolute);
}

export function rangeSize(range: RangeRef): { rows: number; columns: number } {
  return { rows: range.end.row - range.start.row + 1, columns: range.end.col - range.start.col + 1 };
}

/** Every cell of a range, row by row. */
export function* rangeCells(range: RangeRef): Generator<{ row: number; col: number }> {
  for (let row = range.start.row; row <= range.end.row; row++) {
    for (let col = range.start.col; col <= range.end.col; col++) yield { row, col };
  }
}

export function rangeContains(range: RangeRef, row: number, col: number): boolean {
  return row >= range.start.row && row <= range.end.row && col >= range.start.col && col <= range.end.col;
}

/** What a formula refers to: cell/range references, workbook names and functions called. */
export interface FormulaParts {
  /** References as written (`$B$12`, `C20:C29`), each with the sheet if one is given. */
  readonly references: ReadonlyArray<{ readonly text: string; readonly range: RangeRef; readonly sheet?: string }>;
  /** Identifiers that are neither references, functions nor TRUE/FALSE: workbook names. */
  readonly names: readonly string[];
  /** Function names called, upper case (`DEALS.WARRANTVALUE`, `SUM`). */
  readonly functions: readonly string[];
  /** String literals, unquoted. */
  readonly strings: readonly string[];
}

/**
 * Splits an Excel formula (with or without its leading `=`) into references, names, functions and
 * strings, on the shared formula lexer (`src/formula/tokens.ts`). Handles string literals with
 * doubled quotes, quoted sheet names (`'My sheet'!A1`), sheet-qualified references
 * (`Sheet1!$A$1:$B$2`) and ranges. Enough for checking formulas that plans generate; not a full
 * Excel parser (no R1C1, whole rows/columns or structured references).
 */
export function formulaParts(formula: string): FormulaParts {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenizeFormula(text);
  const references: { text: string; range: RangeRef; sheet?: string }[] = [];
  const names: string[] = [];
  const functions: string[] = [];
  const strings: string[] = [];
  let sheet: string | undefined;
  const reference = (word: string, range: RangeRef) => references.push({ text: word, range, ...(sheet !== undefined ? { sheet } : {}) });

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'other' && /^["']/.test(token.text)) {
      throw new SyntaxError(`unterminated ${token.text.startsWith('"') ? 'string' : 'sheet name'} in ${formula}`);
    }
    if (token.kind === 'string') strings.push(stringTokenValue(token));
    if (token.kind === 'sheetName') {
      if (tokens[i + 1]?.text !== '!') throw new SyntaxError(`quoted name without ! in ${formula}`);
      sheet = token.text.slice(1, -1).replace(/''/g, "'");
      i++;
    }
    if (token.kind !== 'identifier') continue;
    if (token.isSheet) {
      sheet = token.text;
      while (tokens[i].text !== '!') i++;
      continue;
    }
    if (token.isCall) {
      functions.push(token.text.toUpperCase());
    } else {
      const end = tokens[i + 2];
      const span = tokens[i + 1]?.text === ':' && end?.kind === 'identifier' ? tryParseRange(`${token.text}:${end.text}`) : undefined;
      const range = span ?? tryParseRange(token.text);
      if (span) {
        reference(`${token.text}:${end.text}`, span);
        i += 2;
      } else if (range) reference(token.text, range);
      else if (!/^(TRUE|FALSE)$/i.test(token.text)) names.push(token.text);
    }
    sheet = undefined;
  }
  return { references, names, functions, strings };
}

/**
 * Whether `name` is a valid Excel workbook name: starts with a letter, `_` or `\`; then letters,
 * digits, `_`, `.` or `\`; at most 255 characters; not a cell address (`AMD1`), not R1C1-like
 * (`R`, `C`, `R1C1`, `R2`, `C3`) and not TRUE or FALSE.
 */
export function isValidName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  if (tryParseCell(name)) return false;
  if (/^[Rr]([0-9]*)([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name)) return false;
  return !/^(TRUE|FALSE)$/i.test(name);
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no leading or trailing ', not "History". */
export function isValidSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

/** A valid sheet name made from any text: forbidden characters dropped, cut to 31 characters. */
export function toSheetName(text: string): string {
  const tidy = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  let name = tidy(text.replace(/[:\\/?*[\]]/g, ' '));
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = tidy(Array.from(name).slice(0, 31).join(''));
  }
  if (!name || name.toLowerCase() === 'history') name = 'Sheet';
  return name;
}
