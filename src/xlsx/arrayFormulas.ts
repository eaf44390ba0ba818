/**
 * Which formulas a file must store as dynamic arrays (`cm="1"` on an array formula).
 *
 * A spill is one, over its spill range. So is a single-cell formula that needs array evaluation:
 * Excel 365 reads a formula without dynamic-array metadata as written by an older Excel, which
 * evaluated a multi-cell range in a scalar context by implicit intersection, so it shows such a
 * formula with `@` and after the next recalculation computes it that way (`#VALUE!` where the
 * range does not intersect the cell's row or column). Excel 365 itself and XlsxWriter store such
 * a formula as a dynamic array over its own cell (`<c cm="1"><f t="array" ref="D103">`), which
 * Excel 2016/2019 read as a one-cell `{=…}` array formula: the same value everywhere.
 *
 * The rule, from the formula text (the writer and test/xlsx use it alike): a range reference
 * (`A1:B2`, `$H$88:$H$95`, `Sheet!A1:A3`) that is an operand of an operator (arithmetic,
 * comparison, `&`, `%`, unary minus), where the innermost function call around it is not one
 * that evaluates its arguments as arrays in every Excel (SUMPRODUCT), or where there is no call
 * around it at all. A range passed whole as an argument (`SUM(A1:A3)`, `DEALS.X($B$1:$B$8)`,
 * `INDEX(A1:A8,2)`) is a reference, not intersected. Not covered: a defined name standing for a
 * range (the presets' names are single cells) and a DEALS call returning an array inside
 * arithmetic (the presets wrap those in INDEX).
 */
import { FormulaToken, tokenizeFormula } from '../formula/tokens';
import { a1, isFormulaCell, SheetPlan } from '../scenarios';

/** Functions whose arguments every Excel evaluates as arrays without Ctrl+Shift+Enter. */
const ARRAY_ARGUMENT_FUNCTIONS: ReadonlySet<string> = new Set(['SUMPRODUCT']);

const OPERATORS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%']);

/** True when the single-cell formula needs array evaluation (see above). */
export function needsArrayEvaluation(cellFormula: string): boolean {
  const tokens = tokenizeFormula(cellFormula.startsWith('=') ? cellFormula.slice(1) : cellFormula).filter((t) => !/^\s+$/.test(t.text));
  // For each parenthesis: the function it calls ('' for a grouping parenthesis), and its partner.
  const callee: Array<string | undefined> = new Array(tokens.length);
  const stack: number[] = [];
  const partner = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (t.text === '(') {
      const before = tokens[i - 1];
      callee[i] = before?.kind === 'identifier' && before.isCall ? before.text.toUpperCase() : '';
      stack.push(i);
    } else if (t.text === ')') {
      const open = stack.pop();
      if (open !== undefined) {
        partner.set(open, i);
        partner.set(i, open);
        callee[i] = callee[open];
      }
    }
  });
  const isGrouping = (i: number) => callee[i] === '';
  const isOperator = (t: FormulaToken | undefined) => t?.kind === 'other' && OPERATORS.has(t.text);

  for (let colon = 0; colon < tokens.length; colon++) {
    if (tokens[colon].text !== ':' || tokens[colon - 1]?.kind !== 'identifier' || tokens[colon + 1]?.kind !== 'identifier') continue;
    let first = colon - 1;
    if (tokens[first - 1]?.text === '!') first -= 2; // Sheet!A1:B2, 'My sheet'!A1:B2: the sheet token
    let left = first - 1;
    while (left >= 0 && tokens[left].text === '(' && isGrouping(left)) left--;
    let right = colon + 2;
    while (right < tokens.length && tokens[right].text === ')' && isGrouping(right)) right++;
    if (!isOperator(tokens[left]) && !isOperator(tokens[right])) continue;
    if (!ARRAY_ARGUMENT_FUNCTIONS.has(enclosingCall(colon) ?? '')) return true;
  }
  return false;

  /** The function whose argument list holds token `at`, or undefined at the top level. */
  function enclosingCall(at: number): string | undefined {
    let depth = 0;
    for (let i = at - 1; i >= 0; i--) {
      if (tokens[i].text === ')' && partner.has(i)) depth++;
      else if (tokens[i].text === '(' && partner.has(i)) {
        if (depth > 0) depth--;
        else if (!isGrouping(i)) return callee[i];
      }
    }
    return undefined;
  }
}

/**
 * Every array formula of a sheet by its anchor cell: the spills over their ranges, and each other
 * formula that needs array evaluation over its own cell.
 */
export function arrayFormulaRefs(plan: SheetPlan): Map<string, string> {
  const refs = new Map(plan.spills.map((s) => [s.anchor, s.range]));
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const at = a1.formatCell(r, c);
      if (isFormulaCell(cell) && !refs.has(at) && needsArrayEvaluation(cell.formula)) refs.set(at, at);
    }),
  );
  return refs;
}
