/**
 * Hurdle tranches (up-and-in calls) against pricers written here, independently of src/model:
 * - a numerical integration of the discounted payoff over the reflection-principle density of a
 *   drifted Brownian motion and its running maximum (Harrison 1985, ch. 1; Shreve II §7.2), whose
 *   central differences give independent delta and vega;
 * - a seeded Monte Carlo of daily observation, for the Broadie–Glasserman–Kou option.
 * Plus the greeks against central differences of DEALS.TRANCHEVALUE itself, and the break-even.
 */
import * as deals from '../../src/functions/implementations';
import { DealsError } from '../../src/functions/errors';
import * as solveModule from '../../src/model/solve';
import { continuityCorrectedHurdle, tranchePositionBreakeven, tranchePositionValue, type TrancheTerms } from '../../src/model/tranche';

import { bgkShifted, centralDifference, Market, upAndInByIntegration } from './independentBarrier';
import { SLOW_TESTS } from '../slow';
import { mulberry32 } from './independentRandom';

const greeksOf = (m: Market, shares = 1, probability = 1, observationsPerYear: number | null = null) => {
  const table = deals.trancheGreeks(shares, m.K, m.S, m.H, m.v, m.T, m.r, m.q, probability, observationsPerYear);
  return Object.fromEntries(table) as Record<'delta' | 'gamma' | 'vega' | 'theta' | 'rho', number>;
};

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

const CASES: Array<[string, Market]> = [
  ['AMD tranche 6 (USD 600 hurdle)', { S: 203.71, K: 0.01, H: 600, T: 5, r: 0.04, q: 0, v: 0.5 }],
  ['AMD tranche 2 (USD 280 hurdle)', { S: 203.71, K: 0.01, H: 280, T: 5, r: 0.04, q: 0, v: 0.5 }],
  ['strike above the hurdle', { S: 100, K: 120, H: 110, T: 1, r: 0.03, q: 0.01, v: 0.3 }],
  ['strike below, hurdle close', { S: 100, K: 90, H: 101, T: 0.5, r: 0.05, q: 0.02, v: 0.25 }],
  ['low volatility, long', { S: 50, K: 40, H: 80, T: 8, r: 0.02, q: 0, v: 0.15 }],
];

describe('the integration pricer agrees with TRANCHEVALUE (so the two are pricing the same instrument)', () => {
  test.each(CASES)('%s', (_, m) => {
    expect(relativeError(deals.trancheValue(1, m.K, m.S, m.H, m.v, m.T, m.r, m.q), upAndInByIntegration(m))).toBeLessThan(1e-7);
  });
});

describe('TRANCHEGREEKS: delta and vega equal the independent pricer’s within 1e-4 relative', () => {
  test.each(CASES)('%s', (_, m) => {
    const g = greeksOf(m, 1e6, 0.7);
    const delta = 1e6 * 0.7 * centralDifference(m, 'S', m.S * 1e-4);
    const vega = 1e6 * 0.7 * centralDifference(m, 'v', m.v * 1e-4);
    expect(relativeError(g.delta, delta)).toBeLessThan(1e-4);
    expect(relativeError(g.vega, vega)).toBeLessThan(1e-4);
  });

  test('daily observation: delta and vega of the BGK price, the hurdle shift H·e^(0.5826·σ/√252) applied here', () => {
    const m = CASES[0][1];
    const shifted = (x: Market) => bgkShifted(x, 252);
    const g = greeksOf(m, 1, 1, 252);
    const delta = (upAndInByIntegration(shifted({ ...m, S: m.S + 0.01 })) - upAndInByIntegration(shifted({ ...m, S: m.S - 0.01 }))) / 0.02;
    const vega = (upAndInByIntegration(shifted({ ...m, v: m.v + 1e-4 })) - upAndInByIntegration(shifted({ ...m, v: m.v - 1e-4 }))) / 2e-4;
    expect(relativeError(g.delta, delta)).toBeLessThan(1e-4);
    expect(relativeError(g.vega, vega)).toBeLessThan(1e-4);
  });
});

