/**
 * An independent reference for src/model/solve.ts: Brent's zeroin as published in Fortran (netlib
 * fmm/zeroin.f, "a slightly modified translation of the ALGOL 60 procedure zero" of Brent 1973,
 * "Algorithms for Minimization without Derivatives", ch. 4), transcribed here statement by
 * statement, its labels 20, 30, 40, 70, 80 and 90 kept as the states of a loop. It shares no code
 * with the model and is written the way the Fortran reads, not the way solve.ts does.
 *
 * Two liberties, both stated where they are used: `eps` is a parameter (the Fortran computes it by
 * halving 1 until 1 + eps = 1, which on IEEE doubles gives 2^-53; `netlibEps` below does that), and
 * every abscissa at which f is evaluated is recorded, in order, with f's value.
 */

/** The Fortran's own machine precision: halve eps until 1 + eps no longer exceeds 1 (2^-53 on IEEE doubles). */
export function netlibEps(): number {
  let eps = 1;
  let tol1: number;
  do {
    eps = eps / 2;
    tol1 = 1 + eps;
  } while (tol1 > 1);
  return eps;
}

/** Fortran's dsign(a, b): |a| with the sign of b (b = 0 counts as positive). */
function dsign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

export interface ZeroinTrace {
  /** zeroin's result. */
  root: number;
  /** Every abscissa at which f was evaluated, in order (ax and bx first). */
  points: number[];
}

/** zeroin(ax, bx, f, tol) with the relative machine precision `eps`; f(ax), f(bx) must differ in sign and be non-zero. */
export function zeroinReference(f: (x: number) => number, ax: number, bx: number, tol: number, eps: number): ZeroinTrace {
  const points: number[] = [];
  const F = (x: number): number => {
    // the reference has no iteration cap of its own; a runaway would be a bug in a test
    if (points.length >= 10000) throw new Error('zeroinReference: no convergence in 10,000 evaluations');
    points.push(x);
    return f(x);
  };
  // initialization
  let a = ax;
  let b = bx;
  let fa = F(a);
  let fb = F(b);
  let c = 0;
  let fc = 0;
  let d = 0;
  let e = 0;
  let label: 20 | 30 = 20;
  for (;;) {
    if (label === 20) {
      // 20: begin step
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    // 30
    if (!(Math.abs(fc) >= Math.abs(fb))) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    // 40: convergence test
    const tol1 = 2.0 * eps * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1) return { root: b, points }; // go to 90
    if (fb === 0.0) return { root: b, points }; // go to 90
    let bisect = false;
    // is bisection necessary
    if (Math.abs(e) < tol1) bisect = true;
    else if (Math.abs(fa) <= Math.abs(fb)) bisect = true;
    else {
      let p: number;
      let q: number;
      let r: number;
      let s: number;
      // is quadratic interpolation possible
      if (a !== c) {
        // 50: inverse quadratic interpolation
        q = fa / fc;
        r = fb / fc;
        s = fb / fa;
        p = s * (2.0 * xm * q * (q - r) - (b - a) * (r - 1.0));
        q = (q - 1.0) * (r - 1.0) * (s - 1.0);
      } else {
        // linear interpolation
        s = fb / fa;
        p = 2.0 * xm * s;
        q = 1.0 - s;
      }
      // 60: adjust signs
      if (p > 0.0) q = -q;
      p = Math.abs(p);
      // is interpolation acceptable
      if (2.0 * p >= 3.0 * xm * q - Math.abs(tol1 * q)) bisect = true;
      else if (p >= Math.abs(0.5 * e * q)) bisect = true;
      else {
        e = d;
        d = p / q;
        // go to 80
      }
    }
    if (bisect) {
      // 70: bisection
      d = xm;
      e = d;
    }
    // 80: complete step
    a = b;
    fa = fb;
    if (Math.abs(d) > tol1) b = b + d;
    else b = b + dsign(tol1, xm);
    fb = F(b);
    label = fb * (fc / Math.abs(fc)) > 0.0 ? 20 : 30;
  }
}
