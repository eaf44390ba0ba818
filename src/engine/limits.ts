/**
 * Excel's limits on one formula, checked before the text reaches HyperFormula: a formula longer
 * than 8,192 characters, or with brackets (function calls, parentheses, array constants) nested
 * deeper than 64 levels, is refused as Excel refuses it, the workbook unchanged.
 *
 * Within those limits HyperFormula's evaluator recurses once per operator, so a long chain such
 * as `=1+1+…+1` (1,500 terms, 3,001 characters) can still exhaust the JavaScript stack; the
 * engine then throws RangeError midway and leaves every later edit failing ("Value of the formula
 * cell is not computed"). So a formula deeper than MAX_FORMULA_DEPTH is refused too (kind
 * 'depth'), and should the stack still run out, `setCell` and `evaluateFormula` (engine.ts) catch
 * it, put the cells back and refuse the formula the same way: one place for the CLI and the
 * workbench alike.
 */
import { tokenizeFormula } from '../formula/tokens';

/** Excel's "Length of formula contents" (the leading `=` counted). */
export const MAX_FORMULA_CHARS = 8192;
/** Excel's "Nested levels of functions"; counted here for every bracket, as nesting is in the parsed formula. */
export const MAX_NESTING_LEVELS = 64;

/**
 * How deep the engine's evaluation of one formula may go, in operators and brackets along one
 * path of its syntax tree (formulaDepth). HyperFormula recurses once per level; Chromium's main
 * thread ran out of stack on a chain of 1,500 and Node's on chains of 1,200 to 4,096 depending on
 * what the JIT had compiled, so the engine refuses deeper formulas before evaluating them. Excel
 * takes them: this is the engine's limit, not Excel's.
 */
export const MAX_FORMULA_DEPTH = 500;

export type FormulaLimit =
  | { readonly kind: 'length'; readonly chars: number }
  | { readonly kind: 'nesting'; readonly levels: number; readonly position: number }
  | { readonly kind: 'depth' };

/** A formula refused for a limit: `limit` says which, the message says it in English (callers translate `limit`). */
export class FormulaLimitError extends Error {
  constructor(readonly limit: FormulaLimit) {
    super(describeFormulaLimit(limit));
    this.name = 'FormulaLimitError';
  }
}

/** The limit the formula (Excel text with its `=`) breaks, or undefined. Text in quotes is not counted as nesting. */
export function formulaLimitBreach(formula: string): FormulaLimit | undefined {
  if (formula.length > MAX_FORMULA_CHARS) return { kind: 'length', chars: formula.length };
  // The usual formula cannot break the others: its depth is below its length, its nesting below its brackets.
  if (formula.length <= MAX_FORMULA_DEPTH && openingBrackets(formula) <= MAX_NESTING_LEVELS) return undefined;
  const tokens = tokenizeFormula(formula);
  let depth = 0;
  let offset = 0;
  for (const { kind, text } of tokens) {
    if (kind === 'other' && (text === '(' || text === '{')) {
      depth++;
      if (depth > MAX_NESTING_LEVELS) return { kind: 'nesting', levels: nestingLevels(tokens), position: offset + 1 };
    } else if (kind === 'other' && (text === ')' || text === '}')) {
      depth = Math.max(0, depth - 1);
    }
    offset += text.length;
  }
  return formulaDepth(tokens) > MAX_FORMULA_DEPTH ? { kind: 'depth' } : undefined;
}

type Tokens = ReturnType<typeof tokenizeFormula>;

/** Every `(` and `{` of the text, quoted ones too (an upper bound of the nesting). */
function openingBrackets(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 40 || code === 123) count++; // '(' '{'
  }
  return count;
}

/** The deepest bracket nesting of the formula. */
function nestingLevels(tokens: Tokens): number {
  let depth = 0;
  let deepest = 0;
  for (const { kind, text } of tokens) {
    if (kind !== 'other') continue;
    if (text === '(' || text === '{') deepest = Math.max(deepest, ++depth);
    else if (text === ')' || text === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%']);

/**
 * An upper bound of the depth of the formula's syntax tree: per argument, its operators plus the
 * deepest bracket inside it; a bracket one level more than its deepest argument. (`=1+1+…+1` with
 * n terms: n; `=SUM(1+1,1+1)`: 2.) The leading `=` is not an operator.
 */
export function formulaDepth(tokens: Tokens): number {
  // Per open bracket: operators of the current argument, its deepest bracket, the deepest argument so far.
  const open: Array<{ ops: number; inner: number; deepest: number }> = [{ ops: 0, inner: 0, deepest: 0 }];
  const depthOf = (group: (typeof open)[number]) => Math.max(group.deepest, group.ops + group.inner);
  const close = () => {
    const group = open.pop()!;
    const parent = open[open.length - 1];
    parent.inner = Math.max(parent.inner, depthOf(group) + 1);
  };
  tokens.forEach(({ kind, text }, index) => {
    if (kind !== 'other' || (index === 0 && text === '=')) return;
    const group = open[open.length - 1];
    if (text === '(' || text === '{') open.push({ ops: 0, inner: 0, deepest: 0 });
    else if ((text === ')' || text === '}') && open.length > 1) close();
    else if (text === ',' || text === ';') {
      group.deepest = depthOf(group);
      group.ops = 0;
      group.inner = 0;
    } else if (OPERATORS.has(text)) group.ops++;
  });
  while (open.length > 1) close(); // brackets left open: the parser refuses the formula anyway
  return depthOf(open[0]);
}

/** One clause, in English, for the CLI's message and the Error's. */
export function describeFormulaLimit(limit: FormulaLimit): string {
  switch (limit.kind) {
    case 'length':
      return `it is ${limit.chars} characters long, and Excel takes formulas of at most ${MAX_FORMULA_CHARS}`;
    case 'nesting':
      return `it nests ${limit.levels} levels of brackets (the 65th opens at character ${limit.position}), and Excel takes at most ${MAX_NESTING_LEVELS}`;
    case 'depth':
      return `it chains more than ${MAX_FORMULA_DEPTH} operators, too many for the formula engine to evaluate (split it across cells, or use SUM or PRODUCT over a range)`;
  }
}

/** Whether an error is the JavaScript stack running out (V8: RangeError "Maximum call stack size exceeded"). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
