/** The normal distribution function against independent computations of the same integral. */
import fc from 'fast-check';
import { normalCdf, normalPdf } from '../../src/model';

/** ∫_a^b φ(x) dx by composite Simpson's rule (error ~ h⁴, far below the tolerance here). */
function integratePdf(a: number, b: number, steps = 20000): number {
  const h = (b - a) / steps;
  let sum = normalPdf(a) + normalPdf(b);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * normalPdf(a + i * h);
  return (sum * h) / 3;
}

describe('normalCdf', () => {
  test('N(0) = 1/2 and N(x) + N(−x) = 1', () => {
    expect(normalCdf(0)).toBe(0.5);
    fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => Math.abs(normalCdf(x) + normalCdf(-x) - 1) <= 2e-16));
  });

  test('differences match the integral of the density to 1e-14', () => {
    for (const [a, b] of [[-0.5, 0.5], [0.3, 1.2], [-3, -0.2], [0.66, 5.7], [-8, -5], [2, 9]]) {
      expect(Math.abs(normalCdf(b) - normalCdf(a) - integratePdf(a, b))).toBeLessThan(1e-14);
    }
  });

  test('far tails keep full relative precision (asymptotic series φ(x)/x·(1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸))', () => {
    for (const x of [12, 20, 30, 37]) {
      const series = (normalPdf(x) / x) * (1 - 1 / x ** 2 + 3 / x ** 4 - 15 / x ** 6 + 105 / x ** 8);
      const truncation = 945 / x ** 10; // the first term left out bounds the series' own error
      expect(Math.abs(normalCdf(-x) / series - 1)).toBeLessThan(truncation + 1e-13);
    }
  });

  test('is monotone and handles ±Infinity', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    fc.assert(fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, step) => normalCdf(x + step) >= normalCdf(x)));
  });
});
