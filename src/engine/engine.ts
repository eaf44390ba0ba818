/**
 * A HyperFormula workbook that evaluates Excel formulas, DEALS functions included, as Excel does.
 *
 * `createEngine()` returns a plain HyperFormula instance (its whole API stays available) with the
 * DEALS plugin registered and an Excel-like configuration. The helpers below add what HyperFormula
 * lacks for Excel text and give values back as plain JavaScript:
 * - formula text goes through `toEngineFormula` (uppercase exponents, TRUE/FALSE, doubled quotes);
 *   the Excel text as entered is kept and returned by `cellFormula`;
 * - values come back as `EngineValue`: number | string | boolean | null (blank) | { error, message }
 *   or, for a spilled array read at its top-left cell or an array-valued formula, a 2-D array.
 */
import { CellType, ConfigParams, DetailedCellError, HyperFormula, NotAFormulaError, RawCellContent, SimpleCellAddress } from 'hyperformula';
import { FormulaLimitError, formulaLimitBreach, isStackOverflow } from './limits';
import { toEngineFormula } from './normalise';
import { registerDealsFunctions, ENGINE_LANGUAGE } from './plugin';

/** An Excel error as a value: `error` is the code ('#VALUE!', '#NUM!', '#N/A', '#DIV/0!', …). */
export interface EngineError {
  readonly error: string;
  readonly message: string;
}
export type EngineScalar = number | string | boolean | null | EngineError;
export type EngineValue = EngineScalar | EngineScalar[][];

/** What a cell may be given: a value, or a formula as Excel text ("=…"); null or undefined clears it. */
export type CellInput = number | string | boolean | null | undefined;

/** A cell: HyperFormula's address, or Excel text such as "B2" (first sheet) or "'Deal terms'!B2". */
export type CellRef = SimpleCellAddress | string;

export interface EngineOptions {
  /** Sheets by name, each a grid of inputs; without any, one empty sheet "Sheet1". */
  readonly sheets?: Readonly<Record<string, readonly (readonly CellInput[])[]>>;
  /** Workbook-level names, e.g. { Price: '=Inputs!$B$2', Rate: 0.04 }. */
  readonly names?: Readonly<Record<string, CellInput>>;
  /** HyperFormula options overriding ENGINE_CONFIG. */
  readonly config?: Partial<ConfigParams>;
}

/**
 * HyperFormula configured like Excel (en-US): ',' between arguments, '.' for decimals, dynamic
 * arrays, blank formula results read as 0, whitespace and line breaks allowed in formulas, Excel's
 * sheet size and date serials. `smartRounding: false` keeps every result at full double precision:
 * by default HyperFormula rounds results to 10 significant digits (1/3 → 0.33333333333) and snaps
 * sums within 1e-13 of zero to 0.
 */
export const ENGINE_CONFIG: Readonly<Partial<ConfigParams>> = Object.freeze({
  licenseKey: 'gpl-v3',
  language: ENGINE_LANGUAGE,
  smartRounding: false,
  functionArgSeparator: ',',
  decimalSeparator: '.',
  thousandSeparator: '',
  arrayColumnSeparator: ',',
  arrayRowSeparator: ';',
  useArrayArithmetic: true,
  evaluateNullToZero: true,
  ignoreWhiteSpace: 'any',
  caseSensitive: false,
  accentSensitive: true,
  localeLang: 'en-US',
  useWildcards: true,
  useRegularExpressions: false,
  matchWholeCell: true,
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  maxRows: 1_048_576,
  maxColumns: 16_384,
});

/** The Excel text of formulas as entered, with the engine text they were entered as, per cell. */
const enteredFormulas = new WeakMap<HyperFormula, Map<string, { excel: string; engine: string }>>();

/**
 * A new workbook with the DEALS functions. Names are defined before the sheets' formulas are
 * entered: a spill's size is fixed when its formula is entered, and a name that refers to a range
 * (=DEALS.FUNDINGGAP(Required, Projected)) can only size it once the name exists. A formula
 * beyond Excel's limits or too deep for the engine throws FormulaLimitError (limits.ts).
 */
export function createEngine(options: EngineOptions = {}): HyperFormula {
  registerDealsFunctions();
  const config = { ...ENGINE_CONFIG, ...options.config };
  const sheets = options.sheets ?? { Sheet1: [] };
  const names = Object.entries(options.names ?? {});
  for (const rows of Object.values(sheets)) for (const row of rows) for (const input of row) if (isFormula(input)) refuseBeyondLimits(input);
  const content = (rows: readonly (readonly CellInput[])[]) => rows.map((row) => row.map(toEngineContent));
  let engine: HyperFormula;
  if (names.length === 0) {
    engine = HyperFormula.buildFromSheets(Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, content(rows)])), config);
  } else {
    engine = HyperFormula.buildFromSheets(Object.fromEntries(Object.keys(sheets).map((name) => [name, []])), config);
    for (const [name, expression] of names) defineName(engine, name, expression);
    engine.batch(() => {
      for (const [name, rows] of Object.entries(sheets)) engine.setSheetContent(engine.getSheetId(name) as number, content(rows));
    });
  }
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = engine.getSheetId(name) as number;
    rows.forEach((row, r) => row.forEach((input, c) => remember(engine, { sheet, row: r, col: c }, input)));
  }
  return engine;
}

