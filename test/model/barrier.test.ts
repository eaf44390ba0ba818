/**
 * Barrier options beyond the published table's one regime (S = 100, T = 0.5, rebate 3): all eight
 * kinds against an integration pricer written here (barrierIntegration.ts), for down and up
 * barriers, other spots and maturities, no rebate, and rebates where the weights (H/S)^(μ±λ)
 * overflow; the published rows check the integration pricer itself first.
 */
import { barrierOptionValue, BarrierType, blackScholesMerton } from '../../src/model';
import { optionValues } from '../referenceData';
import { barrierByIntegration, BarrierMarket } from './barrierIntegration';

const value = (m: BarrierMarket) =>
  barrierOptionValue({
    kind: m.kind,
    barrierType: m.barrierType,
    spotPrice: m.S,
    strikePrice: m.K,
    barrierPrice: m.H,
    rebate: m.rebate,
    years: m.T,
    rate: m.r,
    dividendYield: m.q,
    volatility: m.v,
  });

test("the integration pricer reproduces the published table (Haug p. 72 via QuantLib) within the table's tolerance", () => {
  for (const row of optionValues.barrier_haug) {
    const m: BarrierMarket = { kind: row.type, barrierType: row.barrierType, S: row.spot, K: row.strike, H: row.barrier, rebate: row.rebate, T: row.t, r: row.r, q: row.q, v: row.v };
    expect([row.id, Math.abs(barrierByIntegration(m) - row.expected) <= row.tol]).toEqual([row.id, true]);
  }
});

const TYPES: BarrierType[] = ['DownIn', 'DownOut', 'UpIn', 'UpOut'];
const REGIMES: [string, Omit<BarrierMarket, 'kind' | 'barrierType' | 'H' | 'K'>, [number, number][]][] = [
  // [label, market, [strike, barrier] pairs for down barriers; up barriers mirror them above the spot]
  ['S = 50, T = 2, no rebate', { S: 50, rebate: 0, T: 2, r: 0.05, q: 0.02, v: 0.3 }, [[45, 40], [35, 40], [55, 45]]],
  ['S = 250, T = 0.25, rebate 5', { S: 250, rebate: 5, T: 0.25, r: 0.03, q: 0, v: 0.45 }, [[240, 220], [200, 220], [260, 235]]],
  ['S = 80, T = 3, negative carry, rebate 2', { S: 80, rebate: 2, T: 3, r: 0.01, q: 0.06, v: 0.2 }, [[70, 60], [55, 60], [90, 75]]],
];

describe.each(REGIMES)('%s', (_, base, pairs) => {
  const cases: BarrierMarket[] = [];
  for (const kind of ['call', 'put'] as const) {
    for (const barrierType of TYPES) {
      for (const [K, down] of pairs) {
        const H = barrierType.startsWith('Down') ? down : base.S * (base.S / down); // mirrored above the spot
        cases.push({ ...base, kind, barrierType, K, H });
      }
    }
  }
  test.each(cases.map((m) => [`${m.barrierType} ${m.kind} K=${m.K} H=${m.H.toFixed(2)}`, m] as const))('%s agrees with integration to 1e-8', (__, m) => {
    const expected = barrierByIntegration(m);
    expect(Math.abs(value(m) - expected)).toBeLessThanOrEqual(1e-8 * Math.max(1, m.S));
  });
});

describe('rebates where (H/S)^(μ ± λ) overflows (volatility 1 %, negative carry, barrier far away)', () => {
  const base = { S: 100, T: 1, r: 0.01, q: 0.06, v: 0.01 };
  const cases: BarrierMarket[] = [
    { ...base, kind: 'call', barrierType: 'DownOut', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'put', barrierType: 'DownOut', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'call', barrierType: 'DownIn', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'put', barrierType: 'DownIn', K: 100, H: 30, rebate: 7 },
    { ...base, kind: 'call', barrierType: 'DownOut', K: 90, H: 96, rebate: 4 },
    { ...base, kind: 'put', barrierType: 'DownIn', K: 98, H: 96, rebate: 4 },
  ];
  test.each(cases.map((m) => [`${m.barrierType} ${m.kind} K=${m.K} H=${m.H}`, m] as const))('%s: finite, and equal to integration to 1e-8', (__, m) => {
    const v = value(m);
    expect(Number.isFinite(v)).toBe(true);
    expect(Math.abs(v - barrierByIntegration(m))).toBeLessThanOrEqual(1e-8 * m.S);
  });
});

