/**
 * Funding risk of a schedule of obligations: a seeded Monte Carlo of the cash that is left when
 * lognormal revenue, financing and starting cash meet the money due each year.
 *
 * Model, per path, for years t = 1 … T (g_t and s_t one value for every year or one per year):
 *
 *     ln R_t = ln R_(t−1) + (g_t − σ²/2) + σ·Z_t,   R_0 = revenueNow, Z_t independent N(0, 1)
 *     C_t    = C_(t−1) + s_t·R_t + F_t − O_t,        C_0 = cash
 *
 * so E[R_t] = R_0·e^(g_1 + … + g_t), the convention of `shortfallProbability`. With a minimum
 * cash buffer m ≥ 0, a path "runs out" in year t when C_t < m. Per year the result holds
 * P(C_t < m), P(C_u < m for some u ≤ t), the expected deficit E[max(m − C_t, 0)] (not the
 * Expected Shortfall of risk management, hence the name), the 5th, 50th and 95th percentiles of
 * C_t, and the 50th and 95th percentiles of the peak funding need so far,
 * N_t = max over u ≤ t of max(m − C_u, 0): the new money a path needs by year t to stay at m.
 * Percentiles interpolate linearly between order statistics, as Excel's PERCENTILE.INC
 * (rank (n − 1)·p).
 *
 * Random numbers: xoshiro128** seeded by SplitMix32, normals by Box–Muller (see `random.ts`),
 * drawn year by year and, within a year, path by path. The draws do not depend on the money
 * inputs, so runs with the same seed, paths and years share their revenue paths (common random
 * numbers): more cash never raises a probability or a need, larger obligations or a larger
 * buffer never lower one.
 *
 * Memory grows with the number of paths only: one revenue, one cash and one peak need per path
 * (a path has run out exactly when its need is > 0), one year's normal draws, and one scratch
 * copy for the percentiles, which are found by selection (Floyd–Rivest), not by sorting.
 */
import { NormalStream } from './random';

export const FUNDING_RISK_METRICS = ['shortfallProb', 'ranOutProb', 'expectedDeficit', 'p5', 'p50', 'p95', 'needP50', 'needP95'] as const;
export type FundingRiskMetric = (typeof FUNDING_RISK_METRICS)[number];
/** Former metric names still accepted, and the metric each now means. */
export const FUNDING_RISK_METRIC_ALIASES: Readonly<Record<string, FundingRiskMetric>> = { expectedShortfall: 'expectedDeficit' };

export type FundingRiskYear = { readonly year: number } & { readonly [M in FundingRiskMetric]: number };

export interface FundingRiskInputs {
  /** Money due in years 1 … T, ≥ 0. */
  readonly obligations: readonly number[];
  /** Revenue in year 0, > 0. */
  readonly revenueNow: number;
  /** Expected growth of revenue, continuously compounded per year: one value, or one per year (length T). */
  readonly growthRate: number | readonly number[];
  /** Annual volatility of revenue, > 0. */
  readonly volatility: number;
  /** Share of each year's revenue available for the obligations, in (0, 1]: one value, or one per year (length T). */
  readonly revenueShare: number | readonly number[];
  /** Cash at the start, ≥ 0. */
  readonly cash: number;
  /** New money in years 1 … T, ≥ 0 (same length as obligations). */
  readonly financing: readonly number[];
  /** Number of simulated paths, ≥ 2. */
  readonly paths: number;
  /** Integer seed from 0 to 2^53 − 1. */
  readonly seed: number;
  /** The buffer: a path runs out when its cash falls below it; ≥ 0, default 0. */
  readonly minimumCash?: number;
}

/** The percentiles reported of the cash and of the peak need, each with its p (ascending). */
const CASH_PERCENTILES: ReadonlyArray<readonly [FundingRiskMetric, number]> = [
  ['p5', 0.05],
  ['p50', 0.5],
  ['p95', 0.95],
];
const NEED_PERCENTILES: ReadonlyArray<readonly [FundingRiskMetric, number]> = [
  ['needP50', 0.5],
  ['needP95', 0.95],
];

/** One value per year: a scalar repeated, or the given list (which must have `years` values). */
function perYear(value: number | readonly number[], years: number, name: string): readonly number[] {
  if (typeof value === 'number') return new Array<number>(years).fill(value);
  if (value.length !== years) throw new RangeError(`${name} and obligations must have the same length`);
  return value;
}

/**
 * Year-by-year funding risk of `obligations` (see the module comment for the model).
 *
 * @example fundingRisk({ obligations: [100], revenueNow: 80, growthRate: 0.1, volatility: 0.4, revenueShare: 1, cash: 0, financing: [0], paths: 200000, seed: 7 })[0].shortfallProb // 0.693345
 */
