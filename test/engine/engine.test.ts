import { HyperFormula } from 'hyperformula';
import * as fc from 'fast-check';
import {
  cellFormula,
  createEngine,
  defineName,
  evaluateFormula,
  readCell,
  readName,
  registerDealsFunctions,
  setCell,
} from '../../src/engine';
import { toCellError } from '../../src/engine/plugin';
import { DEALS_FUNCTIONS } from '../../src/functions/catalog';
import { DealsError, noSolution } from '../../src/functions/errors';
import { normalCdf } from '../../src/model';

const engine = createEngine();
const evaluate = (formula: string) => evaluateFormula(engine, formula);

describe('known values', () => {
  it.each([
    ['=DEALS.WARRANTVALUE(160000000,0.01,600)', 95998400000],
    ['=DEALS.FUNDINGGAP(2000,1200)', 800],
    ['=DEALS.REQUIREDREVENUE(500,0.25)', 2000],
    ['=DEALS.CIRCULARFLOW(10,35,,,"roundTripShare")', 0.2857142857142857],
    ['=1/3', 0.3333333333333333],
    ['=DEALS.REQUIREDREVENUE(500,25%)', 2000],
  ])('%s = %p exactly', (formula, value) => {
    expect(evaluate(formula)).toBe(value);
  });

  it('BREAKEVENPRICE(160000000,0.01,90000000000) is 562.51 to 1e-9 relative', () => {
    const price = evaluate('=DEALS.BREAKEVENPRICE(160000000,0.01,90000000000)') as number;
    expect(Math.abs(price - 562.51) / 562.51).toBeLessThan(1e-9);
  });

  it('accepts lowercase names, spaces and line breaks as Excel does', () => {
    expect(evaluate('= deals.requiredRevenue( 500 ,\n 0.25 )')).toBe(2000);
  });
});

describe('native Excel functions at full precision', () => {
  it('NORM.S.DIST agrees with the model normal to 1e-15 and is not rounded to 10 digits', () => {
    const value = evaluate('=NORM.S.DIST(1.96,TRUE)') as number;
    expect(Math.abs(value - normalCdf(1.96))).toBeLessThan(1e-15);
    expect(value).not.toBe(Number(value.toPrecision(10)));
  });

  it('RRI, SUM, EXP, LN, SQRT give the double JavaScript gives', () => {
    expect(evaluate('=RRI(10,100,200)')).toBe(Math.pow(2, 1 / 10) - 1);
    expect(evaluate('=SUM(0.1,0.2)')).toBe(0.1 + 0.2);
    expect(evaluate('=0.1+0.2-0.3')).toBe(0.1 + 0.2 - 0.3);
    expect(evaluate('=EXP(-0.04*3.5)*LN(600/0.01)/SQRT(2)')).toBe((Math.exp(-0.04 * 3.5) * Math.log(600 / 0.01)) / Math.sqrt(2));
  });

  it('Black–Scholes in native functions equals WARRANTVALUE to 1e-12 relative', () => {
    const d1 = '(LN(600/500)+(0.04+0.5^2/2)*2)/(0.5*SQRT(2))';
    const native = evaluate(`=600*NORM.S.DIST(${d1},TRUE)-500*EXP(-0.04*2)*NORM.S.DIST(${d1}-0.5*SQRT(2),TRUE)`) as number;
    const custom = evaluate('=DEALS.WARRANTVALUE(1,500,600,0.5,2,0.04)') as number;
    expect(Math.abs(native - custom) / custom).toBeLessThan(1e-12);
  });
});

