/**
 * Black–Scholes–Merton: every analytic greek of calls and puts, with and without rate and dividend
 * yield, against Richardson-extrapolated central differences of the price over a seeded grid
 * (Mulberry32, independent of the model's generator); the σ√T = 0 and K = 0 branches against the
 * discounted forward intrinsic value written out here.
 */
import { blackScholesGreeks, blackScholesMerton, Greeks, OptionKind } from '../../src/model';
import { mulberry32 } from './independentRandom';

interface Point {
  kind: OptionKind;
  S: number;
  K: number;
  T: number;
  r: number;
  q: number;
  v: number;
}

const price = (p: Point) => blackScholesMerton(p.kind, p.S, p.K, p.T, p.r, p.q, p.v);

/** (4·D(h) − D(2h))/3 of the central difference D: error O(h⁴). */
function derivative(p: Point, key: 'S' | 'T' | 'r' | 'q' | 'v', h: number): number {
  const at = (dx: number) => price({ ...p, [key]: p[key] + dx });
  const d1 = (at(h) - at(-h)) / (2 * h);
  const d2 = (at(2 * h) - at(-2 * h)) / (4 * h);
  return (4 * d1 - d2) / 3;
}

function secondDerivativeInSpot(p: Point, h: number): number {
  const at = (dx: number) => price({ ...p, S: p.S + dx });
  const c = at(0);
  const s1 = (at(h) - 2 * c + at(-h)) / (h * h);
  const s2 = (at(2 * h) - 2 * c + at(-2 * h)) / (4 * h * h);
  return (4 * s1 - s2) / 3;
}

/** 48 points: both kinds × {no rate or dividend, rate only, dividend only, both} × 6 random markets. */
function grid(): Point[] {
  const u = mulberry32(20260419);
  const between = (a: number, b: number) => a + (b - a) * u();
  const points: Point[] = [];
  for (const kind of ['call', 'put'] as const) {
    for (const [withRate, withDividend] of [[false, false], [true, false], [false, true], [true, true]]) {
      for (let i = 0; i < 6; i++) {
        const S = between(30, 250);
        points.push({
          kind,
          S,
          K: S * between(0.6, 1.5),
          T: between(0.1, 4),
          r: withRate ? between(-0.01, 0.12) : 0,
          q: withDividend ? between(0.005, 0.08) : 0,
          v: between(0.1, 0.8),
        });
      }
    }
  }
  return points;
}

describe('analytic greeks equal differences of the price (seeded grid)', () => {
  const label = (p: Point) => `${p.kind} S=${p.S.toFixed(2)} K=${p.K.toFixed(2)} T=${p.T.toFixed(3)} r=${p.r.toFixed(4)} q=${p.q.toFixed(4)} v=${p.v.toFixed(3)}`;
  test.each(grid().map((p) => [label(p), p] as const))('%s', (_, p) => {
    const g: Greeks = blackScholesGreeks(p.kind, p.S, p.K, p.T, p.r, p.q, p.v);
    const numeric: Greeks = {
      delta: derivative(p, 'S', 1e-3 * p.S),
      gamma: secondDerivativeInSpot(p, 1e-2 * p.S),
      vega: derivative(p, 'v', 1e-3),
      theta: -derivative(p, 'T', 1e-3 * p.T),
      rho: derivative(p, 'r', 1e-4),
      dividendRho: derivative(p, 'q', 1e-4),
    };
    // Truncation O(h⁴) and rounding ~1e-16·V/h (1e-16·V/h² for gamma) are both below 1e-7 here.
    for (const key of Object.keys(numeric) as (keyof Greeks)[]) {
      expect([key, Math.abs(g[key] - numeric[key]) <= 1e-7 * (1 + Math.abs(numeric[key]))]).toEqual([key, true]);
    }
  });

  test('the grid reaches the terms a wrong sign would change: rho and dividend rho are material', () => {
    for (const p of grid().filter((x) => x.r !== 0 && x.q !== 0)) {
      const g = blackScholesGreeks(p.kind, p.S, p.K, p.T, p.r, p.q, p.v);
      expect(Math.abs(g.rho) + Math.abs(g.dividendRho)).toBeGreaterThan(1);
    }
  });
});

describe('prices without spread (σ√T = 0) or without strike: the discounted forward intrinsic value', () => {
  const forward = (kind: OptionKind, S: number, K: number, T: number, r: number, q: number) =>
    Math.max(kind === 'call' ? S * Math.exp(-q * T) - K * Math.exp(-r * T) : K * Math.exp(-r * T) - S * Math.exp(-q * T), 0);
  const cases: [OptionKind, number, number, number, number, number, number][] = [
    ['call', 120, 100, 2, 0.05, 0.01, 0],
    ['put', 120, 100, 2, 0.05, 0.01, 0],
    ['call', 80, 100, 2, 0.05, 0.01, 0],
    ['put', 80, 100, 2, 0.05, 0.01, 0],
    ['call', 120, 100, 0, 0.05, 0.01, 0.3],
    ['put', 80, 100, 0, 0.05, 0.01, 0.3],
    ['call', 100, 100, 1, 0.03, 0.03, 0], // at the forward: 0, not 0/0
    ['put', 100, 100, 1, 0.03, 0.03, 0],
    ['call', 100, 0, 1.5, 0.04, 0.02, 0.3],
    ['put', 100, 0, 1.5, 0.04, 0.02, 0.3],
  ];
  test.each(cases)('%s S=%d K=%d T=%d r=%d q=%d v=%d', (kind, S, K, T, r, q, v) => {
    const value = blackScholesMerton(kind, S, K, T, r, q, v);
    expect(Math.abs(value - forward(kind, S, K, T, r, q))).toBeLessThanOrEqual(1e-12 * Math.max(1, S));
  });

  test('near σ√T = 0 the formula tends to the same value (continuity of the branch)', () => {
    for (const kind of ['call', 'put'] as const) {
      const limit = blackScholesMerton(kind, 120, 100, 2, 0.05, 0.01, 0);
      expect(Math.abs(blackScholesMerton(kind, 120, 100, 2, 0.05, 0.01, 1e-4) - limit)).toBeLessThan(1e-9);
    }
  });
});
