import { createEngine, evaluateFormula } from '../../src/engine';
import { toEngineFormula } from '../../src/engine/normalise';

describe('toEngineFormula (Excel text → HyperFormula text)', () => {
  it.each([
    ['=1.6E+8', '=1.6e+8'],
    ['=1E-06*A1', '=1e-06*A1'],
    ['=.5E3', '=.5e3'],
    ['=TRUE', '=TRUE()'],
    ['=true+False', '=TRUE()+FALSE()'],
    ['=TRUE()', '=TRUE()'],
    ['=TRUE ()', '=TRUE ()'],
    ['=IF(A1,TRUE,FALSE)', '=IF(A1,TRUE(),FALSE())'],
    ['=DEALS.WARRANTVALUE(1.6E+8,0.01,600,,,,,1.6E+9,FALSE)', '=DEALS.WARRANTVALUE(1.6e+8,0.01,600,,,,,1.6e+9,FALSE())'],
    // Identifiers stay whole: names, cell references, functions with digits or dots.
    ['=TRUEVALUE+TRUE_1+E1+A1E5', '=TRUEVALUE+TRUE_1+E1+A1E5'],
    ['=LOG10(1E+2)', '=LOG10(1e+2)'],
    ['=$E$1+E$2', '=$E$1+E$2'],
    // Nothing inside strings or quoted sheet names changes.
    ['="TRUE 1E+5"', '="TRUE 1E+5"'],
    ["='TRUE 1E+5'!A1+'It''s TRUE'!B2", "='TRUE 1E+5'!A1+'It''s TRUE'!B2"],
    ['=TRUE!A1', '=TRUE!A1'],
    // Doubled quotes and backslashes, which HyperFormula's string literal cannot hold.
    ['="say ""hi"""', '=("say "&CHAR(34)&"hi"&CHAR(34))'],
    ['=""""', '=(CHAR(34))'],
    ['="C:\\x\\"', '=("C:"&CHAR(92)&"x"&CHAR(92))'],
    ['=""', '=""'],
    // Unterminated text is left for the parser to reject.
    ['="abc', '="abc'],
    // INT rounds down in Excel; HyperFormula's truncates, its FLOOR.MATH rounds down.
    ['=INT(A1)-int(-2.5)', '=FLOOR.MATH(A1)-FLOOR.MATH(-2.5)'],
    ['=INTERCEPT(A1:A2,B1:B2)+INT_RATE+Sheet1!INT', '=INTERCEPT(A1:A2,B1:B2)+INT_RATE+Sheet1!INT'],
    // Not a formula: unchanged.
    ['1.6E+8', '1.6E+8'],
    ['TRUE', 'TRUE'],
  ])('%s → %s', (excel, engine) => {
    expect(toEngineFormula(excel)).toBe(engine);
  });
});

describe('INT as Excel computes it (rounds down), through the engine', () => {
  // Excel: INT(-2.5) = -3, INT(-3) = -3, INT(2.7) = 2, INT(-0.1) = -1 (Microsoft's INT function page: "rounds a number down to the nearest integer").
  it.each([
    ['=INT(-2.5)', -3],
    ['=INT(-3)', -3],
    ['=INT(2.7)', 2],
    ['=INT(-0.1)', -1],
    ['=INT(-2026.95)', -2027],
  ])('%s = %d', (formula, expected) => {
    expect(evaluateFormula(createEngine(), formula)).toBe(expected);
  });
});