describe('Excel syntax HyperFormula does not read by itself', () => {
  it.each([
    ['=1.6E+8', 160000000],
    ['=1E-06', 0.000001],
    ['=2.5e3', 2500],
    ['=TRUE', true],
    ['=false', false],
    ['=IF(TRUE,FALSE,TRUE)', false],
    ['=TRUE()', true],
    ['="say ""hi"""', 'say "hi"'],
    ['="C:\\dir\\"', 'C:\\dir\\'],
    ['="1E+5 TRUE"', '1E+5 TRUE'],
  ])('%s', (formula, value) => {
    expect(evaluate(formula)).toEqual(value);
  });

  it('reads any double written with an uppercase exponent back exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = x.toExponential().toUpperCase();
        expect(evaluate(`=${text}`)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 300 },
    );
  });

  it('reads any string literal back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'E', '1', '+', '"', '\\', "'", ' ', 'TRUE', ',', '(', ')') }), (s) => {
        expect(evaluate(`="${s.replace(/"/g, '""')}"`)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('the leading = may be left out', () => {
    expect(evaluate('DEALS.FUNDINGGAP(2000,1200)')).toBe(800);
  });

  it('a formula that does not parse is #ERROR! with a one-line message', () => {
    const value = evaluate('=(1+');
    expect(value).toMatchObject({ error: '#ERROR!' });
    expect((value as { message: string }).message).toMatch(/^Parsing error/);
    expect((value as { message: string }).message).not.toMatch(/\n/);
  });
});

describe('arguments', () => {
  const sheet = createEngine({
    sheets: {
      Inputs: [
        [160000000, 0.01, 600, null, null, null],
        [100, '=NA()', 120],
        ['=1/0', 'text', null],
        [10, 35, null, null],
      ],
    },
  });

  it('blank cells are omitted arguments: the parameters take their defaults', () => {
    expect(evaluateFormula(sheet, '=DEALS.WARRANTVALUE(A1,B1,C1,D1,E1,F1,G1,H1,I1)')).toBe(95998400000);
    expect(evaluateFormula(sheet, '=DEALS.CIRCULARFLOW(A4,B4,C4,D4,"roundTripShare")')).toBe(10 / 35);
    expect(evaluateFormula(sheet, '=DEALS.CIRCULARFLOW(A4,B4,C4,D4,"vendorNetCash")')).toBe(-10);
  });

  it('an error value in an argument is the result, the function is not called', () => {
    expect(evaluateFormula(sheet, '=DEALS.WARRANTVALUE(A3,1,2)')).toMatchObject({ error: '#DIV/0!' });
    expect(evaluateFormula(sheet, '=DEALS.WARRANTVALUE(1/0,1,2)')).toMatchObject({ error: '#DIV/0!' });
    expect(evaluateFormula(sheet, '=DEALS.FUNDINGGAP(A2:C2,1)')).toMatchObject({ error: '#N/A' });
    expect(evaluateFormula(sheet, '=DEALS.REQUIREDREVENUE(#NUM!,0.25)')).toMatchObject({ error: '#NUM!' });
  });

  it('a range given to a one-value parameter is #VALUE! saying so', () => {
    expect(evaluateFormula(sheet, '=DEALS.WARRANTVALUE(A1:B1,0.01,600)')).toEqual({
      error: '#VALUE!',
      message: 'WARRANTVALUE: shares must be a single value, not a range',
    });
    expect(evaluateFormula(sheet, '=DEALS.WARRANTVALUE({1,2},0.01,600)')).toMatchObject({ error: '#VALUE!' });
  });

  it('a one-cell range is its value', () => {
    expect(evaluateFormula(sheet, '=DEALS.WARRANTVALUE(A1:A1,B1:B1,C1:C1)')).toBe(95998400000);
  });

  it('array expressions evaluate as arrays (dynamic arrays)', () => {
    expect(evaluateFormula(sheet, '=DEALS.FUNDINGGAP({1,2,3}*100,{50,50,50})')).toEqual([[50, 200, 450]]);
    expect(evaluateFormula(sheet, '=SUM(DEALS.FUNDINGGAP({1,2,3},{0,0,0}))')).toBe(10);
    expect(evaluateFormula(sheet, '=INDEX(DEALS.WARRANTGREEKS(1,100,100,0.3,1),1,1)')).toBe('delta');
  });

  it('too many arguments is #N/A with a message', () => {
    expect(evaluateFormula(sheet, '=DEALS.REQUIREDREVENUE(500,0.25,1)')).toEqual({
      error: '#N/A',
      message: 'REQUIREDREVENUE: takes at most 2 arguments (3 given)',
    });
  });
});

