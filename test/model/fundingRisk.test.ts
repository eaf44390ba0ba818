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
import { SLOW_TESTS } from '../slow';

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

  test.each([0, 7])('buffer %d: percentiles, deficit and needs of C_1 = cash + s·R_1 + F − O match the lognormal, within 4 SE', (m) => {
    const n = 100_000;
    const [R0, g, sigma, s, cash, F, O] = [50, 0.2, 0.5, 0.7, 10, 5, 60];
    const [year] = fundingRisk({ obligations: [O], revenueNow: R0, growthRate: g, volatility: sigma, revenueShare: s, cash, financing: [F], paths: n, seed: 3, minimumCash: m });
    const mu = Math.log(s * R0) + g - (sigma * sigma) / 2; // ln(s·R_1) ~ N(mu, σ²)
    const quantile = (z: number) => Math.exp(mu + sigma * z); // of s·R_1
    const quantileSE = (p: number, z: number) => Math.sqrt((p * (1 - p)) / n) / (normalPdf(z) / (sigma * quantile(z)));
    for (const [metric, p, z] of [
      ['p5', 0.05, -1.6448536269514722],
      ['p50', 0.5, 0],
      ['p95', 0.95, 1.6448536269514722],
    ] as const) {
      expect(Math.abs(year[metric] - (cash + F - O + quantile(z)))).toBeLessThan(4 * quantileSE(p, z));
    }
    // In one year N_1 = max(m − C_1, 0): its p-quantile is m − (the (1 − p)-quantile of C_1), here > 0.
    for (const [metric, p, z] of [
      ['needP50', 0.5, 0],
      ['needP95', 0.95, -1.6448536269514722],
    ] as const) {
      const exact = m - (cash + F - O + quantile(z));
      expect(exact).toBeGreaterThan(0);
      expect(Math.abs(year[metric] - exact)).toBeLessThan(4 * quantileSE(p, z));
    }
    // E[max(K − s·R_1, 0)] with K = O − cash − F + m: a put on a lognormal. The deficit lies in [0, K].
    const K = O - cash - F + m;
    const d2 = (mu - Math.log(K)) / sigma;
    const put = K * normalCdf(-d2) - Math.exp(mu + (sigma * sigma) / 2) * normalCdf(-d2 - sigma);
    expect(Math.abs(year.expectedDeficit - put)).toBeLessThan((4 * K) / Math.sqrt(n));
    expect(Math.abs(year.shortfallProb - normalCdf(-d2))).toBeLessThan(4 * Math.sqrt(0.25 / n));
    expect(year.ranOutProb).toBe(year.shortfallProb); // one year: ran out = short now
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

const yearly = (value: number | readonly number[], t: number) => (typeof value === 'number' ? value : value[t]);

/** The model written out path by path from its definition, storing every path's cash and peak need: the independent reference. */
function referenceSimulation(x: FundingRiskInputs, paths: number, seed: number): { cash: Float64Array[]; ranOut: Uint8Array[]; need: Float64Array[] } {
  const T = x.obligations.length;
  const m = x.minimumCash ?? 0;
  const z = polarNormals(mulberry32(seed));
  const cash = Array.from({ length: T }, () => new Float64Array(paths));
  const ranOut = Array.from({ length: T }, () => new Uint8Array(paths));
  const need = Array.from({ length: T }, () => new Float64Array(paths));
  for (let i = 0; i < paths; i++) {
    let logRevenue = Math.log(x.revenueNow);
    let c = x.cash;
    let out = false;
    let peak = 0;
    for (let t = 0; t < T; t++) {
      logRevenue += yearly(x.growthRate, t) - (x.volatility * x.volatility) / 2 + x.volatility * z();
      c += yearly(x.revenueShare, t) * Math.exp(logRevenue) + x.financing[t] - x.obligations[t];
      out ||= c < m;
      peak = Math.max(peak, m - c);
      cash[t][i] = c;
      ranOut[t][i] = out ? 1 : 0;
      need[t][i] = peak;
    }
  }
  return { cash, ranOut, need };
}

function mean(a: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i];
  return sum / a.length;
}

/** The share of `values` below `q` and at or below it. */
function cdfAround(values: ArrayLike<number>, q: number): { below: number; atOrBelow: number } {
  let below = 0;
  let atOrBelow = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < q) below++;
    if (values[i] <= q) atOrBelow++;
  }
  return { below: below / values.length, atOrBelow: atOrBelow / values.length };
}

