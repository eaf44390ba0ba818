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
 * The text is tokenised so that nothing inside a string literal or a quoted sheet name ('…') is
 * touched, and identifiers (cell references, names, function names such as `DEALS.X1E5`) are kept
 * whole. Every rewrite is still valid Excel, so HyperFormula's own rendering of a formula remains
 * something Excel accepts.
 */

const IDENTIFIER_START = /[A-Za-z_\\$\u00C0-\u02AF]/;
const IDENTIFIER_PART = /[A-Za-z0-9_.$\u00C0-\u02AF]/;
const DIGIT = /[0-9]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const CHAR_CODES: Readonly<Record<string, number>> = { '"': 34, '\\': 92 };

/** HyperFormula text for an Excel formula (with its leading `=`); other text is returned unchanged. */
export function toEngineFormula(excelFormula: string): string {
  if (!excelFormula.startsWith('=')) return excelFormula;
  const text = excelFormula;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i, c);
      if (end < 0) return out + text.slice(i); // unterminated: left for the parser to reject
      // A quoted sheet name ('' standing for one quote) reads in HyperFormula as in Excel.
      out += c === "'" ? text.slice(i, end + 1) : stringLiteral(text.slice(i + 1, end).replace(/""/g, '"'));
      i = end + 1;
    } else if (IDENTIFIER_START.test(c)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end])) end++;
      const word = text.slice(i, end);
      const upper = word.toUpperCase();
      const isBoolean = (upper === 'TRUE' || upper === 'FALSE') && !isCallOrSheet(text, end) && text[i - 1] !== '!';
      out += isBoolean ? `${upper}()` : word;
      i = end;
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      const match = NUMBER.exec(text.slice(i));
      const number = match ? match[0] : c;
      out += number.toLowerCase();
      i += number.length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index of the quote that closes the literal opened at `start` (a doubled quote continues it); -1 if none. */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i;
    } else i++;
  }
  return -1;
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

/** Whether the word ending at `end` is a function name (`TRUE(`) or a sheet name (`TRUE!A1`). */
function isCallOrSheet(text: string, end: number): boolean {
  let j = end;
  while (j < text.length && /\s/.test(text[j])) j++;
  return text[j] === '(' || text[j] === '!';
}