describe('errors', () => {
  it('a DealsError keeps its type and message', () => {
    expect(evaluate('=DEALS.WARRANTVALUE(-5,0.01,600)')).toEqual({ error: '#VALUE!', message: 'WARRANTVALUE: shares must be a positive number' });
    expect(evaluate('=DEALS.BREAKEVENPRICE(1E-300,0,1E+300)')).toEqual({
      error: '#NUM!',
      message: 'BREAKEVENPRICE: no finite share price gives that value',
    });
  });

  it('anything thrown becomes an error with a one-line message and never a stack trace', () => {
    const spec = { name: 'TEST' };
    const typeError = new TypeError('boom\n    at somewhere (file.ts:1:1)');
    expect(toCellError(spec, typeError)).toMatchObject({ type: 'VALUE', message: 'TEST: could not compute (boom)' });
    expect(toCellError(spec, 'plain')).toMatchObject({ type: 'VALUE', message: 'TEST: could not compute (plain)' });
    expect(toCellError(spec, noSolution('TEST', { key: 'why.noPrice' }))).toMatchObject({ type: 'NUM', message: 'TEST: no finite share price gives that value' });
    expect(toCellError(spec, { code: '#N/A', message: 'TEST: not available' })).toMatchObject({ type: 'NA', message: 'TEST: not available' });
    expect(toCellError(spec, { code: '#BOGUS!', message: 'x' })).toMatchObject({ type: 'VALUE', message: 'TEST: could not compute (x)' });
    // A CustomFunctions.Error (what the Excel wrappers throw where that global exists): #NUM! has no message.
    expect(toCellError(spec, { code: '#NUM!' })).toMatchObject({ type: 'NUM' });
  });

  it('a result larger than the size the formula was entered with is #VALUE! saying why', () => {
    const book = createEngine({ sheets: { S: [[null]] } });
    setCell(book, 'S!B2', '=DEALS.CIRCULARFLOW(10,35,,,A1)');
    const value = readCell(book, 'S!B2');
    expect(value).toMatchObject({ error: '#VALUE!' });
    expect((value as { message: string }).message).toMatch(/^CIRCULARFLOW: the result is 5×2 but the formula was sized 1×1/);
    setCell(book, 'S!A1', 'netPrice');
    expect(readCell(book, 'S!B2')).toBe(35);
  });

  it('a blocked spill is #SPILL!', () => {
    const book = createEngine();
    setCell(book, 'B1', 'in the way');
    setCell(book, 'A1', '=DEALS.FUNDINGGAP({1,2},{0,0})');
    expect(readCell(book, 'A1')).toMatchObject({ error: '#SPILL!' });
  });
});

describe('workbook', () => {
  it('recalculates dependents when an input changes, spills included', () => {
    const book = createEngine({
      sheets: { Deal: [[160000000, 0.01, 600, '=DEALS.WARRANTVALUE(A1,B1,C1)'], [100, 120, null, '=DEALS.FUNDINGGAP(A2:B2,{80,130},C2)']] },
    });
    expect(readCell(book, 'Deal!D1')).toBe(95998400000);
    expect(readCell(book, 'Deal!D2')).toEqual([[20, 10]]);
    expect(readCell(book, 'Deal!E2')).toBe(10);
    setCell(book, 'Deal!C1', 700);
    setCell(book, 'Deal!C2', 5);
    expect(readCell(book, 'Deal!D1')).toBe(160000000 * (700 - 0.01));
    expect(readCell(book, 'Deal!D2')).toEqual([[15, 5]]);
  });

  it('keeps the Excel text of a formula as entered', () => {
    const book = createEngine();
    setCell(book, 'A1', '=DEALS.WARRANTVALUE(1.6E+8, 0.01, 600, , , , , 1.6E+9, FALSE)');
    expect(cellFormula(book, 'A1')).toBe('=DEALS.WARRANTVALUE(1.6E+8, 0.01, 600, , , , , 1.6E+9, FALSE)');
    expect(book.getCellFormula({ sheet: 0, row: 0, col: 0 })).toContain('FALSE()');
    setCell(book, 'A1', 5);
    expect(cellFormula(book, 'A1')).toBeUndefined();
  });

  it('a name that refers to a range sizes a spill like the range itself', () => {
    const book = createEngine({
      sheets: { Plan: [[100, 120, 150], [80, 130, 100], ['=DEALS.FUNDINGGAP(Required,Projected,Cash)']] },
      names: { Required: '=Plan!$A$1:$C$1', Projected: '=Plan!$A$2:$C$2', Cash: 5, Periods: '=Required' },
    });
    expect(readCell(book, 'Plan!A3')).toEqual([[15, 5, 55]]);
    expect(readCell(book, 'Plan!C3')).toBe(55);
    expect(evaluateFormula(book, '=DEALS.CIRCULARFLOW(Periods,Projected)')).toHaveLength(4);
    expect(readName(book, 'Periods')).toEqual([[100, 120, 150]]);
    expect(readName(book, 'Nonesuch')).toMatchObject({ error: '#NAME?' });
  });

  it('workbook-level names hold values and formulas', () => {
    const book = createEngine({ sheets: { Inputs: [[600]] }, names: { Price: '=Inputs!$A$1', Shares: 1.6e8, Intrinsic: '=TRUE' } });
    defineName(book, 'Value', '=DEALS.WARRANTVALUE(Shares,0.01,Price)');
    expect(readName(book, 'Value')).toBe(95998400000);
    expect(evaluateFormula(book, '=Value/1E+9')).toBe(95.9984);
    expect(readName(book, 'Intrinsic')).toBe(true);
    defineName(book, 'Shares', 1);
    expect(readName(book, 'Value')).toBe(599.99);
  });
});

