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

  test('off the 1/16 grid, in every branch, agrees with mpmath 1.3.0 to 1e-15 relative', () => {
    // Cody's exp(−y²/2) split matters here: without it exp(−y²/2) carries the rounding of y² (~1e-13 at y = 32).
    // python3 -c "import mpmath as mp; mp.mp.dps = 50; print(repr(float(mp.ncdf(mp.mpf(float(x))))))"
    // (mpf(float(x)): at the double nearest x, which is the argument normalCdf receives)
    const ncdf: [number, number][] = [
      [-37.01, 3.953583887401278e-300],
      [-35.55, 4.154334995117004e-277],
      [-32.03, 2.0846731007354993e-225],
      [-31.99, 7.510178539760146e-225],
      [-25.123, 1.3943982879132137e-139],
      [-19.77, 2.6987982324337558e-87],
      [-12.345, 2.591712067896197e-35],
      [-8.2, 1.2019351542735859e-16],
      [-5.7, 5.990371401063528e-09],
      [-5.6, 1.071759025831093e-08],
      [-3.3, 0.0004834241423837775],
      [-1.1, 0.13566606094638264],
      [-0.7, 0.24196365222307303],
      [-0.66, 0.25462691467133614],
      [-0.3, 0.3820885778110474],
      [0.5, 0.6914624612740131],
      [0.9, 0.8159398746532405],
      [2.77, 0.997197185367235],
      [6.1, 0.9999999994696577],
    ];
    for (const [x, expected] of ncdf) expect([x, Math.abs(normalCdf(x) / expected - 1) <= 1e-15]).toEqual([x, true]);
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
    expect(logNormalCdf(NaN)).toBeNaN();
  });
});
