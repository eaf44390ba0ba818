/**
 * FUNDINGRISK's parts below the Monte Carlo: the selection behind its percentiles (Floyd–Rivest)
 * against a sort, and its cost against the algorithm's published comparison count; the model's own
 * refusals of bad input; a path that ends a year exactly at the buffer.
 */
import { fundingRisk, FundingRiskInputs, selectKth } from '../../src/model/fundingRisk';
import { mulberry32 } from './independentRandom';

/** `n` values from an independent generator, drawn from `distinct` levels (ties) or continuous (0). */
function values(n: number, seed: number, distinct = 0): Float64Array {
  const uniform = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (distinct > 0 ? Math.floor(uniform() * distinct) : uniform()));
}

/** Checks what selectKth promises: a[k] is the k-th smallest, nothing larger before it, nothing smaller after. */
function expectSelected(original: Float64Array, k: number, lo = 0): void {
  const a = Float64Array.from(original);
  const sorted = Float64Array.from(original).sort();
  const got = selectKth(a, k, lo, a.length - 1);
  const misplaced = a.findIndex((x, i) => (i < k && x > got) || (i > k && x < got));
  expect([a.length, k, lo, got, a[k], misplaced]).toEqual([a.length, k, lo, sorted[k], sorted[k], -1]);
  expect(Float64Array.from(a).sort()).toEqual(sorted); // a permutation of the values
}

describe('selectKth (Floyd–Rivest SELECT) against a sort', () => {
  test.each([1, 2, 3, 5, 10, 100, 600, 601, 602, 603, 1_000, 4_099, 20_000])('%i values: every rank of the percentiles, the ends and the middle', (n) => {
    for (const distinct of [0, 2, 7]) {
      const a = values(n, n + distinct, distinct);
      for (const k of new Set([0, 1, Math.floor((n - 1) * 0.05), Math.floor((n - 1) / 2), Math.floor((n - 1) * 0.95), n - 2, n - 1].filter((k) => k >= 0 && k < n))) expectSelected(a, k);
    }
  });

  test.each([
    ['all equal', (n: number) => new Float64Array(n).fill(3)],
    ['ascending', (n: number) => Float64Array.from({ length: n }, (_, i) => i)],
    ['descending', (n: number) => Float64Array.from({ length: n }, (_, i) => n - i)],
    ['organ pipe', (n: number) => Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i))],
    ['one outlier each end', (n: number) => Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e9 : i === n - 1 ? -1e9 : 1))],
  ])('%s', (_, make) => {
    for (const n of [2, 3, 9, 601, 2_000]) for (const k of [0, Math.floor(n / 3), n - 1]) expectSelected(make(n), k);
  });

  test('with a[0 … lo − 1] already the lo smallest, it selects among the rest (the percentiles select upward)', () => {
    for (const n of [7, 1_000, 5_000]) {
      const a = values(n, 3 * n);
      const lo = Math.floor(n / 4);
      selectKth(a, lo - 1, 0, n - 1); // now a[0 … lo − 1] are the lo smallest
      for (const k of [lo, Math.floor(n / 2), n - 1]) expectSelected(a, k, lo);
    }
  });

  test('it compares about n + min(k, n − k) times, as Floyd and Rivest prove (Hoare’s quickselect: 2n to 3.4n)', () => {
    // Counted through a proxy: every element read that is not part of a swap (a swap reads two and
    // writes two) is a comparison or a pivot read. The sampling's own selections add o(n); this
    // holds the total, averaged over three seeds, within 25 % of n + min(k, n − k) at n = 100,000.
    const n = 100_000;
    for (const p of [0.05, 0.5, 0.95]) {
      const k = Math.floor((n - 1) * p);
      let work = 0;
      for (let seed = 1; seed <= 3; seed++) {
        const a = values(n, seed);
        let reads = 0;
        let writes = 0;
        const watched = new Proxy(a, {
          get(target, key) {
            if (typeof key === 'string' && /^\d+$/.test(key)) {
              reads++;
              return target[Number(key)];
            }
            return Reflect.get(target, key);
          },
          set(target, key, value) {
            writes++;
            target[Number(key)] = value;
            return true;
          },
        });
        expect(selectKth(watched, k, 0, n - 1)).toBe(Float64Array.from(a).sort()[k]);
        work += (reads - writes) / 3;
      }
      expect([p, work / (n + Math.min(k, n - k)) <= 1.25]).toEqual([p, true]);
    }
  });
});

describe('fundingRisk refuses what it cannot simulate (RangeError naming the input)', () => {
  const good: FundingRiskInputs = { obligations: [10, 20], revenueNow: 12, growthRate: 0.3, volatility: 0.4, revenueShare: 0.6, cash: 15, financing: [5, 5], paths: 10, seed: 1 };
  test.each<[string, Partial<FundingRiskInputs>, string]>([
    ['financing of another length', { financing: [5] }, 'financing and obligations must have the same length'],
    ['growth per year of another length', { growthRate: [0.1, 0.2, 0.3] }, 'growthRate and obligations must have the same length'],
    ['revenue share per year of another length', { revenueShare: [0.5] }, 'revenueShare and obligations must have the same length'],
    ['fractional paths', { paths: 10.5 }, 'paths must be an integer ≥ 2'],
    ['one path', { paths: 1 }, 'paths must be an integer ≥ 2'],
    ['no path', { paths: 0 }, 'paths must be an integer ≥ 2'],
    ['a negative buffer', { minimumCash: -1 }, 'minimumCash must be ≥ 0'],
    ['a buffer that is no number', { minimumCash: Number.NaN }, 'minimumCash must be ≥ 0'],
  ])('%s', (_, change, message) => {
    expect(() => fundingRisk({ ...good, ...change })).toThrow(new RangeError(message));
  });

  test('the smallest accepted: 2 paths, a buffer of 0, growth and share given per year', () => {
    expect(fundingRisk({ ...good, paths: 2, minimumCash: 0, growthRate: [0.1, 0.2], revenueShare: [0.5, 0.6] })).toHaveLength(2);
  });
});

test('a path that ends a year exactly at the buffer has not run short (cash below the buffer is short, not at it)', () => {
  // Volatility 0: revenue stays 1 exactly (e^0), so the cash after year 1 is 9 + 1 − 10 = 0 and after
  // year 2 is 0 + 1 − 2 = −1, on every path.
  const year = fundingRisk({ obligations: [10, 2], revenueNow: 1, growthRate: 0, volatility: 0, revenueShare: 1, cash: 9, financing: [0, 0], paths: 4, seed: 1 });
  expect(year.map((y) => [y.p50, y.shortfallProb, y.ranOutProb, y.expectedDeficit, y.needP95])).toEqual([
    [0, 0, 0, 0, 0],
    [-1, 1, 1, 1, 1],
  ]);
  // with a buffer of 1 the first year ends 1 short
  const buffered = fundingRisk({ obligations: [10, 2], revenueNow: 1, growthRate: 0, volatility: 0, revenueShare: 1, cash: 9, financing: [0, 0], paths: 4, seed: 1, minimumCash: 1 });
  expect(buffered.map((y) => [y.shortfallProb, y.needP50])).toEqual([
    [1, 1],
    [1, 2],
  ]);
});
