/**
 * FUNDINGRISK: its random numbers against published test vectors and moments, its statistics
 * against closed forms and an independent simulation written here (its own generator and normal
 * transform, path by path), within stated standard errors; determinism; properties that must hold
 * with common random numbers; bad input.
 */
import fc from 'fast-check';
import { fundingRisk, FundingRiskInputs, FundingRiskYear, normalCdf, normalPdf, NormalStream, Xoshiro128 } from '../../src/model';
import { DealsError } from '../../src/functions/errors';
import * as deals from '../../src/functions/implementations';
import { mulberry32 } from './independentRandom';

const inputs = (overrides: Partial<FundingRiskInputs>): FundingRiskInputs => ({
  obligations: [10, 20, 30, 40, 50],
  revenueNow: 12,
  growthRate: 0.3,
  volatility: 0.4,
  revenueShare: 0.6,
  cash: 15,
  financing: [5, 5, 5, 5, 5],
  paths: 20_000,
  seed: 11,
  ...overrides,
});

describe('random numbers', () => {
  test('xoshiro128** from state (1, 2, 3, 4) gives the reference implementation’s first ten outputs', () => {
    // Outputs of Blackman & Vigna's xoshiro128starstar.c for s = {1, 2, 3, 4} (also rand_xoshiro's test vector).
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];
    const generator = Xoshiro128.fromState([1, 2, 3, 4]);
    expect(expected.map(() => generator.nextUint32())).toEqual(expected);
  });

  test('uniforms lie strictly inside (0, 1); seeds are integers from 0 to 2^53 − 1', () => {
    const generator = Xoshiro128.fromSeed(0);
    for (let i = 0; i < 10_000; i++) {
      const u = generator.nextUniform();
      expect(u > 0 && u < 1).toBe(true);
    }
    expect(() => Xoshiro128.fromSeed(-1)).toThrow(RangeError);
    expect(() => Xoshiro128.fromSeed(1.5)).toThrow(RangeError);
    expect(() => Xoshiro128.fromSeed(2 ** 53)).toThrow(RangeError);
    // Seeds differing only above bit 32 give different streams.
    expect(Xoshiro128.fromSeed(2 ** 32).nextUint32()).not.toBe(Xoshiro128.fromSeed(0).nextUint32());
  });

  test('Box–Muller normals have mean 0, variance 1 and P(Z ≤ 1) = N(1), within 4 standard errors', () => {
    const n = 400_000;
    const normals = new NormalStream(2024);
    let sum = 0;
    let squares = 0;
    let belowOne = 0;
    for (let i = 0; i < n; i++) {
      const z = normals.next();
      sum += z;
      squares += z * z;
      if (z <= 1) belowOne++;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const p = normalCdf(1);
    expect(Math.abs(belowOne / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('one year against closed forms', () => {
  test('FUNDINGRISK(100,80,0.1,0.4,1,0,0,200000,7,"shortfallProb") is within 4 SE of SHORTFALLPROB(100,80,0.1,0.4,1)', () => {
    const simulated = deals.fundingRisk(100, 80, 0.1, 0.4, 1, 0, 0, 200_000, 7, 'shortfallProb')[0][0] as number;
    const exact = deals.shortfallProb(100, 80, 0.1, 0.4, 1);
    const standardError = Math.sqrt((exact * (1 - exact)) / 200_000);
    expect(Math.abs(simulated - exact)).toBeLessThan(4 * standardError);
  });

  test('the percentiles and expected shortfall of C_1 = cash + s·R_1 + F − O match the lognormal, within 4 SE', () => {
    const n = 100_000;
    const [R0, g, sigma, s, cash, F, O] = [50, 0.2, 0.5, 0.7, 10, 5, 60];
    const [year] = fundingRisk({ obligations: [O], revenueNow: R0, growthRate: g, volatility: sigma, revenueShare: s, cash, financing: [F], paths: n, seed: 3 });
    const m = Math.log(s * R0) + g - (sigma * sigma) / 2; // ln(s·R_1) ~ N(m, σ²)
    for (const [metric, p, z] of [
      ['p5', 0.05, -1.6448536269514722],
      ['p50', 0.5, 0],
      ['p95', 0.95, 1.6448536269514722],
    ] as const) {
      const x = Math.exp(m + sigma * z); // quantile of s·R_1
      const density = normalPdf(z) / (sigma * x);
      const standardError = Math.sqrt((p * (1 - p)) / n) / density;
      expect(Math.abs(year[metric] - (cash + F - O + x))).toBeLessThan(4 * standardError);
    }
    // E[max(K − s·R_1, 0)] with K = O − cash − F: a put on a lognormal. The shortfall lies in [0, K].
    const K = O - cash - F;
    const d2 = (m - Math.log(K)) / sigma;
    const put = K * normalCdf(-d2) - Math.exp(m + (sigma * sigma) / 2) * normalCdf(-d2 - sigma);
    expect(Math.abs(year.expectedShortfall - put)).toBeLessThan((4 * K) / Math.sqrt(n));
    expect(Math.abs(year.shortfallProb - normalCdf(-d2))).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });
});

/** Marsaglia's polar method (a different normal transform from the model's Box–Muller). */
function polarNormals(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const q = u * u + v * v;
      if (q > 0 && q < 1) {
        const f = Math.sqrt((-2 * Math.log(q)) / q);
        spare = v * f;
        return u * f;
      }
    }
  };
}

/** The model written out path by path, storing every path's cash: the independent reference. */
function referenceSimulation(x: FundingRiskInputs, paths: number, seed: number): { cash: Float64Array[]; ranOut: Uint8Array[] } {
  const T = x.obligations.length;
  const z = polarNormals(mulberry32(seed));
  const cash = Array.from({ length: T }, () => new Float64Array(paths));
  const ranOut = Array.from({ length: T }, () => new Uint8Array(paths));
  for (let i = 0; i < paths; i++) {
    let logRevenue = Math.log(x.revenueNow);
    let c = x.cash;
    let out = false;
    for (let t = 0; t < T; t++) {
      logRevenue += x.growthRate - (x.volatility * x.volatility) / 2 + x.volatility * z();
      c += x.revenueShare * Math.exp(logRevenue) + x.financing[t] - x.obligations[t];
      out ||= c < 0;
      cash[t][i] = c;
      ranOut[t][i] = out ? 1 : 0;
    }
  }
  return { cash, ranOut };
}

function mean(a: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i];
  return sum / a.length;
}

describe('five years against an independent simulation', () => {
  const x = inputs({ paths: 100_000, seed: 5 });
  const model = fundingRisk(x);
  const nRef = 100_000;
  const reference = referenceSimulation(x, nRef, 99);

  test.each([0, 1, 2, 3, 4])('year %i: probabilities, expected shortfall and percentiles agree within 4 combined SE', (t) => {
    const ours: FundingRiskYear = model[t];
    const cash = reference.cash[t];
    expect(ours.year).toBe(t + 1);
    const proportionSE = (p: number) => Math.sqrt(p * (1 - p) * (1 / x.paths + 1 / nRef)) + 1e-12;

    const short = mean(Array.from(cash, (c) => (c < 0 ? 1 : 0)));
    expect(Math.abs(ours.shortfallProb - short)).toBeLessThan(4 * proportionSE(short));
    const ranOut = mean(reference.ranOut[t]);
    expect(Math.abs(ours.ranOutProb - ranOut)).toBeLessThan(4 * proportionSE(ranOut));

    const shortfalls = Array.from(cash, (c) => Math.max(-c, 0));
    const es = mean(shortfalls);
    const sd = Math.sqrt(mean(shortfalls.map((v) => (v - es) ** 2)));
    expect(Math.abs(ours.expectedShortfall - es)).toBeLessThan(4 * sd * Math.sqrt(1 / x.paths + 1 / nRef) + 1e-12);

    // Distribution-free: the share of reference paths at or below our p-th percentile is p, within 4 SE.
    for (const [metric, p] of [
      ['p5', 0.05],
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      const below = mean(Array.from(cash, (c) => (c <= ours[metric] ? 1 : 0)));
      expect(Math.abs(below - p)).toBeLessThan(4 * proportionSE(p));
    }
  });

  test('the probability of having run out never falls and is at least each year’s shortfall probability', () => {
    for (let t = 0; t < model.length; t++) {
      expect(model[t].ranOutProb).toBeGreaterThanOrEqual(model[t].shortfallProb);
      if (t > 0) expect(model[t].ranOutProb).toBeGreaterThanOrEqual(model[t - 1].ranOutProb);
      expect(model[t].p5).toBeLessThanOrEqual(model[t].p50);
      expect(model[t].p50).toBeLessThanOrEqual(model[t].p95);
    }
  });
});

describe('the documented stream and estimators, replayed exactly', () => {
  test('year by year, path by path, Box–Muller on xoshiro128**; percentiles as PERCENTILE.INC', () => {
    const x = inputs({ paths: 1_001, seed: 42 });
    const normals = new NormalStream(x.seed);
    const revenue = new Array<number>(x.paths).fill(x.revenueNow);
    const cash = new Array<number>(x.paths).fill(x.cash);
    const out = new Array<boolean>(x.paths).fill(false);
    const drift = x.growthRate - (x.volatility * x.volatility) / 2;
    const percentile = (sorted: number[], p: number) => {
      const h = (sorted.length - 1) * p;
      const k = Math.floor(h);
      return sorted[k] + (h - k) * ((sorted[k + 1] ?? sorted[k]) - sorted[k]);
    };
    const model = fundingRisk(x);
    x.obligations.forEach((due, t) => {
      for (let i = 0; i < x.paths; i++) {
        revenue[i] *= Math.exp(drift + x.volatility * normals.next());
        cash[i] = cash[i] + x.revenueShare * revenue[i] + (x.financing[t] - due); // the model’s order of additions
        out[i] ||= cash[i] < 0;
      }
      const sorted = [...cash].sort((a, b) => a - b);
      expect(model[t].shortfallProb).toBe(cash.filter((c) => c < 0).length / x.paths);
      expect(model[t].ranOutProb).toBe(out.filter(Boolean).length / x.paths);
      expect(model[t].expectedShortfall).toBeCloseTo(cash.reduce((s, c) => s + Math.max(-c, 0), 0) / x.paths, 10);
      expect(model[t].p5).toBe(percentile(sorted, 0.05));
      expect(model[t].p50).toBe(percentile(sorted, 0.5));
      expect(model[t].p95).toBe(percentile(sorted, 0.95));
    });
  });
});

describe('determinism', () => {
  test('the same inputs and seed give identical results; another seed gives others', () => {
    expect(fundingRisk(inputs({}))).toEqual(fundingRisk(inputs({})));
    expect(fundingRisk(inputs({ seed: 12 }))).not.toEqual(fundingRisk(inputs({})));
  });

  test('a row and a column of obligations give the same numbers; a metric picks its column', () => {
    const row = deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3);
    const column = deals.fundingRisk([[10], [20], [30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3);
    expect(column).toEqual(row);
    expect(row[0]).toEqual(['year', 'shortfallProb', 'ranOutProb', 'expectedShortfall', 'p5', 'p50', 'p95']);
    expect(row.slice(1).map((r) => r[0])).toEqual([1, 2, 3]);
    expect(deals.fundingRisk([[10], [20], [30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'RANOUTPROB')).toEqual(row.slice(1).map((r) => [r[2]]));
    expect(deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, [[2, 2, 2]], 1000, 3, 'p50')).toEqual([row.slice(1).map((r) => r[5])]);
  });
});

describe('properties with the same seed (common random numbers)', () => {
  const schedule = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 });
  const base = fc.record({
    obligations: schedule,
    revenueNow: fc.double({ min: 1, max: 50, noNaN: true }),
    growthRate: fc.double({ min: -0.3, max: 0.8, noNaN: true }),
    volatility: fc.double({ min: 0.05, max: 1, noNaN: true }),
    revenueShare: fc.double({ min: 0.05, max: 1, noNaN: true }),
    cash: fc.double({ min: 0, max: 100, noNaN: true }),
    financing: fc.double({ min: 0, max: 20, noNaN: true }),
    seed: fc.nat(),
  });
  const run = (b: { obligations: number[]; financing: number } & Omit<FundingRiskInputs, 'obligations' | 'financing' | 'paths'>, change: Partial<FundingRiskInputs> = {}) =>
    fundingRisk({ ...b, financing: b.obligations.map(() => b.financing), paths: 1_000, ...change }).map((y) => y.ranOutProb);
  const never = (higher: number[], lower: number[]) => higher.every((p, t) => p >= lower[t]);

  test('more starting cash never raises ranOutProb', () => {
    fc.assert(fc.property(base, fc.double({ min: 0, max: 50, noNaN: true }), (b, extra) => never(run(b), run(b, { cash: b.cash + extra }))), { numRuns: 60 });
  });

  test('more financing never raises ranOutProb', () => {
    fc.assert(
      fc.property(base, fc.double({ min: 0, max: 20, noNaN: true }), (b, extra) => never(run(b), run(b, { financing: b.obligations.map(() => b.financing + extra) }))),
      { numRuns: 60 },
    );
  });

  test('larger obligations never lower ranOutProb', () => {
    fc.assert(
      fc.property(base, fc.double({ min: 1, max: 3, noNaN: true }), (b, scale) => never(run(b, { obligations: b.obligations.map((o) => o * scale) }), run(b))),
      { numRuns: 60 },
    );
  });
});

describe('bad input is #VALUE! naming FUNDINGRISK, the argument and the rule', () => {
  const valid: unknown[] = [[[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'ranOutProb'];
  const cases: Array<[string, number, unknown, string]> = [
    ['text obligations', 0, [['a', 1, 2]], 'FUNDINGRISK: obligations must be zero or a positive number'],
    ['blank obligation', 0, [[1, null, 2]], 'FUNDINGRISK: obligations must not contain blank cells'],
    ['negative obligation', 0, [[1, -1, 2]], 'FUNDINGRISK: obligations must be zero or a positive number'],
    ['2-D obligations', 0, [[1, 2], [3, 4]], 'FUNDINGRISK: obligations must be a single row or column of periods'],
    ['revenue 0', 1, 0, 'FUNDINGRISK: revenueNow must be a positive number'],
    ['missing growth', 2, null, 'FUNDINGRISK: growthRate is required'],
    ['volatility 0', 3, 0, 'FUNDINGRISK: volatility must be a positive number'],
    ['share 0', 4, 0, 'FUNDINGRISK: revenueShare must be a number greater than 0 and at most 1'],
    ['share 1.5', 4, 1.5, 'FUNDINGRISK: revenueShare must be a number greater than 0 and at most 1'],
    ['negative cash', 5, -1, 'FUNDINGRISK: cash must be zero or a positive number'],
    ['financing of another shape', 6, [[1, 2]], 'FUNDINGRISK: financing must be one number or a range of the same shape as obligations (1×3)'],
    ['financing as a column', 6, [[1], [2], [3]], 'FUNDINGRISK: financing must be one number or a range of the same shape as obligations (1×3)'],
    ['negative financing', 6, -2, 'FUNDINGRISK: financing must be zero or a positive number'],
    ['999 paths', 7, 999, 'FUNDINGRISK: paths must be a whole number from 1,000 to 1,000,000'],
    ['1,000,001 paths', 7, 1_000_001, 'FUNDINGRISK: paths must be a whole number from 1,000 to 1,000,000'],
    ['fractional paths', 7, 1000.5, 'FUNDINGRISK: paths must be a whole number from 1,000 to 1,000,000'],
    ['negative seed', 8, -1, 'FUNDINGRISK: seed must be a whole number ≥ 0 (at most 2^53 − 1)'],
    ['fractional seed', 8, 0.5, 'FUNDINGRISK: seed must be a whole number ≥ 0 (at most 2^53 − 1)'],
    ['unknown metric', 9, 'p99', 'FUNDINGRISK: metric must be one of shortfallProb, ranOutProb, expectedShortfall, p5, p50, p95'],
  ];
  test.each(cases)('%s', (_label, index, value, message) => {
    const args = [...valid];
    args[index] = value;
    let caught: unknown;
    try {
      (deals.fundingRisk as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DealsError);
    expect((caught as DealsError).code).toBe('#VALUE!');
    expect((caught as DealsError).message).toBe(message);
  });

  test('a financing column matching a column of obligations is accepted', () => {
    expect(() => deals.fundingRisk([[1], [2], [3]], 12, 0.3, 0.4, 0.5, 5, [[1], [2], [3]], 1000, 3)).not.toThrow();
  });
});