describe('TRANCHEGREEKS against central differences of TRANCHEVALUE', () => {
  const value = (m: Market, m252: number | null) => deals.trancheValue(3, m.K, m.S, m.H, m.v, m.T, m.r, m.q, 0.5, m252);
  const bump = (m: Market, key: keyof Market, h: number, m252: number | null) => (value({ ...m, [key]: m[key] + h }, m252) - value({ ...m, [key]: m[key] - h }, m252)) / (2 * h);
  test.each(CASES.flatMap(([name, m]) => [[`${name}, continuous`, m, null] as const, [`${name}, daily`, m, 252] as const]))('%s', (_, m, m252) => {
    const g = greeksOf(m, 3, 0.5, m252);
    expect(relativeError(g.delta, bump(m, 'S', m.S * 1e-4, m252))).toBeLessThan(1e-5);
    expect(relativeError(g.vega, bump(m, 'v', 1e-5, m252))).toBeLessThan(1e-5);
    expect(relativeError(g.rho, bump(m, 'r', 1e-5, m252))).toBeLessThan(1e-5);
    expect(relativeError(g.theta, -bump(m, 'T', m.T * 1e-5, m252))).toBeLessThan(1e-5);
    const h = m.S * 1e-3;
    const secondDifference = (value({ ...m, S: m.S + h }, m252) - 2 * value(m, m252) + value({ ...m, S: m.S - h }, m252)) / (h * h);
    expect(relativeError(g.gamma, secondDifference)).toBeLessThan(1e-3);
  });

  test('a tranche already at its hurdle has the plain call’s greeks (WARRANTGREEKS)', () => {
    const plain = Object.fromEntries(deals.warrantGreeks(2, 100, 120, 0.3, 1, 0.03, 0.01));
    const tranche = Object.fromEntries(deals.trancheGreeks(2, 100, 120, 110, 0.3, 1, 0.03, 0.01));
    expect(tranche).toEqual(plain);
  });

  test('a position of several tranches has the sum of their greeks', () => {
    const m = CASES[0][1];
    const position = deals.trancheGreeks([[1e6], [2e6]], m.K, m.S, [[280], [600]], m.v, m.T, m.r, m.q, [[0.9], [0.5]], 252);
    const one = deals.trancheGreeks(1e6, m.K, m.S, 280, m.v, m.T, m.r, m.q, 0.9, 252);
    const two = deals.trancheGreeks(2e6, m.K, m.S, 600, m.v, m.T, m.r, m.q, 0.5, 252);
    position.forEach(([label, total], i) => {
      expect(label).toBe(one[i][0]);
      expect(relativeError(total as number, (one[i][1] as number) + (two[i][1] as number))).toBeLessThan(1e-12);
    });
  });
});

// ---------- discrete observation against a seeded Monte Carlo ----------

/**
 * Monte Carlo of an up-and-in call observed at the close of each of the T·m periods after today
 * (exact lognormal steps), with antithetic pairs: the mean and its standard error.
 */
function monteCarloDiscrete(m: Market, observationsPerYear: number, pairs: number, seed: number): { mean: number; standardError: number } {
  const u = mulberry32(seed); // a different generator from the model's
  const steps = Math.round(m.T * observationsPerYear);
  const dt = m.T / steps;
  const drift = (m.r - m.q - (m.v * m.v) / 2) * dt;
  const sd = m.v * Math.sqrt(dt);
  const logHurdle = Math.log(m.H / m.S);
  const discount = Math.exp(-m.r * m.T);
  let sum = 0;
  let sumSquares = 0;
  for (let p = 0; p < pairs; p++) {
    let x1 = 0;
    let x2 = 0;
    let hit1 = false;
    let hit2 = false;
    for (let i = 0; i < steps; i++) {
      // Box–Muller
      const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      x1 += drift + sd * z;
      x2 += drift - sd * z;
      if (x1 >= logHurdle) hit1 = true;
      if (x2 >= logHurdle) hit2 = true;
    }
    const pay1 = hit1 ? Math.max(m.S * Math.exp(x1) - m.K, 0) : 0;
    const pay2 = hit2 ? Math.max(m.S * Math.exp(x2) - m.K, 0) : 0;
    const pair = (discount * (pay1 + pay2)) / 2;
    sum += pair;
    sumSquares += pair * pair;
  }
  const mean = sum / pairs;
  return { mean, standardError: Math.sqrt((sumSquares / pairs - mean * mean) / (pairs - 1)) };
}

