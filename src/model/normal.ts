/**
 * The standard normal distribution.
 *
 * `normalCdf` is W. J. Cody's rational Chebyshev approximation (Cody 1969, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23; as in ACM TOMS Algorithm 715 ANORM and
 * R's pnorm), accurate to about 1e-16 relative in both tails. Pricing formulas take differences of
 * near-equal terms, so a 1e-7 textbook approximation (Abramowitz–Stegun 26.2.17) is not enough.
 */

const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;
/** |x| below which the first rational approximation applies (Cody's THRSH, where N(x) = 0.75). */
const CENTRAL_LIMIT = 0.66291;

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** Standard normal density φ(x) = exp(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal distribution function N(x) = P(Z ≤ x).
 *
 * @example normalCdf(1.96) // 0.9750021048517795
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x);
  if (y > 40) return x > 0 ? 1 : 0; // beyond double precision in both tails (also ±Infinity)
  if (y <= CENTRAL_LIMIT) return centralCdf(x);
  // exp(−y²/2) split as exp(−r²/2)·exp(−(y−r)(y+r)/2), r = y rounded down to 1/16, to keep precision.
  const rounded = Math.trunc(y * 16) / 16;
  const upper = Math.exp(-0.5 * rounded * rounded) * Math.exp(-0.5 * (y - rounded) * (y + rounded)) * upperTailFactor(y);
  return x > 0 ? 1 - upper : upper;
}

/**
 * ln N(x), finite for every finite x: far in the lower tail N(x) underflows to 0 (below x ≈ −38.5)
 * while its logarithm, about −x²/2, does not. Products such as (H/S)^(2μ)·N(y) in the barrier
 * formulas, where the weight overflows as N underflows, are evaluated as exp(ln weight + ln N).
 *
 * @example logNormalCdf(-40) // -804.6084420137538
 */
export function logNormalCdf(x: number): number {
  if (x >= -CENTRAL_LIMIT) return Math.log(normalCdf(x)); // N(x) ≥ 0.25: no loss
  // NaN and −Infinity need no case of their own: NaN stays NaN, and at −Infinity the factor is
  // (1/√(2π))/∞ = 0, so this is −∞ + ln 0 = −Infinity.
  return -0.5 * x * x + Math.log(upperTailFactor(-x));
}

/** N(x) for |x| ≤ CENTRAL_LIMIT. */
function centralCdf(x: number): number {
  const xsq = x * x;
  let num = A[4] * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]) * xsq;
    den = (den + B[i]) * xsq;
  }
  return 0.5 + (x * (num + A[3])) / (den + B[3]);
}

/** The rational factor of the upper tail for y > CENTRAL_LIMIT: P(Z > y) = exp(−y²/2) · factor. */
function upperTailFactor(y: number): number {
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    return (num + C[7]) / (den + D[7]);
  }
  const xsq = 1 / (y * y);
  let num = P[5] * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * xsq;
    den = (den + Q[i]) * xsq;
  }
  return (ONE_OVER_SQRT_2PI - (xsq * (num + P[4])) / (den + Q[4])) / y;
}