/**
 * The value of one formula (Excel text; the leading '=' may be left out), evaluated in the context
 * of `sheet` (default: the first sheet) without being stored. A formula that does not parse gives
 * `{ error: '#ERROR!', message }`, as a cell would. Throws FormulaLimitError for a formula beyond
 * Excel's limits or too deep for the engine (limits.ts).
 */
export function evaluateFormula(engine: HyperFormula, formula: string, sheet?: string): EngineValue {
  const trimmed = formula.trim();
  const excel = trimmed.startsWith('=') ? trimmed : `=${trimmed}`;
  refuseBeyondLimits(excel);
  const text = toEngineFormula(excel);
  const sheetId = sheetIdOf(engine, sheet);
  try {
    const value = fromCellValue(engine.calculateFormula(text, sheetId));
    // A failed DEALS call sized to spill comes back as its error in every cell (plugin.ts,
    // errorResult); evaluated on its own it is that one error, as Excel shows it.
    return /^=\s*DEALS\./i.test(excel) ? oneErrorIfUniform(value) : value;
  } catch (error) {
    if (error instanceof NotAFormulaError) return { error: '#ERROR!', message: parseErrorMessage(text) };
    if (isStackOverflow(error)) throw new FormulaLimitError({ kind: 'depth' });
    throw error;
  }
}

/**
 * Puts a value or formula in a cell, or a grid of them with `cell` as the top-left corner. Throws
 * FormulaLimitError, the cells unchanged, for a formula beyond Excel's limits or one whose
 * evaluation ran out of stack (the engine is left as it was: see limits.ts).
 */
export function setCell(engine: HyperFormula, cell: CellRef, content: CellInput | readonly (readonly CellInput[])[]): void {
  const corner = toAddress(engine, cell);
  const grid: readonly (readonly CellInput[])[] = Array.isArray(content) ? (content as readonly (readonly CellInput[])[]) : [[content as CellInput]];
  for (const row of grid) for (const input of row) if (isFormula(input)) refuseBeyondLimits(input);
  // Inside a batch nothing is evaluated (and the engine answers no questions): nothing to put back.
  const before = engine.isEvaluationSuspended()
    ? undefined
    : grid.map((row, r) => row.map((_, c) => contentToRestore(engine, { sheet: corner.sheet, row: corner.row + r, col: corner.col + c })));
  try {
    engine.setCellContents(corner, Array.isArray(content) ? grid.map((row) => row.map(toEngineContent)) : toEngineContent(content as CellInput));
  } catch (error) {
    if (!isStackOverflow(error) || before === undefined) throw error;
    // The engine stopped midway with cells left uncomputed; putting the old contents back recomputes
    // them, and a spill the formula had blocked is entered again (the engine does not retry it then).
    engine.setCellContents(corner, before);
    reenterBlockedSpills(engine, corner.sheet);
    throw new FormulaLimitError({ kind: 'depth' });
  }
  grid.forEach((row, r) => row.forEach((input, c) => remember(engine, { sheet: corner.sheet, row: corner.row + r, col: corner.col + c }, input)));
}

function reenterBlockedSpills(engine: HyperFormula, sheet: number): void {
  const values = engine.getSheetValues(sheet);
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const address = { sheet, row: r, col: c };
      if (value instanceof DetailedCellError && value.type === 'SPILL' && engine.doesCellHaveFormula(address)) engine.setCellContents(address, engine.getCellSerialized(address));
    }),
  );
}

function isFormula(input: CellInput): input is string {
  return typeof input === 'string' && input.startsWith('=');
}

function refuseBeyondLimits(excelFormula: string): void {
  const limit = formulaLimitBreach(excelFormula);
  if (limit) throw new FormulaLimitError(limit);
}

/** A cell's content as the engine takes it back; blank for a cell of a spilled result (its formula fills it again). */
function contentToRestore(engine: HyperFormula, address: SimpleCellAddress): RawCellContent {
  if (engine.getCellType(address) === CellType.ARRAY) return null;
  return engine.getCellSerialized(address) as RawCellContent;
}

/**
 * The value of a cell. At the top-left cell of a spilled array, the whole array; elsewhere in a
 * spill, that one element. A blank cell is null.
 */