export function fundingRisk(inputs: FundingRiskInputs): FundingRiskYear[] {
  const { obligations, revenueNow, volatility, cash, financing, paths, seed } = inputs;
  const minimumCash = inputs.minimumCash ?? 0;
  const years = obligations.length;
  if (financing.length !== years) throw new RangeError('financing and obligations must have the same length');
  const growth = perYear(inputs.growthRate, years, 'growthRate');
  const share = perYear(inputs.revenueShare, years, 'revenueShare');
  if (!Number.isInteger(paths) || paths < 2) throw new RangeError('paths must be an integer ≥ 2');
  if (!(minimumCash >= 0)) throw new RangeError('minimumCash must be ≥ 0');

  const revenue = new Float64Array(paths).fill(revenueNow);
  const cashLeft = new Float64Array(paths).fill(cash);
  const need = new Float64Array(paths); // N_t per path; > 0 exactly when the path has run out
  const scratch = new Float64Array(paths);
  const shocks = new Float64Array(paths);
  const normals = new NormalStream(seed);
  const halfVariance = (volatility * volatility) / 2;

  return obligations.map((due, t) => {
    const drift = growth[t] - halfVariance;
    const s = share[t];
    const netInflow = financing[t] - due;
    let short = 0;
    let deficitSum = 0;
    normals.fill(shocks);
    for (let i = 0; i < paths; i++) {
      const r = revenue[i] * Math.exp(drift + volatility * shocks[i]);
      revenue[i] = r;
      const c = cashLeft[i] + s * r + netInflow;
      cashLeft[i] = c;
      if (c < minimumCash) {
        const deficit = minimumCash - c; // > 0 (no underflow to 0 in IEEE subtraction)
        short++;
        deficitSum += deficit;
        if (deficit > need[i]) need[i] = deficit;
      }
    }
    const year: Record<string, number> = { year: t + 1, shortfallProb: short / paths, ranOutProb: 0, expectedDeficit: deficitSum / paths };
    scratch.set(cashLeft);
    percentiles(scratch, paths, 0, CASH_PERCENTILES, year);
    // A path has run out exactly when its need is > 0. The others' needs are 0, the lowest order
    // statistics: the percentiles select among the positive needs only.
    let ranOut = 0;
    for (let i = 0; i < paths; i++) if (need[i] > 0) scratch[ranOut++] = need[i];
    year.ranOutProb = ranOut / paths;
    percentiles(scratch, paths, paths - ranOut, NEED_PERCENTILES, year);
    return year as FundingRiskYear;
  });
}

/**
 * Writes PERCENTILE.INC at each p (ascending, below 1) of n values into `into`: the `zeros` smallest are 0,
 * the other n − zeros lie in values[0 … n − zeros − 1], which this reorders.
 */
function percentiles(values: Float64Array, n: number, zeros: number, wanted: ReadonlyArray<readonly [FundingRiskMetric, number]>, into: Record<string, number>): void {
  const last = n - zeros - 1; // the last index of the stored values
  let from = 0;
  for (const [metric, p] of wanted) {
    const rank = (n - 1) * p;
    const k = Math.floor(rank);
    let low = 0;
    if (k >= zeros) {
      low = selectKth(values, k - zeros, Math.min(from, k - zeros), last);
      from = k - zeros + 1; // the next, higher rank lies in the upper part
    }
    // Every p < 1, so rank k + 1 ≤ n − 1 exists: the smallest value above the k-th (or a zero).
    const high = k + 1 < zeros ? 0 : minimum(values, k + 1 - zeros, last);
    into[metric] = low + (rank - k) * (high - low);
  }
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` holds the value of rank k (0-based) in the whole array,
 * smaller or equal values before it and larger or equal after: Floyd & Rivest's SELECT (CACM 18,
 * 1975, Algorithm 489), which first narrows [lo, hi] around k by selecting in a sample, so it
 * compares about n + min(k, n − k) times where Hoare's quickselect compares 2n to 3.4n. Assumes
 * `a[0..lo−1]` are already the lo smallest values, and `hi` is the last index of the values. Exported for its tests.
 */
export function selectKth(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    if (hi - lo > 600) {
      const n = hi - lo + 1;
      const i = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3); // sample size n^(2/3)/2
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i < n / 2 ? -1 : 1);
      selectKth(a, k, Math.max(lo, Math.floor(k - (i * s) / n + sd)), Math.min(hi, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const pivot = a[k];
    let i = lo;
    let j = hi;
    swap(a, lo, k);
    if (a[hi] > pivot) swap(a, hi, lo);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
    }
    if (a[lo] === pivot) swap(a, lo, j);
    else {
      j++;
      swap(a, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
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
