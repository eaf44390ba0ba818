/**
 * Brent's method: roots to the stated tolerance against closed forms, the bracket contract, and
 * its speed — far fewer evaluations than bisection's log2(width/tolerance) on smooth functions,
 * which is what the interpolation steps are for.
 */
import { brentRoot } from '../../src/model/solve';
import { zeroinReference } from './zeroinReference';

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
    // also when f(lower)·f(upper) underflows to +0: 1e-200 · 2e-200
    expect(brentRoot((x) => 1e-200 * (x * x + 1), -1, 1, 1e-12)).toBeUndefined();
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

  test('a sign change between values of very different size (1e200 and 1e-200) is found', () => {
    // the sign test must not lose the sign in f(lower)/f(upper) = 1e-400 → −0
    for (const [a, b] of [[0, 1], [1, 0]]) {
      const x = brentRoot((x) => (x <= 0.3 ? -1e200 : 1e-200), a, b, 1e-12) as number;
      expect(Math.abs(x - 0.3)).toBeLessThanOrEqual(1e-12);
    }
  });

  test('a sign change between two tiny values whose product underflows (∓5e-201 → −0) is a bracket (it was undefined)', () => {
    for (const [a, b] of [[0, 1], [1, 0]]) {
      const x = brentRoot((x) => 1e-200 * (x - 0.5), a, b, 1e-12) as number;
      expect(Math.abs(x - 0.5)).toBeLessThanOrEqual(1e-12);
    }
  });

  test('a discontinuous sign change (step function) is found by the bisection fallback', () => {
    const { f, calls } = counted((x) => (x < 0.7 ? -1 : 1));
    const x = brentRoot(f, 0, 1, 1e-10) as number;
    expect(Math.abs(x - 0.7)).toBeLessThanOrEqual(1e-10);
    expect(calls()).toBeLessThanOrEqual(Math.ceil(Math.log2(1 / 1e-10)) + 5);
  });
});

/**
 * The exact sequence of evaluation points against Brent's published zeroin (netlib zeroin.f),
 * transcribed independently in test/model/zeroinReference.ts. The interpolation steps and the bracket
 * update change which points are tried, rarely the root, so only the sequence can tell a wrong step
 * from a right one. solve.ts is zeroin with the machine precision eps = Number.EPSILON = 2^-52 in the
 * tolerance 2·eps·|b| + tolerance/2 (the Fortran's own halving loop finds 2^-53, which doubles
 * nothing but the relative part of the stopping tolerance; with it the last few points differ).
 */