describe('registration', () => {
  it('is idempotent: many engines, one plugin, each DEALS name once', () => {
    for (let i = 0; i < 5; i++) {
      registerDealsFunctions();
      expect(evaluateFormula(createEngine(), '=DEALS.REQUIREDREVENUE(500,0.25)')).toBe(2000);
    }
    const names = HyperFormula.getRegisteredFunctionNames('enGB').filter((name) => name.startsWith('DEALS.'));
    expect(names.sort()).toEqual(DEALS_FUNCTIONS.map((spec) => `DEALS.${spec.name}`).sort());
  });
});

describe('a DEALS call sized to spill that fails', () => {
  // HyperFormula 3.5 throws "Unknown array" for a formula naming exactly the range of a spill whose
  // formula gave one error; the plugin fills the spill's size with the error instead (plugin.ts).
  const engine = createEngine({
    // sheet 0: Model
    sheets: {
      Model: [
        [10, 12, 14],
        ['=DEALS.FUNDINGRISK(A1:C1,50,0.1,0.3,,,,200,1,"p50")', null, null],
        ['=SUM(A2:C2)', '=INDEX(A2:C2,1,3)', '=DEALS.FUNDINGRISK(A1:C1,50,0.1,0.3,,,,1000,1,"p50")'],
      ],
    },
  });

  it('shows the error in every cell of its size, and formulas over that range give the error instead of failing', () => {
    const cells = [0, 1, 2].map((col) => readCell(engine, { sheet: 0, row: 1, col }));
    expect(cells).toEqual([0, 1, 2].map(() => expect.objectContaining({ error: '#VALUE!', message: expect.stringMatching(/^FUNDINGRISK: paths /) })));
    expect(readCell(engine, { sheet: 0, row: 2, col: 0 })).toMatchObject({ error: '#VALUE!' });
    expect(readCell(engine, { sheet: 0, row: 2, col: 1 })).toMatchObject({ error: '#VALUE!' });
  });

  it('evaluated on its own it is one error, as Excel shows it', () => {
    expect(evaluateFormula(engine, '=DEALS.FUNDINGRISK(Model!A1:C1,50,0.1,0.3,,,,200,1,"p50")')).toMatchObject({ error: '#VALUE!', message: expect.stringMatching(/^FUNDINGRISK: paths /) });
  });

  it('spills its values once the argument is mended', () => {
    setCell(engine, { sheet: 0, row: 1, col: 0 }, '=DEALS.FUNDINGRISK(A1:C1,50,0.1,0.3,,,,1000,1,"p50")');
    expect([0, 1, 2].map((col) => readCell(engine, { sheet: 0, row: 1, col }))).toEqual([2, 3, 4].map((col) => readCell(engine, { sheet: 0, row: 2, col })));
    expect(typeof readCell(engine, { sheet: 0, row: 2, col: 0 })).toBe('number');
  });
});