/** Antithetic pairs of the daily-close Monte Carlo: 40,000 with DEALS_SLOW_TESTS=1, 4,000 by default (standard errors √10 larger). */
const DAILY_PAIRS = SLOW_TESTS ? 40_000 : 4_000;

describe('observationsPerYear = 252 (BGK) against a seeded Monte Carlo of daily closes', () => {
  const MARKETS: Array<[string, Market]> = [
    ['one year, hurdle 30 % up', { S: 100, K: 100, H: 130, T: 1, r: 0.03, q: 0, v: 0.4 }],
    ['AMD-like: strike near 0, hurdle 50 % up, two years', { S: 200, K: 0.01, H: 300, T: 2, r: 0.04, q: 0, v: 0.5 }],
  ];
  test.each(MARKETS)('%s: within 3 standard errors, and (full size) the continuous price is not', (_, m) => {
    const { mean, standardError } = monteCarloDiscrete(m, 252, DAILY_PAIRS, 20251006);
    const daily = deals.trancheValue(1, m.K, m.S, m.H, m.v, m.T, m.r, m.q, 1, 252);
    const continuous = deals.trancheValue(1, m.K, m.S, m.H, m.v, m.T, m.r, m.q);
    expect(Math.abs(daily - mean)).toBeLessThanOrEqual(3 * standardError);
    // Telling the continuous price apart needs the full size (at 4,000 pairs its gap to the daily mean is under 3 SE: 0.6 and 2.0 SE for these seeds).
    if (SLOW_TESTS) expect(Math.abs(continuous - mean)).toBeGreaterThan(3 * standardError);
    else expect(continuous).toBeGreaterThan(daily);
  });

  test('omitted and 0 are continuous monitoring; more observations rise towards it', () => {
    const m = CASES[0][1];
    const at = (obs: number | null) => deals.trancheValue(1, m.K, m.S, m.H, m.v, m.T, m.r, m.q, 1, obs);
    expect(at(0)).toBe(at(null));
    expect(at(12)).toBeLessThan(at(52));
    expect(at(52)).toBeLessThan(at(252));
    expect(at(252)).toBeLessThan(at(0));
    expect(relativeError(at(1e9), at(0))).toBeLessThan(1e-4);
  });
});

// ---------- break-even ----------

