/**
 * Sheet names in formula text: `renameSheetReferences` rewrites every reference to a renamed sheet
 * (`'AMD warrants'!B15` → `'AMD 認股權證'!B15`, `Sheet1!A1` → `'工作表1'!A1`), leaving text in
 * quotes, other sheets and everything else as written. The workbench's language switch renames
 * its sheets and needs the user's formulas to follow them.
 */
import { tokenizeFormula } from './tokens';

/** The formula with each sheet named in `renames` (old name → new, matched ignoring case as Excel does) referred to by its new name. */
export function renameSheetReferences(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !formula.includes('!')) return formula;
  const byKey = new Map(Array.from(renames, ([from, to]) => [from.toLowerCase(), to]));
  return tokenizeFormula(formula)
    .map((token) => {
      const name = token.kind === 'sheetName' ? token.text.slice(1, -1).replace(/''/g, "'") : token.kind === 'identifier' && token.isSheet ? token.text : undefined;
      const renamed = name === undefined ? undefined : byKey.get(name.toLowerCase());
      return renamed === undefined ? token.text : quotedSheetName(renamed);
    })
    .join('');
}

/** A sheet name as a formula writes it: in single quotes, a quote inside doubled (always valid, in Excel and HyperFormula). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
