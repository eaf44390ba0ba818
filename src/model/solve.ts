/**
 * Brent's method for a root of a continuous function on a bracket (Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4; the zeroin algorithm): bisection's guarantee with
 * inverse-quadratic speed. Step for step the Fortran zeroin (netlib fmm/zeroin.f) with the machine
 * precision eps = Number.EPSILON (2^-52) in its tolerance 2·eps·|b| + tolerance/2, plus the bracket
 * check and the iteration cap below; test/model/solve.test.ts compares every evaluation point.
 */

/**
 * A root of `f` in [lower, upper], where f(lower) and f(upper) differ in sign, to within
 * `tolerance` (absolute, on x); `undefined` if the bracket does not bracket a root.
 */
export function brentRoot(f: (x: number) => number, lower: number, upper: number, tolerance: number, maxIterations = 200): number | undefined {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  // Signs, not the product f(lower)·f(upper), which underflows to −0 for values like ∓1e-200 (a NaN fails too).
  if (Math.sign(fa) !== -Math.sign(fb)) return undefined;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < maxIterations; i++) {
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m;
      e = m;
    } else {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    // f(b) on f(c)'s side: start a new bracket. f(c) is never 0 (a zero f(b) returns before it can
    // become f(c)), so this is the Fortran's fb·(fc/|fc|) > 0.
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return undefined;
}
