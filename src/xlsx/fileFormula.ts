/**
 * Formula text as Excel stores it in an .xlsx file, and back.
 *
 * A file holds a formula without its leading `=`, and some function names under a prefix:
 * - a JavaScript custom function is saved as `_xldudf_<NAMESPACE>_<NAME>`, the namespace's dot
 *   turned into an underscore: `DEALS.WARRANTVALUE(…)` → `_xldudf_DEALS_WARRANTVALUE(…)`
 *   (OfficeDev/office-js issue #5611; OfficeDev/Excel-Custom-Functions issue #108). Excel with the
 *   add-in recalculates such a cell; an application without it shows the cached value only until
 *   it recalculates the cell (LibreOffice Calc does so on load for array and TRUE/FALSE formulas,
 *   then shows #NAME?: `valuesOnly.ts` writes a file for such readers);
 * - a function added after Excel 2007 is saved as `_xlfn.<NAME>` (`_xlfn.NORM.S.DIST`, `_xlfn.RRI`).
 */
import { FormulaToken, tokenizeFormula } from '../formula/tokens';

const CUSTOM_FUNCTION_PREFIX = '_xldudf_';
const FUTURE_FUNCTION_PREFIX = '_xlfn.';

/** Namespaces of the add-in's custom functions. */
export const CUSTOM_FUNCTION_NAMESPACES: readonly string[] = ['DEALS'];

/**
 * Functions Excel saves with the `_xlfn.` prefix (added in Excel 2010 and later), as listed in
 * Microsoft's "Issue: An _xlfn. prefix is displayed in front of a formula". Only names our sheets
 * might use need to be here; test/xlsx checks every function the presets call is known.
 */
export const FUTURE_FUNCTIONS: ReadonlySet<string> = new Set([
  'AGGREGATE', 'BINOM.DIST', 'CEILING.MATH', 'CONCAT', 'COVARIANCE.P', 'COVARIANCE.S', 'DAYS', 'EXPON.DIST',
  'FLOOR.MATH', 'GAMMA', 'GAUSS', 'IFNA', 'IFS', 'LOGNORM.DIST', 'LOGNORM.INV', 'MAXIFS', 'MINIFS', 'NORM.DIST',
  'NORM.INV', 'NORM.S.DIST', 'NORM.S.INV', 'PDURATION', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'PHI', 'POISSON.DIST',
  'QUARTILE.EXC', 'QUARTILE.INC', 'RANK.AVG', 'RANK.EQ', 'RRI', 'STDEV.P', 'STDEV.S', 'SWITCH', 'TEXTJOIN',
  'VAR.P', 'VAR.S', 'XOR', 'XLOOKUP',
]);

/** Functions of Excel 2007 and earlier that our sheets use: saved under their own names. */
export const CLASSIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS', 'AND', 'AVERAGE', 'CHAR', 'CHOOSE', 'COUNT', 'COUNTA', 'COUNTIF', 'EXP', 'FALSE', 'IF', 'IFERROR', 'INDEX', 'INT',
  'ISERROR', 'ISNUMBER', 'LN', 'LOG', 'LOG10', 'MATCH', 'MAX', 'MIN', 'NOT', 'OR', 'POWER', 'PRODUCT', 'ROUND',
  'ROUNDDOWN', 'ROUNDUP', 'ROWS', 'COLUMNS', 'SQRT', 'SUM', 'SUMIF', 'SUMPRODUCT', 'TEXT', 'TRUE', 'NORMSDIST',
]);

function customFunctionNamespace(name: string): string | undefined {
  return CUSTOM_FUNCTION_NAMESPACES.find((ns) => name.toUpperCase().startsWith(`${ns}.`));
}

/** The text Excel stores for a formula written as in a cell (`=DEALS.X(…)` → `_xldudf_DEALS_X(…)`). */
export function toFileFormula(cellFormula: string): string {
  const body = cellFormula.startsWith('=') ? cellFormula.slice(1) : cellFormula;
  return tokenizeFormula(body)
    .map((token: FormulaToken) => {
      if (token.kind !== 'identifier' || !token.isCall) return token.text;
      const upper = token.text.toUpperCase();
      if (customFunctionNamespace(upper)) return CUSTOM_FUNCTION_PREFIX + upper.replace('.', '_');
      return FUTURE_FUNCTIONS.has(upper) ? FUTURE_FUNCTION_PREFIX + upper : token.text;
    })
    .join('');
}

/** The formula as a user sees it in a cell, from the text stored in a file. */
export function fromFileFormula(fileFormula: string): string {
  const text = tokenizeFormula(fileFormula)
    .map((token) => {
      if (token.kind !== 'identifier' || !token.isCall) return token.text;
      if (token.text.startsWith(FUTURE_FUNCTION_PREFIX)) return token.text.slice(FUTURE_FUNCTION_PREFIX.length);
      if (token.text.startsWith(CUSTOM_FUNCTION_PREFIX)) {
        const name = token.text.slice(CUSTOM_FUNCTION_PREFIX.length);
        const ns = CUSTOM_FUNCTION_NAMESPACES.find((n) => name.toUpperCase().startsWith(`${n}_`));
        return ns ? `${ns}.${name.slice(ns.length + 1)}` : token.text;
      }
      return token.text;
    })
    .join('');
  return `=${text}`;
}

/** Names of the functions a formula calls, upper-case, as written in a cell. */
export function calledFunctions(cellFormula: string): string[] {
  return tokenizeFormula(cellFormula)
    .filter((token) => token.kind === 'identifier' && token.isCall)
    .map((token) => token.text.toUpperCase());
}