describe('TRANCHEBREAKEVEN', () => {
  const tranches = { shares: [[2e7], [3e7], [1e8]], hurdles: [[200], [400], [600]], probabilities: [[1], [0.8], [0.5]] };
  const value = (price: number, obs: number | null = 252) =>
    deals.trancheValue(tranches.shares, 0.01, price, tranches.hurdles, 0.5, 5, 0.04, 0, tranches.probabilities, obs);

  test.each([1e9, 1e10, 3e10, 9e10, 1e12])('values the tranches at the target %d', (target) => {
    const price = deals.trancheBreakeven(tranches.shares, 0.01, target, tranches.hurdles, 0.5, 5, 0.04, 0, tranches.probabilities, 252);
    expect(relativeError(value(price), target)).toBeLessThan(1e-12);
  });

  test('every probability 0: no price gives a positive value, #NUM! with a reason', () => {
    let caught: unknown;
    try {
      deals.trancheBreakeven(1e6, 0.01, 1e9, 600, 0.5, 5, 0.04, 0, 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DealsError);
    expect(caught).toMatchObject({ code: '#NUM!', message: 'TRANCHEBREAKEVEN: every milestone probability is 0, so the tranches are worth 0 at any price' });
  });

  test('ranges of different lengths are #VALUE! naming the argument', () => {
    expect(() => deals.trancheBreakeven([[1], [2]], 0.01, 1e9, [[1], [2], [3]], 0.5, 5)).toThrow('TRANCHEBREAKEVEN: hurdle must have the same shape as shares (2×1)');
  });

  /** The doubles next to x, from its bits (x > 0). */
  const nextUp = (x: number) => {
    const bits = new BigInt64Array(new Float64Array([x]).buffer);
    bits[0] += 1n;
    return new Float64Array(bits.buffer)[0];
  };
  const position = (shares: number[], hurdles: number[], probabilities: number[]) => shares.map((n, i) => ({ shares: n, hurdlePrice: hurdles[i], milestoneProbability: probabilities[i] }));

  test('Brent searches [0, max(highest corrected hurdle, (target/W + K·e^(−rT))·e^(qT))], the hurdles left out once σ√T > 1000', () => {
    // The bound written out from the doc comment, W = Σ shares × probability; a hurdle counts while
    // σ√T ≤ 1000 (LARGEST_STD_DEV), even at exactly 1000, where the closed form still prices.
    const cases: Array<[string, ReturnType<typeof position>, number, TrancheTerms, boolean]> = [
      ['three hurdles above the bound, daily', position([2e7, 3e7, 1e8], [200, 400, 600], [1, 0.8, 0.5]), 1e9, { strikePrice: 0.01, years: 5, rate: 0.04, dividendYield: 0, volatility: 0.5, observationsPerYear: 252 }, true],
      ['bound above the hurdles, r, q and T ≠ 1', position([2e7, 3e7, 1e8], [200, 400, 600], [1, 0.8, 0.5]), 1e12, { strikePrice: 0.01, years: 5, rate: 0.04, dividendYield: 0.01, volatility: 0.5, observationsPerYear: 252 }, true],
      ['σ√T exactly 1000: the hurdle still counts', position([1e6], [600], [1]), 1e8, { strikePrice: 0.01, years: 4, rate: 0.02, dividendYield: 0.01, volatility: 500 }, true],
      ['σ√T = 1200 (σ/√T = 300): the hurdle does not', position([1e6], [600], [1]), 1e8, { strikePrice: 0.01, years: 4, rate: 0.02, dividendYield: 0.01, volatility: 600 }, false],
    ];
    const spy = jest.spyOn(solveModule, 'brentRoot');
    const hurdleWins: boolean[] = [];
    try {
      for (const [name, tranches, target, t, hurdlesCount] of cases) {
        spy.mockClear();
        const weight = tranches.reduce((sum, x) => sum + x.shares * x.milestoneProbability, 0);
        const fromBound = (target / weight + t.strikePrice * Math.exp(-t.rate * t.years)) * Math.exp(t.dividendYield * t.years);
        const highest = hurdlesCount ? Math.max(...tranches.map((x) => continuityCorrectedHurdle(x.hurdlePrice, t.volatility, t.observationsPerYear))) : 0;
        const bound = Math.max(highest, fromBound);
        const price = tranchePositionBreakeven(tranches, target, t) as number;
        expect([name, spy.mock.calls.length, spy.mock.calls[0]?.slice(1)]).toEqual([name, 1, [0, bound, 0]]);
        expect([name, relativeError(tranchePositionValue(price, tranches, t), target) < 1e-12]).toEqual([name, true]);
        hurdleWins.push(highest > fromBound);
      }
      // the cases tell the two parts of the bound apart: the hurdle sets it in some, the target in others
      expect(new Set(hurdleWins)).toEqual(new Set([true, false]));
    } finally {
      spy.mockRestore();
    }
  });

  test('all vested deep in the money, where rounding leaves the value at the bound a hair short of the target, the bound is doubled once', () => {
    // K = 0.5, T = 1, r = 5 %, q = 1 %, σ = 10 %, target/W = 100, hurdle 50 below the bound: every
    // tranche is the plain call, N(d1) = N(d2) = 1 in double precision, so the value is
    // W·(S·e^(−qT) − K·e^(−rT)) as computed and the break-even is the bound itself, which rounding
    // leaves 1.4e-14 short.
    const t = { strikePrice: 0.5, years: 1, rate: 0.05, dividendYield: 0.01, volatility: 0.1 };
    const tranches = position([6e5, 4e5], [50, 20], [1, 1]);
    const bound = (100 + 0.5 * Math.exp(-0.05)) * Math.exp(0.01);
    expect(tranchePositionValue(bound, tranches, t)).toBeLessThan(1e8);
    const spy = jest.spyOn(solveModule, 'brentRoot');
    try {
      const price = tranchePositionBreakeven(tranches, 1e8, t) as number;
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0].slice(1)).toEqual([0, 2 * bound, 0]);
      expect(Math.abs(price - bound)).toBeLessThanOrEqual(1e-12);
    } finally {
      spy.mockRestore();
    }
  });

  test('a hurdle a hundred billion times the break-even does not loosen it: the price reproduces the target (it was #NUM!)', () => {
    // One share with a 1e12 hurdle widens the bracket to [0, 1e12]; a tolerance relative to the
    // bracket (1e-15 × 1e12 = 1e-3 in price) missed the target by far more than 1e-9.
    for (const target of [1e-3, 1, 100, 1e4]) {
      const price = deals.trancheBreakeven([[1], [1e6]], 100, target, [[1e12], [10]], 0.3, 1, 0.03, 0, [[1], [1]]);
      expect(price).toBeLessThan(100);
      expect(relativeError(deals.trancheValue([[1], [1e6]], 100, price, [[1e12], [10]], 0.3, 1, 0.03, 0, [[1], [1]]), target)).toBeLessThan(1e-12);
    }
  });

  test('where the value jumps by more than 1e-9 of itself from one double to the next, no price reproduces a target between: undefined (#NUM!)', () => {
    // σ = 3e-7 a year, just below a hurdle of 100.001: d ln V / d ln S ≈ ln(H/S)/(σ²T) ≈ 7e6, so one
    // ulp of S (1.4e-16 relative) moves V by about 1e-8 of itself.
    const t = { strikePrice: 0.01, years: 1, rate: 0, dividendYield: 0, volatility: 3e-7 };
    const tranches = position([1], [100.001], [1]);
    const below = 100.000399994;
    const low = tranchePositionValue(below, tranches, t);
    const high = tranchePositionValue(nextUp(below), tranches, t);
    const target = (low + high) / 2;
    expect(low / target).toBeLessThan(1 - 1e-9);
    expect(high / target).toBeGreaterThan(1 + 1e-9);
    expect(tranchePositionBreakeven(tranches, target, t)).toBeUndefined();
    // a target the value does take there is found
    expect(relativeError(tranchePositionValue(tranchePositionBreakeven(tranches, low, t) as number, tranches, t), low)).toBeLessThanOrEqual(1e-9);
  });
});