export function readCell(engine: HyperFormula, cell: CellRef): EngineValue {
  const address = toAddress(engine, cell);
  const value = engine.getCellValue(address);
  if (value instanceof DetailedCellError || engine.getCellType(address) !== CellType.ARRAYFORMULA) return fromCellValue(value);
  // The spill's extent: arrayMapping is marked internal in HyperFormula's typings; test/engine covers it.
  const range = engine.arrayMapping.getArrayByCorner(address)?.getRangeOrUndef();
  return range ? fromCellValue(engine.getRangeValues(range)) : fromCellValue(value);
}

/** The formula in a cell as Excel text: as entered if the cell still holds it, else HyperFormula's rendering. */
export function cellFormula(engine: HyperFormula, cell: CellRef): string | undefined {
  const address = toAddress(engine, cell);
  const current = engine.getCellFormula(address);
  const entered = enteredFormulas.get(engine)?.get(cellKey(address));
  if (current === undefined || entered === undefined) return current;
  try {
    return engine.normalizeFormula(entered.engine) === current ? entered.excel : current;
  } catch {
    return current === entered.engine ? entered.excel : current;
  }
}

/**
 * Defines (or redefines) a workbook-level name: a value or a formula (references must be absolute,
 * e.g. =Inputs!$B$2). Define a name that refers to a range before entering formulas that spill
 * through it (see createEngine).
 */
export function defineName(engine: HyperFormula, name: string, expression: CellInput): void {
  const content = toEngineContent(expression);
  if (engine.getNamedExpression(name) === undefined) engine.addNamedExpression(name, content);
  else engine.changeNamedExpression(name, content);
}

/** The value of a workbook-level name; a 2-D array for a name that refers to a range. */
export function readName(engine: HyperFormula, name: string): EngineValue {
  // getNamedExpressionValue gives #VALUE! "Cell range not allowed" for a range; a formula gives the range's values.
  return evaluateFormula(engine, `=${name}`);
}

/** HyperFormula's address for a cell reference; throws for text that is not one. */
export function toAddress(engine: HyperFormula, cell: CellRef): SimpleCellAddress {
  if (typeof cell !== 'string') return cell;
  const address = engine.simpleCellAddressFromString(cell, sheetIdOf(engine));
  if (address === undefined) throw new Error(`Not a cell reference: ${cell}`);
  return address;
}

export function isEngineError(value: unknown): value is EngineError {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as EngineError).error === 'string';
}

/** An array whose every cell is the same error (code and message), as that error; anything else as it is. */
function oneErrorIfUniform(value: EngineValue): EngineValue {
  if (!Array.isArray(value) || value.length === 0) return value;
  const first = value[0][0];
  if (!isEngineError(first)) return value;
  const same = value.every((row) => row.every((cell) => isEngineError(cell) && cell.error === first.error && cell.message === first.message));
  return same ? first : value;
}

/** A value or 2-D array from HyperFormula's API as plain JavaScript. */
export function fromCellValue(value: unknown): EngineValue {
  if (Array.isArray(value)) return value.map((row: unknown[]) => row.map(fromScalar));
  return fromScalar(value);
}

function fromScalar(value: unknown): EngineScalar {
  if (value instanceof DetailedCellError) return { error: value.value, message: value.message ?? '' };
  if (value === undefined) return null;
  return value as EngineScalar;
}

function toEngineContent(input: CellInput): RawCellContent {
  if (input === undefined) return null;
  return typeof input === 'string' ? toEngineFormula(input) : input;
}

function remember(engine: HyperFormula, address: SimpleCellAddress, input: CellInput): void {
  let formulas = enteredFormulas.get(engine);
  if (!formulas) {
    if (!isFormula(input)) return;
    formulas = new Map();
    enteredFormulas.set(engine, formulas);
  }
  if (isFormula(input)) formulas.set(cellKey(address), { excel: input, engine: toEngineFormula(input) });
  else formulas.delete(cellKey(address));
}

function cellKey(address: SimpleCellAddress): string {
  return `${address.sheet}:${address.row}:${address.col}`;
}

function sheetIdOf(engine: HyperFormula, sheet?: string): number {
  const name = sheet ?? engine.getSheetNames()[0];
  const id = name === undefined ? undefined : engine.getSheetId(name);
  if (id === undefined) throw new Error(sheet === undefined ? 'The workbook has no sheet' : `No sheet named ${sheet}`);
  return id;
}

let syntaxChecker: HyperFormula | undefined;

/** HyperFormula's message for a formula that does not parse (calculateFormula only says "not a formula"). */
function parseErrorMessage(text: string): string {
  syntaxChecker ??= HyperFormula.buildFromSheets({ Sheet1: [] }, { ...ENGINE_CONFIG });
  const address = { sheet: 0, row: 0, col: 0 };
  let value;
  try {
    syntaxChecker.setCellContents(address, text);
    value = syntaxChecker.getCellValue(address);
  } finally {
    syntaxChecker.setCellContents(address, null);
  }
  const message = value instanceof DetailedCellError && value.message ? value.message : `Parsing error in ${text}`;
  return message.replace(/\s*\n\s*/g, ' ');
}
