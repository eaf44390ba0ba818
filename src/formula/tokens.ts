/**
 * A small lexer for Excel formula text, enough to rewrite a formula without touching what it
 * quotes: string literals ("…", a doubled quote standing for one) and quoted sheet names ('…')
 * pass through whole, identifiers (cell references, names, function names such as `DEALS.X1E5`)
 * stay whole, and numbers are one token. Joining the tokens' text gives the formula back.
 *
 * Used to turn Excel text into HyperFormula text (`src/engine/normalise.ts`) and into the text
 * Excel stores in a file (`src/xlsx/fileFormula.ts`), and back.
 */

export type FormulaTokenKind = 'string' | 'sheetName' | 'identifier' | 'number' | 'other';

export interface FormulaToken {
  readonly kind: FormulaTokenKind;
  /** The token's text as written (a string keeps its quotes and doubled quotes). */
  readonly text: string;
  /** For an identifier: the next non-space character is `(` (a function call). */
  readonly isCall?: boolean;
  /** For an identifier: the next non-space character is `!` (a sheet name). */
  readonly isSheet?: boolean;
  /** For an identifier: it follows a `!` (a reference on a named sheet). */
  readonly afterSheet?: boolean;
}

const IDENTIFIER_START = /[A-Za-z_\\$\u00C0-\u02AF]/;
const IDENTIFIER_PART = /[A-Za-z0-9_.$\u00C0-\u02AF]/;
const DIGIT = /[0-9]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** The tokens of a formula; an unterminated quote makes the rest one 'other' token. */
export function tokenizeFormula(text: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i, c);
      if (end < 0) {
        tokens.push({ kind: 'other', text: text.slice(i) });
        break;
      }
      tokens.push({ kind: c === '"' ? 'string' : 'sheetName', text: text.slice(i, end + 1) });
      i = end + 1;
    } else if (IDENTIFIER_START.test(c)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end])) end++;
      const next = nextNonSpace(text, end);
      tokens.push({ kind: 'identifier', text: text.slice(i, end), isCall: next === '(', isSheet: next === '!', afterSheet: text[i - 1] === '!' });
      i = end;
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      const match = NUMBER.exec(text.slice(i));
      const number = match ? match[0] : c;
      tokens.push({ kind: 'number', text: number });
      i += number.length;
    } else {
      tokens.push({ kind: 'other', text: c });
      i++;
    }
  }
  return tokens;
}

/** The value of a string token: quotes removed, doubled quotes made single. */
export function stringTokenValue(token: FormulaToken): string {
  return token.text.slice(1, -1).replace(/""/g, '"');
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

function nextNonSpace(text: string, from: number): string | undefined {
  let j = from;
  while (j < text.length && /\s/.test(text[j])) j++;
  return text[j];
}
