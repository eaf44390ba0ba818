/**
 * Funding risk of a schedule of obligations: a seeded Monte Carlo of the cash that is left when
 * lognormal revenue, financing and starting cash meet the money due each year.
 *
 * Model, per path, for years t = 1 … T:
 *
 *     ln R_t = ln R_(t−1) + (g − σ²/2) + σ·Z_t,   R_0 = revenueNow, Z_t independent N(0, 1)
 *     C_t    = C_(t−1) + s·R_t + F_t − O_t,        C_0 = cash
 *
 * so E[R_t] = R_0·e^(g·t), the convention of `shortfallProbability`. Per year the result holds
 * P(C_t < 0), P(C_u < 0 for some u ≤ t), E[max(−C_t, 0)] and the 5th, 50th and 95th percentiles of
 * C_t (linear interpolation between order statistics, as Excel's PERCENTILE.INC: rank (n − 1)·p).
 *
 * Random numbers: xoshiro128** seeded by SplitMix32, normals by Box–Muller (see `random.ts`),
 * drawn year by year and, within a year, path by path. The draws do not depend on the money
 * inputs, so runs with the same seed, paths and years share their revenue paths (common random
 * numbers): more cash never raises a probability, larger obligations never lower one.
 *
 * Memory grows with the number of paths only: one revenue, one cash and one "ran out" flag per
 * path, one year's normal draws, and one scratch copy of the cash for the percentiles, which are
 * found by selection (Hoare's quickselect), not by sorting.
 */
import { NormalStream } from './random';

export const FUNDING_RISK_METRICS = ['shortfallProb', 'ranOutProb', 'expectedShortfall', 'p5', 'p50', 'p95'] as const;
export type FundingRiskMetric = (typeof FUNDING_RISK_METRICS)[number];

export type FundingRiskYear = { readonly year: number } & { readonly [M in FundingRiskMetric]: number };

export interface FundingRiskInputs {
  /** Money due in years 1 … T, ≥ 0. */
  readonly obligations: readonly number[];
  /** Revenue in year 0, > 0. */
  readonly revenueNow: number;
  /** Expected growth of revenue, continuously compounded per year. */
  readonly growthRate: number;
  /** Annual volatility of revenue, > 0. */
  readonly volatility: number;
  /** Share of each year's revenue available for the obligations, in (0, 1]. */
  readonly revenueShare: number;
  /** Cash at the start, ≥ 0. */
  readonly cash: number;
  /** New money in years 1 … T, ≥ 0 (same length as obligations). */
  readonly financing: readonly number[];
  /** Number of simulated paths, ≥ 2. */
  readonly paths: number;
  /** Integer seed from 0 to 2^53 − 1. */
  readonly seed: number;
}

const PERCENTILES: ReadonlyArray<readonly [FundingRiskMetric, number]> = [
  ['p5', 0.05],
  ['p50', 0.5],
  ['p95', 0.95],
];

/**
 * Year-by-year funding risk of `obligations` (see the module comment for the model).
 *
 * @example fundingRisk({ obligations: [100], revenueNow: 80, growthRate: 0.1, volatility: 0.4, revenueShare: 1, cash: 0, financing: [0], paths: 200000, seed: 7 })[0].shortfallProb // 0.693345
 */
export function fundingRisk(inputs: FundingRiskInputs): FundingRiskYear[] {
  const { obligations, revenueNow, growthRate, volatility, revenueShare, cash, financing, paths, seed } = inputs;
  if (financing.length !== obligations.length) throw new RangeError('financing and obligations must have the same length');
  if (!Number.isInteger(paths) || paths < 2) throw new RangeError('paths must be an integer ≥ 2');

  const revenue = new Float64Array(paths).fill(revenueNow);
  const cashLeft = new Float64Array(paths).fill(cash);
  const ranOut = new Uint8Array(paths);
  const scratch = new Float64Array(paths);
  const shocks = new Float64Array(paths);
  const normals = new NormalStream(seed);
  const drift = growthRate - (volatility * volatility) / 2;
  let everRanOut = 0;

  return obligations.map((due, t) => {
    const netInflow = financing[t] - due;
    let short = 0;
    let shortfallSum = 0;
    normals.fill(shocks);
    for (let i = 0; i < paths; i++) {
      const r = revenue[i] * Math.exp(drift + volatility * shocks[i]);
      revenue[i] = r;
      const c = cashLeft[i] + revenueShare * r + netInflow;
      cashLeft[i] = c;
      if (c < 0) {
        short++;
        shortfallSum -= c;
        if (ranOut[i] === 0) {
          ranOut[i] = 1;
          everRanOut++;
        }
      }
    }
    scratch.set(cashLeft);
    const year: Record<string, number> = {
      year: t + 1,
      shortfallProb: short / paths,
      ranOutProb: everRanOut / paths,
      expectedShortfall: shortfallSum / paths,
    };
    let from = 0;
    for (const [metric, p] of PERCENTILES) {
      const rank = (paths - 1) * p;
      const k = Math.floor(rank);
      const low = selectKth(scratch, k, from, paths - 1);
      const high = k + 1 < paths ? minimum(scratch, k + 1, paths - 1) : low;
      year[metric] = low + (rank - k) * (high - low);
      from = k + 1; // the next, higher rank lies in the upper part
    }
    return year as FundingRiskYear;
  });
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value of rank k (0-based) in the whole array,
 * smaller or equal values before it and larger or equal after (Hoare's selection with a
 * median-of-three pivot). Assumes `a[0..lo−1]` are already the lo smallest values.
 */
function selectKth(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break; // j < k < i: a[k] equals the pivot and is in place
  }
  return a[k];
}

function minimum(a: Float64Array, lo: number, hi: number): number {
  let m = a[lo];
  for (let i = lo + 1; i <= hi; i++) if (a[i] < m) m = a[i];
  return m;
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}