describe('TRANCHEGREEKS at the edges of a position', () => {
  test('at the hurdle itself the tranche has vested: delta is the call’s, the right-hand slope of TRANCHEVALUE', () => {
    // Below the hurdle the up-and-in value is C − (up-and-out), whose slope at the barrier differs
    // from the call’s: the sheet values the vested call there, so its greeks are the call’s.
    const m: Market = { S: 100, K: 90, H: 100, T: 1, r: 0.03, q: 0.01, v: 0.3 };
    const h = 1e-5;
    const at = (s: number) => deals.trancheValue(1, m.K, s, m.H, m.v, m.T, m.r, m.q);
    expect(relativeError(greeksOf(m).delta, (at(m.S + h) - at(m.S)) / h)).toBeLessThan(1e-4);
    expect(relativeError(greeksOf(m).delta, (at(m.S) - at(m.S - h)) / h)).toBeGreaterThan(1e-3); // the kink: 7e-3
  });

  test('a tranche of milestone probability 0 adds nothing to value, greeks or break-even, even where its own value is no number', () => {
    // Yearly observation at σ = 1186: the correction e^(β·σ) ≈ 1.2e300 keeps a 1e-5 hurdle finite
    // and sends a 1e10 one to Infinity, where that tranche alone has no value.
    const value = (probability: number) => deals.trancheValue([[1], [1]], 0.01, 1e300, [[1e-5], [1e10]], 1186, 0.5, 0.03, 0, [[1], [probability]], 1);
    expect(() => value(1)).toThrow(DealsError);
    expect(value(0)).toBe(deals.trancheValue(1, 0.01, 1e300, 1e-5, 1186, 0.5, 0.03, 0, 1, 1));
    expect(deals.trancheGreeks([[1], [1]], 0.01, 1e300, [[1e-5], [1e10]], 1186, 0.5, 0.03, 0, [[1], [0]], 1)).toEqual(deals.trancheGreeks(1, 0.01, 1e300, 1e-5, 1186, 0.5, 0.03, 0, 1, 1));
    // nor does its hurdle stretch the break-even's bracket to Infinity (it gave #NUM!)
    for (const target of [100, 1e6]) {
      expect(deals.trancheBreakeven([[1], [1]], 0.01, target, [[1e-5], [1e10]], 1186, 0.5, 0.03, 0, [[1], [0]], 1)).toBe(deals.trancheBreakeven(1, 0.01, target, 1e-5, 1186, 0.5, 0.03, 0, 1, 1));
    }
  });
});