describe('brentRoot against a transcription of zeroin', () => {
  /** Every point brentRoot evaluates, with the result. */
  function traced(g: (x: number) => number, a: number, b: number, tolerance: number, maxIterations?: number) {
    const points: number[] = [];
    const root = brentRoot((x) => (points.push(x), g(x)), a, b, tolerance, maxIterations);
    return { root, points };
  }

  // Fixed, seeded families of functions with a bracket around one root, varied enough to run every
  // branch (secant and inverse quadratic steps, each of the three tests that reject them, the
  // minimum step of tol, the swap that keeps |f(b)| ≤ |f(c)|, the reset of c): cubics
  // s·(x − r1)(x − r2)(x − r3); the same cubics rounded to a grid of 2^-k (flat steps, equal values);
  // |x − r|^power with the sign of x − r; two-level steps; atan with a ripple.
  function lcg(seed: number): () => number {
    let state = seed >>> 0;
    return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }
  const random = lcg(19);
  const FAMILIES: [string, (x: number) => number, number, number][] = [];
  for (let k = 0; FAMILIES.length < 100; k++) {
    const [r1, r2, r3] = [random() * 10 - 5, random() * 10 - 5, random() * 10 - 5];
    const scale = (random() < 0.5 ? -1 : 1) * 10 ** (random() * 6 - 3);
    const grid = 2 ** Math.floor(random() * 8);
    const power = 0.2 + random() * 3;
    const [low, high] = [-1 - random(), 1 + random()];
    const cubic = (x: number) => scale * (x - r1) * (x - r2) * (x - r3);
    const [name, g] = (
      [
        ['cubic', cubic],
        ['cubic on a grid', (x: number) => Math.round(cubic(x) * grid) / grid + (x > r1 ? 1e-9 : -1e-9)],
        ['signed power', (x: number) => Math.sign(x - r1) * Math.abs(x - r1) ** power],
        ['two-level step', (x: number) => (x < r1 ? low : high)],
        ['atan with a ripple', (x: number) => Math.atan((x - r1) * 10 ** (r2 / 2.5)) + r3 * 0.002 * Math.sin(50 * x)],
      ] as const
    )[k % 5];
    // dyadic distances from r1, so that ties (|f(a)| = |f(b)|, |d| = tol) can happen
    const a = r1 - Math.floor(random() * 24) / 8 - 0.125;
    const b = r1 + Math.floor(random() * 24) / 8 + 0.125;
    if (!(g(a) * g(b) < 0)) continue;
    FAMILIES.push(random() < 0.5 ? [`${name} ${k}`, g, a, b] : [`${name} ${k} (bracket upside down)`, g, b, a]);
  }

  const FUNCTIONS: [string, (x: number) => number, number, number][] = [
    ...ROOTS.map(([name, g, a, b]): [string, (x: number) => number, number, number] => [name, g, a, b]),
    ['step at 0.7 on [0, 1]', (x) => (x < 0.7 ? -1 : 1), 0, 1],
    ['cos x − x on [0, 1]', (x) => Math.cos(x) - x, 0, 1],
    ['x⁹ − 1e-9 on [−1, 1.1] (flat near the root)', (x) => x ** 9 - 1e-9, -1, 1.1],
    ['1e-150·(x − 2) on [0, 3] (tiny values)', (x) => 1e-150 * (x - 2), 0, 3],
    ['atan(x − 1) on [−100, 3]', (x) => Math.atan(x - 1), -100, 3],
    ...FAMILIES,
    // Dyadic steps and kinks, where the arithmetic is exact and ties happen: |m| = tol at the stop,
    // 2p = the acceptance bound, p = 0 in the secant step, |e| = tol; each of these was found to
    // separate a wrong comparison from the right one.
    ['step −½ / ½ at −0.875 (x ≤ r) on [−1, 1]', (x) => (x <= -0.875 ? -0.5 : 0.5), -1, 1],
    ['step −½ / 2 at 0 (x < r) on [1, −1]', (x) => (x < 0 ? -0.5 : 2), 1, -1],
    ['kink −½·(r − x + ¼) / 1e-200·(x − r + ¼) at −0.125 on [−1, 1]', (x) => (x <= -0.125 ? -0.5 * (-0.125 - x + 0.25) : 1e-200 * (x + 0.125 + 0.25)), -1, 1],
    ['kink −½·(r − x + ¼) / (x − r + ¼) at 0.625 on [−1, 1]', (x) => (x <= 0.625 ? -0.5 * (0.625 - x + 0.25) : x - 0.625 + 0.25), -1, 1],
    ['3x for x ≤ 0, x/2 above, on [−1.5, 1]', (x) => (x <= 0 ? 3 * x : 0.5 * x), -1.5, 1],
  ];

  test.each(FUNCTIONS)('%s: the same points, in the same order, and the same root', (_, g, a, b) => {
    for (const tolerance of [1, 0.5, 0.125, 1e-3, 1e-6, 1e-12, 0]) {
      const reference = zeroinReference(g, a, b, tolerance, Number.EPSILON);
      const { root, points } = traced(g, a, b, tolerance, 10000);
      expect(points).toEqual(reference.points);
      expect(root).toBe(reference.root);
    }
  });

  test('the iteration cap counts evaluations after the two end points, and the last one must also be tested', () => {
    for (const [, g, a, b] of FUNCTIONS.slice(0, 12)) {
      const reference = zeroinReference(g, a, b, 1e-12, Number.EPSILON);
      const steps = reference.points.length - 2;
      // steps evaluations, then one more pass of the loop to see that the last point is close enough
      expect(traced(g, a, b, 1e-12, steps + 1).root).toBe(reference.root);
      expect(traced(g, a, b, 1e-12, steps).root).toBeUndefined();
      expect(traced(g, a, b, 1e-12, steps).points).toEqual(reference.points);
    }
  });

  test('the default cap (200) is enough for a bisection-only search to 2^-52 relative', () => {
    // the step function makes every step a bisection or a minimum step; from [0, 1] to ~1e-16 takes about 53
    const reference = zeroinReference((x) => (x < 0.7 ? -1 : 1), 0, 1, 0, Number.EPSILON);
    expect(brentRoot((x) => (x < 0.7 ? -1 : 1), 0, 1, 0)).toBe(reference.root);
  });
});