const MODEL_PATHS = SLOW_TESTS ? 400_000 : 100_000;
const REFERENCE_PATHS = SLOW_TESTS ? 400_000 : 100_000;

describe.each([
  ['one growth and share, no buffer', inputs({ paths: MODEL_PATHS, seed: 5 })],
  [
    'growth and share per year, buffer 8',
    inputs({ paths: MODEL_PATHS, seed: 5, obligations: [10, 30, 20, 45, 35], growthRate: [0.5, 0.4, 0.3, 0.2, 0.1], revenueShare: [0.5, 0.55, 0.6, 0.65, 0.7], volatility: 0.6, minimumCash: 8 }),
  ],
])('five years against an independent simulation: %s', (_label, x) => {
  const model = fundingRisk(x);
  const nRef = REFERENCE_PATHS;
  const reference = referenceSimulation(x, nRef, 99);
  const m = x.minimumCash ?? 0;
  const proportionSE = (p: number) => Math.sqrt(p * (1 - p) * (1 / x.paths + 1 / nRef)) + 1e-12;

  test.each([0, 1, 2, 3, 4])('year %i: probabilities, expected deficit, cash and need percentiles agree within 4 combined SE', (t) => {
    const ours: FundingRiskYear = model[t];
    const cash = reference.cash[t];
    expect(ours.year).toBe(t + 1);

    const short = mean(Array.from(cash, (c) => (c < m ? 1 : 0)));
    expect(Math.abs(ours.shortfallProb - short)).toBeLessThan(4 * proportionSE(short));
    const ranOut = mean(reference.ranOut[t]);
    expect(Math.abs(ours.ranOutProb - ranOut)).toBeLessThan(4 * proportionSE(ranOut));

    const deficits = Array.from(cash, (c) => Math.max(m - c, 0));
    const deficit = mean(deficits);
    const sd = Math.sqrt(mean(deficits.map((v) => (v - deficit) ** 2)));
    expect(Math.abs(ours.expectedDeficit - deficit)).toBeLessThan(4 * sd * Math.sqrt(1 / x.paths + 1 / nRef) + 1e-12);

    // Distribution-free: at our p-th percentile q the reference's distribution function straddles p
    // (P(X < q) ≤ p ≤ P(X ≤ q)) within 4 SE; this holds at the atom of the needs at 0 too.
    for (const [metric, values, p] of [
      ['p5', cash, 0.05],
      ['p50', cash, 0.5],
      ['p95', cash, 0.95],
      ['needP50', reference.need[t], 0.5],
      ['needP95', reference.need[t], 0.95],
    ] as const) {
      const { below, atOrBelow } = cdfAround(values, ours[metric]);
      expect([metric, below < p + 4 * proportionSE(p), atOrBelow > p - 4 * proportionSE(p)]).toEqual([metric, true, true]);
    }
  });

  test('the inputs reach every regime: needs 0 and > 0, paths that recover above the buffer', () => {
    expect(model[0].needP95).toBe(0);
    expect(model[4].needP50).toBeGreaterThan(0);
    expect(model[4].ranOutProb).toBeGreaterThan(model[4].shortfallProb);
  });

  test('ran out never falls and is at least each year’s shortfall probability; percentiles and needs are ordered', () => {
    for (let t = 0; t < model.length; t++) {
      expect(model[t].ranOutProb).toBeGreaterThanOrEqual(model[t].shortfallProb);
      if (t > 0) expect(model[t].ranOutProb).toBeGreaterThanOrEqual(model[t - 1].ranOutProb);
      expect(model[t].p5).toBeLessThanOrEqual(model[t].p50);
      expect(model[t].p50).toBeLessThanOrEqual(model[t].p95);
      expect(model[t].needP50).toBeGreaterThanOrEqual(0);
      expect(model[t].needP50).toBeLessThanOrEqual(model[t].needP95);
    }
  });
});