describe('far below a high hurdle at low volatility, where (H/S)^(2μ) = 400^119 overflows a double and N(y) underflows', () => {
  const far: Market = { S: 352.825 / 400, K: 0.01, H: 352.825, T: 10, r: 0.15, q: 0, v: 0.05 };

  test('the value agrees with the integration pricer within 1e-7, and with the closed form in 50-digit arithmetic', () => {
    const value = deals.trancheValue(1, far.K, far.S, far.H, far.v, far.T, far.r, far.q);
    expect(relativeError(value, upAndInByIntegration(far))).toBeLessThan(1e-7);
    // Haug's B − C + D evaluated with mpmath at mp.dps = 50 (Python, outside this repository's code)
    expect(relativeError(value, 1.11775833738093757e-176)).toBeLessThan(1e-12);
  });

  test('delta and vega agree with central differences of the integration pricer (steps small enough for d ln V / d ln S ≈ 300)', () => {
    const g = greeksOf(far);
    expect(relativeError(g.delta, centralDifference(far, 'S', far.S * 1e-6))).toBeLessThan(1e-4);
    expect(relativeError(g.vega, centralDifference(far, 'v', far.v * 1e-6))).toBeLessThan(1e-4);
  });

  test('TRANCHEBREAKEVEN from there finds the price that reproduces the target', () => {
    const target = 1e4;
    const price = deals.trancheBreakeven(1e6, 0.01, target, far.H, far.v, far.T, far.r, far.q, 0.01);
    expect(relativeError(deals.trancheValue(1e6, 0.01, price, far.H, far.v, far.T, far.r, far.q, 0.01), target)).toBeLessThan(1e-9);
  });
});

