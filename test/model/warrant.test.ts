/**
 * Warrants: intrinsic fallbacks, Galai–Schneller dilution against a fixed point solved here by
 * bisection (independent of the model's Newton iteration), and the break-even price including the
 * cases where its bracket must reach far or where no price exists.
 */
import { blackScholesMerton, breakevenSharePrice, callValue, dilutedWarrantValue, WarrantTerms } from '../../src/model';
import * as blackScholesModule from '../../src/model/blackScholes';
import * as solveModule from '../../src/model/solve';

/** W = λ·C(S + (M/N)·W) solved by bisection on [0, C(S)] (f(0) < 0 ≤ f(C(S))), to the last bit. */
function galaiSchnellerByBisection(S: number, t: Required<WarrantTerms>, N: number, M: number): number {
  const keep = N / (N + M);
  const f = (w: number) => w - keep * blackScholesMerton('call', S + (M / N) * w, t.strikePrice, t.years, t.rate, t.dividendYield, t.volatility);
  let lo = 0;
  let hi = blackScholesMerton('call', S, t.strikePrice, t.years, t.rate, t.dividendYield, t.volatility);
  expect(f(lo)).toBeLessThan(0);
  expect(f(hi)).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

describe('callValue', () => {
  test('without volatility or without years it is the intrinsic value max(S − K, 0)', () => {
    expect(callValue(130, { strikePrice: 100, rate: 0.05, dividendYield: 0.01, volatility: 0.3 })).toBe(30);
    expect(callValue(130, { strikePrice: 100, years: 2, rate: 0.05, dividendYield: 0.01 })).toBe(30);
    expect(callValue(70, { strikePrice: 100, years: 2, rate: 0.05, dividendYield: 0.01 })).toBe(0);
  });
});

describe('dilutedWarrantValue, price including the warrants (Galai–Schneller)', () => {
  const cases: [string, number, Required<WarrantTerms>, number, number][] = [
    ['at the money, N/M = 10', 100, { strikePrice: 100, years: 1, rate: 0.05, dividendYield: 0.02, volatility: 0.3 }, 1000, 100],
    ['at the money, N/M = 10, no rate or dividend', 100, { strikePrice: 100, years: 3, rate: 0, dividendYield: 0, volatility: 0.45 }, 1e9, 1e8],
    // heavy dilution at the money: Newton's slope term matters (a fixed-point iteration without it is 1e-3 off after 100 steps)
    ['at the money, M/N = 9 (heavy dilution)', 100, { strikePrice: 100, years: 1, rate: 0.05, dividendYield: 0, volatility: 0.3 }, 100, 900],
    ['deep in the money, M/N = 9 (heavy dilution)', 100, { strikePrice: 10, years: 2, rate: 0.03, dividendYield: 0, volatility: 0.25 }, 100, 900],
    ['out of the money, long dated', 50, { strikePrice: 120, years: 5, rate: 0.04, dividendYield: 0.01, volatility: 0.6 }, 1000, 250],
  ];
  test.each(cases)('%s: equals the fixed point solved by bisection to 1e-13 relative', (_, S, terms, N, M) => {
    const expected = galaiSchnellerByBisection(S, terms, N, M);
    const value = dilutedWarrantValue(S, terms, N, M, true);
    expect(Math.abs(value / expected - 1)).toBeLessThan(1e-13);
    // C rises in S and W > 0, so λ·C(S) < W = λ·C(S + (M/N)W) < C(S): strictly between the two simpler answers
    expect(value).toBeGreaterThan((N / (N + M)) * callValue(S, terms));
    expect(value).toBeLessThan(callValue(S, terms));
  });

  test("Newton's method: quadratic convergence meets the stopping test within 7 steps when M/N ≤ 1", () => {
    // From W0 = C(S), above the root by less than M/(N+M)·C(S) ≤ C(S)/2, quadratic convergence squares
    // the relative error each step (1/2, 1/4, 1/16, 4e-3, 2e-5, 2e-10, 5e-20): six steps reach the last
    // bit and the seventh finds a step below 1e-15·W. Each step prices the delta once (blackScholesGreeks).
    // A loop that never stops, or stops only on exactly zero steps, takes all 100.
    const spy = jest.spyOn(blackScholesModule, 'blackScholesGreeks');
    try {
      for (const [, S, terms, N, M] of cases) {
        if (M / N > 1) continue;
        spy.mockClear();
        const value = dilutedWarrantValue(S, terms, N, M, true);
        expect(Math.abs(value / galaiSchnellerByBisection(S, terms, N, M) - 1)).toBeLessThan(1e-13);
        expect(spy.mock.calls.length).toBeGreaterThanOrEqual(1);
        expect(spy.mock.calls.length).toBeLessThanOrEqual(7);
      }
      // deep in the money with little dilution: C(S) is already within rounding of the fixed point
      spy.mockClear();
      const deep = { strikePrice: 100, years: 0.5, rate: 0.01, dividendYield: 0.01, volatility: 0.2 };
      expect(Math.abs(dilutedWarrantValue(200, deep, 1000, 1000, true) / galaiSchnellerByBisection(200, deep, 1000, 1000) - 1)).toBeLessThan(1e-13);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(7);
    } finally {
      spy.mockRestore();
    }
  });

  test('intrinsic (no volatility or no years): W = max(S − K, 0) solves W = λ·max(S + (M/N)W − K, 0)', () => {
    const N = 1000;
    const M = 100;
    for (const terms of [
      { strikePrice: 100, rate: 0.05, dividendYield: 0 },
      { strikePrice: 100, years: 2, rate: 0.05, dividendYield: 0 },
      { strikePrice: 100, rate: 0.05, dividendYield: 0, volatility: 0.3 },
    ] as WarrantTerms[]) {
      const w = dilutedWarrantValue(130, terms, N, M, true);
      expect(w).toBe(30);
      expect(Math.abs(w - (N / (N + M)) * Math.max(130 + (M / N) * w - 100, 0))).toBeLessThan(1e-12);
      expect(dilutedWarrantValue(80, terms, N, M, true)).toBe(0);
      expect(dilutedWarrantValue(130, terms, N, M, false)).toBeCloseTo((N / (N + M)) * 30, 12);
    }
  });
});

describe('breakevenSharePrice', () => {
  const terms = { strikePrice: 10, years: 10, rate: 0.02, dividendYield: 0.6, volatility: 0.2 };

  test('reproduces the target (shares · C(S) = target to 1e-12) in ordinary and far-bracket regimes', () => {
    // dividendYield·years = 6: the root lies near (target/shares + K·e^(−rT))·e^(qT) ≈ 110·e^6, far above target/shares
    for (const [shares, target, t] of [
      [1e6, 100e6, terms],
      [160e6, 48e9, { strikePrice: 0.01, years: 5, rate: 0.04, dividendYield: 0, volatility: 0.5 }],
      [1000, 5000, { strikePrice: 100, years: 0.5, rate: 0.05, dividendYield: 0.03, volatility: 0.35 }],
    ] as const) {
      const price = breakevenSharePrice(shares, target, t);
      expect(price).toBeDefined();
      expect(Math.abs((shares * callValue(price as number, t)) / target - 1)).toBeLessThan(1e-12);
    }
    expect(breakevenSharePrice(1e6, 100e6, terms) as number).toBeGreaterThan(100 * Math.exp(6 - 0.5));
  });

  test('Brent searches [0, (target/shares + K·e^(−rT))·e^(qT)], the bound from C(S) ≥ S·e^(−qT) − K·e^(−rT), to 1e-15 of it', () => {
    // The bound is where the lower bound of C reaches the target, so it is at or past the root;
    // the search's tolerance is relative to it. Computed here from the formula, not by the model.
    const spy = jest.spyOn(solveModule, 'brentRoot');
    try {
      for (const [shares, target, t] of [
        [1e6, 100e6, terms],
        [160e6, 48e9, { strikePrice: 0.01, years: 5, rate: 0.04, dividendYield: 0, volatility: 0.5 }],
        [1000, 5000, { strikePrice: 100, years: 0.5, rate: 0.05, dividendYield: 0.03, volatility: 0.35 }],
        [1000, 5000, { strikePrice: 100, years: 2, rate: -0.01, dividendYield: 0, volatility: 0.35 }],
      ] as const) {
        spy.mockClear();
        const bound = (target / shares + t.strikePrice * Math.exp(-t.rate * t.years)) * Math.exp(t.dividendYield * t.years);
        expect(shares * callValue(bound, t)).toBeGreaterThanOrEqual(target);
        const price = breakevenSharePrice(shares, target, t) as number;
        expect(spy).toHaveBeenCalledTimes(1);
        const [, lower, upper, tolerance] = spy.mock.calls[0];
        expect([lower, upper, tolerance]).toEqual([0, bound, bound * 1e-15]);
        expect(Math.abs((shares * callValue(price, t)) / target - 1)).toBeLessThan(1e-12);
      }
    } finally {
      spy.mockRestore();
    }
  });

  test('deep in the money the bound is the root itself; where rounding puts C(bound) a hair below the target, the bound is doubled once', () => {
    // K = 0.5, T = 1, r = 5 %, q = 1 %, σ = 10 %, target/shares = 100: d2 = ln(S/K)/σ… ≈ 53, so
    // N(d1) = N(d2) = 1 in double precision and C(S) = S·e^(−qT) − K·e^(−rT) exactly as computed; the
    // break-even is the bound (100 + 0.5·e^(−0.05))·e^(0.01). Rounding leaves C(bound) 1.4e-14 short.
    const t = { strikePrice: 0.5, years: 1, rate: 0.05, dividendYield: 0.01, volatility: 0.1 };
    const bound = (100 + 0.5 * Math.exp(-0.05)) * Math.exp(0.01);
    expect(1e6 * callValue(bound, t)).toBeLessThan(1e8);
    const spy = jest.spyOn(solveModule, 'brentRoot');
    try {
      const price = breakevenSharePrice(1e6, 1e8, t) as number;
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0].slice(1)).toEqual([0, 2 * bound, 2 * bound * 1e-15]);
      // within the search's tolerance (2·bound·1e-15) of the closed-form root, plus rounding of C
      expect(Math.abs(price - bound)).toBeLessThanOrEqual(2 * bound * 1e-15 + 1e-13);
    } finally {
      spy.mockRestore();
    }
  });

  test('intrinsic: S = K + target/shares whenever volatility or years is absent', () => {
    expect(breakevenSharePrice(1000, 5000, { strikePrice: 20, rate: 0.05, dividendYield: 0.1 })).toBe(25);
    expect(breakevenSharePrice(1000, 5000, { strikePrice: 20, years: 2, rate: 0.05, dividendYield: 0.1 })).toBe(25);
    expect(breakevenSharePrice(1000, 5000, { strikePrice: 20, rate: 0.05, dividendYield: 0.1, volatility: 0.3 })).toBe(25);
    expect(breakevenSharePrice(1, 1e308, { strikePrice: 1e308, rate: 0, dividendYield: 0 })).toBeUndefined();
    // K + target/shares = 1e308 is a price even where a search bound (target/shares)·e^(qT) = 1e308·e would overflow
    expect(breakevenSharePrice(1, 1e308, { strikePrice: 0, years: 2, rate: 0, dividendYield: 0.5 })).toBe(1e308);
  });

  test('no representable price is undefined (the function shows #NUM!), with volatility', () => {
    expect(breakevenSharePrice(1, 1e308, { strikePrice: 10, years: 10, rate: 0, dividendYield: 0.5, volatility: 0.3 })).toBeUndefined();
    expect(breakevenSharePrice(1e-300, 1e10, { strikePrice: 10, years: 1, rate: 0, dividendYield: 0, volatility: 0.3 })).toBeUndefined();
  });
});
