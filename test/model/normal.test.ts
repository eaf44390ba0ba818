/** The normal distribution function against independent computations of the same integral. */
import fc from 'fast-check';
import { logNormalCdf, normalCdf, normalPdf } from '../../src/model';

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

describe('logNormalCdf', () => {
  test('agrees with SciPy 1.17.1 scipy.special.log_ndtr to 1e-14 relative, where N(x) itself underflows too', () => {
    // python3 -c "import scipy.special as s; print(repr(float(s.log_ndtr(x))))"
    const logNdtr: [number, number][] = [
      [-1e5, -5000000012.431865], [-1000, -500007.8266948122], [-100, -5005.524208694205], [-40, -804.6084420137539],
      [-38.5, -745.6952702904113], [-10, -53.23128515051248], [-0.7, -1.4189677615315315], [2, -0.023012909328963476],
    ];
    for (const [x, expected] of logNdtr) expect(Math.abs(logNormalCdf(x) / expected - 1)).toBeLessThan(1e-14);
  });

  test('equals ln N(x) wherever N(x) is a normal double, and is monotone', () => {
    fc.assert(fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => Math.abs(logNormalCdf(x) - Math.log(normalCdf(x))) <= 1e-13 * Math.max(1, Math.abs(logNormalCdf(x)))));
    fc.assert(fc.property(fc.double({ min: -1e6, max: 40, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, step) => logNormalCdf(x + step) >= logNormalCdf(x)));
    expect(logNormalCdf(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(logNormalCdf(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