describe('the documented stream and estimators, replayed exactly', () => {
  const perYear = { growthRate: [0.4, 0.1, 0.3, -0.1, 0.2], revenueShare: [0.3, 0.9, 0.6, 0.5, 1], minimumCash: 6 };
  test.each<readonly [string, FundingRiskInputs]>([
    ['one growth and share, no buffer (the metrics as defined before the buffer: C_t < 0, E[max(−C_t, 0)])', inputs({ paths: 1_001, seed: 42 })],
    ['growth and share per year, buffer 6', inputs({ paths: 1_001, seed: 42, ...perYear })],
    // Selection narrows ranges of more than 600 values by sampling first; few paths, and a buffer many never reach, leave the percentiles' edge cases.
    ...[2, 3, 4, 5, 601, 602, 4_099].map((paths) => [`${paths} paths, buffer 6`, inputs({ paths, seed: paths, ...perYear })] as const),
    ['20,000 paths, buffer 40', inputs({ paths: 20_000, seed: 8, ...perYear, minimumCash: 40 })],
  ])('%s: year by year, path by path, Box–Muller on xoshiro128**; percentiles as PERCENTILE.INC', (_label, x) => {
    const m = x.minimumCash ?? 0;
    const normals = new NormalStream(x.seed);
    const revenue = new Array<number>(x.paths).fill(x.revenueNow);
    const cash = new Array<number>(x.paths).fill(x.cash);
    const need = new Array<number>(x.paths).fill(0);
    const out = new Array<boolean>(x.paths).fill(false);
    const percentile = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      const h = (sorted.length - 1) * p;
      const k = Math.floor(h);
      return sorted[k] + (h - k) * ((sorted[k + 1] ?? sorted[k]) - sorted[k]);
    };
    const model = fundingRisk(x);
    x.obligations.forEach((due, t) => {
      const drift = yearly(x.growthRate, t) - (x.volatility * x.volatility) / 2;
      for (let i = 0; i < x.paths; i++) {
        revenue[i] *= Math.exp(drift + x.volatility * normals.next());
        cash[i] = cash[i] + yearly(x.revenueShare, t) * revenue[i] + (x.financing[t] - due); // the model’s order of additions
        out[i] ||= cash[i] < m;
        need[i] = Math.max(need[i], m - cash[i]);
      }
      expect(model[t].shortfallProb).toBe(cash.filter((c) => c < m).length / x.paths);
      expect(model[t].ranOutProb).toBe(out.filter(Boolean).length / x.paths);
      expect(model[t].expectedDeficit).toBeCloseTo(cash.reduce((s, c) => s + Math.max(m - c, 0), 0) / x.paths, 10);
      expect(model[t].p5).toBe(percentile(cash, 0.05));
      expect(model[t].p50).toBe(percentile(cash, 0.5));
      expect(model[t].p95).toBe(percentile(cash, 0.95));
      expect(model[t].needP50).toBe(percentile(need, 0.5));
      expect(model[t].needP95).toBe(percentile(need, 0.95));
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
    expect(row[0]).toEqual(['year', 'shortfallProb', 'ranOutProb', 'expectedDeficit', 'p5', 'p50', 'p95', 'needP50', 'needP95']);
    expect(row.slice(1).map((r) => r[0])).toEqual([1, 2, 3]);
    expect(deals.fundingRisk([[10], [20], [30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'RANOUTPROB')).toEqual(row.slice(1).map((r) => [r[2]]));
    expect(deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, [[2, 2, 2]], 1000, 3, 'p50')).toEqual([row.slice(1).map((r) => r[5])]);
    expect(deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'needp95')).toEqual([row.slice(1).map((r) => r[8])]);
  });

  test('the former metric name expectedShortfall still gives the expected deficit', () => {
    const args: [number[][], number, number, number, number, number, number, number, number] = [[[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3];
    const deficit = deals.fundingRisk(...args, 'expectedDeficit');
    expect(deals.fundingRisk(...args, 'expectedShortfall')).toEqual(deficit);
    expect(deals.fundingRisk(...args, 'EXPECTEDSHORTFALL', 4)).toEqual(deals.fundingRisk(...args, 'expectedDeficit', 4));
    expect(deficit).toEqual([deals.fundingRisk(...args).slice(1).map((r) => r[3])]);
  });

  test('growth and share given per year, all equal, give the scalar form bit for bit (model and function, row and column)', () => {
    const x = inputs({ minimumCash: 3 });
    const T = x.obligations.length;
    expect(fundingRisk({ ...x, growthRate: new Array(T).fill(x.growthRate), revenueShare: new Array(T).fill(x.revenueShare) })).toEqual(fundingRisk(x));
    const scalar = deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, undefined, 4);
    expect(deals.fundingRisk([[10, 20, 30]], 12, [[0.3, 0.3, 0.3]], 0.4, [[0.5, 0.5, 0.5]], 5, 2, 1000, 3, undefined, 4)).toEqual(scalar);
    expect(deals.fundingRisk([[10], [20], [30]], 12, [[0.3], [0.3], [0.3]], 0.4, [[0.5], [0.5], [0.5]], 5, 2, 1000, 3, undefined, 4)).toEqual(scalar);
  });

  test('minimumCash omitted, blank or 0 are the same (no buffer)', () => {
    const none = deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3);
    expect(deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, null, 0)).toEqual(none);
    expect(deals.fundingRisk([[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, '', null)).toEqual(none);
  });

  test('a buffer m is a translation: cash c with buffer m is cash c − m with none (probabilities and needs; cash percentiles shift by m)', () => {
    const m = 9;
    const withBuffer = fundingRisk(inputs({ cash: 15, minimumCash: m }));
    const shifted = fundingRisk(inputs({ cash: 15 - m }));
    withBuffer.forEach((y, t) => {
      const z = shifted[t];
      expect([y.shortfallProb, y.ranOutProb]).toEqual([z.shortfallProb, z.ranOutProb]);
      for (const metric of ['expectedDeficit', 'needP50', 'needP95'] as const) expect(y[metric]).toBeCloseTo(z[metric], 9);
      for (const metric of ['p5', 'p50', 'p95'] as const) expect(y[metric] - m).toBeCloseTo(z[metric], 9);
    });
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
    minimumCash: fc.double({ min: 0, max: 50, noNaN: true }),
    seed: fc.nat(),
  });
  type Base = { obligations: number[]; financing: number } & Omit<FundingRiskInputs, 'obligations' | 'financing' | 'paths'>;
  const simulate = (b: Base, change: Partial<FundingRiskInputs> = {}) => fundingRisk({ ...b, financing: b.obligations.map(() => b.financing), paths: 1_000, ...change });
  const run = (b: Base, change: Partial<FundingRiskInputs> = {}) => simulate(b, change).map((y) => y.ranOutProb);
  const never = (higher: number[], lower: number[]) => higher.every((p, t) => p >= lower[t]);
  const RISKS = ['shortfallProb', 'ranOutProb', 'expectedDeficit', 'needP50', 'needP95'] as const;
  /** Every risk metric of `more` is at least that of `less`, year by year. */
  const atLeast = (more: FundingRiskYear[], less: FundingRiskYear[]) => more.every((y, t) => RISKS.every((metric) => y[metric] >= less[t][metric]));

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

  test('a bigger buffer never lowers a probability, the expected deficit or a need (needP50, needP95)', () => {
    fc.assert(fc.property(base, fc.double({ min: 0, max: 50, noNaN: true }), (b, extra) => atLeast(simulate(b, { minimumCash: b.minimumCash + extra }), simulate(b))), { numRuns: 60 });
  });

  test('more starting cash never raises a need', () => {
    fc.assert(fc.property(base, fc.double({ min: 0, max: 50, noNaN: true }), (b, extra) => atLeast(simulate(b), simulate(b, { cash: b.cash + extra }))), { numRuns: 60 });
  });

  test('needs never fall from one year to the next, are ≥ 0 and needP50 ≤ needP95', () => {
    fc.assert(
      fc.property(base, (b) =>
        simulate(b).every((y, t, years) => y.needP50 >= 0 && y.needP50 <= y.needP95 && (t === 0 || (y.needP50 >= years[t - 1].needP50 && y.needP95 >= years[t - 1].needP95))),
      ),
      { numRuns: 60 },
    );
  });
});

describe('bad input is #VALUE! naming FUNDINGRISK, the argument and the rule', () => {
  const valid: unknown[] = [[[10, 20, 30]], 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'ranOutProb', 4];
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
    ['unknown metric', 9, 'p99', 'FUNDINGRISK: metric must be one of shortfallProb, ranOutProb, expectedDeficit, p5, p50, p95, needP50, needP95'],
    ['text growth', 2, 'fast', 'FUNDINGRISK: growthRate must be a number'],
    ['text in a growth range', 2, [[0.1, 'x', 0.2]], 'FUNDINGRISK: growthRate must be a number'],
    ['growth range too short', 2, [[0.1, 0.2]], 'FUNDINGRISK: growthRate must be one number or a range of the same shape as obligations (1×3)'],
    ['growth range too long', 2, [[0.1, 0.2, 0.3, 0.4]], 'FUNDINGRISK: growthRate must be one number or a range of the same shape as obligations (1×3)'],
    ['growth as a column', 2, [[0.1], [0.2], [0.3]], 'FUNDINGRISK: growthRate must be one number or a range of the same shape as obligations (1×3)'],
    ['share range too short', 4, [[0.5, 0.6]], 'FUNDINGRISK: revenueShare must be one number or a range of the same shape as obligations (1×3)'],
    ['share range with a 0', 4, [[0.5, 0, 0.6]], 'FUNDINGRISK: revenueShare must be a number greater than 0 and at most 1'],
    ['share range with a blank', 4, [[0.5, null, 0.6]], 'FUNDINGRISK: revenueShare must not contain blank cells'],
    ['negative minimumCash', 10, -1, 'FUNDINGRISK: minimumCash must be zero or a positive number'],
    ['text minimumCash', 10, 'ten', 'FUNDINGRISK: minimumCash must be zero or a positive number'],
    ['TRUE as minimumCash', 10, true, 'FUNDINGRISK: minimumCash must be zero or a positive number'],
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

  test('work cap: paths × years above 100,000,000 path-years is #VALUE! naming paths and obligations, before any work', () => {
    const years = (n: number) => [Array.from({ length: n }, () => 1)];
    const message = 'FUNDINGRISK: paths × the years of obligations (101) must be at most 100,000,000 path-years';
    for (const paths of [1_000_000, 990_100]) {
      // 990,100 × 101 = 100,000,100: just above the cap (990,099 × 101 = 99,999,999 is within it).
      let caught: unknown;
      try {
        deals.fundingRisk(years(101), 12, 0.3, 0.4, 0.5, 5, 2, paths, 3);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DealsError);
      expect([(caught as DealsError).code, (caught as DealsError).message]).toEqual(['#VALUE!', message]);
    }
    expect(deals.fundingRisk(years(101), 12, 0.3, 0.4, 0.5, 5, 2, 1000, 3, 'ranOutProb')[0]).toHaveLength(101);
  });

  test('a financing column matching a column of obligations is accepted', () => {
    expect(() => deals.fundingRisk([[1], [2], [3]], 12, 0.3, 0.4, 0.5, 5, [[1], [2], [3]], 1000, 3)).not.toThrow();
  });
});