describe('terms (H/S)^p·N(x) where the weight or its N(x) leaves the doubles: the whole price in 50-digit arithmetic', () => {
  /**
   * Volatility 1 % with a carry of ±12.5–20 % a year and the barrier 20–28 standard deviations away, so
   * that a term (H/S)^p·N(x) of D, E or F, with p·ln(H/S) ≈ 690…800 and x ≈ −40, is a large part of
   * the price: weightedCdf's logarithmic form, exp(p·ln(H/S) + ln N(x)), is the only one that gives it.
   * - down-and-in put / up-and-in call, strike beyond the barrier (A + E, A below 1e-170): the forward
   *   ends near the barrier, (H/S)^(2μ) of E overflows, the N(x) it multiplies underflows to 0;
   * - down-and-out put / up-and-out call, strike beyond the barrier (F alone), same markets: the
   *   weight (H/S)^(μ−λ) below the spot, (H/S)^(μ+λ) above it, overflows, its N(x) underflows;
   * - the same two out-options with the barrier 28 deviations away and a carry of ±12.5 %: the weight
   *   e^690 is an ordinary double but its N(x) underflows to 0; the price is about 1e-50;
   * - down-and-in put / up-and-in call without rebate, strike 2.4–3.3 deviations inside the barrier
   *   (B − C + D): both weights (H/S)^(2μ), (H/S)^(2(μ+1)) of D overflow, D is 1.3–1.4 % of the price.
   * Expected values: Haug's §4.17.1 closed form (terms A–F and his table of the eight options)
   * evaluated with mpmath at mp.dps = 50 (Python, outside this repository's code: every (H/S)^p and
   * N(x) taken as defined, in arbitrary-exponent arithmetic, no logarithms) by
   * test/model/barrierReference.py, which prints them; at mp.dps = 100 all 20 printed digits are the
   * same, and barrierIntegration.ts agrees with all eight within 3e-10 relative. Measured relative
   * error of barrierOptionValue: at most 1.3e-13 (the exponent p·ln(H/S) + ln N(x) sums terms of
   * about ±700, whose rounding becomes relative error after exp); tolerance 1e-12.
   */
  const base = { S: 100, T: 1, v: 0.01 };
  const cases: [BarrierMarket, number][] = [
    [{ ...base, kind: 'put', barrierType: 'DownIn', K: 50, H: 82, rebate: 5, r: 0.01, q: 0.21 }, 2.1117754276749564102],
    [{ ...base, kind: 'call', barrierType: 'UpIn', K: 200, H: 122, rebate: 5, r: 0.03, q: -0.17 }, 2.165557354387112318],
    [{ ...base, kind: 'put', barrierType: 'DownOut', K: 50, H: 82, rebate: 5, r: 0.01, q: 0.21 }, 2.8396711337268731955],
    [{ ...base, kind: 'call', barrierType: 'UpOut', K: 150, H: 122, rebate: 5, r: 0.03, q: -0.17 }, 2.6899936100869691675],
    [{ ...base, kind: 'call', barrierType: 'UpOut', K: 150, H: 132, rebate: 5, r: 0.03, q: -0.095 }, 4.1744632742189410941e-52],
    [{ ...base, kind: 'put', barrierType: 'DownOut', K: 50, H: 76, rebate: 5, r: 0.03, q: 0.155 }, 6.1597977283256300177e-50],
    [{ ...base, kind: 'put', barrierType: 'DownIn', K: 84, H: 82, rebate: 0, r: 0.01, q: 0.21 }, 1.5255200566615744397],
    [{ ...base, kind: 'call', barrierType: 'UpIn', K: 118, H: 122, rebate: 0, r: 0.03, q: -0.17 }, 2.6928183289662407509],
  ];
  test.each(cases.map(([m, expected]) => [`${m.barrierType} ${m.kind} K=${m.K} H=${m.H} q=${m.q}`, m, expected] as const))(
    '%s: relative error below 1e-12',
    (__, m, expected) => {
      expect(Math.abs(value(m) - expected) / expected).toBeLessThan(1e-12);
    },
  );
});

describe('at or past the barrier', () => {
  const m = { S: 100, K: 95, T: 1, r: 0.04, q: 0.01, v: 0.3, rebate: 2.5 };
  test('knock-in is the plain option, knock-out its rebate, at once', () => {
    for (const kind of ['call', 'put'] as const) {
      const plain = blackScholesMerton(kind, m.S, m.K, m.T, m.r, m.q, m.v);
      expect(value({ ...m, kind, barrierType: 'DownIn', H: 100 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'UpIn', H: 100 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'DownIn', H: 110 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'UpIn', H: 90 })).toBe(plain);
      expect(value({ ...m, kind, barrierType: 'DownOut', H: 100 })).toBe(2.5);
      expect(value({ ...m, kind, barrierType: 'UpOut', H: 90 })).toBe(2.5);
    }
  });
});
