/**
 * Excel's formula limits in the engine (src/engine/limits.ts): what Excel takes evaluates (8,192
 * characters, 64 nesting levels); beyond that a formula is refused before HyperFormula sees it;
 * a chain the engine cannot evaluate within the stack is refused and leaves the workbook working.
 */
import { spawnSync } from 'child_process';
import * as fc from 'fast-check';
import * as path from 'path';
import { createEngine, evaluateFormula, readCell, setCell } from '../../src/engine';
import { FormulaLimitError, formulaDepth, formulaLimitBreach, MAX_FORMULA_CHARS, MAX_FORMULA_DEPTH, MAX_NESTING_LEVELS } from '../../src/engine/limits';
import { tokenizeFormula } from '../../src/formula/tokens';

/** `=1+1+…+1` with n terms (2n characters). */
const chain = (n: number) => '=' + Array(n).fill('1').join('+');
const nested = (n: number, open: string, close: string) => '=' + open.repeat(n) + '1' + close.repeat(n);

/** A formula of exactly `chars` characters summing 100 ones per SUM, the rest padded with `+0`: shallow, so the engine can take it. */
function longShallow(chars: number): { formula: string; sum: number } {
  const block = 'SUM(' + Array(100).fill('1').join(',') + ')';
  let formula = '=' + block;
  let sum = 100;
  while (formula.length + 1 + block.length <= chars - 2) {
    formula += '+' + block;
    sum += 100;
  }
  while (formula.length + 2 <= chars) formula += '+0';
  if (formula.length < chars) formula = formula.replace('=', '= ');
  return { formula, sum };
}

function refusal(run: () => unknown): FormulaLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormulaLimitError) return error;
    throw error;
  }
  throw new Error('the formula was not refused');
}

describe("Excel's limits", () => {
  test('a formula of 8,192 characters evaluates; one of 8,193 is refused, naming both lengths', () => {
    const engine = createEngine();
    const { formula, sum } = longShallow(MAX_FORMULA_CHARS);
    expect(formula).toHaveLength(8192);
    expect(evaluateFormula(engine, formula)).toBe(sum);
    setCell(engine, 'A1', formula);
    expect(readCell(engine, 'A1')).toBe(sum);
    const longer = longShallow(MAX_FORMULA_CHARS + 1).formula;
    expect(longer).toHaveLength(8193);
    const error = refusal(() => setCell(engine, 'A2', longer));
    expect(error.limit).toEqual({ kind: 'length', chars: 8193 });
    expect(error.message).toMatch(/8193 characters.*at most 8192/);
    expect(readCell(engine, 'A2')).toBeNull();
  });

  test.each([
    ['functions', 'ABS(', ')'],
    ['parentheses', '(', ')'],
  ])('64 nested %s evaluate; 65 are refused at the 65th bracket', (_kind, open, close) => {
    const engine = createEngine();
    expect(evaluateFormula(engine, nested(MAX_NESTING_LEVELS, open, close))).toBe(1);
    const error = refusal(() => evaluateFormula(engine, nested(65, open, close)));
    expect(error.limit).toEqual({ kind: 'nesting', levels: 65, position: 1 + 65 * open.length });
  });

  test('a workbook built with such a formula is refused the same way', () => {
    expect(() => createEngine({ sheets: { Sheet1: [[1, longShallow(MAX_FORMULA_CHARS + 1).formula]] } })).toThrow(FormulaLimitError);
    expect(() => createEngine({ sheets: { Sheet1: [[nested(65, '(', ')')]] } })).toThrow(/65 levels/);
  });

  test('200 nested parentheses are refused before the engine sees them; brackets inside text do not count', () => {
    expect(formulaLimitBreach(nested(200, '(', ')'))).toMatchObject({ kind: 'nesting', levels: 200, position: 66 });
    expect(formulaLimitBreach('="' + '('.repeat(100) + '"')).toBeUndefined();
    expect(formulaLimitBreach(nested(64, '{', '}').replace('=', '=SUM(') + ')')).toMatchObject({ kind: 'nesting', levels: 65 });
  });
});

