/**
 * Brent's method: roots to the stated tolerance against closed forms, the bracket contract, and
 * its speed — far fewer evaluations than bisection's log2(width/tolerance) on smooth functions,
 * which is what the interpolation steps are for.
 */
import { brentRoot } from '../../src/model/solve';

/** f wrapped to count its evaluations. */
function counted(f: (x: number) => number): { f: (x: number) => number; calls: () => number } {
  let n = 0;
  return { f: (x) => (n++, f(x)), calls: () => n };
}

const ROOTS: [string, (x: number) => number, number, number, number][] = [
  ['x² − 2 on [0, 2]', (x) => x * x - 2, 0, 2, Math.SQRT2],
  ['2 − x² on [0, 2] (decreasing)', (x) => 2 - x * x, 0, 2, Math.SQRT2],
  ['x³ − 2x − 5 on [2, 3] (Wallis)', (x) => x ** 3 - 2 * x - 5, 2, 3, 2.0945514815423265],
  ['e^x − 10 on [−5, 10]', (x) => Math.exp(x) - 10, -5, 10, Math.LN10],
  ['ln x on [0.001, 50] (root near one end)', (x) => Math.log(x), 0.001, 50, 1],
  ['(x − 0.3)·e^(x²) on [−3, 4] (steep)', (x) => (x - 0.3) * Math.exp(x * x), -3, 4, 0.3],
  ['x − 1e-6 on [1, −1] (bracket given upside down)', (x) => x - 1e-6, 1, -1, 1e-6],
];

describe('brentRoot', () => {
  test.each(ROOTS)('%s: within the tolerance of the true root, in far fewer evaluations than bisection', (_, g, a, b, root) => {
    for (const tolerance of [1e-6, 1e-12]) {
      const { f, calls } = counted(g);
      const x = brentRoot(f, a, b, tolerance);
      expect(x).toBeDefined();
      expect(Math.abs((x as number) - root)).toBeLessThanOrEqual(tolerance + 4 * Number.EPSILON * Math.abs(root));
      const bisection = Math.log2(Math.abs(b - a) / tolerance);
      expect(calls()).toBeLessThan(0.75 * bisection + 3);
    }
  });

  test('an end point that is a root is returned as it is', () => {
    expect(brentRoot((x) => x - 1, 1, 5, 1e-12)).toBe(1);
    expect(brentRoot((x) => x - 5, 1, 5, 1e-12)).toBe(5);
  });

  test('no sign change (or NaN at an end) is undefined', () => {
    expect(brentRoot((x) => x * x + 1, -1, 1, 1e-12)).toBeUndefined();
    expect(brentRoot((x) => -1 - x * x, -1, 1, 1e-12)).toBeUndefined();
    expect(brentRoot(() => NaN, 0, 1, 1e-12)).toBeUndefined();
  });

  test('gives up (undefined) when the iterations run out before the tolerance is met', () => {
    const f = (x: number) => x ** 3 - 2 * x - 5;
    expect(brentRoot(f, 2, 3, 1e-15, 2)).toBeUndefined();
    // x³ − 2x − 5 = 0, Wallis's example: x = 2.0945514815423265… (the real root of the cubic, by Cardano's formula)
    const cardano = Math.cbrt(2.5 + Math.sqrt(6.25 - 8 / 27)) + Math.cbrt(2.5 - Math.sqrt(6.25 - 8 / 27));
    expect(Math.abs((brentRoot(f, 2, 3, 1e-15, 40) as number) - cardano)).toBeLessThan(1e-14);
  });

  test('a discontinuous sign change (step function) is found by the bisection fallback', () => {
    const { f, calls } = counted((x) => (x < 0.7 ? -1 : 1));
    const x = brentRoot(f, 0, 1, 1e-10) as number;
    expect(Math.abs(x - 0.7)).toBeLessThanOrEqual(1e-10);
    expect(calls()).toBeLessThanOrEqual(Math.ceil(Math.log2(1 / 1e-10)) + 5);
  });
});
