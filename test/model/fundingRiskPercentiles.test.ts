/**
 * FUNDINGRISK's p5/p50/p95 as Excel's PERCENTILE.INC at ranks (n − 1)·p that are not whole, where
 * the interpolation between the two neighbouring order statistics decides the answer: the documented
 * stream (Box–Muller on xoshiro128**, year by year, path by path) replayed here, sorted, and
 * interpolated by a PERCENTILE.INC written here and checked against Microsoft's published example.
 */
import { fundingRisk, FundingRiskInputs, NormalStream } from '../../src/model';

/** PERCENTILE.INC of a sorted array: rank h = (n − 1)·p, sorted[⌊h⌋] + (h − ⌊h⌋)·(sorted[⌊h⌋+1] − sorted[⌊h⌋]). */
function percentileInc(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
}

/** Inputs with one growth rate and one revenue share for every year (the form this replay follows). */
type ScalarInputs = FundingRiskInputs & { readonly growthRate: number; readonly revenueShare: number };

/** The cash of every path after each year, replayed from the documented model and stream. */
function replayCash(x: ScalarInputs): number[][] {
  const normals = new NormalStream(x.seed);
  const revenue = new Array<number>(x.paths).fill(x.revenueNow);
  const cash = new Array<number>(x.paths).fill(x.cash);
  const drift = x.growthRate - (x.volatility * x.volatility) / 2;
  return x.obligations.map((due, t) => {
    for (let i = 0; i < x.paths; i++) {
      revenue[i] *= Math.exp(drift + x.volatility * normals.next());
      cash[i] = cash[i] + x.revenueShare * revenue[i] + (x.financing[t] - due);
    }
    return [...cash];
  });
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

test('the reference PERCENTILE.INC gives Microsoft’s example: PERCENTILE.INC({1,2,3,4}, 0.3) = 1.9', () => {
  expect(percentileInc([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 14);
  expect(percentileInc([1, 2, 3, 4], 0)).toBe(1);
  expect(percentileInc([1, 2, 3, 4], 1)).toBe(4);
});

describe.each([2, 3, 7, 10, 37, 998])('%i paths (ranks (n − 1)·p not whole)', (paths) => {
  const x: ScalarInputs = {
    obligations: [30, 45, 60],
    revenueNow: 40,
    growthRate: 0.15,
    volatility: 0.5,
    revenueShare: 0.8,
    cash: 10,
    financing: [0, 10, 5],
    paths,
    seed: 1234 + paths,
  };
  const model = fundingRisk(x);
  const replay = replayCash(x);

  test.each([0, 1, 2])('year %i: p5, p50 and p95 interpolate between the right order statistics', (t) => {
    const sorted = [...replay[t]].sort((a, b) => a - b);
    for (const [metric, p] of [['p5', 0.05], ['p50', 0.5], ['p95', 0.95]] as const) {
      const expected = percentileInc(sorted, p);
      expect([metric, model[t][metric], near(model[t][metric], expected)]).toEqual([metric, model[t][metric], true]);
    }
    // the ranks are fractional here, so the interpolated value is strictly between distinct neighbours
    const h = (paths - 1) * 0.05;
    if (h !== Math.floor(h)) {
      expect(model[t].p5).toBeGreaterThan(sorted[Math.floor(h)]);
      expect(model[t].p5).toBeLessThan(sorted[Math.floor(h) + 1]);
    }
  });
});
