/**
 * Where a formula stops being one, in words a user can act on: `=1+*2` → unexpected "*" at
 * character 4; `=SUM(1,2` → it ends before it is complete, 1 "(" not closed. Excel refuses such a
 * formula outright ("There's a problem with this formula"); HyperFormula only says which token
 * types its parser expected. The place is found by asking the parser about ever longer prefixes of
 * the formula: the longest prefix that is a formula or only lacks an ending is valid up to the
 * token that follows it, and that token is where the formula broke.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { tokenizeFormula } from '../formula/tokens';
import { FormulaLimitError, isStackOverflow } from './limits';
import { toEngineFormula } from './normalise';

export interface FormulaSyntaxError {
  /** 1-based character of the formula as given (a leading `=` counted if it was there). */
  readonly position: number;
  /** The text found there (empty when the formula ends too soon). */
  readonly found: string;
  /** What is wrong, one short clause: `unexpected "*" at character 4`. */
  readonly description: string;
}

let checker: HyperFormula | undefined;

/**
 * HyperFormula's parse error for the formula text (with its `=`), or undefined when it parses.
 * Throws FormulaLimitError (kind 'depth') when the engine runs out of stack on it, the checker
 * left clean for the next formula.
 */
function parseError(excelFormula: string): string | undefined {
  checker ??= HyperFormula.buildFromSheets({ Sheet1: [] }, { licenseKey: 'gpl-v3' });
  const address = { sheet: 0, row: 0, col: 0 };
  let value;
  try {
    checker.setCellContents(address, toEngineFormula(excelFormula));
    value = checker.getCellValue(address);
  } catch (error) {
    if (isStackOverflow(error)) throw new FormulaLimitError({ kind: 'depth' });
    throw error;
  } finally {
    checker.setCellContents(address, null);
  }
  return value instanceof DetailedCellError && value.type === 'ERROR' && /^Parsing error/.test(value.message ?? '') ? value.message : undefined;
}

/** A parse error that only says the input ended: a longer text could still be a formula. */
function endedEarly(message: string): boolean {
  return /found:? (?:-->\s*)?''/.test(message);
}

/** Why a formula does not parse, or undefined when it does. `formula` may leave out its leading `=`. */
export function formulaSyntaxError(formula: string): FormulaSyntaxError | undefined {
  const trimmed = formula.trim();
  const added = trimmed.startsWith('=') ? 0 : 1;
  const text = added ? `=${trimmed}` : trimmed;
  const leading = formula.length - formula.trimStart().length;
  if (parseError(text) === undefined) return undefined;

  const tokens = tokenizeFormula(text);
  let validUpTo = 1; // after the '='
  let offset = 0;
  let broken: (typeof tokens)[number] | undefined;
  for (const token of tokens) {
    offset += token.text.length;
    // A sheet name is only a prefix of a reference: ask once the reference is complete.
    if (offset <= 1 || /^\s+$/.test(token.text) || token.kind === 'sheetName' || token.isSheet || token.text === '!') continue;
    const error = parseError(text.slice(0, offset));
    if (error !== undefined && !endedEarly(error)) {
      broken = token;
      break;
    }
    validUpTo = offset;
  }
  while (validUpTo < text.length && /\s/.test(text[validUpTo])) validUpTo++;
  const position = validUpTo + 1 - added + leading;

  if (!broken || validUpTo >= text.length) {
    const open = unclosed(tokens);
    const missing = open.length > 0 ? `, ${open.map(([bracket, n]) => `${n} "${bracket}" not closed`).join(', ')}` : '';
    return { position, found: '', description: `it ends before it is complete${missing}` };
  }
  // The first token after the valid part (the broken one, or one before it that only a longer prefix showed wrong).
  let start = 0;
  const token = tokens.find((t) => (start += t.text.length) > validUpTo) ?? broken;
  const found = token.text.trim();
  if (token.kind === 'other' && (found.startsWith('"') || found.startsWith("'"))) {
    return { position, found, description: `the ${found[0] === '"' ? 'text' : 'sheet name'} in quotes from character ${position} is never closed` };
  }
  const extra = found === ')' || found === '}' ? ` (no "${found === ')' ? '(' : '{'}" to close)` : '';
  return { position, found, description: `unexpected "${found}" at character ${position}${extra}` };
}

/** Brackets opened and not closed, e.g. [['(', 2]]. */
function unclosed(tokens: ReturnType<typeof tokenizeFormula>): Array<[string, number]> {
  let parens = 0;
  let braces = 0;
  for (const { kind, text } of tokens) {
    if (kind !== 'other') continue;
    if (text === '(') parens++;
    else if (text === ')') parens--;
    else if (text === '{') braces++;
    else if (text === '}') braces--;
  }
  const open: Array<[string, number]> = [];
  if (parens > 0) open.push(['(', parens]);
  if (braces > 0) open.push(['{', braces]);
  return open;
}