describe('degenerate volatility: the limits σ√T → 0 and σ√T → ∞', () => {
  /**
   * The σ√T → 0 limit written out here: the price follows its forward S·e^((r−q)t), so the tranche
   * vests iff max(S, S·e^((r−q)T)) ≥ H, and is then the discounted intrinsic value.
   */
  const deterministic = ({ S, K, H, T, r, q }: Market) => (Math.max(S, S * Math.exp((r - q) * T)) >= H ? Math.max(S * Math.exp(-q * T) - K * Math.exp(-r * T), 0) : 0);
  const LOW: Array<[string, Market]> = [
    ['the issue’s call: forward 1.22 never reaches 1.5, strike 10', { S: 1, K: 10, H: 1.5, T: 1, r: 0.1, q: -0.1, v: 0 }],
    ['forward 110.5 passes the hurdle 110, in the money', { S: 100, K: 90, H: 110, T: 1, r: 0.1, q: 0, v: 0 }],
    ['forward 110.5 stops below the hurdle 120', { S: 100, K: 90, H: 120, T: 1, r: 0.1, q: 0, v: 0 }],
    ['falling forward from above the hurdle (vested now)', { S: 130, K: 90, H: 120, T: 2, r: 0.01, q: 0.05, v: 0 }],
    ['AMD tranche 6', { S: 203.71, K: 0.01, H: 600, T: 5, r: 0.04, q: 0, v: 0 }],
    ['with a dividend the forward grows at r − q: 108.3 stops below the hurdle 110', { S: 100, K: 90, H: 110, T: 1, r: 0.1, q: 0.02, v: 0 }],
    ['over two years at 5 % the forward 110.5 passes the hurdle 110', { S: 100, K: 90, H: 110, T: 2, r: 0.05, q: 0, v: 0 }],
    ['spot on the hurdle, flat forward: vested', { S: 100, K: 90, H: 100, T: 1, r: 0, q: 0, v: 0 }],
    ['vested out of the money: 0, not the negative intrinsic value', { S: 100, K: 120, H: 100, T: 1, r: 0, q: 0, v: 0 }],
  ];
  const value = (m: Market, v: number, obs: number | null = null) => deals.trancheValue(1, m.K, m.S, m.H, v, m.T, m.r, m.q, 1, obs);

  test('DEALS.TRANCHEVALUE(1,10,1,1.5,1E-160,1,0.1,-0.1) is 0 (it was −7.943)', () => {
    expect(deals.trancheValue(1, 10, 1, 1.5, 1e-160, 1, 0.1, -0.1)).toBe(0);
  });

  test.each(LOW)('%s: the σ√T → 0 limit at 1e-300, 1e-160, 1e-20 (continuous and daily)', (_, m) => {
    for (const v of [1e-300, 1e-160, 1e-20]) for (const obs of [null, 252]) expect([v, obs, value(m, v, obs)]).toEqual([v, obs, deterministic(m)]);
  });

  test.each(LOW)('%s: just above the switch (σ√T = 2e-8, 1e-6) the closed form is within 0.4·S·σ√T of the limit', (_, m) => {
    for (const v of [2e-8, 1e-6]) expect(Math.abs(value(m, v) - deterministic(m))).toBeLessThanOrEqual(0.4 * m.S * v * Math.sqrt(m.T));
  });

  test.each(LOW)('%s: as σ√T → ∞ the value tends to S·e^(−qT): the closed form at σ√T = 999 and the limit beyond agree', (_, m) => {
    const prepaidForward = m.S * Math.exp(-m.q * m.T);
    expect(relativeError(value(m, 999 / Math.sqrt(m.T)), prepaidForward)).toBeLessThan(1e-12);
    for (const v of [1e4, 1e150, 1e200, 1e300]) for (const obs of [null, 252]) expect(relativeError(value(m, v, obs), prepaidForward)).toBeLessThan(1e-15);
  });

  test.each<[string, Market]>([
    ['forward 108.3 stops below the hurdle 110 (σ√T → 0: not vested)', { S: 100, K: 90, H: 110, T: 1, r: 0.1, q: 0.02, v: 0 }],
    ['forward 108.3 passes the hurdle 105 (σ√T → 0: vested, the discounted intrinsic value)', { S: 100, K: 90, H: 105, T: 1, r: 0.1, q: 0.02, v: 0 }],
  ])('greeks of the limits equal central differences of TRANCHEVALUE there: %s', (_, m) => {
    for (const v of [1e-160, 1e200]) {
      const g = greeksOf({ ...m, v });
      const at = (changes: Partial<Market>) => {
        const x = { ...m, ...changes };
        return deals.trancheValue(1, x.K, x.S, x.H, v, x.T, x.r, x.q);
      };
      const h = 1e-4;
      expect(g.delta).toBeCloseTo((at({ S: m.S + h }) - at({ S: m.S - h })) / (2 * h), 8);
      expect(g.gamma).toBe(0);
      expect(g.vega).toBe(0);
      expect(g.theta).toBeCloseTo(-(at({ T: m.T + h }) - at({ T: m.T - h })) / (2 * h), 6);
      expect(g.rho).toBeCloseTo((at({ r: m.r + h }) - at({ r: m.r - h })) / (2 * h), 6);
    }
  });

  test('TRANCHEBREAKEVEN at a huge volatility: every tranche is worth S·e^(−qT), so the price is target / Σ shares × probability', () => {
    const price = deals.trancheBreakeven(1e6, 0.01, 1e9, 600, 1e200, 5, 0.04, 0.01, 0.5, 252);
    expect(relativeError(price, 1e9 / (1e6 * 0.5) / Math.exp(-0.01 * 5))).toBeLessThan(1e-12);
  });

  test('a case with no number (the daily-corrected hurdle overflows) is #NUM! "undefined", not "too large"', () => {
    let caught: unknown;
    try {
      deals.trancheValue(1, 0.01, 100, 600, 1e5, 1e-6, 0, 0, 1, 252);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: '#NUM!', message: 'TRANCHEVALUE: the result is undefined for these arguments (the formula gives no number here)' });
  });
});
