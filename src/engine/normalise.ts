/**
 * Excel formula text → HyperFormula formula text.
 *
 * HyperFormula's lexer differs from Excel's in three places that matter for our formulas, and no
 * configuration option changes them (checked in HyperFormula 3.5: the number token is
 * `…(e[+-]?\d+)?` with a lowercase `e` only, there are no boolean literals, and a string literal
 * is `"…"` with backslash escapes instead of Excel's doubled quote):
 *
 * - `1.6E+8`, `1E-06`: an uppercase exponent is a parse error → written `1.6e+8`, `1e-06`;
 * - bare `TRUE` / `FALSE` (not a call): read as an undefined name (`#NAME?`) → `TRUE()` / `FALSE()`;
 * - `"say ""hi"""`: Excel's doubled quote is a parse error, and a backslash before the closing
 *   quote escapes it → such a string becomes a concatenation, `("say "&CHAR(34)&"hi"&CHAR(34))`.
 *
 * One function differs too: HyperFormula's `INT` truncates towards zero (`INT(-2.5)` is −2), where
 * Excel's rounds down (−3). `FLOOR.MATH(x)` rounds down in both, so a call of `INT` is written as one
 * of `FLOOR.MATH` with the same arguments (`INT("a")` and `INT()` still fail as in Excel).
 *
 * The text is tokenised so that nothing inside a string literal or a quoted sheet name ('…') is
 * touched, and identifiers (cell references, names, function names such as `DEALS.X1E5`) are kept
 * whole. Every rewrite is still valid Excel, so HyperFormula's own rendering of a formula remains
 * something Excel accepts.
 */

import { FormulaToken, stringTokenValue, tokenizeFormula } from '../formula/tokens';

const CHAR_CODES: Readonly<Record<string, number>> = { '"': 34, '\\': 92 };

/** HyperFormula text for an Excel formula (with its leading `=`); other text is returned unchanged. */
export function toEngineFormula(excelFormula: string): string {
  if (!excelFormula.startsWith('=')) return excelFormula;
  return tokenizeFormula(excelFormula).map(engineText).join('');
}

function engineText(token: FormulaToken): string {
  switch (token.kind) {
    case 'string':
      return stringLiteral(stringTokenValue(token));
    case 'number':
      return token.text.toLowerCase();
    case 'identifier': {
      const upper = token.text.toUpperCase();
      const isBoolean = (upper === 'TRUE' || upper === 'FALSE') && !token.isCall && !token.isSheet && !token.afterSheet;
      if (isBoolean) return `${upper}()`;
      return upper === 'INT' && token.isCall && !token.afterSheet ? 'FLOOR.MATH' : token.text;
    }
    default:
      // A quoted sheet name ('' standing for one quote) reads in HyperFormula as in Excel.
      return token.text;
  }
}

/** A string literal HyperFormula reads as `value`: quotes and backslashes go through CHAR(). */
function stringLiteral(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  const parts: string[] = [];
  let plain = '';
  for (const ch of value) {
    const code = CHAR_CODES[ch];
    if (code === undefined) {
      plain += ch;
      continue;
    }
    if (plain) parts.push(`"${plain}"`);
    plain = '';
    parts.push(`CHAR(${code})`);
  }
  if (plain) parts.push(`"${plain}"`);
  return `(${parts.join('&')})`;
}