describe('a chain too deep for the engine', () => {
  test(`${MAX_FORMULA_DEPTH} chained operators evaluate; one more is refused before the engine sees it`, () => {
    const engine = createEngine();
    expect(evaluateFormula(engine, chain(MAX_FORMULA_DEPTH + 1))).toBe(MAX_FORMULA_DEPTH + 1);
    expect(refusal(() => setCell(engine, 'A1', chain(MAX_FORMULA_DEPTH + 2))).limit).toEqual({ kind: 'depth' });
    expect(refusal(() => evaluateFormula(engine, chain(1500))).limit).toEqual({ kind: 'depth' });
    expect(readCell(engine, 'A1')).toBeNull();
  });

  test('the depth counts operators along one path: arguments side by side do not add up', () => {
    const depth = (formula: string) => formulaDepth(tokenizeFormula(formula));
    expect(depth(chain(10))).toBe(9);
    expect(depth('=SUM(1+1,1+1)')).toBe(2);
    expect(depth('=(1+1)*(2+2+2)')).toBe(4);
    expect(depth('=-1')).toBe(1);
    expect(depth('=1')).toBe(0);
    expect(depth('="a+b+c"&"d"')).toBe(1);
  });

  test('should the stack still run out (a small stack: node --stack-size=200), the cells are put back and every edit, undo and read works', () => {
    const fixture = path.join(__dirname, 'fixtures', 'deepChain.js');
    const run = spawnSync(process.execPath, ['--stack-size=200', fixture, '480'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      setCell: { refused: { kind: 'depth' } },
      afterRefusal: 21,
      spillCell: { refused: { kind: 'depth' } },
      spill: [[[1], [2], [3]], 2, 3],
      afterEdit: [30, 31],
      afterUndo: 21,
      evaluate: { refused: { kind: 'depth' } },
      later: 42,
    });
  });
});

describe('random formulas of every length and depth (seeded)', () => {
  /** A formula from a tree of operators, function calls and parentheses, of the depth and width drawn. */
  const formula = fc
    .letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'large', withCrossShrink: true },
        fc.constantFrom('1', 'A1', '"x"', 'TRUE', '2.5E+3'),
        fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/', '&', '^', '>'), tie('node')).map(([a, op, b]) => `${a}${op}${b}`),
        tie('node').map((a) => `(${a})`),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((args) => `SUM(${args.join(',')})`),
      ),
    }))
    .node.map((body) => `=${body}`);
  /** Long chains and deep nests, the shapes that exhausted the stack, at sizes around every limit. */
  const extreme = fc.oneof(
    fc.integer({ min: 1, max: 4200 }).map((n) => '=' + Array(n).fill('A1').join('+').slice(0, 9000)),
    fc.integer({ min: 0, max: 300 }).map((n) => '=' + 'ABS('.repeat(n) + '1' + ')'.repeat(n)),
    fc.integer({ min: 0, max: 300 }).map((n) => '=' + '('.repeat(n) + '1+1'.repeat(3) + ')'.repeat(n)),
  );

  test('each is evaluated or refused with FormulaLimitError, never a stack trace, and the workbook keeps working', () => {
    const engine = createEngine({ sheets: { Sheet1: [[2]] } });
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(formula, extreme), (text) => {
        try {
          setCell(engine, 'B1', text);
          const value = readCell(engine, 'B1');
          expect(value === null || ['number', 'string', 'boolean', 'object'].includes(typeof value)).toBe(true);
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(FormulaLimitError);
          expect(formulaLimitBreach(text.trim()) !== undefined || (error as FormulaLimitError).limit.kind === 'depth').toBe(true);
          refused++;
        }
        setCell(engine, 'A1', 3);
        setCell(engine, 'C1', '=A1*2');
        expect(readCell(engine, 'C1')).toBe(6);
        setCell(engine, 'A1', 2);
      }),
      { seed: 20261204, numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});

